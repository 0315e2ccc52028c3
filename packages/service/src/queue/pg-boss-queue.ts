import PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';
import { coerceError } from '../errors/app-error.js';
import { JOB_NAMES, PROCESS_DOCUMENT, type JobName, type JobPayloads, type JobQueue, type ProcessDocumentJob } from './job-queue.js';
import { startJobPoller, type JobPoller, type PolledJob } from './job-poller.js';
import { pgBossExecutor } from './pg-boss-executor.js';
import { queueStatistics } from './queue-statistics.js';

/** The queue that receives process-document jobs whose retries are exhausted. */
export const PROCESS_DOCUMENT_DEAD_LETTER = `${PROCESS_DOCUMENT}-dead-letter`;

/** How the pg-boss queue behaves; every field has a default suited to the service. */
export type PgBossQueueOptions = {
  /** Retries after the first attempt before a job goes to the dead letters (default 10). */
  retryLimit?: number;
  /** Base delay of the first retry (default 1 s); with backoff each retry waits about twice as long, with jitter. */
  retryDelaySeconds?: number;
  /** Exponential backoff between retries (default true). */
  retryBackoff?: boolean;
  /**
   * How long a job may stay active (default 15 min): longer than any processing takes, because an
   * expired job is handed to another worker. It is also how long a job taken by a process that died waits
   * before it is retried — unless `recoverActiveJobs` applies.
   */
  expireInSeconds?: number;
  /** How often an idle worker asks for jobs (default 0.5 s): the added latency of an idle service. */
  pollingIntervalSeconds?: number;
  /**
   * Retry at once the jobs left active by a previous process (default false). Only for a process that
   * is alone on its database — the embedded PGlite default — where every active job is an orphan.
   */
  recoverActiveJobs?: boolean;
  /**
   * How often one of the processes expires jobs past their expiry and archives finished ones (default
   * 120 s). With `expireInSeconds` it bounds how long a job orphaned on a shared server waits for its retry.
   */
  maintenanceIntervalSeconds?: number;
  /** How long `stop()` waits for jobs in progress (default 30 s). */
  stopTimeoutSeconds?: number;
  /** The PostgreSQL schema of pg-boss's tables (default `pgboss`). */
  schema?: string;
  /** Errors from background work (polling, maintenance); by default written to stderr. */
  onError?: (error: Error) => void;
};

/** The pg-boss job queue; besides the JobQueue port, dead letters can be handled. */
export interface PgBossQueue extends JobQueue {
  /** Handles jobs whose retries are exhausted (e.g. to mark their document failed); their failure is not retried. */
  workDeadLetters(handler: (job: ProcessDocumentJob) => Promise<void>, options: { concurrency: number }): Promise<void>;
  /** Handles the dead letters of any job. */
  workDeadLettersOf<N extends JobName>(name: N, handler: (job: JobPayloads[N]) => Promise<void>, options: { concurrency: number }): Promise<void>;
}

/** The dead-letter queue of a job. */
export function deadLetterOf(name: JobName): string {
  return `${name}-dead-letter`;
}

/**
 * The JobQueue on pg-boss 10, on the same database as the documents (PGlite or PostgreSQL), through
 * pg-boss's `db.executeSql` port. Creates (or updates) the process-document queue and its dead-letter queue.
 */
export async function createPgBossQueue(db: Database, options: PgBossQueueOptions = {}): Promise<PgBossQueue> {
  const onError = options.onError ?? ((error: Error) => console.error(`[job queue] ${error.message}`));
  const pollingIntervalMs = (options.pollingIntervalSeconds ?? 0.5) * 1000;
  const boss = new PgBoss({
    db: pgBossExecutor(db),
    schema: options.schema ?? 'pgboss',
    // Maintenance (expiring, archiving) every 2 min by default, run by one process at a time; no state
    // monitoring and no cron clock: nothing uses them.
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 120,
    schedule: false,
    migrate: true,
    // A finished job's record is the document, not the job row: keep the job table small.
    archiveCompletedAfterSeconds: 60 * 60,
  });
  boss.on('error', (error: unknown) => onError(coerceError(error)));
  await boss.start();
  await ensureFetchOrderIndex(db, options.schema ?? 'pgboss');

  // Every job retries unexpected errors (a database outage) with backoff; one that keeps failing lands in
  // its dead-letter queue. Expected outcomes — a rejection, a destination down — are handled by the jobs.
  for (const name of JOB_NAMES) {
    await ensureQueue(boss, deadLetterOf(name), { retryLimit: 0 });
    await ensureQueue(boss, name, {
      retryLimit: options.retryLimit ?? 10,
      retryDelay: options.retryDelaySeconds ?? 1,
      retryBackoff: options.retryBackoff ?? true,
      expireInSeconds: options.expireInSeconds ?? 15 * 60,
      deadLetter: deadLetterOf(name),
    });
    if (options.recoverActiveJobs) await retryActiveJobs(db, boss, options.schema ?? 'pgboss', name);
  }

  const pollers: { name: string; poller: JobPoller }[] = [];
  const statistics = queueStatistics(db, { schema: options.schema ?? 'pgboss', onError });
  const startPolling = <T extends object>(name: string, handler: (job: T) => Promise<void>, concurrency: number): void => {
    pollers.push({
      name,
      poller: startJobPoller<T>({
        fetch: async (limit) => {
          const jobs = await boss.fetch<T>(name, { batchSize: limit });
          // A full batch: more jobs are waiting.
          if (limit > 1 && jobs.length === limit) statistics.backlogSeen(name);
          return toPolledJobs(jobs);
        },
        complete: async (ids) => void (await boss.complete(name, ids)),
        fail: async (id, error) => void (await boss.fail(name, id, { message: error.message, name: error.name })),
        handler,
        concurrency,
        pollingIntervalMs,
        // Completions of the jobs finishing within 20 ms go out in one statement.
        completionDelayMs: 20,
        // While submissions trickle in (each wakes the poller), one fetch per 20 ms at most takes the jobs
        // committed meanwhile: at 200 documents/s, 0.23 fetches per document instead of 1.18, and 0.6–1.3
        // fewer CPU-ms per document on the machine. A document waits up to 20 ms longer to start.
        minFetchIntervalMs: 20,
        onError,
      }),
    });
  };

  return {
    async enqueue(tx, name, jobs, enqueueOptions = {}) {
      if (jobs.length === 0) return;
      const startAfter = enqueueOptions.startAfter?.toISOString();
      // Through `tx`, never pg-boss's own connection: the jobs commit or roll back with the caller's
      // writes. On PGlite a statement outside a running transaction would also wait for it to end.
      await boss.insert(
        jobs.map((data) => ({ name, data: data as object, ...(startAfter ? { startAfter } : {}) })),
        { db: pgBossExecutor(tx) },
      );
    },

    enqueueSql(name, rows) {
      return jobInsertSql(options.schema ?? 'pgboss', name, rows);
    },

    wake(name) {
      for (const p of pollers) if (p.name === name) p.poller.wake();
    },

    async work(name, handler, { concurrency }) {
      startPolling(name, handler as (job: object) => Promise<void>, concurrency);
    },

    async workDeadLetters(handler, { concurrency }) {
      startPolling(PROCESS_DOCUMENT_DEAD_LETTER, handler, concurrency);
    },

    async workDeadLettersOf(name, handler, { concurrency }) {
      startPolling(deadLetterOf(name), handler as (job: object) => Promise<void>, concurrency);
    },

    async stop() {
      const timeoutMs = (options.stopTimeoutSeconds ?? 30) * 1000;
      await Promise.all(pollers.splice(0).map(({ poller }) => poller.stop(timeoutMs)));
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 1000 });
    },
  };
}

