import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, QueryResult } from './database.js';

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

/** The embedded default: PostgreSQL compiled to WebAssembly, its data in a directory. One process at a time. */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  const db = await PGlite.create(dataDir);
  return wrap(db, {
    transaction: (work) => db.transaction((tx) => work(wrap(tx, { transaction: () => Promise.reject(new Error('Nested transactions are not supported')), close: async () => {} }))),
    close: () => db.close(),
  });
}

function wrap(target: Queryable, extra: { transaction: Database['transaction']; close: () => Promise<void> }): Database {
  return {
    engine: 'pglite',
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params as unknown[]);
      return { rows: result.rows };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
    transaction: extra.transaction,
    close: extra.close,
  };
}
