import type { Database } from '../db/database.js';
import type { DocumentContext, DocumentRecord, DocumentStatus } from './document.types.js';

type DocumentRow = {
  id: string;
  tenant_id: string;
  status: DocumentStatus;
  context: DocumentContext;
  input_sha256: string;
  idempotency_key: string | null;
  request_sha256: string | null;
  external_ids: Record<string, string>;
  revision: number;
  flow_name: string | null;
  flow_version: number | null;
  next_step: number;
  created_at: Date | string;
  updated_at: Date | string;
};

/** The columns of a document row, in the order `toDocumentRecord` reads them. */
export const DOCUMENT_COLUMNS = 'id, tenant_id, status, context, input_sha256, idempotency_key, request_sha256, external_ids, revision, flow_name, flow_version, next_step, created_at, updated_at';
const COLUMNS = DOCUMENT_COLUMNS;

/** A document row as read with DOCUMENT_COLUMNS. */
export type { DocumentRow };

/** A document record from its row. */
export function toDocumentRecord(row: DocumentRow): DocumentRecord {
  return toRecord(row);
}

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    status: row.status,
    context: row.context,
    inputSha256: row.input_sha256,
    idempotencyKey: row.idempotency_key,
    requestSha256: row.request_sha256,
    externalIds: row.external_ids,
    revision: row.revision,
    flowName: row.flow_name,
    flowVersion: row.flow_version,
    nextStep: row.next_step,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** A new document to store. */
export type NewDocument = {
  id: string;
  tenantId: string;
  context: DocumentContext;
  inputSha256: string;
  /**
   * The input's bytes (SHA-256 `inputSha256`), kept in `received_inputs` with the document until the worker
   * stores them in the blob store. Absent when the blob store holds them already.
   */
  input?: Uint8Array;
  idempotencyKey?: string;
  requestSha256?: string;
};

/** What became of a new document: inserted, or the tenant's existing document with its idempotency key. */
export type InsertedDocument = { document: DocumentRecord; created: boolean };

/** What else the statement that inserts documents writes. */
export type InsertDocumentsOptions = {
  /**
   * The SQL of a data-modifying CTE body that writes the new documents' jobs in the same statement, given a
   * query of the documents actually inserted (`tenant_id`, `id`): with it the insert is atomic on its own.
   */
  jobsFor?: (inserted: string) => string;
};

/**
 * Inserts documents as `received`, each with its first revision, its `received` log line and (when given)
 * its input in `received_inputs`, in ONE statement; their tenants may differ. A document whose idempotency
 * key its tenant already used (also earlier in the same call) is not inserted: the existing document is
 * returned (`created: false`) and the caller compares request hashes. Results are in the order of `docs`.
 */
export async function insertDocuments(tx: Database, docs: readonly NewDocument[], options: InsertDocumentsOptions = {}): Promise<InsertedDocument[]> {
  if (docs.length === 0) return [];
  const input = docs.map((doc, n) => ({
    n,
    id: doc.id,
    tenant_id: doc.tenantId,
    context: doc.context,
    input_sha256: doc.inputSha256,
    idempotency_key: doc.idempotencyKey ?? null,
    request_sha256: doc.requestSha256 ?? null,
    input_base64: doc.input ? Buffer.from(doc.input.buffer, doc.input.byteOffset, doc.input.byteLength).toString('base64') : null,
  }));
  const inserted = await tx.query<DocumentRow>(
    `with input as (
       select * from jsonb_to_recordset($1::jsonb)
         as i(n int, id uuid, tenant_id uuid, context jsonb, input_sha256 text, idempotency_key text, request_sha256 text, input_base64 text)
     ), inserted as (
       insert into documents (id, tenant_id, status, context, input_sha256, idempotency_key, request_sha256)
       select i.id, i.tenant_id, 'received', i.context, i.input_sha256, i.idempotency_key, i.request_sha256
       from input i
       order by i.n
       on conflict (tenant_id, idempotency_key) where idempotency_key is not null do nothing
       returning ${COLUMNS}
     ), kept as (
       insert into received_inputs (tenant_id, sha256, content)
       select distinct on (i.tenant_id, i.input_sha256) i.tenant_id, i.input_sha256, decode(i.input_base64, 'base64')
       from input i join inserted d on d.id = i.id
       where i.input_base64 is not null
       on conflict (tenant_id, sha256) do nothing
     ), revision as (
       insert into document_revisions (tenant_id, document_id, revision, input_sha256, source, created_at)
       select tenant_id, id, 1, input_sha256, 'api', created_at from inserted
     ), logged as (
       insert into document_log (tenant_id, document_id, step, level, message)
       select tenant_id, id, 'received', 'info', 'Received; queued for processing' from inserted
     )${options.jobsFor ? `, jobs as (${options.jobsFor('select tenant_id, id from inserted')})` : ''}
     select ${COLUMNS} from inserted`,
    [JSON.stringify(input)],
    // Inserts only (the jobs too): no plan could be better for other rows or bigger tables.
    { planOnce: true },
  );
  const byId = new Map(inserted.rows.map((row) => [row.id, toRecord(row)]));
  const results: InsertedDocument[] = [];
  for (const doc of docs) {
    const document = byId.get(doc.id);
    if (document) {
      results.push({ document, created: true });
      continue;
    }
    const existing = await findDocumentByIdempotencyKey(tx, doc.tenantId, doc.idempotencyKey ?? '');
    if (!existing) throw new Error('Idempotency conflict without an existing document');
    results.push({ document: existing, created: false });
  }
  return results;
}