/**
 * An INSERT of one job per row of `rows` (a query with a jsonb column `data`) into queue `name`, with
 * exactly the values pg-boss 10's own insert gives a job that sets nothing of its own (priority 0, ready
 * now, no singleton key): the queue's dead letter, expiry, retention and retry settings, and the same
 * fallbacks where the queue has none (this service gives pg-boss no constructor defaults). A test compares
 * the rows with pg-boss's.
 */
function jobInsertSql(schema: string, name: string, rows: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Not a queue name: ${name}`);
  return `insert into ${schema}.job (id, name, data, priority, start_after, singleton_key, singleton_on, dead_letter, expire_in, keep_until,
                                  retry_limit, retry_delay, retry_backoff, policy)
    select gen_random_uuid(), q.name, j.data, 0, now(), null, null, q.dead_letter,
           case when q.expire_seconds is not null then q.expire_seconds * interval '1s' else interval '15 minutes' end,
           now() + cast(coalesce((q.retention_minutes * 60)::text, '14 days') as interval),
           coalesce(q.retry_limit, 2),
           case when coalesce(q.retry_backoff, false) then greatest(q.retry_delay, 1) else coalesce(q.retry_delay, 0) end,
           coalesce(q.retry_backoff, false),
           q.policy
    from (${rows}) as j join ${schema}.queue q on q.name = '${name}'
    on conflict do nothing`;
}

/** Creates the queue if absent, then applies the current settings (a queue created by an older version keeps up). */
async function ensureQueue(boss: PgBoss, name: string, settings: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  // create_queue does nothing when the queue exists, also when several processes start at once.
  await boss.createQueue(name, { name, ...settings });
  await boss.updateQueue(name, { name, ...settings });
}

/**
 * An index in the order pg-boss takes jobs (`fetch`: ready jobs of a queue by priority, then age). pg-boss's
 * own index is on (name, start_after), so each fetch reads and sorts every ready job of the queue: cheap
 * when the queue is short, but a backlog of thousands (a burst of submissions) made every fetch slower,
 * the workers fell further behind, and the backlog grew. Once the table has statistics that show ready
 * jobs (`queueStatistics` refreshes them when a backlog shows), the planner uses this index and a fetch
 * reads just the next few jobs. Created once, on the partitioned table (so also on queues created later), under an advisory lock so that
 * processes starting together do not race.
 */
async function ensureFetchOrderIndex(db: Database, schema: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [`${schema}.job_fetch_order`]);
    await tx.exec(`create index if not exists job_fetch_order on ${schema}.job (name, priority desc, created_on, id) where state < 'active'`);
  });
}

/** Fails (and so retries, with backoff) every job of the queue still marked active. */
async function retryActiveJobs(db: Database, boss: PgBoss, schema: string, name: string): Promise<void> {
  const { rows } = await db.query<{ id: string }>(`select id from ${schema}.job where name = $1 and state = 'active'`, [name]);
  for (const { id } of rows) await boss.fail(name, id, { message: 'Interrupted: the process running the job stopped' });
}

function toPolledJobs<T>(jobs: PgBoss.Job<T>[]): PolledJob<T>[] {
  return jobs.map((job) => ({
    id: job.id,
    data: job.data,
    // PostgreSQL returns the numeric expiry as a string.
    expireInSeconds: Number((job as { expireInSeconds?: unknown }).expireInSeconds ?? 0),
  }));
}
