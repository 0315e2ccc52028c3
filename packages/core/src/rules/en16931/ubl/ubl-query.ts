import type { XmlElement } from '../../../xml/xml-element.js';
import { decimal, kids, normalizeSpace, stringValue, text } from '../../xpath.js';
import type { XsDecimal } from '../../xs-decimal.js';

/**
 * Small XPath idioms of the UBL binding of the EN 16931 rules, shared by its assertion files.
 */

const INVOICE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const CREDIT_NOTE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';

/** `/ubl:Invoice | /cn:CreditNote`: the document element of a UBL invoice or credit note. */
export function isUblRoot(element: XmlElement | undefined): boolean {
  if (!element || element.parent) return false;
  return (element.ns === INVOICE_NS && element.local === 'Invoice') || (element.ns === CREDIT_NOTE_NS && element.local === 'CreditNote');
}

/** `/ubl:Invoice/X | /cn:CreditNote/X`: a child of the UBL document element. */
export function isRootChild(element: XmlElement): boolean {
  return isUblRoot(element.parent);
}

/** The element's ancestors are named `names`, nearest last: `under(e, 'cac:A', 'cac:B')` is `cac:A/cac:B/e`. */
export function under(element: XmlElement, ...names: readonly string[]): boolean {
  return ancestorAlong(element, names) !== undefined;
}

/** The ancestor above the ones named `names` (nearest last), or undefined when the names do not match. */
function ancestorAlong(element: XmlElement, names: readonly string[]): XmlElement | null | undefined {
  let node = element.parent;
  for (let i = names.length - 1; i >= 0; i--) {
    if (!node || node.name !== names[i]) return undefined;
    node = node.parent;
  }
  return node ?? null;
}

/** The context test `A/B/e` of {@link under}, made once per context (all contexts share its compiled code). */
export function underNames(...names: readonly string[]): (element: XmlElement) => boolean {
  return (element) => ancestorAlong(element, names) !== undefined;
}

const LINES: readonly string[] = ['cac:InvoiceLine', 'cac:CreditNoteLine'];

/** The context test `cac:InvoiceLine/names/e | cac:CreditNoteLine/names/e`. */
export function underLineNames(...names: readonly string[]): (element: XmlElement) => boolean {
  return (element) => {
    const line = ancestorAlong(element, names);
    return line !== undefined && line !== null && LINES.includes(line.name);
  };
}

/** `exists(@name)`: the element carries the (unprefixed) attribute. */
export function hasAttribute(element: XmlElement, name: string): boolean {
  return element.attributes[name] !== undefined;
}

/** `cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'`: some tax scheme of the category is VAT. */
export function isVatScheme(category: XmlElement): boolean {
  return kids(category, 'cac:TaxScheme').some((scheme) => normalizeSpace(text(scheme, 'cbc:ID').toUpperCase()) === 'VAT');
}

/** `name[cac:TaxScheme/... = 'VAT']`: the children named `name` (a tax category or party tax scheme) of the VAT scheme. */
export function vatKids(element: XmlElement | undefined, name: string): readonly XmlElement[] {
  return kids(element, name).filter(isVatScheme);
}

/** `cbc:ChargeIndicator = true()` / `= false()`, as the allowance and charge contexts test it. */
export function chargeIndicatorIs(element: XmlElement, expected: boolean): boolean {
  // A general comparison with a boolean casts each node to xs:boolean; a value that does not cast
  // makes the predicate fail (Saxon treats a pattern error as no match).
  return kids(element, 'cbc:ChargeIndicator').some((node) => {
    const value = normalizeSpace(stringValue(node));
    return value === (expected ? 'true' : 'false') || value === (expected ? '1' : '0');
  });
}

/** `xs:decimal(path)` of a child element by name (first node); undefined when absent or not a decimal. */
export function decimalKid(element: XmlElement | undefined, name: string): XsDecimal | undefined {
  const node = kids(element, name)[0];
  return node ? decimal(stringValue(node)) : undefined;
}

const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `xs:date(value)` as the instant (in minutes) at which the day starts, for comparing two dates; a date
 * without time zone takes UTC as the implicit time zone. Undefined when the value is not an xs:date.
 */
export function xsDateStart(value: string): number | undefined {
  const match = DATE.exec(normalizeSpace(value));
  if (!match) return undefined;
  const [, yearText, monthText, dayText, zone] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year === 0 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const maxDay = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > maxDay) return undefined;
  let offset = 0;
  if (zone && zone !== 'Z') {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
    offset = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / 60_000) - offset;
}

/**
 * The BR-29/BR-30 test on a period: when both dates are given, `xs:date(cbc:EndDate) >= xs:date(cbc:StartDate)`.
 * A date that is not an xs:date fails the test (the official check stops with an error there).
 */
export function periodInOrder(period: XmlElement): boolean {
  const start = kids(period, 'cbc:StartDate');
  const end = kids(period, 'cbc:EndDate');
  if (start.length === 0 || end.length === 0) return true;
  const startAt = xsDateStart(stringValue(start[0]));
  const endAt = xsDateStart(stringValue(end[0]));
  return startAt !== undefined && endAt !== undefined && endAt >= startAt;
}
