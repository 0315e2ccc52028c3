import type { XmlElement } from '../../xml/xml-element.js';
import { kid, stringValue } from '../xpath.js';
import { XsDecimal } from '../xs-decimal.js';

/**
 * Decimal helpers the VAT category rules of both syntaxes share: an exact sum of many amounts, and a canonical
 * key for rates, so lines can be grouped by rate without a decimal per line.
 */

/**
 * `sum(…/xs:decimal(.))` of values given as text: exact, and undefined when one is not an xs:decimal (the
 * cast raises an error). Ordinary amounts stay on XsDecimal's integer fast path, which keeps the sums over
 * every line of a 10,000-line invoice cheap (the VAT breakdown rules compute one per category and rate).
 */
export function sumDecimalTexts(values: readonly string[]): XsDecimal | undefined {
  let total = XsDecimal.ZERO;
  for (const text of values) {
    const value = XsDecimal.parse(text);
    if (value === undefined) return undefined;
    total = total.plus(value);
  }
  return total;
}

/**
 * The canonical form of an xs:decimal lexical value (`020.50` → `20.5`), undefined when it is not one: equal
 * decimals get equal keys, so rates can group lines with a string key.
 */
export function decimalKey(text: string): string | undefined {
  const value = XsDecimal.parse(text);
  return value === undefined ? undefined : rateKey(value);
}

/** The same canonical form for a decimal number. */
export function rateKey(rate: XsDecimal): string {
  return rate.isZero() ? '0' : rate.toFixed();
}

/**
 * `sum(elements/xs:decimal(child))`: elements without the child add nothing; an invalid value makes the sum
 * undefined (XPath raises an error, so the rule cannot hold).
 */
export function sumChildDecimals(elements: readonly XmlElement[], child: string): XsDecimal | undefined {
  const values: string[] = [];
  for (const element of elements) {
    const node = kid(element, child);
    if (node) values.push(stringValue(node));
  }
  return sumDecimalTexts(values);
}
