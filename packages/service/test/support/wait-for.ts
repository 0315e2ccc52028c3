import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls `condition` until it returns a truthy value (which is returned) or the deadline passes (which
 * throws, naming what was awaited). Tests wait on conditions, never on fixed sleeps.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, options: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${options.timeoutMs ?? 10_000} ms waiting for ${options.what ?? 'a condition'} (last: ${String(last)})`);
    }
    await delay(options.intervalMs ?? 20);
  }
}
