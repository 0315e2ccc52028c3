import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database, QueryResult } from '../../src/db/database.js';
import { pgBossExecutor } from '../../src/queue/pg-boss-executor.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';

/** A Database that records which method each statement went through. */
function recordingDatabase(): { db: Database; calls: string[] } {
  const calls: string[] = [];
  const db: Database = {
    engine: 'pglite',
    query: async <Row>(sql: string): Promise<QueryResult<Row>> => {
      calls.push(`query:${sql}`);
      return { rows: [{ one: 1 } as Row] };
    },
    exec: async (sql: string) => void calls.push(`exec:${sql}`),
    transaction: async (work) => {
      calls.push('begin');
      const result = await work(db);
      calls.push('commit');
      return result;
    },
    close: async () => undefined,
  };
  return { db, calls };
}

describe('pgBossExecutor routing', () => {
  test('parameterised statements go through query and return rows', async () => {
    const { db, calls } = recordingDatabase();
    const result = await pgBossExecutor(db).executeSql('select $1', [1]);
    assert.deepEqual(result.rows, [{ one: 1 }]);
    assert.deepEqual(calls, ['query:select $1']);
  });

  test('a single statement without parameters goes through query: pg-boss reads its rows', async () => {
    const { db, calls } = recordingDatabase();
    const result = await pgBossExecutor(db).executeSql('SELECT version from pgboss.version');
    assert.equal(result.rows.length, 1);
    assert.deepEqual(calls, ['query:SELECT version from pgboss.version']);
  });

  test('a multi-statement script goes through exec', async () => {
    const { db, calls } = recordingDatabase();
    await pgBossExecutor(db).executeSql('create table a (x int); create table b (y int);');
    assert.deepEqual(calls, ['exec:create table a (x int); create table b (y int);']);
  });

  test('a BEGIN … COMMIT script runs its body in Database.transaction', async () => {
    const { db, calls } = recordingDatabase();
    await pgBossExecutor(db).executeSql('\n    BEGIN;\n    SET LOCAL lock_timeout = 1;\n    select 1;\n    COMMIT;\n  ');
    assert.equal(calls[0], 'begin');
    assert.match(calls[1] ?? '', /^exec:\s*SET LOCAL lock_timeout = 1;\s*select 1$/);
    assert.equal(calls[2], 'commit');
  });
});

for (const engine of testDatabases()) {
  describe(`pgBossExecutor on ${engine.name}`, () => {
    let t: TestDatabase;
    before(async () => (t = await engine.open()));
    after(() => t.cleanup());

    test('a failing BEGIN … COMMIT script rolls back and leaves the database usable', async () => {
      const executor = pgBossExecutor(t.db);
      await assert.rejects(executor.executeSql(`BEGIN; create table half_done (x int); select 1/0; COMMIT;`), /division by zero/);
      const { rows } = await executor.executeSql(`select count(*)::int as n from pg_tables where tablename = 'half_done'`);
      assert.deepEqual(rows, [{ n: 0 }]);
      assert.deepEqual((await t.db.query<{ ok: number }>('select 1 as ok')).rows, [{ ok: 1 }]);
    });

    test('bound to a transaction, its writes commit or roll back with it', async () => {
      await t.db.exec('create table executor_probe (x int)');
      await assert.rejects(
        t.db.transaction(async (tx) => {
          await pgBossExecutor(tx).executeSql('insert into executor_probe values ($1)', [1]);
          throw new Error('roll back');
        }),
      );
      await t.db.transaction((tx) => pgBossExecutor(tx).executeSql('insert into executor_probe values ($1)', [2]));
      assert.deepEqual((await t.db.query('select x from executor_probe')).rows, [{ x: 2 }]);
    });
  });
}
