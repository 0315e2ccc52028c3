import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { performance } from 'node:perf_hooks';
import { startJobPoller, type PolledJob } from '../../src/queue/job-poller.js';
import { waitFor } from '../support/wait-for.js';

/** An in-memory queue for the poller. */
function fakeQueue(count: number) {
  const ready: PolledJob<number>[] = Array.from({ length: count }, (_, i) => ({ id: `job-${i}`, data: i, expireInSeconds: 60 }));
  const log = { fetches: [] as number[], taken: [] as number[], completed: [] as string[][], failed: [] as string[] };
  return {
    ready,
    log,
    fetch: async (limit: number) => {
      log.fetches.push(limit);
      const jobs = ready.splice(0, limit);
      log.taken.push(jobs.length);
      return jobs;
    },
    complete: async (ids: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      log.completed.push(ids);
    },
    fail: async (id: string) => void log.failed.push(id),
  };
}

describe('startJobPoller', () => {
  test('never runs more than `concurrency` jobs, runs each once, asks for free slots once half of them are free', async () => {
    const queue = fakeQueue(100);
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    const poller = startJobPoller<number>({
      ...queue,
      handler: async (n) => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, n % 3));
        active -= 1;
        done.push(n);
      },
      concurrency: 4,
      pollingIntervalMs: 10,
      onError: (e) => assert.fail(e),
    });
    await waitFor(() => done.length === 100);
    await poller.stop(1000);
    assert.equal(peak, 4);
    assert.deepEqual([...done].sort((a, b) => a - b), Array.from({ length: 100 }, (_, i) => i));
    assert.ok(queue.log.fetches.every((limit) => limit >= 2 && limit <= 4), `fetch sizes ${queue.log.fetches.join(',')}`);
    // 100 jobs in fetches of at least 2 (the empty fetches of a drained queue, one per polling interval
    // until the test stops the poller, do not count).
    const fetchesWithJobs = queue.log.taken.filter((taken) => taken > 0);
    assert.ok(fetchesWithJobs.length <= 50, `${fetchesWithJobs.length} fetches took jobs: ${queue.log.taken.join(',')}`);
    const completed = queue.log.completed.flat();
    assert.equal(new Set(completed).size, 100);
    assert.ok(queue.log.completed.length < 100, 'completions are batched');
  });

  test('with a completion delay, jobs finishing close together are completed in one call; stop() flushes at once', async () => {
    const queue = fakeQueue(6);
    const poller = startJobPoller<number>({
      ...queue,
      handler: async (n) => new Promise((resolve) => setTimeout(resolve, n)),
      concurrency: 6,
      pollingIntervalMs: 10,
      completionDelayMs: 40,
      onError: (e) => assert.fail(e),
    });
    await waitFor(() => queue.log.completed.flat().length === 6);
    assert.deepEqual(queue.log.completed, [['job-0', 'job-1', 'job-2', 'job-3', 'job-4', 'job-5']]);

    const later = fakeQueue(1);
    const stopping = startJobPoller<number>({ ...later, handler: async () => undefined, concurrency: 1, pollingIntervalMs: 10, completionDelayMs: 10_000, onError: (e) => assert.fail(e) });
    await waitFor(() => later.ready.length === 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(later.log.completed, [], 'still waiting for company');
    const started = Date.now();
    await stopping.stop(1000);
    assert.deepEqual(later.log.completed, [['job-0']]);
    assert.ok(Date.now() - started < 1000, 'stop did not wait out the delay');
    await poller.stop(1000);
  });

  test('a failing job is failed alone; the others complete', async () => {
    const queue = fakeQueue(5);
    const poller = startJobPoller<number>({
      ...queue,
      handler: async (n) => {
        if (n === 2) throw new Error('boom');
      },
      concurrency: 5,
      pollingIntervalMs: 10,
      onError: (e) => assert.fail(e),
    });
    await waitFor(() => queue.log.failed.length === 1 && queue.log.completed.flat().length === 4);
    await poller.stop(1000);
    assert.deepEqual(queue.log.failed, ['job-2']);
  });

  test('an idle poller asks again every interval, and stop() ends the wait at once', async () => {
    const queue = fakeQueue(0);
    const poller = startJobPoller<number>({ ...queue, handler: async () => undefined, concurrency: 2, pollingIntervalMs: 20, onError: (e) => assert.fail(e) });
    await waitFor(() => queue.log.fetches.length >= 3);
    const started = Date.now();
    await poller.stop(1000);
    assert.ok(Date.now() - started < 15, 'stop does not wait out the polling interval');
    const fetches = queue.log.fetches.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(queue.log.fetches.length, fetches, 'no polling after stop');
  });

  test('wake() ends an idle wait at once', async () => {
    const queue = fakeQueue(0);
    const done: number[] = [];
    const poller = startJobPoller<number>({ ...queue, handler: async (n) => void done.push(n), concurrency: 2, pollingIntervalMs: 60_000, onError: (e) => assert.fail(e) });
    try {
      await waitFor(() => queue.log.fetches.length === 1);
      // Let the empty fetch end, so that the poller is waiting out its minute.
      await new Promise((resolve) => setTimeout(resolve, 20));
      queue.ready.push({ id: 'job-7', data: 7, expireInSeconds: 60 });
      poller.wake();
      await waitFor(() => done.length === 1, { timeoutMs: 2000, what: 'the woken poller to run the job' });
    } finally {
      await poller.stop(1000);
    }
    assert.deepEqual(done, [7]);
  });

  test('wake() during a fetch that comes back empty makes the poller fetch once more before it waits', async () => {
    const ready: PolledJob<number>[] = [];
    let fetches = 0;
    let release: (() => void) | undefined;
    const done: number[] = [];
    const poller = startJobPoller<number>({
      // The first fetch is slow and sees nothing: the job below commits while it runs.
      fetch: async (limit) => {
        fetches += 1;
        if (fetches === 1) await new Promise<void>((resolve) => (release = resolve));
        return fetches === 1 ? [] : ready.splice(0, limit);
      },
      complete: async () => undefined,
      fail: async () => undefined,
      handler: async (n) => void done.push(n),
      concurrency: 2,
      pollingIntervalMs: 60_000,
      onError: (e) => assert.fail(e),
    });
    try {
      await waitFor(() => release !== undefined);
      ready.push({ id: 'job-1', data: 1, expireInSeconds: 60 });
      poller.wake();
      release?.();
      await waitFor(() => done.length === 1, { timeoutMs: 2000, what: 'the job committed during the fetch to run' });
    } finally {
      await poller.stop(1000);
    }
    assert.deepEqual(done, [1]);
  });

  test('with a minimum fetch interval, jobs trickling in are taken several per fetch, and woken fetches keep the pace', async () => {
    const ready: PolledJob<number>[] = [];
    const fetchedAt: { at: number; asked: number; taken: number }[] = [];
    const done: number[] = [];
    const poller = startJobPoller<number>({
      fetch: async (limit) => {
        const jobs = ready.splice(0, limit);
        fetchedAt.push({ at: performance.now(), asked: limit, taken: jobs.length });
        return jobs;
      },
      complete: async () => undefined,
      fail: async () => undefined,
      handler: async (n) => void done.push(n),
      concurrency: 16,
      pollingIntervalMs: 60_000,
      minFetchIntervalMs: 40,
      onError: (e) => assert.fail(e),
    });
    try {
      // 30 jobs, one every 3 ms, each announced by wake() as the API does after a submission.
      for (let n = 0; n < 30; n++) {
        ready.push({ id: `job-${n}`, data: n, expireInSeconds: 60 });
        poller.wake();
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      await waitFor(() => done.length === 30, { what: 'every job to run' });
    } finally {
      await poller.stop(1000);
    }
    assert.deepEqual([...done].sort((a, b) => a - b), Array.from({ length: 30 }, (_, n) => n));
    const withJobs = fetchedAt.filter((f) => f.taken > 0);
    // Without the interval each wake would mean a fetch of its own: about 30 of them.
    assert.ok(withJobs.length <= 8, `${withJobs.length} fetches took jobs: ${fetchedAt.map((f) => f.taken).join(',')}`);
    for (let i = 1; i < fetchedAt.length; i++) {
      const gap = fetchedAt[i]!.at - fetchedAt[i - 1]!.at;
      // A fetch that left slots free is followed by the next no sooner than the interval (less timer slack).
      if (fetchedAt[i - 1]!.taken < fetchedAt[i - 1]!.asked) assert.ok(gap >= 38, `fetch ${i} came ${gap.toFixed(1)} ms after a partial one`);
    }
  });

  test('with a minimum fetch interval, a backlog is still fetched without pause, and stop() ends a paced wait at once', async () => {
    const queue = fakeQueue(200);
    const done: number[] = [];
    const poller = startJobPoller<number>({ ...queue, handler: async (n) => void done.push(n), concurrency: 4, pollingIntervalMs: 60_000, minFetchIntervalMs: 60_000, onError: (e) => assert.fail(e) });
    // Every fetch but the last fills its slots, so none waits the minute.
    await waitFor(() => done.length === 200, { timeoutMs: 5000, what: 'the backlog to be worked off' });
    queue.ready.push({ id: 'late', data: 200, expireInSeconds: 60 });
    poller.wake();
    // The poller now paces (its last fetch was partial) for a minute; stop() must not wait for that.
    const started = Date.now();
    await poller.stop(1000);
    assert.ok(Date.now() - started < 200, `stop took ${Date.now() - started} ms`);
    assert.ok(queue.log.taken.filter((taken) => taken > 0).length >= 50, 'fetches of at most 4 jobs');
  });

  test('stop() waits for running jobs, but not beyond its timeout for a hung one', async () => {
    const queue = fakeQueue(2);
    let finishedSlow = false;
    const poller = startJobPoller<number>({
      ...queue,
      handler: (n) =>
        n === 0
          ? new Promise<void>(() => undefined)
          : new Promise<void>((resolve) => setTimeout(() => {
              finishedSlow = true;
              resolve();
            }, 30)),
      concurrency: 2,
      pollingIntervalMs: 10,
      onError: (e) => assert.fail(e),
    });
    await waitFor(() => queue.ready.length === 0);
    const started = Date.now();
    await poller.stop(200);
    assert.ok(finishedSlow, 'the slow job finished before stop returned');
    assert.ok(Date.now() - started >= 190, 'waited for the hung job up to the timeout');
    assert.deepEqual(queue.log.completed.flat(), ['job-1']);
  });

  test('a job that outlives its expiry is failed, freeing its slot', async () => {
    const queue = fakeQueue(0);
    queue.ready.push({ id: 'slow', data: 0, expireInSeconds: 0.05 }, { id: 'next', data: 1, expireInSeconds: 60 });
    const poller = startJobPoller<number>({
      ...queue,
      handler: (n) => (n === 0 ? new Promise<void>(() => undefined) : Promise.resolve()),
      concurrency: 1,
      pollingIntervalMs: 10,
      onError: (e) => assert.fail(e),
    });
    await waitFor(() => queue.log.completed.flat().includes('next'));
    await poller.stop(100);
    assert.deepEqual(queue.log.failed, ['slow']);
  });
});
