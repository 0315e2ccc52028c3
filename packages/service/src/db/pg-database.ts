import pg from 'pg';
import type { Database, QueryResult } from './database.js';

/** A PostgreSQL server through a node-postgres pool: the scale-out engine, shared by many processes. */
export async function openPostgresDatabase(connectionString: string, options: { maxConnections?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection the server closes (restart, dropped database) emits 'error' on the pool; without a
  // listener that is an uncaught exception. The pool replaces the connection; the next query reports trouble.
  pool.on('error', () => undefined);
  // Fail at start-up, with the server's message, rather than on the first request.
  const client = await pool.connect();
  client.release();
  return {
    engine: 'postgres',
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await pool.query(sql, params as unknown[]);
      return { rows: result.rows as Row[] };
    },
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      try {
        await connection.query('begin');
        const tx: Database = {
          engine: 'postgres',
          query: async <Row>(sql: string, params: readonly unknown[] = []) => ({ rows: (await connection.query(sql, params as unknown[])).rows as Row[] }),
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
    close: () => pool.end(),
  };
}
