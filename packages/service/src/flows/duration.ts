/**
 * ISO 8601 durations as flows write them (`PT24H`, `P2D`, `PT0.5S`): days, hours, minutes and seconds only.
 * Years and months have no fixed length, so a deadline written with them would be ambiguous; they are refused.
 */
const DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an ISO 8601 duration, or undefined when it is not one (or uses years, months or weeks). */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, days, hours, minutes, seconds] = match;
  const ms = (Number(days ?? 0) * 86_400 + Number(hours ?? 0) * 3_600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0)) * 1000;
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}
