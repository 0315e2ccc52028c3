import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { openPostgresDatabase } from '../../src/db/pg-database.js';
import { testDatabases } from '../support/databases.js';

const postgres = testDatabases().find((engine) => engine.name === 'postgres');

describe('openPostgresDatabase', { skip: postgres ? false : 'needs DATABASE_URL' }, () => {
  test('planOnce statements are planned once per connection and keep the plan; the others are planned at every run', async () => {
    const { db: setup, url, cleanup } = await postgres!.open();
    after(cleanup);
    await setup.exec('create table planned (n int primary key)');
    await setup.close();
    // One connection per pool, so that the statistics read below are the connection's that ran the inserts.
    const db = await openPostgresDatabase(url!, { maxConnections: 1, maxPlanOnceConnections: 1 });
    after(() => db.close());

    const insert = 'insert into planned (n) select x::int from jsonb_array_elements_text($1::jsonb) as x';
    for (let run = 0; run < 4; run++) await db.query(insert, [JSON.stringify([run * 2, run * 2 + 1])], { planOnce: true });
    const select = 'select count(*)::int as n from planned where n >= $1';
    for (let run = 0; run < 3; run++) assert.equal((await db.query<{ n: number }>(select, [0])).rows[0]?.n, 8);

    const plans = `select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement = $1`;
    // Read on each pool's own connection (pg_prepared_statements shows the current session's statements).
    const once = (await db.query<{ generic: number; custom: number }>(plans, [insert], { planOnce: true })).rows;
    const every = (await db.query<{ generic: number; custom: number }>(plans, [select])).rows;
    assert.deepEqual(once, [{ generic: 4, custom: 0 }], 'one plan, made once and used four times');
    assert.deepEqual(every, [{ generic: 0, custom: 3 }], 'a plan for each run');
  });

  test('in a transaction, planOnce is a hint the transaction ignores: the statement runs on its connection, and rolls back with it', async () => {
    const { db: setup, url, cleanup } = await postgres!.open();
    after(cleanup);
    await setup.exec('create table planned (n int primary key)');
    await setup.close();
    const db = await openPostgresDatabase(url!);
    after(() => db.close());

    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('insert into planned (n) values ($1)', [1], { planOnce: true });
        const mode = await tx.query<{ mode: string }>(`select current_setting('plan_cache_mode') as mode`, [], { planOnce: true });
        assert.equal(mode.rows[0]?.mode, 'force_custom_plan');
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal((await db.query<{ n: number }>('select count(*)::int as n from planned')).rows[0]?.n, 0);
  });
});
