import type { Database } from '../db/database.js';
import { DOCUMENT_COLUMNS, toDocumentRecord, type DocumentRow } from '../documents/document.repository.js';
import type { DocumentRecord, DocumentStatus } from '../documents/document.types.js';
import { asBytes } from '../documents/received-input.repository.js';
import type { PublishedFlow } from '../flows/resolve-document-flow.js';
import type { PendingLogEntry, StoredArtifact } from './step.js';

const qualified = (alias: string) =>
  DOCUMENT_COLUMNS.split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
const DOCUMENT_COLUMNS_OF_D = qualified('d');
const DOCUMENT_COLUMNS_OF_M = qualified('m');

// The writes that move a document through its flow. Every status change is conditional on the status and
// revision the writer expects: a job delivered twice, a retry after a crash or two workers racing find
// the document moved on and write nothing. All filter on tenant_id, like every query.

/**
 * A document whose processing started, with — when it has no flow recorded yet — the latest version of each
 * flow its tenant had published when the document was received (compared in SQL, to the microsecond).
 */
export type StartedDocument = {
  document: DocumentRecord;
  publishedFlows?: PublishedFlow[];
  /** The revision's input as received, while it waits in `received_inputs` to be stored in the blob store. */
  receivedInput?: Uint8Array;
};

/** Which document to start: the tenant and the id. */
export type DocumentKey = { tenantId: string; id: string };

/**
 * Moves each document from `received` (or an interrupted `processing`) to `processing` and logs it, in ONE
 * statement for all of them; returns, in the order of `keys`, the started document with the flows it may
 * run, or undefined for a document that is missing or already past generation.
 */
export async function startDocumentsProcessing(db: Database, keys: readonly DocumentKey[]): Promise<(StartedDocument | undefined)[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.query<DocumentRow & { published_flows: PublishedFlow[] | null; received_input: Uint8Array | null }>(
    `with wanted as (
       select distinct k.tenant_id, k.id from jsonb_to_recordset($1::jsonb) as k(tenant_id uuid, id uuid)
     ), moved as (
       update documents d set status = 'processing', updated_at = now()
       from (select o.tenant_id, o.id, o.status as previous from wanted w join documents o on o.tenant_id = w.tenant_id and o.id = w.id
             where o.id = any($2::uuid[])) old
       where d.id = any($2::uuid[]) and d.tenant_id = old.tenant_id and d.id = old.id and d.status in ('received', 'processing')
       returning ${DOCUMENT_COLUMNS_OF_D}, old.previous
     ), logged as (
       insert into document_log (tenant_id, document_id, step, level, message)
       select tenant_id, id, 'processing', 'info',
              case when previous = 'received' then 'Processing revision ' || revision || ' started'
                   else 'Processing revision ' || revision || ' restarted after an interrupted attempt' end
       from moved
     )
     select ${DOCUMENT_COLUMNS_OF_M},
            case when m.flow_name is null then (
              select coalesce(jsonb_agg(jsonb_build_object('name', f.name, 'version', f.version, 'definition', f.definition)), '[]'::jsonb)
              from (select distinct on (p.name) p.name, p.version, p.definition from flows p
                    where p.tenant_id = m.tenant_id and p.state = 'published' and p.published_at <= m.created_at
                    order by p.name, p.version desc) f
            ) end as published_flows,
            (select r.content from received_inputs r where r.tenant_id = m.tenant_id and r.sha256 = m.input_sha256) as received_input
     from moved m`,
    // The ids again as an array: the planner sees how few rows are wanted and reads them by primary key.
    [JSON.stringify(keys.map((key) => ({ tenant_id: key.tenantId, id: key.id }))), keys.map((key) => key.id)],
  );
  const started = new Map(
    rows.map((row): [string, StartedDocument] => [
      `${row.tenant_id}/${row.id}`,
      {
        document: toDocumentRecord(row),
        ...(row.published_flows ? { publishedFlows: row.published_flows } : {}),
        ...(row.received_input ? { receivedInput: asBytes(row.received_input) } : {}),
      },
    ]),
  );
  return keys.map((key) => started.get(`${key.tenantId}/${key.id.toLowerCase()}`));
}

/** Where a document moves: its status and flow position, if it is still where the writer expects it. */
export type DocumentMove = {
  tenantId: string;
  documentId: string;
  revision: number;
  expect: readonly DocumentStatus[];
  status: DocumentStatus;
  nextStep: number;
  flow?: { name: string; version: number };
};

/**
 * What is recorded with a move, in the same statement: the revision's artifacts and log entries; and
 * `releaseInput` when the revision's input is safely in the blob store, so its copy in `received_inputs`
 * goes.
 */
