import type { XmlElement } from '../../../xml/xml-element.js';
import { XsDecimal } from '../../xs-decimal.js';
import { fatal, type Assertion, type RuleContext } from '../../binding.js';
import type { DocumentIndex } from '../../document-index.js';
import { decimal, decimalAt, equal, flagIs, has, kid, number, stringValue } from '../../xpath.js';
import { ruleId, type RateRequirement } from '../definitions/vat-categories.js';
import type { UblVatFamily } from './ubl-vat-families.js';
import { compareExact, expectedTaxableAmount, expectedTaxAmount, plusAsDouble, usedAtRate, type LineName } from './ubl-vat-amounts.js';
import { categoryId, inVatScheme } from './ubl-vat-query.js';

/**
 * The UBL contexts of one VAT category family and the rules checked in them: the VAT breakdown group
 * (`VATS`: 08, 09, 10), document level allowances (`VATS_Allowance`: 06) and charges (`VATS_Charge`: 07),
 * and invoice line items (`VATS_Line`: 05).
 */

/** `[normalize-space(cbc:ID) = code][cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT']` */
function isVatCategory(category: XmlElement, code: string): boolean {
  return categoryId(category) === code && inVatScheme(category);
}

/** The four contexts of a family, in the official order. */
export function ublVatContexts(f: UblVatFamily): RuleContext[] {
  const { code, context } = f.family;
  const allowanceCharge = (charge: boolean) => (element: XmlElement) =>
    element.parent?.name === 'cac:AllowanceCharge' && isVatCategory(element, code) && flagIs(element.parent, 'cbc:ChargeIndicator', charge);
  return [
    {
      // /*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory[…]
      name: context,
      pattern: 'model',
      elements: ['cac:TaxCategory'],
      matches: (element) => {
        const subtotal = element.parent;
        const total = subtotal?.parent;
        return subtotal?.name === 'cac:TaxSubtotal' && total?.name === 'cac:TaxTotal' && total.parent !== undefined &&
          total.parent.parent === undefined && isVatCategory(element, code);
      },
    },
    // cac:AllowanceCharge[cbc:ChargeIndicator = false()]/cac:TaxCategory[…], at any depth
    { name: `${context}_Allowance`, pattern: 'model', elements: ['cac:TaxCategory'], matches: allowanceCharge(false) },
    { name: `${context}_Charge`, pattern: 'model', elements: ['cac:TaxCategory'], matches: allowanceCharge(true) },
    {
      // cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory[…] | cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory[…]
      name: `${context}_Line`,
      pattern: 'model',
      elements: ['cac:ClassifiedTaxCategory'],
      matches: (element) => {
        const item = element.parent;
        const line = item?.parent?.name;
        return item?.name === 'cac:Item' && (line === 'cac:InvoiceLine' || line === 'cac:CreditNoteLine') && isVatCategory(element, code);
      },
    },
  ];
}

/** `(cbc:Percent) op 0` as xs:double, true when any of the rates satisfies it. */
function anyPercent(category: XmlElement, satisfies: (percent: number) => boolean): boolean {
  for (const child of category.children) if (child.name === 'cbc:Percent' && satisfies(number(stringValue(child)))) return true;
  return false;
}

/** 05–07 on a category element: its `cbc:Percent`. */
function rateTest(requirement: RateRequirement): (category: XmlElement) => boolean {
  switch (requirement) {
    case 'zero': // xs:decimal(cbc:Percent) = 0
      return (category) => equal(decimalAt(category, 'cbc:Percent'), ZERO);
    case 'positive': // (cbc:Percent) > 0
      return (category) => anyPercent(category, (p) => p > 0);
    case 'positiveOrZero': // (cbc:Percent) >= 0
      return (category) => anyPercent(category, (p) => p >= 0);
    case 'absent': // not(cbc:Percent)
      return (category) => kid(category, 'cbc:Percent') === undefined;
  }
}

