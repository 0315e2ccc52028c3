import type { XsDecimal } from '../../xs-decimal.js';
import type { XmlElement } from '../../../xml/xml-element.js';
import { fatal, type Assertion } from '../../binding.js';
import { hasPath } from '../../assertion-tests.js';
import type { DocumentIndex } from '../../document-index.js';
import { at, decimal, decimalAt, decimalsAtMost, equal, flagIs, has, number, round2, stringValue } from '../../xpath.js';
import {
  anyEqual,
  attributes,
  exactDecimalRounded2,
  firstKids,
  fromHeaderSettlement,
  round2Double,
  sumDoubles,
  twoDecimalsAsDouble,
  values,
} from './cii-model-query.js';

/**
 * The CII model rules on the document totals (BG-22): presence, the sums BR-CO-10 … BR-CO-16, the number of
 * decimals and the VAT accounting currency. The official assertions mix two arithmetics and this file keeps
 * them apart: where a rule casts with `xs:decimal()` the computation is exact (decimal.js); where it sums or
 * multiplies untyped values it is xs:double arithmetic (JavaScript numbers), rounding errors included.
 */

const LINE_NET_AMOUNTS =
  '../../ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount';

/**
 * `round(sum(/…/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator = charge]
 * /ram:ActualAmount[1]) * 10 * 10) div 100` in xs:double arithmetic, and whether any such allowance (charge)
 * exists (memoised). The predicate casts the indicator to a boolean, so 1 and 0 count too.
 */
function documentLevelSum(doc: DocumentIndex, charge: boolean): { present: boolean; total: number } {
  return doc.once(charge ? 'cii-model:document-level-charges' : 'cii-model:document-level-allowances', () => {
    const items = fromHeaderSettlement(doc, 'ram:SpecifiedTradeAllowanceCharge').filter((item) =>
      flagIs(item, 'ram:ChargeIndicator/udt:Indicator', charge),
    );
    return { present: items.length > 0, total: round2Double(sumDoubles(firstKids(items, 'ram:ActualAmount'))) };
  });
}

/**
 * BR-CO-11/BR-CO-12: no such allowance (charge) and no total, or some total equals, as an xs:double, the
 * rounded double sum.
 */
function documentLevelTotalMatches(totals: XmlElement, doc: DocumentIndex, charge: boolean): boolean {
  const { present, total } = documentLevelSum(doc, charge);
  const amounts = at(totals, charge ? 'ram:ChargeTotalAmount' : 'ram:AllowanceTotalAmount');
  return (!present && amounts.length === 0) || amounts.some((amount) => number(stringValue(amount)) === total);
}

/**
 * BR-CO-10: `xs:decimal(ram:LineTotalAmount) = round(xs:decimal(sum(line net amounts)) * 100) div 100`. The
 * sum of untyped values is an xs:double; its cast to xs:decimal keeps the exact binary value.
 */
function lineNetSumMatches(totals: XmlElement): boolean {
  return equal(decimalAt(totals, 'ram:LineTotalAmount'), exactDecimalRounded2(sumDoubles(at(totals, LINE_NET_AMOUNTS))));
}

/** `a + b` / `a - b` where an absent operand makes the result absent, as an empty sequence does. */
function plus(a: XsDecimal | undefined, b: XsDecimal | undefined, sign: 1 | -1): XsDecimal | undefined {
  if (a === undefined || b === undefined) return undefined;
  return sign === 1 ? a.plus(b) : a.minus(b);
}

