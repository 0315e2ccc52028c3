import { Decimal } from 'decimal.js';
import { DECIMAL_PATTERN } from './lexical.js';

/**
 * Decimal arithmetic for amounts, quantities, prices and rates. The model keeps numbers as text; this
 * module is the only way they become numbers, and it never goes through binary floating point.
 */
const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });

/** An exact decimal number (decimal.js, 60 significant digits). */
export type DecimalNumber = InstanceType<typeof Exact>;

/** True when `text` is a valid xs:decimal lexical value. */
export function isDecimalText(text: string): boolean {
  return DECIMAL_PATTERN.test(text.trim());
}

/** Reads a decimal from its lexical form; `undefined` when the text is not an xs:decimal. */
export function toDecimal(text: string | undefined): DecimalNumber | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!DECIMAL_PATTERN.test(trimmed)) return undefined;
  // decimal.js does not read a trailing point ("12."), which xs:decimal allows.
  return new Exact(trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed);
}

/** Writes a decimal as plain text without exponent, e.g. "1250.5". */
export function formatDecimal(value: DecimalNumber, fractionDigits?: number): string {
  return fractionDigits === undefined ? value.toFixed() : value.toFixed(fractionDigits);
}

/** The sum of the given decimals (0 for none). */
export function sumDecimals(values: readonly DecimalNumber[]): DecimalNumber {
  let total = new Exact(0);
  for (const value of values) total = total.plus(value);
  return total;
}

/** Number of digits after the decimal point in a lexical decimal ("10.50" → 2, "7" → 0). */
export function fractionDigitsOf(text: string): number {
  const trimmed = text.trim();
  const dot = trimmed.indexOf('.');
  return dot < 0 ? 0 : trimmed.length - dot - 1;
}

export { Exact as DecimalClass };
