import type { XmlElement } from '../../../xml/xml-element.js';
import { XsDecimal } from '../../xs-decimal.js';
import { fatal, type Assertion } from '../../binding.js';
import { decimalsAtMostPath, hasAnyPath, hasPath } from '../../assertion-tests.js';
import type { DocumentIndex } from '../../document-index.js';
import { at, decimal, equal, has, kids, normalizeSpace, round, round2, stringValue, sumDecimals, text } from '../../xpath.js';
import { chargeIndicatorIs, decimalKid, vatKids } from './ubl-query.js';

/**
 * The UBL binding of the core rules on amounts: document level allowances and charges, the document totals
 * (BG-22), the VAT total and the VAT breakdown (BG-23). Sums are exact decimal arithmetic (xs:decimal),
 * rounded the official way: `round(x * 100) div 100`, halves towards positive infinity.
 */

/** `sum(//(cac:InvoiceLine | cac:CreditNoteLine)/xs:decimal(cbc:LineExtensionAmount))`, once per document. */
function lineNetSum(doc: DocumentIndex): XsDecimal | undefined {
  return doc.once('ubl-model:line-net-sum', () => {
    const lines = [...doc.all('cac:InvoiceLine'), ...doc.all('cac:CreditNoteLine')];
    return sumDecimals(at(lines, 'cbc:LineExtensionAmount'));
  });
}

/** The sibling document level allowances (`false`) or charges (`true`) of the totals: `../cac:AllowanceCharge[...]`. */
function siblingAllowanceCharges(totals: XmlElement, charge: boolean): readonly XmlElement[] {
  return kids(totals.parent, 'cac:AllowanceCharge').filter((item) => chargeIndicatorIs(item, charge));
}

/** BR-CO-11/12: the stated sum equals the rounded sum of the amounts, or neither the sum nor any item exists. */
function sumMatches(totals: XmlElement, sumName: string, charge: boolean): boolean {
  const items = siblingAllowanceCharges(totals, charge);
  const stated = decimalKid(totals, sumName);
  const computed = sumDecimals(at(items, 'cbc:Amount'));
  if (equal(stated, computed === undefined ? undefined : round2(computed))) return true;
  return !has(totals, sumName) && items.length === 0;
}

/** BR-CO-13: BT-109 = round(BT-106 - BT-107 + BT-108, 2), each term only when present. */
function totalWithoutVatOk(totals: XmlElement): boolean {
  const withoutVat = decimalKid(totals, 'cbc:TaxExclusiveAmount');
  const lineNet = decimalKid(totals, 'cbc:LineExtensionAmount');
  const hasCharges = has(totals, 'cbc:ChargeTotalAmount');
  const hasAllowances = has(totals, 'cbc:AllowanceTotalAmount');
  if (!hasCharges && !hasAllowances) return equal(withoutVat, lineNet);
  const charges = hasCharges ? decimalKid(totals, 'cbc:ChargeTotalAmount') : XsDecimal.ZERO;
  const allowances = hasAllowances ? decimalKid(totals, 'cbc:AllowanceTotalAmount') : XsDecimal.ZERO;
  if (lineNet === undefined || charges === undefined || allowances === undefined) return false;
  return equal(withoutVat, round2(lineNet.plus(charges).minus(allowances)));
}

/** BR-CO-16: BT-115 = BT-112 - BT-113 + BT-114, compared the official way for each combination of present terms. */
function amountDueOk(totals: XmlElement): boolean {
  const due = decimalKid(totals, 'cbc:PayableAmount');
  const withVat = decimalKid(totals, 'cbc:TaxInclusiveAmount');
  const hasPaid = has(totals, 'cbc:PrepaidAmount');
  const hasRounding = has(totals, 'cbc:PayableRoundingAmount');
  const paid = decimalKid(totals, 'cbc:PrepaidAmount');
  const rounding = decimalKid(totals, 'cbc:PayableRoundingAmount');
  // Left side: the amount due, less the rounding amount when there is one (rounded to 2 decimals).
  const left = hasRounding ? (due && rounding ? round2(due.minus(rounding)) : undefined) : due;
  // Right side: the total with VAT, less the paid amount when there is one (rounded to 2 decimals).
  const right = hasPaid ? (withVat && paid ? round2(withVat.minus(paid)) : undefined) : withVat;
  return equal(left, right);
}

