import type { Database } from '../db/database.js';

/** The job that processes one received document. */
export const PROCESS_DOCUMENT = 'process-document';

/** Payload of a process-document job. */
export type ProcessDocumentJob = { tenantId: string; documentId: string };

/**
 * Durable jobs with retries, backoff and dead letters (pg-boss on the same database). Jobs are enqueued
 * inside the caller's transaction, so a document and its job are committed together or not at all.
 */
export interface JobQueue {
  /** Enqueues jobs in the transaction `tx`. */
  enqueue(tx: Database, name: typeof PROCESS_DOCUMENT, jobs: readonly ProcessDocumentJob[]): Promise<void>;
  /** Starts handling jobs; the handler's failure makes the job retry with backoff. */
  work(name: typeof PROCESS_DOCUMENT, handler: (job: ProcessDocumentJob) => Promise<void>, options: { concurrency: number }): Promise<void>;
  /** Stops taking jobs and waits for those in progress. */
  stop(): Promise<void>;
}
