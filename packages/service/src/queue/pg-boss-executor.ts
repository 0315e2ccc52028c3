import type { Database } from '../db/database.js';

/** A whole script wrapped in a transaction, as pg-boss writes its schema and maintenance commands. */
const TRANSACTION_SCRIPT = /^\s*BEGIN\s*;([\s\S]*?);?\s*COMMIT\s*;?\s*$/i;

/** pg-boss's database port (`db.executeSql`); pg-boss calls it without `values` for statements that have none. */
export type PgBossExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * pg-boss's database port (`executeSql`) over our `Database`, so pg-boss runs on PGlite and PostgreSQL alike
 * and, bound to a transaction, writes jobs inside it.
 *
 * - Parameterised statements go through `query`.
 * - Multi-statement scripts (schema creation, migrations, maintenance) go through `exec`: PGlite runs
 *   them only there (`query` uses the extended protocol, one statement). A script of the form
 *   `BEGIN; …; COMMIT;` runs its body in `Database.transaction`, so a failure rolls back at once instead
 *   of leaving the session — PGlite's only one — inside an aborted transaction.
 * - Single statements without parameters still go through `query`: pg-boss reads their rows (schema
 *   version, queues, clock), which `exec` does not return.
 */
export function pgBossExecutor(db: Database): PgBossExecutor {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
      if ((values === undefined || values.length === 0) && isScript(text)) {
        const wrapped = TRANSACTION_SCRIPT.exec(text);
        if (wrapped?.[1] !== undefined) {
          const body = wrapped[1];
          await db.transaction((tx) => tx.exec(body));
        } else {
          await db.exec(text);
        }
        return { rows: [] };
      }
      return db.query(text, values ?? []);
    },
  };
}

/** More than one statement: a semicolon followed by more SQL. pg-boss's single statements contain none. */
function isScript(text: string): boolean {
  return /;\s*\S/.test(text);
}