/** Assertions of the contexts `Document_level_allowances` and `Document_level_charges`. */
const ALLOWANCE_CHARGE_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-31', 'Document_level_allowances', hasPath('cbc:Amount')),
  fatal('BR-32', 'Document_level_allowances', (e) => vatKids(e, 'cac:TaxCategory').some((category) => has(category, 'cbc:ID'))),
  fatal('BR-33', 'Document_level_allowances', hasAnyPath('cbc:AllowanceChargeReason', 'cbc:AllowanceChargeReasonCode')),
  // BR-CO-05: the official UBL test is true(): code and text are not compared.
  fatal('BR-CO-05', 'Document_level_allowances', () => true),
  fatal('BR-CO-21', 'Document_level_allowances', hasAnyPath('cbc:AllowanceChargeReason', 'cbc:AllowanceChargeReasonCode')),
  fatal('BR-DEC-01', 'Document_level_allowances', decimalsAtMostPath('cbc:Amount', 2)),
  fatal('BR-DEC-02', 'Document_level_allowances', decimalsAtMostPath('cbc:BaseAmount', 2)),
  fatal('BR-36', 'Document_level_charges', hasPath('cbc:Amount')),
  fatal('BR-37', 'Document_level_charges', (e) => vatKids(e, 'cac:TaxCategory').some((category) => has(category, 'cbc:ID'))),
  fatal('BR-38', 'Document_level_charges', hasAnyPath('cbc:AllowanceChargeReason', 'cbc:AllowanceChargeReasonCode')),
  // BR-CO-06: the official UBL test is true().
  fatal('BR-CO-06', 'Document_level_charges', () => true),
  fatal('BR-CO-22', 'Document_level_charges', hasAnyPath('cbc:AllowanceChargeReason', 'cbc:AllowanceChargeReasonCode')),
  fatal('BR-DEC-05', 'Document_level_charges', decimalsAtMostPath('cbc:Amount', 2)),
  fatal('BR-DEC-06', 'Document_level_charges', decimalsAtMostPath('cbc:BaseAmount', 2)),
];

/** Assertions of the context `Document_totals` (cac:LegalMonetaryTotal). */
const DOCUMENT_TOTALS_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-12', 'Document_totals', hasPath('cbc:LineExtensionAmount')),
  fatal('BR-13', 'Document_totals', hasPath('cbc:TaxExclusiveAmount')),
  fatal('BR-14', 'Document_totals', hasPath('cbc:TaxInclusiveAmount')),
  fatal('BR-15', 'Document_totals', hasPath('cbc:PayableAmount')),
  fatal('BR-CO-10', 'Document_totals', (e, doc) => {
    const sum = lineNetSum(doc);
    return equal(decimalKid(e, 'cbc:LineExtensionAmount'), sum === undefined ? undefined : round2(sum));
  }),
  fatal('BR-CO-11', 'Document_totals', (e) => sumMatches(e, 'cbc:AllowanceTotalAmount', false)),
  fatal('BR-CO-12', 'Document_totals', (e) => sumMatches(e, 'cbc:ChargeTotalAmount', true)),
  fatal('BR-CO-13', 'Document_totals', totalWithoutVatOk),
  fatal('BR-CO-16', 'Document_totals', amountDueOk),
  fatal('BR-DEC-09', 'Document_totals', decimalsAtMostPath('cbc:LineExtensionAmount', 2)),
  fatal('BR-DEC-10', 'Document_totals', decimalsAtMostPath('cbc:AllowanceTotalAmount', 2)),
  fatal('BR-DEC-11', 'Document_totals', decimalsAtMostPath('cbc:ChargeTotalAmount', 2)),
  fatal('BR-DEC-12', 'Document_totals', decimalsAtMostPath('cbc:TaxExclusiveAmount', 2)),
  fatal('BR-DEC-14', 'Document_totals', decimalsAtMostPath('cbc:TaxInclusiveAmount', 2)),
  fatal('BR-DEC-16', 'Document_totals', decimalsAtMostPath('cbc:PrepaidAmount', 2)),
  fatal('BR-DEC-17', 'Document_totals', decimalsAtMostPath('cbc:PayableRoundingAmount', 2)),
  fatal('BR-DEC-18', 'Document_totals', decimalsAtMostPath('cbc:PayableAmount', 2)),
];

