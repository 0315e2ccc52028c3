/** Conversions between the model's `YYYY-MM-DD` dates and CII's format 102 (`YYYYMMDD`). */

const FORMAT_102 = /^(\d{4})(\d{2})(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;

/** `20260331` → `2026-03-31`; undefined when the text is not a format-102 date. */
export function dateFrom102(text: string): string | undefined {
  const match = FORMAT_102.exec(text.trim());
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** `2026-03-31` (time zone allowed and dropped) → `20260331`; undefined when the text is not such a date. */
export function dateTo102(text: string): string | undefined {
  const match = ISO_DATE.exec(text.trim());
  return match ? `${match[1]}${match[2]}${match[3]}` : undefined;
}
