/** A row set returned by a query. */
export type QueryResult<Row> = { rows: Row[] };

/** How a statement may be run. */
export type QueryOptions = {
  /**
   * The statement's best plan is the same whatever its parameters hold and however large its tables grow —
   * it only inserts the rows its parameters carry — so the server may plan it once per connection and keep
   * the plan. Other statements are planned for their parameters at every run (see pg-database). A hint:
   * an engine or a transaction that cannot honour it runs the statement as usual.
   */
  planOnce?: boolean;
};

/**
 * The one port to the database: parameterised queries, multi-statement scripts (migrations) and
 * transactions. Implemented by PGlite (embedded) and node-postgres (a PostgreSQL server); the SQL is the same.
 */
export interface Database {
  /** Which engine this is, for logs and readiness. */
  readonly engine: 'pglite' | 'postgres';
  /** Runs one parameterised statement ($1, $2 …). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<Row>>;
  /** Runs a script of several statements without parameters (migrations, pg-boss schema). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in a transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  /** Releases connections / closes the embedded database. */
  close(): Promise<void>;
}
