import { performance } from 'node:perf_hooks';
import { coerceError } from '../errors/app-error.js';

/** A job taken from the queue. */
export type PolledJob<T> = { id: string; data: T; expireInSeconds: number };

/** What the poller needs from a queue, and what it runs. */
export type JobPollerOptions<T> = {
  /** Takes up to `limit` ready jobs, marking them active. */
  fetch(limit: number): Promise<PolledJob<T>[]>;
  /** Marks jobs done; called with several ids at once when jobs finish together. */
  complete(ids: string[]): Promise<void>;
  /** Records the failure; the queue retries the job with backoff or moves it to the dead letters. */
  fail(id: string, error: Error): Promise<void>;
  handler(data: T): Promise<void>;
  /** Jobs run at the same time. */
  concurrency: number;
  /** How long to wait before asking again when the queue had nothing ready. */
  pollingIntervalMs: number;
  /**
   * How long a finished job may wait before its completion is written (default 0), so that the jobs
   * finishing meanwhile are completed in the same statement. A completion only tidies the queue — the job's
   * effects are recorded already, and a job run again finds them — so waiting a moment costs nothing.
   */
  completionDelayMs?: number;
  /**
   * The least time from the start of one fetch to the start of the next when the first came back with free
   * slots to spare (default 0): while jobs trickle in, each fetch then takes the few that arrived meanwhile
   * instead of one (the fetch — a sorted, locking scan — costs as much for one job as for ten). A full fetch
   * (a backlog) is followed by the next at once, whatever this says.
   */
  minFetchIntervalMs?: number;
  onError(error: Error): void;
};

/** A running poller. */
export type JobPoller = {
  /**
   * Says that jobs were just committed: a poller waiting out its polling interval fetches now, and one
   * fetching at this moment (perhaps without seeing them) fetches once more before it waits.
   */
  wake(): void;
  /** Stops fetching, then waits up to `timeoutMs` for the jobs in progress. */
  stop(timeoutMs: number): Promise<void>;
};

/**
 * One loop that keeps up to `concurrency` jobs running: it fetches as many jobs as there are free slots
 * once at least half of them are free (or none is running), asks again at once while jobs keep coming,
 * and waits `pollingIntervalMs` only when the queue had nothing ready — or until `wake()` says jobs were
 * committed. Each job succeeds or fails on its own, so one failure never touches another job; the completions
 * of jobs that finish while a completion is being written are written together, in one statement.
 *
 * Why not pg-boss's `work()`: its workers sleep a full polling interval after every job (one job per
 * interval per worker caps throughput), and it does not await `complete()`, so a database error while
 * completing becomes an unhandled rejection that ends the process.
 */
