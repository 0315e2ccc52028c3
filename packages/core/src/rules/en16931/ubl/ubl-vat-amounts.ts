import { XsDecimal } from '../../xs-decimal.js';
import type { XmlElement } from '../../../xml/xml-element.js';
import { documentMemo, type DocumentIndex, type DocumentMemo } from '../../document-index.js';
import { flagIs, kid, kids, number, round2, stringValue } from '../../xpath.js';
import { decimalKey, rateKey, sumChildDecimals } from '../vat-decimals.js';
import { categoryId } from './ubl-vat-query.js';

/**
 * The amounts the UBL VAT breakdown rules (08, 09) compare: sums of line, allowance and charge amounts per
 * category and rate, grouped in one pass per document so a sum is a lookup, not a pass over every line.
 */

/** The name of the invoice line element: `cac:InvoiceLine` in an invoice, `cac:CreditNoteLine` in a credit note. */
export type LineName = 'cac:InvoiceLine' | 'cac:CreditNoteLine';

function groupKey(code: string, rate: XsDecimal | undefined): string {
  return rate === undefined ? code : `${code}\n${rateKey(rate)}`;
}

type CategoryGroups = Map<string, XmlElement[]>;

/**
 * Elements (lines, allowances, charges) grouped by the VAT categories they carry: in group `code` when one of
 * their categories has `normalize-space(cbc:ID) = code`, in group `code rate` when, besides, one of their
 * categories has `xs:decimal(cbc:Percent) = rate` — two independent conditions, exactly as the official
 * predicates `[…/normalize-space(cbc:ID) = 'S'][…/xs:decimal(cbc:Percent) = $rate]` are.
 */
function groupByCategory(elements: readonly XmlElement[], categoriesOf: (element: XmlElement) => readonly XmlElement[]): CategoryGroups {
  const groups: CategoryGroups = new Map();
  const add = (key: string, element: XmlElement) => {
    const list = groups.get(key);
    if (!list) groups.set(key, [element]);
    else if (list[list.length - 1] !== element) list.push(element);
  };
  for (const element of elements) {
    const categories = categoriesOf(element);
    const rates: string[] = [];
    for (const category of categories) {
      const percent = kid(category, 'cbc:Percent');
      const rate = percent && decimalKey(stringValue(percent));
      if (rate !== undefined && !rates.includes(rate)) rates.push(rate);
    }
    for (const category of categories) {
      const code = categoryId(category);
      add(code, element);
      for (const rate of rates) add(`${code}\n${rate}`, element);
    }
  }
  return groups;
}

/** `cac:Item/cac:ClassifiedTaxCategory` of a line. */
function lineCategories(line: XmlElement): readonly XmlElement[] {
  const item = kid(line, 'cac:Item');
  return item ? kids(item, 'cac:ClassifiedTaxCategory') : [];
}

/** `cac:TaxCategory` of an allowance or charge. */
function allowanceChargeCategories(allowanceCharge: XmlElement): readonly XmlElement[] {
  return kids(allowanceCharge, 'cac:TaxCategory');
}

/** Per line kind, a memo of the same shape. */
function perLineKind<T>(compute: (doc: DocumentIndex, lineName: LineName) => T): Readonly<Record<LineName, DocumentMemo<T>>> {
  return {
    'cac:InvoiceLine': documentMemo((doc) => compute(doc, 'cac:InvoiceLine')),
    'cac:CreditNoteLine': documentMemo((doc) => compute(doc, 'cac:CreditNoteLine')),
  };
}

/** The root's lines of each kind, grouped by category. */
const ROOT_LINES = perLineKind((doc, lineName) => groupByCategory(kids(doc.root, lineName), lineCategories));
/** The root's allowances and charges, grouped by category. */
const ROOT_ALLOWANCE_CHARGES = documentMemo((doc) => groupByCategory(kids(doc.root, 'cac:AllowanceCharge'), allowanceChargeCategories));
/** All lines of each kind (`//lineName`), grouped by category. */
const ALL_LINES = perLineKind((doc, lineName) => groupByCategory(doc.all(lineName), lineCategories));
/** All allowances and charges (`//cac:AllowanceCharge`), grouped by category. */
const ALL_ALLOWANCE_CHARGES = documentMemo((doc) => groupByCategory(doc.all('cac:AllowanceCharge'), allowanceChargeCategories));
/** Whether every `//name` element is a child of the root, so that `//name` and the root's `name` children are the same. */
const ONLY_ROOT_LINES = perLineKind((doc, lineName) => onlyRootChildren(doc, lineName));
const ONLY_ROOT_ALLOWANCE_CHARGES = documentMemo((doc) => onlyRootChildren(doc, 'cac:AllowanceCharge'));
/** The expected taxable amounts computed so far, per line kind, by group key. */
const BASES = perLineKind(() => new Map<string, XsDecimal | undefined>());

