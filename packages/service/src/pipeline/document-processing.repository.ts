import type { Database } from '../db/database.js';
import type { DocumentContext, DocumentRecord, DocumentStatus, LogEntry } from '../documents/document.types.js';
import type { StoredArtifact } from './step.js';

// The worker's two writes per document, each ONE statement (data-modifying CTEs): a statement is atomic
// without an explicit transaction, and one round trip instead of ten matters at hundreds of documents a
// second. Both filter on tenant_id, like every query.

type ProcessingRow = {
  id: string;
  tenant_id: string;
  context: DocumentContext;
  input_sha256: string;
  idempotency_key: string | null;
  request_sha256: string | null;
  external_ids: Record<string, string>;
  created_at: Date | string;
  updated_at: Date | string;
};

/**
 * Moves the tenant's document from `received` (or an interrupted `processing`) to `processing` and logs
 * it; returns the document, or undefined when it is missing or already has a result.
 */
export async function startDocumentProcessing(db: Database, tenantId: string, id: string): Promise<DocumentRecord | undefined> {
  const result = await db.query<ProcessingRow>(
    `with moved as (
       update documents d set status = 'processing', updated_at = now()
       from (select status as previous from documents where tenant_id = $1 and id = $2) old
       where d.tenant_id = $1 and d.id = $2 and d.status in ('received', 'processing')
       returning d.id, d.tenant_id, d.context, d.input_sha256, d.idempotency_key, d.request_sha256, d.external_ids, d.created_at, d.updated_at, old.previous
     ), logged as (
       insert into document_log (tenant_id, document_id, step, level, message)
       select tenant_id, id, 'processing', 'info',
              case when previous = 'received' then 'Processing started' else 'Processing restarted after an interrupted attempt' end
       from moved
     )
     select id, tenant_id, context, input_sha256, idempotency_key, request_sha256, external_ids, created_at, updated_at from moved`,
    [tenantId, id],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    status: 'processing',
    context: row.context,
    inputSha256: row.input_sha256,
    idempotencyKey: row.idempotency_key,
    requestSha256: row.request_sha256,
    externalIds: row.external_ids,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** A pipeline's result: the final status, the artifacts (already in the blob store) and the log entries. */
export type DocumentResult = {
  status: Extract<DocumentStatus, 'completed' | 'failed'>;
  artifacts: readonly StoredArtifact[];
  log: readonly Omit<LogEntry, 'at'>[];
};

/**
 * Records the result of the tenant's document — status, artifacts, log, all or nothing — if it is still
 * `processing`; returns false when another run recorded one first. The status update's row lock orders
 * concurrent runs: the later one finds no `processing` row and inserts nothing.
 */
export async function recordDocumentResult(db: Database, tenantId: string, id: string, result: DocumentResult): Promise<boolean> {
  const artifacts = result.artifacts.map((a) => ({ name: a.name, media_type: a.mediaType, size: a.size, sha256: a.sha256 }));
  const rows = await db.query<{ moved: number }>(
    `with moved as (
       update documents set status = $3, updated_at = now()
       where tenant_id = $1 and id = $2 and status = 'processing'
       returning tenant_id, id
     ), stored as (
       insert into artifacts (tenant_id, document_id, name, media_type, size, sha256)
       select moved.tenant_id, moved.id, a.name, a.media_type, a.size, a.sha256
       from moved cross join jsonb_to_recordset($4::jsonb) as a(name text, media_type text, size bigint, sha256 text)
       on conflict (document_id, name) do nothing
     ), logged as (
       insert into document_log (tenant_id, document_id, step, level, message, findings)
       select moved.tenant_id, moved.id, e.entry->>'step', e.entry->>'level', e.entry->>'message', e.entry->'findings'
       from moved cross join jsonb_array_elements($5::jsonb) with ordinality as e(entry, n)
       order by e.n
     )
     select count(*)::int as moved from moved`,
    [tenantId, id, result.status, JSON.stringify(artifacts), JSON.stringify(result.log)],
  );
  return (rows.rows[0]?.moved ?? 0) > 0;
}