/** The tenant's document with this idempotency key. */
export async function findDocumentByIdempotencyKey(db: Database, tenantId: string, key: string): Promise<DocumentRecord | undefined> {
  const result = await db.query<DocumentRow>(`select ${COLUMNS} from documents where tenant_id = $1 and idempotency_key = $2`, [tenantId, key]);
  return result.rows[0] ? toRecord(result.rows[0]) : undefined;
}

/** The tenant's document with this id; undefined for another tenant's id. */
export async function findDocumentById(db: Database, tenantId: string, id: string): Promise<DocumentRecord | undefined> {
  if (!UUID.test(id)) return undefined;
  const result = await db.query<DocumentRow>(`select ${COLUMNS} from documents where tenant_id = $1 and id = $2`, [tenantId, id]);
  return result.rows[0] ? toRecord(result.rows[0]) : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters and page of a document listing. */
export type DocumentQuery = {
  status?: DocumentStatus;
  createdFrom?: Date;
  createdTo?: Date;
  /** Resume after this document (newest first): the last item of the previous page. */
  after?: { createdAt: Date; id: string };
  limit: number;
};

/** The tenant's documents, newest first (created_at, then id, descending: a stable order for cursors). */
export async function listDocuments(db: Database, tenantId: string, query: DocumentQuery): Promise<DocumentRecord[]> {
  const where = ['tenant_id = $1'];
  const params: unknown[] = [tenantId];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (query.status) add('status = ?', query.status);
  if (query.createdFrom) add('created_at >= ?', query.createdFrom.toISOString());
  if (query.createdTo) add('created_at < ?', query.createdTo.toISOString());
  if (query.after) {
    // created_at has microseconds, a JavaScript Date only milliseconds: comparing with the cursor's Date would
    // skip documents created in the same millisecond (every document of a batch shares one created_at). The
    // stored timestamp of the cursor's document is exact; the cursor's own is the fallback if it is gone.
    params.push(query.after.createdAt.toISOString(), query.after.id);
    const at = `$${params.length - 1}::timestamptz`;
    const id = `$${params.length}::uuid`;
    where.push(`(created_at, id) < (coalesce((select c.created_at from documents c where c.tenant_id = $1 and c.id = ${id}), ${at}), ${id})`);
  }
  params.push(query.limit);
  const result = await db.query<DocumentRow>(
    `select ${COLUMNS} from documents where ${where.join(' and ')} order by created_at desc, id desc limit $${params.length}`,
    params,
  );
  return result.rows.map(toRecord);
}

/**
 * Moves the tenant's document to `status` if it is currently in one of `from`; returns whether it moved.
 * The condition makes status changes safe when a job runs twice.
 */
export async function updateDocumentStatus(
  db: Database,
  change: { tenantId: string; id: string; status: DocumentStatus; from: readonly DocumentStatus[] },
): Promise<boolean> {
  const result = await db.query<{ id: string }>(
    `update documents set status = $3, updated_at = now() where tenant_id = $1 and id = $2 and status = any($4::text[]) returning id`,
    [change.tenantId, change.id, change.status, [...change.from]],
  );
  return result.rows.length > 0;
}
