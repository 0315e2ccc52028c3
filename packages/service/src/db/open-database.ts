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
