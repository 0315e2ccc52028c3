import type { Database } from '../db/database.js';
import { appendLog } from '../documents/document-log.repository.js';
import { updateDocumentStatus } from '../documents/document.repository.js';
import type { ProcessDocumentJob } from '../queue/job-queue.js';

/**
 * Fails a document whose job used up every retry (it reached the dead letters): an error that kept coming
 * back — not the input's fault, which fails at once — must not leave the document `processing` forever.
 * A document that has a result already is left alone.
 */
export async function abandonDocument(db: Database, job: ProcessDocumentJob): Promise<boolean> {
  return db.transaction(async (tx) => {
    const moved = await updateDocumentStatus(tx, { tenantId: job.tenantId, id: job.documentId, status: 'failed', from: ['received', 'processing'] });
    if (moved) {
      await appendLog(tx, job.tenantId, job.documentId, [
        { step: 'result', level: 'error', message: 'Failed: processing kept failing after every retry (an error of the service, not of the invoice; see its logs). Submit the invoice again.' },
      ]);
    }
    return moved;
  });
}
