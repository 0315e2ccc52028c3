import type { XmlElement } from '../../../xml/xml-element.js';
import { XsDecimal } from '../../xs-decimal.js';
import { fatal, type Assertion } from '../../binding.js';
import { decimalsAtMostPath, hasPath } from '../../assertion-tests.js';
import { decimal, decimalAt, first, has, normalizeSpace, round, round2, stringValue, text, valueIs } from '../../xpath.js';
import { isVatType } from './cii-model-query.js';

/**
 * The CII model rules on the VAT breakdown (BG-23, context `VAT_breakdown`: a header
 * `ram:ApplicableTradeTax` that no VAT category context took first).
 */

/**
 * BR-CO-17: the VAT category tax amount (BT-117) is the taxable amount (BT-116) times the rate (BT-119),
 * rounded to two decimals, within one unit either way — all in xs:decimal:
 * - rate rounds to 0: the tax amount rounds to 0;
 * - rate rounds to anything else: |BT-117| − 1 <= round2(|BT-116| × rate / 100) <= |BT-117| + 1;
 * - no rate (or the group is not of type VAT, here tested with normalize-space): the tax amount rounds to 0.
 */
function taxAmountMatchesRate(tax: XmlElement): boolean {
  // .[normalize-space(upper-case(ram:TypeCode)) = 'VAT']/xs:decimal(ram:RateApplicablePercent)
  const rateNode = normalizeSpace(text(tax, 'ram:TypeCode').toUpperCase()) === 'VAT' ? first(tax, 'ram:RateApplicablePercent') : undefined;
  const rate = rateNode === undefined ? undefined : decimal(stringValue(rateNode));
  // A rate that is not a decimal is a cast error in XPath: the test cannot hold.
  if (rateNode !== undefined && rate === undefined) return false;
  const amount = decimalAt(tax, 'ram:CalculatedAmount');
  if (amount === undefined) return false;
  if (rate === undefined || round(rate).isZero()) return round(amount).isZero();
  const basis = decimalAt(tax, 'ram:BasisAmount');
  if (basis === undefined) return false;
  const expected = round2(basis.abs().times(rate.div(100)));
  return amount.abs().minus(XsDecimal.ONE).lte(expected) && amount.abs().plus(XsDecimal.ONE).gte(expected);
}

/** The assertions of `VAT_breakdown`. */
export const CII_MODEL_VAT_BREAKDOWN_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-45', 'VAT_breakdown', hasPath('ram:BasisAmount')),
  fatal('BR-46', 'VAT_breakdown', hasPath('ram:CalculatedAmount')),
  fatal('BR-47', 'VAT_breakdown', (e) => isVatType(e) && has(e, 'ram:CategoryCode')),
  fatal('BR-48', 'VAT_breakdown', (e) => isVatType(e) && (has(e, 'ram:RateApplicablePercent') || valueIs(e, 'ram:CategoryCode', 'O'))),
  // BR-CO-03: a tax point date (BT-7) and a tax point date code (BT-8) anywhere in the document exclude each other.
  fatal('BR-CO-03', 'VAT_breakdown', (_e, doc) => doc.all('ram:TaxPointDate').length === 0 || doc.all('ram:DueDateTypeCode').length === 0),
  fatal('BR-CO-17', 'VAT_breakdown', taxAmountMatchesRate),
  fatal('BR-DEC-19', 'VAT_breakdown', decimalsAtMostPath('ram:BasisAmount', 2)),
  fatal('BR-DEC-20', 'VAT_breakdown', decimalsAtMostPath('ram:CalculatedAmount', 2)),
];