const ZERO = decimal('0');

const LINE_NAMES: readonly LineName[] = ['cac:InvoiceLine', 'cac:CreditNoteLine'];

/** 08 `exact`: `xs:decimal(../cbc:TaxableAmount)` equals the lines, charges and allowances in the category. */
function taxableAmountExact(code: string) {
  return (category: XmlElement, doc: DocumentIndex): boolean => {
    const taxable = decimalAt(category.parent, 'cbc:TaxableAmount');
    return LINE_NAMES.some((lines) => doc.all(lines).length > 0 && equal(taxable, expectedTaxableAmount(doc, lines, code)));
  };
}

/**
 * 08 per rate: `every $rate in xs:decimal(cbc:Percent)` (true without a Percent) the taxable amount is within
 * 1 of the lines, charges and allowances in the category at that rate; `inUse` (BR-S-08) also asks that a line
 * of that kind or an allowance or charge uses the rate.
 */
function taxableAmountPerRate(code: string, inUse: boolean) {
  return (category: XmlElement, doc: DocumentIndex): boolean => {
    const percent = kid(category, 'cbc:Percent');
    if (!percent) return true;
    const rate = decimal(stringValue(percent));
    if (rate === undefined) return false;
    // ../xs:decimal(cbc:TaxableAmount - 1) < expected and ../xs:decimal(cbc:TaxableAmount + 1) > expected
    const low = plusAsDouble(category.parent, 'cbc:TaxableAmount', -1);
    const high = plusAsDouble(category.parent, 'cbc:TaxableAmount', 1);
    if (low === undefined || high === undefined) return false;
    return LINE_NAMES.some((lines) => {
      if (inUse ? !usedAtRate(doc, lines, code, rate) : doc.all(lines).length === 0) return false;
      const expected = expectedTaxableAmount(doc, lines, code, rate);
      return expected !== undefined && compareExact(low, expected) < 0 && compareExact(high, expected) > 0;
    });
  };
}

/** 09 `rateTimesBase`: |BT-117| is within 1 of round(|BT-116| × BT-119 / 100, 2), all xs:decimal. */
function taxAmountFromRate(category: XmlElement): boolean {
  const taxAmount = decimalAt(category.parent, 'cbc:TaxAmount');
  const taxable = decimalAt(category.parent, 'cbc:TaxableAmount');
  const percent = decimalAt(category, 'cbc:Percent');
  if (taxAmount === undefined || taxable === undefined || percent === undefined) return false;
  const expected = expectedTaxAmount(taxable, percent);
  return taxAmount.abs().minus(XsDecimal.ONE).lt(expected) && taxAmount.abs().plus(XsDecimal.ONE).gt(expected);
}

const hasExemptionReason = (category: XmlElement): boolean =>
  has(category, 'cbc:TaxExemptionReason') || has(category, 'cbc:TaxExemptionReasonCode');

/** The assertions of a family's four contexts. */
export function ublVatBreakdownAssertions(f: UblVatFamily): Assertion[] {
  const { family } = f;
  const { code, context } = family;
  const rate = rateTest(family.rate);
  return [
    fatal(ruleId(family, 8), context, f.base === 'exact' ? taxableAmountExact(code) : taxableAmountPerRate(code, f.base === 'perRateInUse')),
    fatal(ruleId(family, 9), context, family.taxAmount === 'zero'
      ? (category) => equal(decimalAt(category.parent, 'cbc:TaxAmount'), ZERO)
      : taxAmountFromRate),
    fatal(ruleId(family, 10), context, family.exemptionReason === 'required'
      ? hasExemptionReason
      : (category) => !hasExemptionReason(category)),
    fatal(ruleId(family, 6), `${context}_Allowance`, rate),
    fatal(ruleId(family, 7), `${context}_Charge`, rate),
    fatal(ruleId(family, 5), `${context}_Line`, rate),
  ];
}
