import type { Period } from '../../model/delivery.js';
import type { XmlElement } from '../../xml/xml-element.js';
import { dateFrom102 } from '../date-format.js';
import type { ElementReader } from '../element-reader.js';
import { DATE_FORMAT_102, VAT_TYPE_CODE } from './cii-names.js';

import { compact } from '../read-values.js';

export { compact, identifierOf, nestedText, nonEmpty } from '../read-values.js';

/** The element holding a CII date: `udt:DateTimeString` in most places, `udt:DateString` in a tax point date, `qdt:DateTimeString` in a formatted date. */
export type DateStringName = 'udt:DateTimeString' | 'udt:DateString' | 'qdt:DateTimeString';

/**
 * Reads `<outer><udt:DateTimeString format="102">YYYYMMDD</…></outer>` as `YYYY-MM-DD`. A date in another
 * format, or not a date at all, is kept as written and reported, so nothing is lost and nothing is guessed.
 */
export function readDate(reader: ElementReader, outer: string, inner: DateStringName = 'udt:DateTimeString'): string | undefined {
  const child = reader.child(outer);
  if (!child) return undefined;
  const element = child.one(inner);
  child.finish();
  if (!element) {
    if (child.element.children.length === 0) reader.report(child.element, 'invalid-value', `${outer} has no ${inner}; no date was read`);
    return undefined;
  }
  return dateOf(reader, element);
}

function dateOf(reader: ElementReader, element: XmlElement): string {
  const format = element.attributes['format']?.trim();
  const iso = format === DATE_FORMAT_102 ? dateFrom102(element.text) : undefined;
  if (iso !== undefined) return iso;
  const problem =
    format === DATE_FORMAT_102
      ? `"${element.text}" is not a date written YYYYMMDD`
      : `the date format is ${format === undefined ? 'missing' : `"${format}"`}, EN 16931 requires 102 (YYYYMMDD)`;
  reader.report(element, 'invalid-value', `${problem}; the value was kept as written`);
  return element.text;
}

/** BG-14 / BG-26 from a `ram:BillingSpecifiedPeriod`; an empty period element gives an empty period. */
export function readPeriod(reader: ElementReader, name: string): Period | undefined {
  const period = reader.child(name);
  if (!period) return undefined;
  const value = compact<Period>({ startDate: readDate(period, 'ram:StartDateTime'), endDate: readDate(period, 'ram:EndDateTime') });
  period.finish();
  return value ?? {};
}

/**
 * Reads the `ram:TypeCode` of a tax. EN 16931 knows VAT only, so the code carries no business term; another
 * tax type is reported because the amounts next to it would otherwise be taken for VAT silently.
 */
export function readVatTypeCode(reader: ElementReader): void {
  const code = reader.one('ram:TypeCode');
  if (code && code.text.trim() !== VAT_TYPE_CODE) {
    reader.report(code, 'invalid-value', `The tax type "${code.text}" is not VAT, the only tax EN 16931 covers; the tax was read as VAT`);
  }
}

/** `ram:ChargeIndicator/udt:Indicator`: true for a charge, false for an allowance, undefined when missing or not a boolean. */
export function readChargeIndicator(reader: ElementReader): boolean | undefined {
  const indicator = reader.child('ram:ChargeIndicator');
  if (!indicator) return undefined;
  const value = indicator.one('udt:Indicator')?.text.trim();
  indicator.finish();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}
