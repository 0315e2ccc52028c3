/**
 * Group commit: writes that callers make at the same time are run together, in one unit (one transaction),
 * instead of one unit each. While `maxInFlight` units are running, new writes wait; when a unit ends, every
 * write that waited meanwhile goes into the next one (up to `maxItems` items). A lone write starts at once
 * (unless `lingerMs`), so an idle service adds no latency; a busy one pays one BEGIN/COMMIT and one flush of the database's log
 * for many writes instead of one each.
 *
 * A unit that fails is run again write by write (when `retryAlone` says the error allows it): one write
 * that cannot succeed never fails the others.
 */
export type GroupCommitOptions<I, O> = {
  /** Runs one unit; returns one result per item, in order. */
  run(items: I[]): Promise<O[]>;
  /** Units running at the same time (at least 1). */
  maxInFlight: number;
  /** Items in one unit; a single write larger than this still runs whole, alone. */
  maxItems: number;
  /**
   * Whether, after this error of a unit of several writes, each write may run again on its own (default:
   * always). Say no for errors after which the unit's outcome is unknown — a connection lost during COMMIT
   * — when running the writes again would not be harmless: the writes of the unit then fail with the error.
   */
  retryAlone?: (error: unknown) => boolean;
  /**
   * How long a write that finds nothing running waits for others to join it (default 0: it starts at once).
   * For writes whose latency matters less than their cost — the worker's, which arrive one by one as the
   * documents finish their CPU work — a few milliseconds turn one statement per document into one per several.
   * Writes that queue behind a running unit never wait longer than it runs.
   */
  lingerMs?: number;
};

type Waiting<I, O> = { items: readonly I[]; resolve(results: O[]): void; reject(error: unknown): void };

/** A function that writes `items` (together with whatever else is being written) and returns their results. */
export function groupCommit<I, O>(options: GroupCommitOptions<I, O>): (items: readonly I[]) => Promise<O[]> {
  const waiting: Waiting<I, O>[] = [];
  let waitingItems = 0;
  let inFlight = 0;
  const lingerMs = options.lingerMs ?? 0;
  let lingering: ReturnType<typeof setTimeout> | undefined;

  /** Starts units while there is room; `lingered` when the writes have waited already (linger over, or behind a unit). */
  function next(lingered: boolean): void {
    if (!lingered && lingerMs > 0 && inFlight === 0 && waitingItems < options.maxItems) {
      lingering ??= setTimeout(() => {
        lingering = undefined;
        next(true);
      }, lingerMs);
      return;
    }
    if (lingering !== undefined) {
      clearTimeout(lingering);
      lingering = undefined;
    }
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const unit: Waiting<I, O>[] = [waiting.shift()!];
      let size = unit[0]!.items.length;
      while (waiting.length > 0 && size + waiting[0]!.items.length <= options.maxItems) {
        const write = waiting.shift()!;
        size += write.items.length;
        unit.push(write);
      }
      waitingItems -= size;
      inFlight += 1;
      void runUnit(unit).finally(() => {
        inFlight -= 1;
        next(true);
      });
    }
  }

  async function runUnit(unit: Waiting<I, O>[]): Promise<void> {
    if (unit.length === 1) return settle(unit[0]!);
    let results: O[];
    try {
      results = await options.run(unit.flatMap((write) => write.items));
    } catch (error) {
      if (options.retryAlone && !options.retryAlone(error)) {
        for (const write of unit) write.reject(error);
        return;
      }
      // Which write failed the unit is unknown: each goes again on its own and gets its own outcome.
      await Promise.all(unit.map(settle));
      return;
    }
    let offset = 0;
    for (const write of unit) {
      write.resolve(results.slice(offset, offset + write.items.length));
      offset += write.items.length;
    }
  }

  async function settle(write: Waiting<I, O>): Promise<void> {
    try {
      write.resolve(await options.run([...write.items]));
    } catch (error) {
      write.reject(error);
    }
  }

  return (items) =>
    new Promise<O[]>((resolve, reject) => {
      if (items.length === 0) return resolve([]);
      waiting.push({ items, resolve, reject });
      waitingItems += items.length;
      next(false);
    });
}
