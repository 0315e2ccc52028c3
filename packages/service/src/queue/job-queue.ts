import type { Database } from '../db/database.js';

/** The job that processes one received document (revision): reads, normalizes, transforms, validates, signs. */
export const PROCESS_DOCUMENT = 'process-document';
/** The job that sends the pending deliveries of one destination, oldest accepted first. */
export const DELIVER = 'deliver';
/** The job that asks a destination for its verdict on a delivered document (await-status). */
export const POLL_STATUS = 'poll-status';
/** The job that e-mails a person about a document's outcome (notify). */
export const NOTIFY = 'notify';

/** Payload of a process-document job. */
export type ProcessDocumentJob = { tenantId: string; documentId: string };
/** Payload of a deliver job: a wake-up for one destination; the deliveries table says what to send. */
export type DeliverJob = { tenantId: string; destinationKey: string };
/** Payload of a poll-status job. */
export type PollStatusJob = { tenantId: string; documentId: string; revision: number; step: number };
/** Payload of a notify job: the flow step that asked for it and the status it reacts to. */
export type NotifyJob = { tenantId: string; documentId: string; revision: number; step: number; status: string };

/** The payload of each job. */
export type JobPayloads = {
  [PROCESS_DOCUMENT]: ProcessDocumentJob;
  [DELIVER]: DeliverJob;
  [POLL_STATUS]: PollStatusJob;
  [NOTIFY]: NotifyJob;
};
/** The name of a job. */
export type JobName = keyof JobPayloads;
/** Every job name. */
export const JOB_NAMES: readonly JobName[] = [PROCESS_DOCUMENT, DELIVER, POLL_STATUS, NOTIFY];

/** When a job may start. */
export type EnqueueOptions = { startAfter?: Date };

/**
 * Durable jobs with retries, backoff and dead letters (pg-boss on the same database). Jobs are enqueued
 * inside the caller's transaction, so a document's change and its job are committed together or not at all.
 */
export interface JobQueue {
  /** Enqueues jobs in the transaction `tx`. */
  enqueue<N extends JobName>(tx: Database, name: N, jobs: readonly JobPayloads[N][], options?: EnqueueOptions): Promise<void>;
  /**
   * For statements that write rows and their jobs at once (atomic without a transaction, one round trip):
   * the SQL of a data-modifying CTE body that enqueues, ready at once, one job per row of `rows` — a query
   * with one jsonb column, `data`, the payload. Absent where jobs cannot be written from SQL.
   */
  enqueueSql?(name: JobName, rows: string): string;
  /**
   * Tells this process's workers of `name` that its jobs were just committed, so an idle one takes them
   * now instead of at its next poll. Workers in other processes still find them by polling.
   */
  wake?(name: JobName): void;
  /** Starts handling jobs; the handler's failure makes the job retry with backoff. */
  work<N extends JobName>(name: N, handler: (job: JobPayloads[N]) => Promise<void>, options: { concurrency: number }): Promise<void>;
  /** Stops taking jobs and waits for those in progress. */
  stop(): Promise<void>;
}
