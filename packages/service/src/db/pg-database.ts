import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, QueryOptions, QueryResult } from './database.js';

/**
 * Parameterised statements run as named prepared statements: each connection parses and analyses a
 * statement text once, then binds and executes it (planning it for the parameters each time, see the pool's
 * settings) — less work for the server on the short statements the service runs thousands of times. Names
 * come from the text's hash; the number of distinct texts is bounded (beyond it, statements run unnamed as
 * before), so the server-side caches stay small.
 */
const MAX_PREPARED = 500;
const preparedNames = new Map<string, string>();
/** Texts that must not be prepared (their result type changed under a cached plan: a live schema change). */
const unprepared = new Set<string>();

function statementName(sql: string): string | undefined {
  const known = preparedNames.get(sql);
  if (known !== undefined || unprepared.has(sql) || preparedNames.size >= MAX_PREPARED) return known;
  const name = `einvoice_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
  preparedNames.set(sql, name);
  return name;
}

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

async function runQuery<Row>(on: Queryable, sql: string, params: readonly unknown[]): Promise<QueryResult<Row>> {
  const name = params.length > 0 ? statementName(sql) : undefined;
  if (name === undefined) return { rows: (await on.query(sql, params as unknown[])).rows as Row[] };
  try {
    return { rows: (await on.query({ name, text: sql, values: params as unknown[] })).rows as Row[] };
  } catch (error) {
    // A table's columns changed under a statement that returns them all (another process migrated the
    // schema): the cached plan is refused from now on, so this text runs unprepared.
    if (!/cached plan must not change result type/.test(String((error as Error | null)?.message))) throw error;
    preparedNames.delete(sql);
    unprepared.add(sql);
    return { rows: (await on.query(sql, params as unknown[])).rows as Row[] };
  }
}

/** How the connections of a pool behave. */
export type PostgresOptions = {
  /** Connections of the pool (default 10). */
  maxConnections?: number;
  /**
   * false: commits return before the server has flushed them to disk (synchronous_commit = off). A server
   * crash may then lose the last moment of commits — in order, never half a transaction. Only for writes
   * that are re-done when lost. Default: the server's setting (on).
   */
  synchronousCommit?: boolean;
  /** Connections of the second pool, for statements planned once (`planOnce`; default 2). */
  maxPlanOnceConnections?: number;
};

/** A PostgreSQL server through a node-postgres pool: the scale-out engine, shared by many processes. */
export async function openPostgresDatabase(connectionString: string, options: PostgresOptions = {}): Promise<Database> {
  // Prepared statements are planned for their parameters each time (custom plans): a generic plan chosen
  // while a table was small (a new database) keeps scanning it the same way once it has grown.
  // Statements that only insert the rows their parameters carry (`planOnce`) have one best plan whatever
  // the data: they go through a second, small pool whose connections plan each statement once and keep the
  // plan. Planning was a third of the server's time for the submission statement, which runs for every
  // document (measured with pg_stat_statements at 200 submissions/s: 1.05 ms per run, 0.36 ms of it planning).
  const synchronous = options.synchronousCommit === false ? ['-c synchronous_commit=off'] : [];
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10, options: ['-c plan_cache_mode=force_custom_plan', ...synchronous].join(' ') });
  const planOncePool = new pg.Pool({ connectionString, max: options.maxPlanOnceConnections ?? 2, options: ['-c plan_cache_mode=force_generic_plan', ...synchronous].join(' ') });
  // An idle connection the server closes (restart, dropped database) emits 'error' on the pool; without a
  // listener that is an uncaught exception. The pool replaces the connection; the next query reports trouble.
  pool.on('error', () => undefined);
  planOncePool.on('error', () => undefined);
  // Fail at start-up, with the server's message, rather than on the first request.
  const client = await pool.connect();
  client.release();
  return {
    engine: 'postgres',
    query: <Row>(sql: string, params: readonly unknown[] = [], queryOptions?: QueryOptions) =>
      runQuery<Row>(queryOptions?.planOnce ? planOncePool : pool, sql, params),
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      try {
        await connection.query('begin');
        const tx: Database = {
          engine: 'postgres',
          query: <Row>(sql: string, params: readonly unknown[] = []) => runQuery<Row>(connection, sql, params),
          exec: async (sql: string) => {
            await connection.query(sql);
          },
          transaction: () => Promise.reject(new Error('Nested transactions are not supported')),
          close: async () => {},
        };
        const result = await work(tx);
        await connection.query('commit');
        return result;
      } catch (error) {
        await connection.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), planOncePool.end()]);
    },
  };
}
