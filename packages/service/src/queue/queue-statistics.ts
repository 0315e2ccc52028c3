import type { Database } from '../db/database.js';
import { coerceError } from '../errors/app-error.js';

/** How often at most a queue's statistics are refreshed by one process (default once a minute). */
export type QueueStatisticsOptions = { schema: string; minIntervalMs?: number; onError(error: Error): void };

/**
 * Refreshes the planner's statistics of a queue's job table when a fetch finds a backlog (it came back
 * full), at most once per `minIntervalMs` per queue.
 *
 * Why: pg-boss fetches the next jobs in (priority, age) order. With statistics that show ready jobs, the
 * planner reads them from the `job_fetch_order` index, a few rows per fetch. Without statistics (a new
 * database), or with statistics taken while the queue was empty, it expects a handful of ready jobs and
 * reads and sorts all of them instead — every fetch sorts the whole backlog, so a burst of thousands of
 * submissions makes each fetch slower just when the workers are furthest behind. Autovacuum analyses the
 * table only after a share of it has changed, and at most once a minute; this does it as soon as a backlog
 * shows.
 */
export function queueStatistics(db: Database, options: QueueStatisticsOptions): { backlogSeen(queue: string): void } {
  const minIntervalMs = options.minIntervalMs ?? 60_000;
  const lastRefresh = new Map<string, number>();

  async function refresh(queue: string): Promise<void> {
    const { rows } = await db.query<{ partition_name: string | null }>(`select partition_name from ${options.schema}.queue where name = $1`, [queue]);
    const partition = rows[0]?.partition_name;
    // pg-boss names the partitions itself (j + hex); anything else is not quoted into SQL.
    if (!partition || !/^j[0-9a-f]+$/.test(partition)) return;
    await db.exec(`analyze ${options.schema}.${partition}`);
  }

  return {
    backlogSeen(queue) {
      const now = Date.now();
      if (now - (lastRefresh.get(queue) ?? -Infinity) < minIntervalMs) return;
      lastRefresh.set(queue, now);
      refresh(queue).catch((error: unknown) => options.onError(coerceError(error)));
    },
  };
}
