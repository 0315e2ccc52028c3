import { XsDecimal } from '../../xs-decimal.js';
import type { XmlElement } from '../../../xml/xml-element.js';
import { documentMemo, type DocumentIndex } from '../../document-index.js';
import { at, kid, normalizeSpace, number, stringValue, text } from '../../xpath.js';

/**
 * XPath idioms of the CII model rules that the shared helpers (`xpath.ts`) do not cover: absolute paths
 * from the CII root, attribute steps, existential string comparisons of two node-sets, and the xs:double
 * arithmetic the rules do when they sum untyped values without `xs:decimal()`.
 */

/** The CII root element name. */
export const CII_ROOT = 'rsm:CrossIndustryInvoice';

const EMPTY: readonly XmlElement[] = [];

/** True when `element` is the document element `/rsm:CrossIndustryInvoice`. */
export function isCiiRoot(element: XmlElement | undefined): boolean {
  return element !== undefined && element.parent === undefined && element.name === CII_ROOT;
}

/**
 * The ancestry test of a context such as `//a/b/c`: the parent is named `ancestors[0]`, its parent
 * `ancestors[1]`, and so on. With `absolute`, the last one must be the document element (`/a/b/c`).
 */
export function hasAncestors(element: XmlElement, ancestors: readonly string[], absolute = false): boolean {
  let node: XmlElement | undefined = element;
  for (const name of ancestors) {
    node = node?.parent;
    if (node?.name !== name) return false;
  }
  return !absolute || node?.parent === undefined;
}

/** `/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement` (memoised). */
export function headerSettlements(doc: DocumentIndex): readonly XmlElement[] {
  return doc.memoised(HEADER_SETTLEMENTS);
}

const HEADER_SETTLEMENTS = documentMemo((doc) =>
  isCiiRoot(doc.root) ? at(doc.root, 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement') : EMPTY,
);

/** A path below the header settlement, e.g. `ram:InvoiceCurrencyCode` (absolute in the rules). */
export function fromHeaderSettlement(doc: DocumentIndex, relativePath: string): readonly XmlElement[] {
  return at(headerSettlements(doc), relativePath);
}

/** The node-set `path/@name` reduced to its attribute values, in document order. */
export function attributes(nodes: readonly XmlElement[], name: string): string[] {
  const values: string[] = [];
  for (const node of nodes) {
    const value = node.attributes[name];
    if (value !== undefined) values.push(value);
  }
  return values;
}

/** `normalize-space(path/@name) != ''` on the first attribute of the node-set. */
export function attributeFilled(nodes: readonly XmlElement[], name: string): boolean {
  for (const node of nodes) {
    const value = node.attributes[name];
    if (value !== undefined) return normalizeSpace(value) !== '';
  }
  return false;
}

/** The predicate `path[@name = 'value']`. */
export function withAttribute(nodes: readonly XmlElement[], name: string, value: string): readonly XmlElement[] {
  return nodes.filter((node) => node.attributes[name] === value);
}

/** `a = b` for two node-sets of untyped values: some value of `a` equals some value of `b` as strings. */
export function anyEqual(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const set = new Set(b);
  return a.some((value) => set.has(value));
}

/** The string values of a node-set. */
export function values(nodes: readonly XmlElement[]): string[] {
  return nodes.map(stringValue);
}

/** `upper-case(ram:TypeCode) = 'VAT'`, as the rules test a tax group of type VAT (without normalize-space). */
export function isVatType(tax: XmlElement): boolean {
  return text(tax, 'ram:TypeCode').toUpperCase() === 'VAT';
}

/** `path >= 0` on untyped values: some node is, as an xs:double, at least zero. */
export function someNotNegative(nodes: readonly XmlElement[]): boolean {
  return nodes.some((node) => number(stringValue(node)) >= 0);
}

/** `a >= b` for untyped values: compared as strings, in Unicode code point order (the default collation). */
export function stringAtLeast(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x > y;
    if (x > 0xffff) i++;
  }
  return a.length >= b.length;
}

/** `later >= earlier` for two node-sets of untyped date strings (existential, string comparison). */
export function someAtLeast(later: readonly XmlElement[], earlier: readonly XmlElement[]): boolean {
  return later.some((l) => earlier.some((e) => stringAtLeast(stringValue(l), stringValue(e))));
}

/** XPath `substring(value, 1, length)`: the first `length` characters (code points). */
export function leadingCharacters(value: string, length: number): string {
  let out = '';
  let count = 0;
  for (const character of value) {
    if (count++ === length) break;
    out += character;
  }
  return out;
}

/** `sum(nodes)` of untyped values: xs:double arithmetic, in document order; NaN when a value is not a number. */
export function sumDoubles(nodes: readonly XmlElement[]): number {
  let total = 0;
  for (const node of nodes) total += number(stringValue(node));
  return total;
}

/** `round(x * 10 * 10) div 100` in xs:double arithmetic (round: halves towards positive infinity, like Math.round). */
export function round2Double(value: number): number {
  return Math.round(value * 10 * 10) / 100;
}

/** `. = round(. * 100) div 100` on an untyped value: the xs:double has no more than two decimals. */
export function twoDecimalsAsDouble(node: XmlElement): boolean {
  const value = number(stringValue(node));
  return value === Math.round(value * 100) / 100;
}

/** `kid` of each element, flattened: the `[1]` predicate of a step, e.g. `ram:URIUniversalCommunication[1]`. */
export function firstKids(nodes: readonly XmlElement[], name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const node of nodes) {
    const child = kid(node, name);
    if (child) found.push(child);
  }
  return found;
}

const TWO_52 = 2n ** 52n;

/**
 * `xs:decimal(x)` of an xs:double: its exact binary value, as Saxon computes it (`new BigDecimal(double)`),
 * not the shortest decimal that prints as the same double. Undefined for NaN and infinities (a cast error).
 */
export function exactDecimal(value: number): XsDecimal | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (value === 0) return XsDecimal.ZERO;
  if (Number.isSafeInteger(value)) return XsDecimal.fromScaled(value, 0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent = -1074;
  if (biased !== 0) {
    mantissa += TWO_52;
    exponent = biased - 1075;
  }
  // value = ±mantissa × 2^exponent; for a negative exponent that is mantissa × 5^k / 10^k, written exactly.
  let digits: string;
  if (exponent >= 0) {
    digits = (mantissa << BigInt(exponent)).toString();
  } else {
    const k = -exponent;
    const scaled = (mantissa * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
    digits = `${scaled.slice(0, -k)}.${scaled.slice(-k)}`;
  }
  return XsDecimal.fromExactText(value < 0 ? `-${digits}` : digits);
}

/** Doubles below this, times 100, are within 2^-14 of their exact value (ulp of 2^39 is 2^-13). */
const CENTS_FAST_LIMIT = 2 ** 32;

/**
 * `round(xs:decimal(x) * 100) div 100` of an xs:double (exact binary value, halves towards +∞). Usually
 * without expanding the double: when `x * 100` in doubles lies within 1/4 of an integer n, the exact product
 * lies within 1/4 + 2^-13 of n, so it rounds to n whatever the rounding of the multiplication was.
 */
export function exactDecimalRounded2(value: number): XsDecimal | undefined {
  if (Number.isFinite(value) && Math.abs(value) < CENTS_FAST_LIMIT) {
    const cents = value * 100;
    const nearest = Math.round(cents);
    if (Math.abs(cents - nearest) <= 0.25) return XsDecimal.fromScaled(nearest, 2);
  }
  return exactDecimal(value)?.roundHalfCeil(2);
}
