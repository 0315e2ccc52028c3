import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { coerceError } from '../errors/app-error.js';
import { processDocument } from '../pipeline/process-document.js';
import { PROCESS_DOCUMENT, type JobQueue, type ProcessDocumentJob } from '../queue/job-queue.js';
import type { BlobStore } from '../storage/blob-store.js';
import { abandonDocument } from './abandon-document.js';

/** A queue that may also hand over jobs whose retries are exhausted (pg-boss's dead letters). */
export type WorkerQueue = JobQueue & {
  workDeadLetters?(handler: (job: ProcessDocumentJob) => Promise<void>, options: { concurrency: number }): Promise<void>;
};

/** What a worker needs: the stores the pipeline works on and the queue it takes jobs from. */
export type WorkerDeps = { db: Database; blobs: BlobStore; queue: WorkerQueue; concurrency: number; logger?: Logger };

/**
 * Starts processing received documents in this process, `concurrency` at a time. A job whose processing
 * throws is retried by the queue with backoff; `processDocument` makes every retry safe. A job that used
 * up its retries fails its document, so no document stays `processing` for ever.
 */
export async function startWorker(deps: WorkerDeps): Promise<void> {
  const { db, blobs, logger } = deps;
  await deps.queue.work(
    PROCESS_DOCUMENT,
    async (job) => {
      try {
        const outcome = await processDocument({ db, blobs }, job);
        logger?.debug({ documentId: job.documentId, tenantId: job.tenantId, outcome }, 'document processed');
      } catch (error) {
        logger?.warn({ documentId: job.documentId, tenantId: job.tenantId, err: coerceError(error) }, 'processing interrupted; the job will be retried');
        throw error;
      }
    },
    { concurrency: deps.concurrency },
  );
  await deps.queue.workDeadLetters?.(
    async (job) => {
      if (await abandonDocument(db, job)) logger?.error({ documentId: job.documentId, tenantId: job.tenantId }, 'document failed: its job used up every retry');
    },
    { concurrency: 1 },
  );
}
