import { DecimalClass, type DecimalNumber } from '../../model/decimal.js';
import type { XmlElement } from '../../xml/xml-element.js';
import { decimal, kid, normalizeSpace, stringValue } from '../xpath.js';

/**
 * Decimal helpers the VAT category rules of both syntaxes share: an exact sum of many amounts that stays fast
 * on large invoices, and a canonical key for rates, so lines can be grouped by rate without a decimal per line.
 */

const LEXICAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Whether `text` has XML whitespace (usually not: then normalize-space has nothing to do). */
function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

function safe(integer: number): boolean {
  return Math.abs(integer) <= Number.MAX_SAFE_INTEGER;
}

/** Sums with decimal.js: exact at any size, but slow for thousands of values. */
function sumWithDecimals(values: readonly string[]): DecimalNumber | undefined {
  let total = new DecimalClass(0);
  for (const text of values) {
    const value = decimal(text);
    if (value === undefined) return undefined;
    total = total.plus(value);
  }
  return total;
}

/**
 * `sum(…/xs:decimal(.))` of values given as text: exact, and undefined when one is not an xs:decimal (the
 * cast raises an error). Amounts of up to 15 digits, the usual case, are added as scaled integers in doubles,
 * which is exact while the sum stays below 2^53; anything else falls back to decimal.js. This keeps the sums
 * over every line of a 10,000-line invoice cheap (the VAT breakdown rules compute one per category and rate).
 */
export function sumDecimalTexts(values: readonly string[]): DecimalNumber | undefined {
  let sum = 0;
  let scale = 0;
  for (const text of values) {
    const parts = LEXICAL.exec(hasSpace(text) ? normalizeSpace(text) : text);
    const whole = parts?.[2] ?? '';
    const fraction = parts?.[3] ?? '';
    if (!parts || (whole === '' && fraction === '') || whole.length + fraction.length > 15 || fraction.length > 10) {
      return sumWithDecimals(values);
    }
    let value = Number(whole + fraction) * (parts[1] === '-' ? -1 : 1);
    if (fraction.length > scale) {
      sum *= 10 ** (fraction.length - scale);
      scale = fraction.length;
    } else value *= 10 ** (scale - fraction.length);
    // Integers up to 2^53 are exact in a double; a product or sum beyond may have been rounded: start again exactly.
    if (!safe(sum) || !safe(value) || !safe((sum += value))) return sumWithDecimals(values);
  }
  return new DecimalClass(`${sum}e-${scale}`);
}

const XS_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * The canonical form of an xs:decimal lexical value (`020.50` → `20.5`), undefined when it is not one: equal
 * decimals get equal keys, so rates can group lines without building a decimal per line.
 */
export function decimalKey(text: string): string | undefined {
  const value = hasSpace(text) ? normalizeSpace(text) : text;
  if (!XS_DECIMAL.test(value)) return undefined;
  const negative = value.startsWith('-');
  const unsigned = value.replace(/^[+-]/, '');
  const point = unsigned.indexOf('.');
  const whole = (point < 0 ? unsigned : unsigned.slice(0, point)).replace(/^0+/, '');
  const fraction = point < 0 ? '' : unsigned.slice(point + 1).replace(/0+$/, '');
  if (whole === '' && fraction === '') return '0';
  return `${negative ? '-' : ''}${whole || '0'}${fraction ? `.${fraction}` : ''}`;
}

/** The same canonical form for a decimal number. */
export function rateKey(rate: DecimalNumber): string {
  return rate.isZero() ? '0' : rate.toFixed();
}

/**
 * `sum(elements/xs:decimal(child))`: elements without the child add nothing; an invalid value makes the sum
 * undefined (XPath raises an error, so the rule cannot hold).
 */
export function sumChildDecimals(elements: readonly XmlElement[], child: string): DecimalNumber | undefined {
  const values: string[] = [];
  for (const element of elements) {
    const node = kid(element, child);
    if (node) values.push(stringValue(node));
  }
  return sumDecimalTexts(values);
}
