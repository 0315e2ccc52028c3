import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupCommit } from '../../src/db/group-commit.js';

/** A unit of work that takes a while and records what it was given. */
function recorder(options: { failWhen?: (items: number[]) => boolean; delayMs?: number } = {}) {
  const units: number[][] = [];
  const run = async (items: number[]) => {
    units.push(items);
    await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5));
    if (options.failWhen?.(items)) throw new Error(`unit ${items.join(',')} failed`);
    return items.map((item) => item * 10);
  };
  return { units, run };
}

describe('groupCommit', () => {
  test('a lone write runs at once, alone', async () => {
    const { units, run } = recorder();
    const write = groupCommit({ run, maxInFlight: 1, maxItems: 100 });
    assert.deepEqual(await write([1, 2]), [10, 20]);
    assert.deepEqual(units, [[1, 2]]);
  });

  test('with lingerMs, a write that finds nothing running waits for the writes that follow it', async () => {
    const { units, run } = recorder({ delayMs: 1 });
    const write = groupCommit({ run, maxInFlight: 1, maxItems: 100, lingerMs: 30 });
    const first = write([1]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(units, [], 'still waiting for company');
    const second = write([2]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const third = write([3]);
    assert.deepEqual(await Promise.all([first, second, third]), [[10], [20], [30]]);
    assert.deepEqual(units, [[1, 2, 3]]);
  });

  test('with lingerMs, a lone write waits about that long; a full unit starts at once', async () => {
    const { units, run } = recorder({ delayMs: 1 });
    const write = groupCommit({ run, maxInFlight: 1, maxItems: 3, lingerMs: 300 });
    let started = performance.now();
    await write([1]);
    const lone = performance.now() - started;
    assert.ok(lone >= 295 && lone < 3000, `a lone write waited ${lone} ms`);
    started = performance.now();
    await Promise.all([write([2]), write([3, 4])]);
    assert.ok(performance.now() - started < 150, 'a unit with maxItems items does not wait');
    assert.deepEqual(units, [[1], [2, 3, 4]]);
  });

  test('with lingerMs, writes queued behind a running unit start when it ends, without lingering again', async () => {
    const { units, run } = recorder({ delayMs: 20 });
    const write = groupCommit({ run, maxInFlight: 1, maxItems: 100, lingerMs: 300 });
    const first = write([1]);
    await new Promise((resolve) => setTimeout(resolve, 310));
    const behind = write([2]);
    await first;
    const firstDone = performance.now();
    await behind;
    assert.ok(performance.now() - firstDone < 150, 'the queued write did not linger after the unit it waited for');
    assert.deepEqual(units, [[1], [2]]);
  });

  test('writes arriving while a unit runs share the next unit, and each gets its own results', async () => {
    const { units, run } = recorder();
    const write = groupCommit({ run, maxInFlight: 1, maxItems: 100 });
    const results = await Promise.all([write([1]), write([2, 3]), write([4]), write([5])]);
    assert.deepEqual(results, [[10], [20, 30], [40], [50]]);
    assert.deepEqual(units, [[1], [2, 3, 4, 5]]);
  });

  test('never more than maxInFlight units at once, nor more than maxItems items in a unit', async () => {
    let running = 0;
    let peak = 0;
    const sizes: number[] = [];
    const write = groupCommit<number, number>({
      run: async (items) => {
        running += 1;
        peak = Math.max(peak, running);
        sizes.push(items.length);
        await new Promise((resolve) => setTimeout(resolve, 3));
        running -= 1;
        return items;
      },
      maxInFlight: 2,
      maxItems: 3,
    });
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => write([i])));
    assert.deepEqual(all.flat(), Array.from({ length: 20 }, (_, i) => i));
    assert.equal(peak, 2);
    assert.ok(sizes.every((size) => size <= 3), sizes.join());
    assert.ok(sizes.length < 20, 'writes were grouped');
  });

  test('a write larger than maxItems still runs, whole and alone', async () => {
    const { units, run } = recorder();
    const write = groupCommit({ run, maxInFlight: 1, maxItems: 2 });
    const results = await Promise.all([write([1]), write([2, 3, 4]), write([5])]);
    assert.deepEqual(results, [[10], [20, 30, 40], [50]]);
    assert.deepEqual(units, [[1], [2, 3, 4], [5]]);
  });

  test('a failing unit is run again write by write: only the write that cannot succeed fails', async () => {
    const { units, run } = recorder({ failWhen: (items) => items.includes(3) });
    const write = groupCommit({ run, maxInFlight: 1, maxItems: 100 });
    const outcomes = await Promise.allSettled([write([1]), write([2]), write([3]), write([4])]);
    assert.deepEqual(
      outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)),
      [[10], [20], 'unit 3 failed', [40]],
    );
    assert.deepEqual(units, [[1], [2, 3, 4], [2], [3], [4]]);
  });

  test('an error that retryAlone refuses fails every write of the unit, without running them again', async () => {
    const { units, run } = recorder({ failWhen: (items) => items.length > 1 });
    const write = groupCommit({ run, maxInFlight: 1, maxItems: 100, retryAlone: (error) => !/unit/.test(String(error)) });
    const outcomes = await Promise.allSettled([write([1]), write([2]), write([3])]);
    assert.deepEqual(
      outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)),
      [[10], 'unit 2,3 failed', 'unit 2,3 failed'],
    );
    assert.deepEqual(units, [[1], [2, 3]]);
  });

  test('an empty write needs no unit', async () => {
    const { units, run } = recorder();
    assert.deepEqual(await groupCommit({ run, maxInFlight: 1, maxItems: 10 })([]), []);
    assert.deepEqual(units, []);
  });
});
