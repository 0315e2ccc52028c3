import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** The package's numbered SQL migrations (`migrations/NNN_name.sql`), append-only. */
const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** An arbitrary constant: the advisory lock that lets one process at a time migrate a shared server. */
const MIGRATION_LOCK = 4_216_001;

/**
 * Applies every migration not yet applied, in number order, in one transaction that holds an advisory
 * lock: processes starting together on one server migrate once, and a failed migration leaves nothing.
 */
export async function migrate(db: Database): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name)).sort();
  const scripts = await Promise.all(files.map(async (file) => ({ file, version: Number(file.slice(0, 3)), sql: await readFile(`${MIGRATIONS_DIR}${file}`, 'utf8') })));
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const script of scripts) {
      if (done.has(script.version)) continue;
      await tx.exec(script.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [script.version, script.file]);
      applied.push(script.file);
    }
    return applied;
  });
}