/** BR-CO-13: BT-109 = round2(BT-106 − BT-107 + BT-108), each optional total in the sum only when present. */
function totalWithoutVatMatches(totals: XmlElement): boolean {
  const basis = decimalAt(totals, 'ram:TaxBasisTotalAmount');
  const lines = decimalAt(totals, 'ram:LineTotalAmount');
  const allowances = decimalAt(totals, 'ram:AllowanceTotalAmount');
  const charges = decimalAt(totals, 'ram:ChargeTotalAmount');
  const noAllowances = !has(totals, 'ram:AllowanceTotalAmount');
  const noCharges = !has(totals, 'ram:ChargeTotalAmount');
  const rounded = (value: XsDecimal | undefined) => (value === undefined ? undefined : round2(value));
  return (
    equal(basis, rounded(plus(plus(lines, allowances, -1), charges, 1))) ||
    (equal(basis, rounded(plus(lines, allowances, -1))) && noCharges) ||
    (equal(basis, rounded(plus(lines, charges, 1))) && noAllowances) ||
    (equal(basis, rounded(lines)) && noCharges && noAllowances)
  );
}

/** BR-CO-16: BT-115 = BT-112 − BT-113 + BT-114, exactly (no rounding), each optional amount only when present. */
function amountDueMatches(totals: XmlElement): boolean {
  const due = decimalAt(totals, 'ram:DuePayableAmount');
  const grand = decimalAt(totals, 'ram:GrandTotalAmount');
  const paid = decimalAt(totals, 'ram:TotalPrepaidAmount');
  const rounding = decimalAt(totals, 'ram:RoundingAmount');
  const noPaid = !has(totals, 'ram:TotalPrepaidAmount');
  const noRounding = !has(totals, 'ram:RoundingAmount');
  return (
    equal(due, plus(plus(grand, paid, -1), rounding, 1)) ||
    (equal(due, plus(grand, rounding, 1)) && noPaid) ||
    (equal(due, plus(grand, paid, -1)) && noRounding) ||
    (equal(due, grand) && noPaid && noRounding)
  );
}

/** BR-53: with a VAT accounting currency, some BT-111 is in that currency and it differs from the invoice currency. */
function accountingCurrencyTotalGiven(totals: XmlElement, doc: DocumentIndex): boolean {
  const accounting = values(fromHeaderSettlement(doc, 'ram:TaxCurrencyCode'));
  if (accounting.length === 0) return true;
  const invoice = values(fromHeaderSettlement(doc, 'ram:InvoiceCurrencyCode'));
  return anyEqual(attributes(at(totals, 'ram:TaxTotalAmount'), 'currencyID'), accounting) && !anyEqual(accounting, invoice);
}

/**
 * BR-DEC-13: no VAT total, or some VAT total that is not in the invoice currency or has no more than two
 * decimals as an xs:double (`. = round(. * 100) div 100`).
 */
function invoiceCurrencyVatTotalDecimals(totals: XmlElement, doc: DocumentIndex): boolean {
  const amounts = at(totals, 'ram:TaxTotalAmount');
  const invoice = values(fromHeaderSettlement(doc, 'ram:InvoiceCurrencyCode'));
  return amounts.length === 0 || amounts.some((amount) => !inCurrency(amount, invoice) || twoDecimalsAsDouble(amount));
}

/**
 * BR-DEC-15: no VAT total, no VAT accounting currency, or some VAT total in the accounting currency with no
 * more than two decimals as an xs:double.
 */
function accountingCurrencyVatTotalDecimals(totals: XmlElement, doc: DocumentIndex): boolean {
  const amounts = at(totals, 'ram:TaxTotalAmount');
  const accounting = values(fromHeaderSettlement(doc, 'ram:TaxCurrencyCode'));
  if (amounts.length === 0 || accounting.length === 0) return true;
  return amounts.some((amount) => inCurrency(amount, accounting) && twoDecimalsAsDouble(amount));
}

/** `@currencyID = currencies`. */
function inCurrency(amount: XmlElement, currencies: readonly string[]): boolean {
  const currency = amount.attributes['currencyID'];
  return currency !== undefined && currencies.includes(currency);
}

/**
 * BR-CO-15 (context `Invoice`): for every invoice currency code, exactly one BT-110 in that currency and
 * BT-112 = round2(BT-109 + BT-110), or else BT-112 = BT-109 — all exact decimals, first occurrences.
 */