/**
 * BR-CO-17 on a VAT breakdown: with a rate that rounds to 0 the tax amount must round to 0; otherwise the
 * tax amount must lie within 1 of round(|taxable| × rate / 100, 2) (compared on absolute values); without
 * any rate the tax amount must round to 0. The rate is the first `cbc:Percent` of a VAT category.
 */
function vatAmountOk(subtotal: XmlElement): boolean {
  const rates = at(vatKids(subtotal, 'cac:TaxCategory'), 'cbc:Percent');
  const tax = decimalKid(subtotal, 'cbc:TaxAmount');
  const taxRoundsToZero = tax !== undefined && round(tax).isZero();
  if (rates.length === 0) return taxRoundsToZero;
  const rate = decimal(stringValue(rates[0]));
  if (rate === undefined) return false;
  if (round(rate).isZero()) return taxRoundsToZero;
  const taxable = decimalKid(subtotal, 'cbc:TaxableAmount');
  if (tax === undefined || taxable === undefined) return false;
  const expected = round2(taxable.abs().times(rate.div(100)));
  return tax.abs().minus(XsDecimal.ONE).lt(expected) && tax.abs().plus(XsDecimal.ONE).gt(expected);
}

/** Assertions of the contexts `Tax_Total` and `VAT_breakdown`. */
const VAT_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-CO-14', 'Tax_Total', (e) => {
    const subtotals = kids(e, 'cac:TaxSubtotal');
    if (subtotals.length === 0) return true;
    const sum = sumDecimals(at(subtotals, 'cbc:TaxAmount'));
    return equal(decimalKid(e, 'cbc:TaxAmount'), sum === undefined ? undefined : round2(sum));
  }),
  fatal('BR-45', 'VAT_breakdown', hasPath('cbc:TaxableAmount')),
  fatal('BR-46', 'VAT_breakdown', hasPath('cbc:TaxAmount')),
  fatal('BR-47', 'VAT_breakdown', (e) => vatKids(e, 'cac:TaxCategory').some((category) => has(category, 'cbc:ID'))),
  fatal('BR-48', 'VAT_breakdown', (e) =>
    vatKids(e, 'cac:TaxCategory').some((category) => has(category, 'cbc:Percent') || normalizedId(category) === 'O'),
  ),
  fatal('BR-CO-17', 'VAT_breakdown', vatAmountOk),
  fatal('BR-DEC-19', 'VAT_breakdown', decimalsAtMostPath('cbc:TaxableAmount', 2)),
  fatal('BR-DEC-20', 'VAT_breakdown', decimalsAtMostPath('cbc:TaxAmount', 2)),
];

/** `normalize-space(cbc:ID)` of a category. */
function normalizedId(category: XmlElement): string {
  return normalizeSpace(text(category, 'cbc:ID'));
}

/** Assertions on the amounts of the document: allowances, charges, totals, VAT. */
export const UBL_MODEL_TOTALS_ASSERTIONS: readonly Assertion[] = [...ALLOWANCE_CHARGE_ASSERTIONS, ...DOCUMENT_TOTALS_ASSERTIONS, ...VAT_ASSERTIONS];
