import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceConfig } from '../config/config.schema.js';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { openPostgresDatabase } from './pg-database.js';
import { openPgliteDatabase } from './pglite-database.js';

/** Where the embedded database keeps its files inside the data directory. */
export function embeddedDatabaseDir(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

/**
 * Opens the configured database — the PostgreSQL server at `databaseUrl`, else the embedded PGlite database
 * in `<dataDir>/pgdata` — and brings its schema up to date, so callers always get a migrated database.
 */
export async function openDatabase(config: Pick<ServiceConfig, 'dataDir' | 'databaseUrl'>): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    db = await openPostgresDatabase(config.databaseUrl);
  } else {
    const dir = embeddedDatabaseDir(config.dataDir);
    await mkdir(dir, { recursive: true });
    db = await openPgliteDatabase(dir);
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

/**
 * The database of the worker and the job queue: on PostgreSQL a pool of its own whose commits do not wait
 * for the disk flush (unless `workerSynchronousCommit`) — every worker write is idempotent and re-done when
 * a server crash loses it; on the embedded database the same one (PGlite has one connection). `db` is the
 * migrated database of the API; close the returned one separately when it is not `db`.
 */
export async function openJobDatabase(config: Pick<ServiceConfig, 'databaseUrl' | 'workerSynchronousCommit'>, db: Database): Promise<Database> {
  if (!config.databaseUrl || config.workerSynchronousCommit) return db;
  return openPostgresDatabase(config.databaseUrl, { synchronousCommit: false });
}