function totalWithVatMatches(doc: DocumentIndex): boolean {
  const summations = fromHeaderSettlement(doc, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  const grand = decimalAt(summations, 'ram:GrandTotalAmount');
  const basis = decimalAt(summations, 'ram:TaxBasisTotalAmount');
  const vatTotals = at(summations, 'ram:TaxTotalAmount');
  return fromHeaderSettlement(doc, 'ram:InvoiceCurrencyCode').every((code) => {
    const currency = stringValue(code);
    const inCurrency = vatTotals.filter((amount) => amount.attributes['currencyID'] === currency);
    const vat = inCurrency[0] === undefined ? undefined : decimal(stringValue(inCurrency[0]));
    const sum = plus(basis, vat, 1);
    return (inCurrency.length === 1 && equal(grand, sum === undefined ? undefined : round2(sum))) || equal(grand, basis);
  });
}

/** BR-CO-14: `. = round(sum(VAT breakdown tax amounts) * 10 * 10) div 100`, in xs:double arithmetic (memoised sum). */
function vatTotalMatchesBreakdown(amount: XmlElement, doc: DocumentIndex): boolean {
  const expected = doc.once('cii-model:vat-breakdown-total', () =>
    round2Double(sumDoubles(fromHeaderSettlement(doc, 'ram:ApplicableTradeTax/ram:CalculatedAmount'))),
  );
  return number(stringValue(amount)) === expected;
}

/** `string-length(substring-after(ram:<amount>, '.')) <= 2`. */
function twoDecimals(amount: string): Assertion['test'] {
  return (totals) => decimalsAtMost(totals, amount, 2);
}

/** The assertions of `Document_totals`, `Invoice_total_VAT_amount`, and BR-CO-15 on `Invoice`. */
export const CII_MODEL_TOTAL_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-12', 'Document_totals', hasPath('ram:LineTotalAmount')),
  fatal('BR-13', 'Document_totals', hasPath('ram:TaxBasisTotalAmount')),
  fatal('BR-14', 'Document_totals', hasPath('ram:GrandTotalAmount')),
  fatal('BR-15', 'Document_totals', hasPath('ram:DuePayableAmount')),
  fatal('BR-53', 'Document_totals', accountingCurrencyTotalGiven),
  fatal('BR-CO-10', 'Document_totals', lineNetSumMatches),
  fatal('BR-CO-11', 'Document_totals', (e, doc) => documentLevelTotalMatches(e, doc, false)),
  fatal('BR-CO-12', 'Document_totals', (e, doc) => documentLevelTotalMatches(e, doc, true)),
  fatal('BR-CO-13', 'Document_totals', totalWithoutVatMatches),
  fatal('BR-CO-16', 'Document_totals', amountDueMatches),
  fatal('BR-DEC-09', 'Document_totals', twoDecimals('ram:LineTotalAmount')),
  fatal('BR-DEC-10', 'Document_totals', twoDecimals('ram:AllowanceTotalAmount')),
  fatal('BR-DEC-11', 'Document_totals', twoDecimals('ram:ChargeTotalAmount')),
  fatal('BR-DEC-12', 'Document_totals', twoDecimals('ram:TaxBasisTotalAmount')),
  fatal('BR-DEC-14', 'Document_totals', twoDecimals('ram:GrandTotalAmount')),
  fatal('BR-DEC-13', 'Document_totals', invoiceCurrencyVatTotalDecimals),
  fatal('BR-DEC-15', 'Document_totals', accountingCurrencyVatTotalDecimals),
  fatal('BR-DEC-16', 'Document_totals', twoDecimals('ram:TotalPrepaidAmount')),
  fatal('BR-DEC-17', 'Document_totals', twoDecimals('ram:RoundingAmount')),
  fatal('BR-DEC-18', 'Document_totals', twoDecimals('ram:DuePayableAmount')),

  fatal('BR-CO-14', 'Invoice_total_VAT_amount', vatTotalMatchesBreakdown),

  fatal('BR-CO-15', 'Invoice', (_e, doc) => totalWithVatMatches(doc)),
];