function onlyRootChildren(doc: DocumentIndex, name: string): boolean {
  return doc.all(name).every((element) => element.parent === doc.root);
}

/**
 * The taxable base the 08 rules expect for category `code` (and `rate`) with lines named `lineName`: the sum
 * of the root's lines' net amounts plus its charges minus its allowances in that category, all xs:decimal
 * (memoised per document, line kind, code and rate).
 */
export function expectedTaxableAmount(doc: DocumentIndex, lineName: LineName, code: string, rate?: XsDecimal): XsDecimal | undefined {
  const key = groupKey(code, rate);
  const bases = doc.memoised(BASES[lineName]);
  if (bases.has(key)) return bases.get(key);
  const inCategory = doc.memoised(ROOT_ALLOWANCE_CHARGES).get(key) ?? [];
  const lines = sumChildDecimals(doc.memoised(ROOT_LINES[lineName]).get(key) ?? [], 'cbc:LineExtensionAmount');
  const charges = sumChildDecimals(inCategory.filter((ac) => flagIs(ac, 'cbc:ChargeIndicator', true)), 'cbc:Amount');
  const allowances = sumChildDecimals(inCategory.filter((ac) => flagIs(ac, 'cbc:ChargeIndicator', false)), 'cbc:Amount');
  const base = lines === undefined || charges === undefined || allowances === undefined ? undefined : lines.plus(charges).minus(allowances);
  bases.set(key, base);
  return base;
}

/**
 * `exists(//lineName[…category code…][…rate…]) or exists(//cac:AllowanceCharge[…code…][…rate…])`: the
 * category is used at this rate by a line of that kind or by any allowance or charge (BR-S-08).
 */
export function usedAtRate(doc: DocumentIndex, lineName: LineName, code: string, rate: XsDecimal): boolean {
  const key = groupKey(code, rate);
  const lines = doc.memoised(doc.memoised(ONLY_ROOT_LINES[lineName]) ? ROOT_LINES[lineName] : ALL_LINES[lineName]);
  const allowanceCharges = doc.memoised(doc.memoised(ONLY_ROOT_ALLOWANCE_CHARGES) ? ROOT_ALLOWANCE_CHARGES : ALL_ALLOWANCE_CHARGES);
  return lines.has(key) || allowanceCharges.has(key);
}

/**
 * `cbc:TaxableAmount + delta` as xs:double (untyped arithmetic); undefined when absent or not a number (the
 * cast to xs:decimal that follows raises an error, so the rule cannot hold).
 */
export function plusAsDouble(from: XmlElement | undefined, name: string, delta: number): number | undefined {
  const node = kid(from, name);
  if (!node) return undefined;
  const value = number(stringValue(node)) + delta;
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Compares `xs:decimal(d)` with the decimal `e` (negative, zero or positive). Saxon casts a double to
 * xs:decimal with its exact binary value: 100.1 - 1 becomes 99.0999999999999943…, which is below 99.1.
 */
export function compareExact(d: number, e: XsDecimal): number {
  // The double nearest to e decides, unless it is d itself: then d's exact expansion does.
  const nearest = e.toNumber();
  if (d !== nearest) return d < nearest ? -1 : 1;
  return XsDecimal.fromExactText(d.toPrecision(100)).comparedTo(e);
}

/** `round(abs(taxable) * (rate div 100) * 10 * 10) div 100`, the 09 rules' expected tax amount. */
export function expectedTaxAmount(taxable: XsDecimal, percent: XsDecimal): XsDecimal {
  return round2(taxable.abs().times(percent.div(100)));
}
