import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openDatabase } from '../../src/db/open-database.js';
import { testDatabases } from '../support/databases.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('openDatabase', () => {
  test('embedded default: PGlite in <dataDir>/pgdata, created on demand, migrated, reopenable', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const dataDir = join(dir.path, 'nested', 'data');
    const db = await openDatabase({ dataDir });
    assert.equal(db.engine, 'pglite');
    assert.ok(existsSync(join(dataDir, 'pgdata', 'PG_VERSION')));
    await db.query(`insert into tenants (id, name) values (gen_random_uuid(), 'kept')`);
    await db.close();

    const again = await openDatabase({ dataDir });
    const { rows } = await again.query<{ name: string }>('select name from tenants');
    assert.deepEqual(rows.map((r) => r.name), ['kept']);
    const { rows: versions } = await again.query<{ version: number }>('select version from schema_migrations');
    assert.ok(versions.length >= 1, 'migrations recorded once');
    await again.close();
  });

  for (const engine of testDatabases().filter((e) => e.name === 'postgres')) {
    test('with databaseUrl: the PostgreSQL server, migrated', async () => {
      const { db: setup, url, cleanup } = await engine.open();
      after(cleanup);
      await setup.close();
      const dir = await makeTempDir();
      after(() => dir.remove());
      const db = await openDatabase({ dataDir: dir.path, databaseUrl: url });
      assert.equal(db.engine, 'postgres');
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from tenants');
      assert.equal(rows[0]?.n, 0);
      assert.ok(!existsSync(join(dir.path, 'pgdata')), 'no embedded database is created');
      await db.close();
    });
  }
});
