import type { Database } from '../db/database.js';
import { DOCUMENT_COLUMNS, toDocumentRecord, type DocumentRow } from '../documents/document.repository.js';
import type { DocumentRecord, DocumentStatus } from '../documents/document.types.js';
import type { PendingLogEntry, StoredArtifact } from './step.js';

// The writes that move a document through its flow. Every status change is conditional on the status and
// revision the writer expects: a job delivered twice, a retry after a crash or two workers racing find
// the document moved on and write nothing. All filter on tenant_id, like every query.

/**
 * Moves the tenant's document from `received` (or an interrupted `processing`) to `processing` and logs
 * it; returns the document, or undefined when it is missing or already past generation.
 */
export async function startDocumentProcessing(db: Database, tenantId: string, id: string): Promise<DocumentRecord | undefined> {
  const result = await db.query<DocumentRow>(
    `with moved as (
       update documents d set status = 'processing', updated_at = now()
       from (select status as previous from documents where tenant_id = $1 and id = $2) old
       where d.tenant_id = $1 and d.id = $2 and d.status in ('received', 'processing')
       returning d.*, old.previous
     ), logged as (
       insert into document_log (tenant_id, document_id, step, level, message)
       select tenant_id, id, 'processing', 'info',
              case when previous = 'received' then 'Processing revision ' || revision || ' started'
                   else 'Processing revision ' || revision || ' restarted after an interrupted attempt' end
       from moved
     )
     select ${DOCUMENT_COLUMNS} from moved`,
    [tenantId, id],
  );
  const row = result.rows[0];
  return row ? toDocumentRecord(row) : undefined;
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

/** Applies a move; false when the document is no longer at that revision and status (another run moved it). */
export async function moveDocument(tx: Database, move: DocumentMove): Promise<boolean> {
  const { rows } = await tx.query(
    `update documents set status = $4, next_step = $5, updated_at = now(),
            flow_name = coalesce($6, flow_name), flow_version = coalesce($7, flow_version)
     where tenant_id = $1 and id = $2 and revision = $3 and status = any($8::text[])
     returning id`,
    [move.tenantId, move.documentId, move.revision, move.status, move.nextStep, move.flow?.name ?? null, move.flow?.version ?? null, [...move.expect]],
  );
  return rows.length > 0;
}

/** Records artifacts of a document revision; one already recorded under a name is kept. */
export async function recordArtifacts(tx: Database, at: { tenantId: string; documentId: string; revision: number }, artifacts: readonly StoredArtifact[]): Promise<void> {
  if (artifacts.length === 0) return;
  await tx.query(
    `insert into artifacts (tenant_id, document_id, revision, name, media_type, size, sha256)
     select $1, $2, $3, a.name, a.media_type, a.size, a.sha256
     from jsonb_to_recordset($4::jsonb) as a(name text, media_type text, size bigint, sha256 text)
     on conflict (document_id, revision, name) do nothing`,
    [at.tenantId, at.documentId, at.revision, JSON.stringify(artifacts.map((a) => ({ name: a.name, media_type: a.mediaType, size: a.size, sha256: a.sha256 })))],
  );
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
