/**
 * When to try a failed delivery again: exponential back-off with jitter, and the receiver's own
 * Retry-After. Pure: the caller passes the clock and, in tests, the randomness.
 */

/** How retries spread out; the same for every attempt of one destination. */
export type RetrySchedule = {
  /** The ceiling of the first retry's delay. */
  initialDelayMs: number;
  /** No delay exceeds this, whatever the attempt number or the receiver's Retry-After. */
  maxDelayMs: number;
  /** Uniform in [0, 1); `Math.random` unless a test fixes it. */
  random?: () => number;
};

/**
 * The delay before retry number `attempt` (1 = the retry after the first failed attempt), with
 * "equal jitter": the ceiling doubles per attempt from `initialDelayMs` up to `maxDelayMs`, and the
 * delay is half the ceiling plus a uniformly random part of the other half. Half is fixed so delays
 * still grow with the attempt number; half is random so destinations that failed together (a
 * receiver's outage) do not all come back at the same instant.
 */
export function nextRetryDelay(attempt: number, schedule: RetrySchedule): number {
  checkSchedule(schedule);
  const exponent = Math.max(0, Math.floor(Number.isNaN(attempt) ? 1 : attempt) - 1);
  // 2 ** exponent becomes Infinity for huge attempts; min() then yields maxDelayMs, never NaN.
  const ceiling = Math.min(schedule.maxDelayMs, schedule.initialDelayMs * 2 ** exponent);
  const random = clampUnit((schedule.random ?? Math.random)());
  return Math.round(ceiling / 2 + random * (ceiling / 2));
}

/**
 * The delay before retry number `attempt` when the receiver may have asked for one: at least the
 * receiver's Retry-After (sending earlier would only be refused again), at least the back-off, and
 * never more than `maxDelayMs`, so a receiver cannot park a delivery for years.
 */
export function retryDelay(attempt: number, schedule: RetrySchedule, retryAfterMs?: number): number {
  const backOff = nextRetryDelay(attempt, schedule);
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs)) return backOff;
  return Math.min(schedule.maxDelayMs, Math.max(backOff, Math.ceil(retryAfterMs)));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// RFC 9110 §5.6.7: IMF-fixdate is what senders use; recipients must also accept RFC 850 and asctime.
const IMF_FIXDATE = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC_850 = /^[A-Z][a-z]{5,8}, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/**
 * The wait a Retry-After header asks for, in milliseconds (RFC 9110 §10.2.3): delay-seconds, or an
 * HTTP-date, which counts from `now` (a date in the past means "now": 0). Anything else, including
 * a missing header, is `undefined`: the caller falls back to its own back-off.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = parseHttpDate(text, now);
  return at === undefined ? undefined : Math.max(0, at - now.getTime());
}

/** An HTTP-date in any of its three forms, as epoch milliseconds; `undefined` when it is not one. */
function parseHttpDate(text: string, now: Date): number | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[3]), m[2], Number(m[1]), [m[4], m[5], m[6]]);
  m = RFC_850.exec(text);
  if (m) return utc(fullYear(Number(m[3]), now), m[2], Number(m[1]), [m[4], m[5], m[6]]);
  m = ASCTIME.exec(text);
  if (m) return utc(Number(m[6]), m[1], Number((m[2] ?? '').trim()), [m[3], m[4], m[5]]);
  return undefined;
}

/** RFC 9110 §5.6.7: a two-digit year more than 50 years ahead is the most recent past year with those digits. */
function fullYear(twoDigits: number, now: Date): number {
  const thisYear = now.getUTCFullYear();
  let year = thisYear - (thisYear % 100) + twoDigits;
  if (year > thisYear + 50) year -= 100;
  return year;
}

function utc(year: number, monthName: string | undefined, day: number, time: (string | undefined)[]): number | undefined {
  const month = MONTHS.indexOf(monthName ?? '');
  const [hours, minutes, seconds] = time.map(Number) as [number, number, number];
  if (month < 0 || hours > 23 || minutes > 59 || seconds > 60) return undefined;
  const ms = Date.UTC(year, month, day, hours, minutes, Math.min(seconds, 59));
  // Date.UTC rolls 31 Feb over into March; a date that does not exist is not a date.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

function checkSchedule({ initialDelayMs, maxDelayMs }: RetrySchedule): void {
  if (!(initialDelayMs > 0) || !Number.isFinite(initialDelayMs)) throw new RangeError(`initialDelayMs must be a positive number, got ${initialDelayMs}`);
  if (!(maxDelayMs >= initialDelayMs) || !Number.isFinite(maxDelayMs)) throw new RangeError(`maxDelayMs must be at least initialDelayMs, got ${maxDelayMs}`);
}

/** Keeps a misbehaving random source from pushing a delay outside [ceiling/2, ceiling]. */
function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
