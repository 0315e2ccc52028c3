import type { Database } from '../db/database.js';
import { PROCESS_DOCUMENT, type JobQueue } from '../queue/job-queue.js';
import { appendLog } from './document-log.repository.js';

/**
 * A document's revisions: revision 1 is what the API received, each later one a corrected input submitted
 * through the correction page. The document row points at its current revision (`documents.revision`,
 * `documents.input_sha256`); `document_revisions` keeps every input, and the log keeps the history.
 */

/** One stored input of a document; `source` is where it came from (`api`, `correction`). */
export type DocumentRevision = { revision: number; inputSha256: string; source: string; createdAt: Date };

/** A document's current revision and status, as a correction needs them. */
export type CurrentRevision = {
  status: string;
  revision: number;
  inputSha256: string;
  /** When the current revision was submitted (absent when no revision row exists, e.g. revision 1 of an older document). */
  submittedAt?: Date;
};

/** The statuses from which a corrected revision may be submitted: processing ended without success. */
export const CORRECTABLE_STATUSES: readonly string[] = ['failed', 'rejected'];

/** A corrected input for a document, based on the revision the person saw. */
export type Resubmission = {
  tenantId: string;
  documentId: string;
  /** The revision the correction was made from: the document must still be at it. */
  fromRevision: number;
  /** The corrected input, already in the blob store. */
  inputSha256: string;
  source: 'correction';
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SOURCE_WORDS: Readonly<Record<Resubmission['source'], string>> = { correction: 'through the correction page' };

/** The tenant's document's current revision and status; undefined for another tenant's (or no) document. */
export async function findCurrentRevision(db: Database, tenantId: string, documentId: string): Promise<CurrentRevision | undefined> {
  if (!UUID.test(documentId)) return undefined;
  const result = await db.query<{ status: string; revision: number; input_sha256: string; submitted_at: Date | string | null }>(
    `select d.status, d.revision, d.input_sha256, r.created_at as submitted_at
     from documents d
     left join document_revisions r on r.tenant_id = d.tenant_id and r.document_id = d.id and r.revision = d.revision
     where d.tenant_id = $1 and d.id = $2`,
    [tenantId, documentId],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    status: row.status,
    revision: Number(row.revision),
    inputSha256: row.input_sha256,
    ...(row.submitted_at === null ? {} : { submittedAt: new Date(row.submitted_at) }),
  };
}

/** One revision of the tenant's document. */
export async function findDocumentRevision(db: Database, tenantId: string, documentId: string, revision: number): Promise<DocumentRevision | undefined> {
  if (!UUID.test(documentId)) return undefined;
  const result = await db.query<{ revision: number; input_sha256: string; source: string; created_at: Date | string }>(
    `select revision, input_sha256, source, created_at from document_revisions where tenant_id = $1 and document_id = $2 and revision = $3`,
    [tenantId, documentId, revision],
  );
  const row = result.rows[0];
  return row ? { revision: Number(row.revision), inputSha256: row.input_sha256, source: row.source, createdAt: new Date(row.created_at) } : undefined;
}

/**
 * Submits a corrected input as the document's next revision, in ONE transaction: the document moves to
 * the new revision and back to `received` (flow from its first step), the revision row and a log line are
 * written, and the process job is enqueued — all or nothing. Only a document still at `fromRevision` and
 * in a correctable status moves; otherwise (a second submit, a stale link, a document that recovered) the
 * answer is a conflict with the reason. The guarded UPDATE takes the row lock, so of two concurrent
 * resubmissions exactly one wins.
 */
export async function resubmitDocument(db: Database, queue: JobQueue, resubmission: Resubmission): Promise<{ revision: number } | { conflict: string }> {
  const { tenantId, documentId, fromRevision } = resubmission;
  if (!UUID.test(documentId)) return { conflict: 'The document does not exist' };
  return db.transaction(async (tx) => {
    const moved = await tx.query<{ revision: number }>(
      `update documents set revision = revision + 1, input_sha256 = $4, status = 'received', next_step = 0, updated_at = now()
       where tenant_id = $1 and id = $2 and revision = $3 and status = any($5::text[])
       returning revision`,
      [tenantId, documentId, fromRevision, resubmission.inputSha256, [...CORRECTABLE_STATUSES]],
    );
    const revision = moved.rows[0] ? Number(moved.rows[0].revision) : undefined;
    if (revision === undefined) return { conflict: await conflictReason(tx, resubmission) };
    await tx.query(`insert into document_revisions (tenant_id, document_id, revision, input_sha256, source) values ($1, $2, $3, $4, $5)`, [
      tenantId,
      documentId,
      revision,
      resubmission.inputSha256,
      resubmission.source,
    ]);
    await appendLog(tx, tenantId, documentId, [{ step: 'correction', level: 'info', message: `Revision ${revision} submitted ${SOURCE_WORDS[resubmission.source]}` }]);
    await queue.enqueue(tx, PROCESS_DOCUMENT, [{ tenantId, documentId }]);
    return { revision };
  });
}

/** Why a resubmission did not move the document, in words for the person who submitted it. */
async function conflictReason(tx: Database, resubmission: Resubmission): Promise<string> {
  const current = await findCurrentRevision(tx, resubmission.tenantId, resubmission.documentId);
  if (!current) return 'The document does not exist';
  if (current.revision !== resubmission.fromRevision) {
    return `The document is at revision ${current.revision} now (${current.status}); this correction was made for revision ${resubmission.fromRevision}`;
  }
  return `The document is ${current.status}: only a ${CORRECTABLE_STATUSES.join(' or ')} document can be corrected`;
}
