/** A row set returned by a query. */
export type QueryResult<Row> = { rows: Row[] };

/**
 * The one port to the database: parameterised queries, multi-statement scripts (migrations) and
 * transactions. Implemented by PGlite (embedded) and node-postgres (a PostgreSQL server); the SQL is the same.
 */
export interface Database {
  /** Which engine this is, for logs and readiness. */
  readonly engine: 'pglite' | 'postgres';
  /** Runs one parameterised statement ($1, $2 …). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Runs a script of several statements without parameters (migrations, pg-boss schema). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in a transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  /** Releases connections / closes the embedded database. */
  close(): Promise<void>;
}