export type MoveRecords = { artifacts?: readonly StoredArtifact[]; log?: readonly PendingLogEntry[]; releaseInput?: boolean };

/**
 * Applies a move and records `records` with it, in ONE statement (so a move that needs nothing else is
 * atomic without a transaction); false, recording nothing, when the document is no longer at that revision
 * and status (another run moved it). An artifact already recorded under a name is kept.
 */
export async function moveDocument(db: Database, move: DocumentMove, records: MoveRecords = {}): Promise<boolean> {
  const [moved] = await moveDocuments(db, [{ move, records }]);
  return moved === true;
}

/**
 * Applies several moves, each with its records, in ONE statement; returns for each whether it moved. Each
 * move is guarded on its own: one document that moved on meanwhile does not stop the others.
 */
export async function moveDocuments(db: Database, moves: readonly { move: DocumentMove; records?: MoveRecords }[]): Promise<boolean[]> {
  if (moves.length === 0) return [];
  const input = moves.map(({ move, records = {} }, n) => ({
    n,
    tenant_id: move.tenantId,
    id: move.documentId,
    revision: move.revision,
    status: move.status,
    next_step: move.nextStep,
    flow_name: move.flow?.name ?? null,
    flow_version: move.flow?.version ?? null,
    expect: [...move.expect],
    artifacts: (records.artifacts ?? []).map((a) => ({ name: a.name, media_type: a.mediaType, size: a.size, sha256: a.sha256 })),
    log: records.log ?? [],
    release_input: records.releaseInput === true,
  }));
  const { rows } = await db.query<{ n: number }>(
    `with input as (
       select * from jsonb_to_recordset($1::jsonb) as m(n int, tenant_id uuid, id uuid, revision int, status text, next_step int,
                                                        flow_name text, flow_version int, expect jsonb, artifacts jsonb, log jsonb,
                                                        release_input boolean)
     ), moved as (
       update documents d set status = m.status, next_step = m.next_step, updated_at = now(),
              flow_name = coalesce(m.flow_name, d.flow_name), flow_version = coalesce(m.flow_version, d.flow_version)
       from input m
       where d.id = any($2::uuid[]) and d.tenant_id = m.tenant_id and d.id = m.id and d.revision = m.revision
         and d.status in (select jsonb_array_elements_text(m.expect))
       returning m.n, d.input_sha256
     ), released as (
       delete from received_inputs r using input m join moved v using (n)
       where m.release_input and r.tenant_id = m.tenant_id and r.sha256 = v.input_sha256
     ), stored as (
       insert into artifacts (tenant_id, document_id, revision, name, media_type, size, sha256)
       select m.tenant_id, m.id, m.revision, a.name, a.media_type, a.size, a.sha256
       from input m join moved using (n)
       cross join lateral jsonb_to_recordset(m.artifacts) as a(name text, media_type text, size bigint, sha256 text)
       on conflict (document_id, revision, name) do nothing
     ), logged as (
       insert into document_log (tenant_id, document_id, step, level, message, findings)
       select m.tenant_id, m.id, e.entry->>'step', e.entry->>'level', e.entry->>'message', e.entry->'findings'
       from input m join moved using (n)
       cross join lateral jsonb_array_elements(m.log) with ordinality as e(entry, k)
       order by m.n, e.k
     )
     select n from moved`,
    // The ids again as an array: the planner sees how few rows move and reads them by primary key.
    [JSON.stringify(input), moves.map(({ move }) => move.documentId)],
  );
  const done = new Set(rows.map((row) => Number(row.n)));
  return moves.map((_, n) => done.has(n));
}

/** Appends entries to a document's log in one statement, in order. */
export async function recordLog(tx: Database, at: { tenantId: string; documentId: string }, entries: readonly PendingLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `insert into document_log (tenant_id, document_id, step, level, message, findings)
     select $1, $2, e.entry->>'step', e.entry->>'level', e.entry->>'message', e.entry->'findings'
     from jsonb_array_elements($3::jsonb) with ordinality as e(entry, n)
     order by e.n`,
    [at.tenantId, at.documentId, JSON.stringify(entries)],
  );
}

/** Sets one external id of a document (an id a receiver or authority gave it). */
export async function recordExternalId(tx: Database, at: { tenantId: string; documentId: string }, key: string, value: string): Promise<void> {
  await tx.query(`update documents set external_ids = external_ids || jsonb_build_object($3::text, $4::text) where tenant_id = $1 and id = $2`, [at.tenantId, at.documentId, key, value]);
}