export function startJobPoller<T>(options: JobPollerOptions<T>): JobPoller {
  const running = new Set<Promise<void>>();
  let stopping = false;
  // The pending pause of the loop, and what besides stop() ends it early: a free slot (when every slot is
  // busy), wake() (when the queue had nothing ready), or nothing (pacing fetches).
  let wakeUp: (() => void) | undefined;
  let pausedFor: 'slot' | 'wake' | 'pacing' | undefined;
  // Whether wake() was called since the last fetch started.
  let woken = false;

  /** Pauses the loop for `ms` (forever when undefined), or until stop() or the event `endedBy` ends it. */
  const pause = (ms: number | undefined, endedBy: 'slot' | 'wake' | 'pacing'): Promise<void> =>
    new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeUp = undefined;
        pausedFor = undefined;
        resolve();
      }
      wakeUp = done;
      pausedFor = endedBy;
    });

  const finished: string[] = [];
  let completing: Promise<void> | undefined;

  let flushNow: (() => void) | undefined;

  /** Queues a completion; one writer drains the queue, so completions that pile up go out as one batch. */
  function complete(id: string): void {
    finished.push(id);
    completing ??= (async () => {
      const delayMs = options.completionDelayMs ?? 0;
      if (delayMs > 0 && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, delayMs);
          function done(): void {
            clearTimeout(timer);
            flushNow = undefined;
            resolve();
          }
          flushNow = done;
        });
      }
      while (finished.length > 0) {
        const ids = finished.splice(0);
        try {
          await options.complete(ids);
        } catch (error) {
          // The jobs stay active; they expire and are retried. Every step is idempotent, so that is safe.
          options.onError(coerceError(error));
        }
      }
      completing = undefined;
    })();
  }

  async function run(job: PolledJob<T>): Promise<void> {
    let outcome: { ok: true } | { ok: false; error: Error };
    try {
      await withinSeconds(options.handler(job.data), job.expireInSeconds);
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error: coerceError(error) };
    }
    if (outcome.ok) return complete(job.id);
    try {
      await options.fail(job.id, outcome.error);
    } catch (error) {
      // The job stays active; it expires and is retried.
      options.onError(coerceError(error));
    }
  }

  function launch(job: PolledJob<T>): void {
    const task: Promise<void> = run(job).finally(() => {
      running.delete(task);
      if (pausedFor === 'slot') wakeUp?.();
    });
    running.add(task);
  }

  // While jobs keep coming, ask for them when at least half the slots are free, not each time one frees
  // up: one fetch per job would make the fetch statement (a sorted, locking scan) the queue's main cost.
  const batch = Math.max(1, Math.ceil(options.concurrency / 2));

  const minFetchIntervalMs = options.minFetchIntervalMs ?? 0;
  // When the last fetch started, and whether it filled every slot it asked for.
  let lastFetchAt = -Infinity;
  let lastFetchFull = true;

  async function loop(): Promise<void> {
    while (!stopping) {
      const free = options.concurrency - running.size;
      if (free <= 0 || (free < batch && running.size > 0)) {
        // Too few free slots: wait for another to free up (or for stop(), which must not wait for a hung job).
        await pause(undefined, 'slot');
        continue;
      }
      const early = lastFetchFull ? 0 : lastFetchAt + minFetchIntervalMs - performance.now();
      if (early > 0) {
        // The queue was drained a moment ago: let the jobs arriving meanwhile gather for one fetch.
        await pause(early, 'pacing');
        continue;
      }
      let jobs: PolledJob<T>[] = [];
      woken = false;
      lastFetchAt = performance.now();
      try {
        jobs = await options.fetch(free);
      } catch (error) {
        options.onError(coerceError(error));
      }
      lastFetchFull = jobs.length >= free;
      // Jobs fetched while stopping are still run: they are already marked active.
      for (const job of jobs) launch(job);
      if (jobs.length === 0 && !stopping && !woken) await pause(options.pollingIntervalMs, 'wake');
    }
  }

  const looping = loop().catch((error: unknown) => options.onError(coerceError(error)));

  return {
    wake() {
      woken = true;
      // A loop waiting for a free slot fetches when one frees up, and one pacing its fetches when the pace
      // allows; only the idle wait ends early.
      if (pausedFor === 'wake') wakeUp?.();
    },
    async stop(timeoutMs) {
      stopping = true;
      wakeUp?.();
      await looping;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      // Jobs still running after the timeout stay active in the queue and are retried once they expire.
      await Promise.race([Promise.allSettled([...running]), timeout]);
      clearTimeout(timer);
      // Completions waiting for company go out now.
      flushNow?.();
      await completing;
    },
  };
}

/** Rejects when `work` takes longer than the job's expiry: the queue would hand it to another worker then. */
async function withinSeconds(work: Promise<void>, seconds: number): Promise<void> {
  if (!Number.isFinite(seconds) || seconds <= 0) return work;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The job did not finish within its ${seconds} s expiry`)), seconds * 1000);
    // A job abandoned by stop() must not keep the process alive for the rest of its expiry.
    timer.unref();
  });
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
