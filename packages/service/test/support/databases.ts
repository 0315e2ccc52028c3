import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { openPostgresDatabase } from '../../src/db/pg-database.js';
import { openPgliteDatabase } from '../../src/db/pglite-database.js';
import { makeTempDir } from './temp-dir.js';

/** A migrated database of its own for one test file (or one test), and how to throw it away. */
export type TestDatabase = {
  db: Database;
  /** The PostgreSQL URL of this database (postgres engine only), for code that opens its own connections. */
  url?: string;
  /** The temporary data directory holding the PGlite files under `pgdata/` (pglite engine only). */
  dataDir?: string;
  /** Closes the database and deletes it (drops the PostgreSQL database, removes the PGlite directory). */
  cleanup(): Promise<void>;
};

/** One engine the suites run on. */
export type TestEngine = {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated, empty database; nothing is shared with any other `open()`. */
  open(): Promise<TestDatabase>;
};

/**
 * The engines to loop every database suite over, kysely-style: PGlite always; PostgreSQL too when
 * `DATABASE_URL` is set (the server at that URL gets a new database per `open()`, dropped by `cleanup()`).
 */
export function testDatabases(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'pglite', open: openTestPglite }];
  const serverUrl = process.env['DATABASE_URL'];
  if (serverUrl) engines.push({ name: 'postgres', open: () => openTestPostgres(serverUrl) });
  return engines;
}

async function openTestPglite(): Promise<TestDatabase> {
  const dir = await makeTempDir('einvoice-pglite');
  try {
    const db = await openPgliteDatabase(join(dir.path, 'pgdata'));
    await migrate(db);
    return {
      db,
      dataDir: dir.path,
      async cleanup() {
        await db.close().catch(() => undefined);
        await dir.remove();
      },
    };
  } catch (error) {
    await dir.remove();
    throw error;
  }
}

async function openTestPostgres(serverUrl: string): Promise<TestDatabase> {
  // Names are random so test files running in parallel (and leftovers of a killed run) never collide.
  const name = `einvoice_t_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const db = await openPostgresDatabase(url.toString());
    await migrate(db);
    return {
      db,
      url: url.toString(),
      async cleanup() {
        await db.close().catch(() => undefined);
        // FORCE: connections a failed test left open must not keep the database alive.
        await onServer(serverUrl, `drop database if exists ${name} with (force)`);
      },
    };
  } catch (error) {
    await onServer(serverUrl, `drop database if exists ${name} with (force)`).catch(() => undefined);
    throw error;
  }
}

/** Runs one statement on the server's maintenance database (create/drop database cannot run in a transaction). */
async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
