import type { Logger } from 'pino';
import { deliverPending, type DeliveryDeps } from '../delivery/deliver-pending.js';
import { coerceError } from '../errors/app-error.js';
import { notifyDocument, type NotifyDeps } from '../notifications/notify-document.js';
import { processDocument } from '../pipeline/process-document.js';
import type { PipelineDeps } from '../pipeline/step.js';
import { DELIVER, NOTIFY, POLL_STATUS, PROCESS_DOCUMENT, type JobName, type JobPayloads, type JobQueue, type ProcessDocumentJob } from '../queue/job-queue.js';
import { pollStatus } from '../status/poll-status.js';
import { abandonDocument } from './abandon-document.js';

/** A queue that may also hand over jobs whose retries are exhausted (pg-boss's dead letters). */
export type WorkerQueue = JobQueue & {
  workDeadLetters?(handler: (job: ProcessDocumentJob) => Promise<void>, options: { concurrency: number }): Promise<void>;
};

/** What a worker needs: the stores, the queue, and the settings of deliveries and notifications. */
export type WorkerDeps = PipelineDeps &
  Pick<DeliveryDeps, 'destinations'> &
  Pick<NotifyDeps, 'mail' | 'publicUrl' | 'correctionKey' | 'correctionLinkTtlSeconds'> & {
    queue: WorkerQueue;
    concurrency: number;
    logger?: Logger;
  };

/**
 * Starts the jobs of this process: processing received documents (`concurrency` at a time), deliveries,
 * status polls and notifications. A job whose handler throws is retried by the queue with backoff; every
 * handler is safe to run again. A processing job that used up its retries fails its document.
 */
export async function startWorker(deps: WorkerDeps): Promise<void> {
  const { logger } = deps;
  const run = async <N extends JobName>(name: N, concurrency: number, handler: (job: JobPayloads[N]) => Promise<unknown>) => {
    await deps.queue.work(
      name,
      async (job) => {
        try {
          const outcome = await handler(job);
          logger?.debug({ job: name, payload: job as object, outcome }, 'job done');
        } catch (error) {
          logger?.warn({ job: name, payload: job as object, err: coerceError(error) }, 'job interrupted; it will be retried');
          throw error;
        }
      },
      { concurrency },
    );
  };
  await run(PROCESS_DOCUMENT, deps.concurrency, (job) => processDocument(deps, job));
  // Each destination sends one document at a time (a lease); several destinations go side by side.
  await run(DELIVER, Math.max(2, Math.ceil(deps.concurrency / 2)), (job) => deliverPending(deps, job));
  await run(POLL_STATUS, 2, (job) => pollStatus(deps, job));
  await run(NOTIFY, 2, (job) => notifyDocument(deps, job));
  await deps.queue.workDeadLetters?.(
    async (job) => {
      if (await abandonDocument(deps.db, job)) logger?.error({ documentId: job.documentId, tenantId: job.tenantId }, 'document failed: its job used up every retry');
    },
    { concurrency: 1 },
  );
}
