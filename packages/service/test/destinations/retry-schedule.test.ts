import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextRetryDelay, parseRetryAfter, retryDelay, type RetrySchedule } from '../../src/destinations/retry-schedule.js';

const schedule = (random: number): RetrySchedule => ({ initialDelayMs: 1_000, maxDelayMs: 60_000, random: () => random });

describe('nextRetryDelay (exponential back-off, equal jitter)', () => {
  test('the lowest draw is half the ceiling, the highest the ceiling; the ceiling doubles per attempt', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => nextRetryDelay(n, schedule(0))), [500, 1_000, 2_000, 4_000, 8_000]);
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => nextRetryDelay(n, schedule(1))), [1_000, 2_000, 4_000, 8_000, 16_000]);
    assert.equal(nextRetryDelay(3, schedule(0.5)), 3_000);
  });

  test('the ceiling stops at maxDelayMs, also for absurd attempt numbers', () => {
    assert.equal(nextRetryDelay(7, schedule(1)), 60_000); // 64 s would exceed the maximum
    assert.equal(nextRetryDelay(7, schedule(0)), 30_000);
    for (const attempt of [50, 1_100, 1e9, Number.MAX_SAFE_INTEGER, Infinity]) {
      const delay = nextRetryDelay(attempt, schedule(0.999));
      assert.ok(Number.isFinite(delay) && delay <= 60_000 && delay >= 30_000, `attempt ${attempt}: ${delay}`);
    }
  });

  test('attempt numbers below 1 or not numbers count as the first retry', () => {
    for (const attempt of [0, -3, Number.NaN, 1.7]) assert.equal(nextRetryDelay(attempt, schedule(1)), 1_000, String(attempt));
  });

  test('with Math.random every delay lies within [ceiling/2, ceiling] and the delays spread', () => {
    const seen = new Set<number>();
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const delay = nextRetryDelay(attempt, { initialDelayMs: 1_000, maxDelayMs: 60_000 });
        assert.ok(delay >= ceiling / 2 && delay <= ceiling, `attempt ${attempt}: ${delay} outside [${ceiling / 2}, ${ceiling}]`);
        if (attempt === 12) seen.add(delay);
      }
    }
    assert.ok(seen.size > 100, `jitter spreads delays (${seen.size} distinct of 200)`);
  });

  test('a random source outside [0, 1) cannot push a delay out of bounds', () => {
    assert.equal(nextRetryDelay(1, schedule(7)), 1_000);
    assert.equal(nextRetryDelay(1, schedule(-1)), 500);
    assert.equal(nextRetryDelay(1, schedule(Number.NaN)), 500);
  });

  test('schedules that make no sense are refused', () => {
    assert.throws(() => nextRetryDelay(1, { initialDelayMs: 0, maxDelayMs: 10 }), RangeError);
    assert.throws(() => nextRetryDelay(1, { initialDelayMs: -5, maxDelayMs: 10 }), RangeError);
    assert.throws(() => nextRetryDelay(1, { initialDelayMs: 100, maxDelayMs: 10 }), RangeError);
    assert.throws(() => nextRetryDelay(1, { initialDelayMs: 100, maxDelayMs: Infinity }), RangeError);
  });
});

describe('retryDelay (back-off and the receiver\'s Retry-After)', () => {
  test('waits at least as long as the receiver asked', () => {
    assert.equal(retryDelay(1, schedule(0), 45_000), 45_000);
  });
  test('keeps the back-off when the receiver asks for less, or for nothing', () => {
    assert.equal(retryDelay(4, schedule(0), 1_000), 4_000);
    assert.equal(retryDelay(4, schedule(0)), 4_000);
    assert.equal(retryDelay(4, schedule(0), Number.NaN), 4_000);
  });
  test('never waits longer than maxDelayMs, whatever the receiver asked', () => {
    assert.equal(retryDelay(1, schedule(0), 10 * 365 * 86_400_000), 60_000);
  });
});

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  const now = new Date('2024-11-06T08:49:37.250Z');

  test('delay-seconds', () => {
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter(' 5 ', now), 5_000);
  });

  test('IMF-fixdate, counted from now; a date in the past means now', () => {
    assert.equal(parseRetryAfter('Wed, 06 Nov 2024 08:51:38 GMT', now), 120_750);
    assert.equal(parseRetryAfter('Wed, 06 Nov 2024 08:00:00 GMT', now), 0);
  });

  test('the obsolete RFC 850 and asctime forms', () => {
    assert.equal(parseRetryAfter('Wednesday, 06-Nov-24 08:50:38 GMT', now), 60_750);
    assert.equal(parseRetryAfter('Wed Nov  6 08:50:38 2024', now), 60_750);
    assert.equal(parseRetryAfter('Wed Nov 16 08:49:37 2024', now), 10 * 86_400_000 - 250);
  });

  test('an RFC 850 year more than 50 years ahead belongs to the past century', () => {
    assert.equal(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', now), 0); // 1994, not 2094
  });

  test('anything else is undefined, so the caller falls back to its back-off', () => {
    const junk = [undefined, '', 'soon', '-5', '1.5', '1e3', '0x10', 'Wed, 31 Feb 2024 08:00:00 GMT', 'Wed, 06 Nov 2024 25:00:00 GMT', 'Wed, 06 Nov 2024 08:51:38 CET', '2024-11-06T09:00:00Z'];
    for (const value of junk) assert.equal(parseRetryAfter(value, now), undefined, String(value));
  });
});
