import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { DELIVER, PROCESS_DOCUMENT, type ProcessDocumentJob } from '../../src/queue/job-queue.js';
import { createPgBossQueue, PROCESS_DOCUMENT_DEAD_LETTER, type PgBossQueue, type PgBossQueueOptions } from '../../src/queue/pg-boss-queue.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';
import { waitFor } from '../support/wait-for.js';

const job = (documentId = randomUUID()): ProcessDocumentJob => ({ tenantId: '00000000-0000-4000-8000-000000000001', documentId });

type JobRow = { state: string; retry_count: number; name: string };

for (const engine of testDatabases()) {
  describe(`createPgBossQueue (${engine.name})`, () => {
    let t: TestDatabase;
    const queues: PgBossQueue[] = [];
    const errors: Error[] = [];
    const open = async (options: PgBossQueueOptions = {}): Promise<PgBossQueue> => {
      const queue = await createPgBossQueue(t.db, { onError: (e) => errors.push(e), ...options });
      queues.push(queue);
      return queue;
    };
    /** The pg-boss rows of one document's job, in every queue. */
    const jobRows = async (documentId: string): Promise<JobRow[]> =>
      (await t.db.query<JobRow>(`select state::text as state, retry_count, name from pgboss.job where data->>'documentId' = $1 order by created_on`, [documentId])).rows;

    before(async () => {
      t = await engine.open();
      // Installs pg-boss's schema once, so that each test can start from an empty job table.
      await (await open()).stop();
    });
    beforeEach(async () => {
      await t.db.query('delete from pgboss.job');
      errors.length = 0;
    });
    afterEach(async () => {
      await Promise.all(queues.splice(0).map((q) => q.stop()));
      assert.deepEqual(errors.map((e) => e.message), [], 'no background errors');
    });
    after(() => t.cleanup());

    test('a job enqueued in a rolled-back transaction never exists; a committed one runs once', async () => {
      const queue = await open();
      const seen: string[] = [];
      await queue.work(PROCESS_DOCUMENT, async (j) => void seen.push(j.documentId), { concurrency: 2 });
      const rolledBack = job();
      const committed = job();
      await assert.rejects(
        t.db.transaction(async (tx) => {
          await queue.enqueue(tx, PROCESS_DOCUMENT, [rolledBack]);
          throw new Error('abort');
        }),
        /abort/,
      );
      await t.db.transaction((tx) => queue.enqueue(tx, PROCESS_DOCUMENT, [committed]));
      await waitFor(async () => (await jobRows(committed.documentId))[0]?.state === 'completed', { what: 'the committed job to complete' });
      assert.deepEqual(seen, [committed.documentId]);
      assert.deepEqual(await jobRows(rolledBack.documentId), []);
      assert.equal((await jobRows(committed.documentId)).length, 1);
    });

    test('wake() makes an idle worker of that queue take committed jobs at once, not at its next poll', async () => {
      const queue = await open({ pollingIntervalSeconds: 60 });
      const seen: string[] = [];
      let delivered = 0;
      await queue.work(PROCESS_DOCUMENT, async (j) => void seen.push(j.documentId), { concurrency: 2 });
      await queue.work(DELIVER, async () => void (delivered += 1), { concurrency: 2 });
      // Both workers have polled once and now wait out their minute.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const first = job();
      await t.db.transaction((tx) => queue.enqueue(tx, PROCESS_DOCUMENT, [first]));
      await t.db.transaction((tx) => queue.enqueue(tx, DELIVER, [{ tenantId: first.tenantId, destinationKey: 'd' }]));
      queue.wake?.(PROCESS_DOCUMENT);
      await waitFor(() => seen.length === 1, { timeoutMs: 5000, what: 'the woken worker to run the job' });
      assert.deepEqual(seen, [first.documentId]);
      // The other queue's worker was not woken: its job waits for its next poll.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(delivered, 0);
    });

    test('jobs commit together with the transaction’s other writes, while workers poll', async () => {
      const queue = await open();
      const seen: string[] = [];
      await queue.work(PROCESS_DOCUMENT, async (j) => void seen.push(j.documentId), { concurrency: 4 });
      const tenantId = randomUUID();
      const jobs = [job(), job(), job()];
      await t.db.transaction(async (tx) => {
        await tx.query('insert into tenants (id, name) values ($1, $2)', [tenantId, 'with jobs']);
        await queue.enqueue(tx, PROCESS_DOCUMENT, jobs);
      });
      await waitFor(() => seen.length === 3, { what: 'three jobs' });
      assert.deepEqual(seen.sort(), jobs.map((j) => j.documentId).sort());
      assert.equal((await t.db.query('select 1 from tenants where id = $1', [tenantId])).rows.length, 1);
    });

    test('enqueueSql writes the same job rows as pg-boss\'s own insert, and runs them the same way', async () => {
      const queue = await open();
      const viaBoss = job();
      const viaSql = job();
      await t.db.transaction((tx) => queue.enqueue(tx, PROCESS_DOCUMENT, [viaBoss]));
      await t.db.query(
        `with jobs as (${queue.enqueueSql!(PROCESS_DOCUMENT, `select jsonb_build_object('tenantId', $1::text, 'documentId', $2::text) as data`)}) select 1`,
        [viaSql.tenantId, viaSql.documentId],
      );
      // Every column, with the times relative to the row's creation.
      const row = async (documentId: string) =>
        (
          await t.db.query<Record<string, unknown>>(
            `select name, priority, data - 'documentId' as data, state::text as state, retry_limit, retry_count, retry_delay, retry_backoff,
                    start_after - created_on < interval '1 second' as ready_at_once, singleton_key, singleton_on, expire_in::text as expire_in,
                    (keep_until - created_on)::text as kept_for, output, dead_letter, policy, started_on, completed_on
             from pgboss.job where data->>'documentId' = $1`,
            [documentId],
          )
        ).rows;
      const [boss] = await row(viaBoss.documentId);
      assert.ok(boss, 'pg-boss wrote its row');
      assert.deepEqual(await row(viaSql.documentId), [boss]);
      assert.equal(boss.dead_letter, PROCESS_DOCUMENT_DEAD_LETTER);
      const seen: string[] = [];
      await queue.work(PROCESS_DOCUMENT, async (j) => void seen.push(j.documentId), { concurrency: 2 });
      await waitFor(() => seen.length === 2);
      assert.deepEqual(seen.sort(), [viaBoss.documentId, viaSql.documentId].sort());
      assert.throws(() => queue.enqueueSql!('x\'; drop table documents; --' as typeof PROCESS_DOCUMENT, 'select 1'), /Not a queue name/);
    });

    test('a fetch that finds a backlog refreshes the queue\'s statistics, so fetches read the fetch-order index', async () => {
      const queue = await open();
      const { rows: partitions } = await t.db.query<{ partition_name: string }>(`select partition_name from pgboss.queue where name = $1`, [PROCESS_DOCUMENT]);
      const partition = partitions[0]!.partition_name;
      const analyses = async () =>
        Number((await t.db.query<{ n: string }>(`select analyze_count as n from pg_stat_user_tables where schemaname = 'pgboss' and relname = $1`, [partition])).rows[0]?.n ?? 0);
      const before = await analyses();
      await t.db.transaction((tx) => queue.enqueue(tx, PROCESS_DOCUMENT, Array.from({ length: 40 }, () => job())));
      let done = 0;
      await queue.work(PROCESS_DOCUMENT, async () => void (done += 1), { concurrency: 4 });
      await waitFor(() => done === 40);
      await waitFor(async () => (await analyses()) > before, { what: 'the partition to be analysed' });
      const { rows: plan } = await t.db.query<{ 'QUERY PLAN': string }>(
        `explain select id from pgboss.${partition} where name = '${PROCESS_DOCUMENT}' and state < 'active' and start_after < now()
         order by priority desc, created_on, id limit 4`,
      );
      assert.ok(plan.some((line) => /_name_priority_created_on_id_idx/.test(line['QUERY PLAN'])), plan.map((line) => line['QUERY PLAN']).join('\n'));
    });

    test('the queue has retries with backoff, a 15 min expiry and a dead-letter queue', async () => {
      await open();
      const { rows } = await t.db.query<{ name: string; retry_limit: number; retry_delay: number; retry_backoff: boolean; expire_seconds: number; dead_letter: string | null }>(
        'select name, retry_limit, retry_delay, retry_backoff, expire_seconds, dead_letter from pgboss.queue where name = $1',
        [PROCESS_DOCUMENT],
      );
      assert.deepEqual(rows[0], { name: PROCESS_DOCUMENT, retry_limit: 10, retry_delay: 1, retry_backoff: true, expire_seconds: 900, dead_letter: PROCESS_DOCUMENT_DEAD_LETTER });
    });

    test('a failing handler is retried, with backoff by default', async () => {
      const queue = await open();
      let attempts = 0;
      await queue.work(PROCESS_DOCUMENT, async () => {
        attempts += 1;
        throw new Error('transient');
      }, { concurrency: 1 });
      const failing = job();
      await t.db.transaction((tx) => queue.enqueue(tx, PROCESS_DOCUMENT, [failing]));
      // How long after its start each failed attempt is put off. pg-boss counts a
      // retry when it starts it, and puts the next one off by delay × 2^(count + 1) / 2
      // × (1 + random()): with the 1 s base delay, 1–2 s after the first attempt and
      // 2–4 s after the second (without backoff: 1 s each).
      const retry = async (count: number) => {
        const { rows } = await t.db.query<{ state: string; retry_count: number; wait: number }>(
          `select state::text as state, retry_count, extract(epoch from start_after - started_on)::float8 as wait from pgboss.job where data->>'documentId' = $1`,
          [failing.documentId],
        );
        const row = rows[0];
        return row?.state === 'retry' && row.retry_count === count ? row : undefined;
      };
      const first = await waitFor(() => retry(0), { what: 'the first retry to be scheduled' });
      const second = await waitFor(() => retry(1), { what: 'the second retry to be scheduled', timeoutMs: 15_000 });
      assert.ok(attempts >= 2, `${attempts} attempts`);
      assert.ok(first.wait >= 1 && first.wait < 3, `first retry ${first.wait} s after its attempt started`);
      assert.ok(second.wait >= 2, `second retry ${second.wait} s after its attempt started (no backoff would give 1 s)`);
    });

    test('a failing handler is retried until it succeeds, then completes once', async () => {
      const queue = await open({ retryBackoff: false, retryDelaySeconds: 0 });
      const attempts = new Map<string, number>();
      await queue.work(PROCESS_DOCUMENT, async (j) => {
        const n = (attempts.get(j.documentId) ?? 0) + 1;
        attempts.set(j.documentId, n);
        if (n < 3) throw new Error(`attempt ${n} fails`);
      }, { concurrency: 2 });
      const flaky = job();
      await t.db.transaction((tx) => queue.enqueue(tx, PROCESS_DOCUMENT, [flaky]));
      await waitFor(async () => (await jobRows(flaky.documentId))[0]?.state === 'completed', { what: 'the flaky job to complete' });
      assert.equal(attempts.get(flaky.documentId), 3);
      assert.equal((await jobRows(flaky.documentId))[0]?.retry_count, 2);
    });

    test('when retries are exhausted the job goes to the dead letters, which can be handled', async () => {
      const queue = await open({ retryLimit: 1, retryBackoff: false, retryDelaySeconds: 0 });
      let attempts = 0;
      const dead: string[] = [];
      await queue.work(PROCESS_DOCUMENT, async () => {
        attempts += 1;
        throw new Error('permanent');
      }, { concurrency: 1 });
      await queue.workDeadLetters(async (j) => void dead.push(j.documentId), { concurrency: 1 });
      const doomed = job();
      await t.db.transaction((tx) => queue.enqueue(tx, PROCESS_DOCUMENT, [doomed]));
      await waitFor(() => dead.length === 1, { what: 'the dead letter' });
      assert.deepEqual(dead, [doomed.documentId]);
      assert.equal(attempts, 2, 'the first attempt and one retry');
      // The dead letter's completion is written a moment after its handler returned (completions go out together).
      await waitFor(async () => (await jobRows(doomed.documentId)).some((r) => r.name === PROCESS_DOCUMENT_DEAD_LETTER && r.state === 'completed'), { what: 'the dead letter to complete' });
      const rows = await jobRows(doomed.documentId);
      assert.deepEqual(rows.map((r) => [r.name, r.state]), [[PROCESS_DOCUMENT, 'failed'], [PROCESS_DOCUMENT_DEAD_LETTER, 'completed']]);
    });

    test('a batch of 500 jobs in one transaction runs each job exactly once, concurrently', async () => {
      const queue = await open();
      const counts = new Map<string, number>();
      let active = 0;
      let peak = 0;
      let firstAt = 0;
      await queue.work(PROCESS_DOCUMENT, async (j) => {
        firstAt ||= Date.now();
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setImmediate(resolve));
        counts.set(j.documentId, (counts.get(j.documentId) ?? 0) + 1);
        active -= 1;
      }, { concurrency: 8 });
      const jobs = Array.from({ length: 500 }, () => job());
      await t.db.transaction((tx) => queue.enqueue(tx, PROCESS_DOCUMENT, jobs));
      await waitFor(() => counts.size === 500, { timeoutMs: 60_000, intervalMs: 5, what: '500 jobs' });
      const seconds = (Date.now() - firstAt) / 1000;
      console.log(`# ${engine.name}: 500 no-op jobs in ${seconds.toFixed(2)} s from the first start (${Math.round(500 / seconds)} jobs/s), peak concurrency ${peak}`);
      assert.ok([...counts.values()].every((n) => n === 1));
      assert.ok(peak > 1 && peak <= 8, `peak concurrency ${peak}`);
      await waitFor(async () => {
        const { rows } = await t.db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`, [PROCESS_DOCUMENT]);
        return rows[0]?.n === 500;
      }, { what: 'all 500 marked completed' });
    });

    test('stop() waits for the jobs in progress, then takes no more', async () => {
      const queue = await open();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const finished: string[] = [];
      const started: string[] = [];
      await queue.work(PROCESS_DOCUMENT, async (j) => {
        started.push(j.documentId);
        await gate;
        finished.push(j.documentId);
      }, { concurrency: 1 });
      const first = job();
      await t.db.transaction((tx) => queue.enqueue(tx, PROCESS_DOCUMENT, [first]));
      await waitFor(() => started.length === 1, { what: 'the job to start' });
      const stopping = queue.stop();
      setImmediate(release);
      await stopping;
      assert.deepEqual(finished, [first.documentId]);
      assert.equal((await jobRows(first.documentId))[0]?.state, 'completed');
      const later = job();
      await t.db.transaction((tx) => queue.enqueue(tx, PROCESS_DOCUMENT, [later]));
      assert.equal((await jobRows(later.documentId))[0]?.state, 'created', 'a stopped queue takes no jobs');
    });

    test('a restarted process finds its schema, and (alone on the database) retries the jobs left active', async () => {
      const crashed = await open({ stopTimeoutSeconds: 0.05 });
      const interrupted = job();
      let started = false;
      await crashed.work(PROCESS_DOCUMENT, () => {
        started = true;
        return new Promise<void>(() => undefined); // never finishes, as if the process had died
      }, { concurrency: 1 });
      await t.db.transaction((tx) => crashed.enqueue(tx, PROCESS_DOCUMENT, [interrupted]));
      await waitFor(() => started, { what: 'the job to start' });
      await crashed.stop();
      assert.equal((await jobRows(interrupted.documentId))[0]?.state, 'active');

      const restarted = await open({ recoverActiveJobs: true, retryBackoff: false, retryDelaySeconds: 0 });
      const seen: string[] = [];
      await restarted.work(PROCESS_DOCUMENT, async (j) => void seen.push(j.documentId), { concurrency: 1 });
      await waitFor(() => seen.length === 1, { what: 'the interrupted job to run again' });
      assert.deepEqual(seen, [interrupted.documentId]);
    });
  });
}
