import type { XmlElement } from '../../../xml/xml-element.js';
import { XsDecimal } from '../../xs-decimal.js';
import { fatal, type Assertion } from '../../binding.js';
import type { DocumentIndex } from '../../document-index.js';
import { decimal, decimalAt, has, kid, kids, number, stringValue } from '../../xpath.js';
import { ruleId, type PartyRequirement, type RateRequirement } from '../definitions/vat-categories.js';
import type { CiiVatFamily } from './cii-vat-families.js';
import { anyOtherCategory, categoryCounts, ciiPartyIds, expectedBasisAmount } from './cii-vat-query.js';

/**
 * The CII assertions of one VAT category family: 01 in the root context `Invoice`; 08, 09, 10 in the VAT
 * breakdown context; 02 and 05 on lines, 03 and 06 on allowances, 04 and 07 on charges.
 */

/** The root context, declared with the other model rules. */
const ROOT = 'Invoice';

/** 01: the VAT breakdown has the category as often as the lines, allowances and charges ask. */
function presence(f: CiiVatFamily) {
  const code = f.family.code;
  return (_root: XmlElement, doc: DocumentIndex): boolean => {
    const { header, line, allowanceCharge } = categoryCounts(doc, code);
    switch (f.presence) {
      case 'exactlyOne':
        return (header === 0 && line === 0 && allowanceCharge === 0) || (header === 1 && (line > 0 || allowanceCharge > 0));
      case 'exactlyOneIfPresent':
        return header === 0 || (header === 1 && (line > 0 || allowanceCharge > 0));
      case 'atLeastOne':
        return (line + header >= 2 || line === 0) && (allowanceCharge + header >= 2 || allowanceCharge === 0);
    }
  };
}

/** 02–04: the identifiers `requirement` asks for are there (some families look anywhere, some under the agreement). */
function parties(requirement: PartyRequirement) {
  return (_tax: XmlElement, doc: DocumentIndex): boolean => {
    const ids = ciiPartyIds(doc);
    switch (requirement) {
      case 'seller':
        return ids.sellerTaxId || ids.representativeVatId;
      case 'sellerAndBuyer':
        return (ids.anySellerTaxId || ids.anyRepresentativeVatId) && (ids.buyerVatId || ids.buyerLegalId);
      case 'sellerVat':
        return ids.anySellerVatId || ids.anyRepresentativeVatId;
      case 'sellerVatAndBuyerVat':
        return (ids.anySellerVatId || ids.anyRepresentativeVatId) && ids.buyerVatId;
      case 'noVatIdentifiers':
        return !ids.sellerVatId && !ids.representativeVatId && !ids.buyerVatId;
    }
  };
}

/** `name op number`, a general comparison: some `name` child of `from`, as xs:double, satisfies it. */
function anyDouble(from: XmlElement | undefined, name: string, satisfies: (value: number) => boolean): boolean {
  if (!from) return false;
  for (const child of from.children) if (child.name === name && satisfies(number(stringValue(child)))) return true;
  return false;
}

/** 05–07 on a trade tax: `ram:RateApplicablePercent = 0`, `> 0`, `>= 0` (as xs:double, any of them) or absent. */
function rate(requirement: RateRequirement): (tax: XmlElement) => boolean {
  switch (requirement) {
    case 'zero':
      return (tax) => anyDouble(tax, 'ram:RateApplicablePercent', (p) => p === 0);
    case 'positive':
      return (tax) => anyDouble(tax, 'ram:RateApplicablePercent', (p) => p > 0);
    case 'positiveOrZero':
      return (tax) => anyDouble(tax, 'ram:RateApplicablePercent', (p) => p >= 0);
    case 'absent':
      return (tax) => kid(tax, 'ram:RateApplicablePercent') === undefined;
  }
}

/** 08: BT-116 against the lines, charges and allowances in the category (xs:decimal sums compared as xs:double). */
function basisAmount(f: CiiVatFamily, taxOf: (element: XmlElement) => XmlElement | undefined) {
  const code = f.family.code;
  switch (f.base) {
    case 'withinOne':
      // ../ram:BasisAmount - 1 < expected and ../ram:BasisAmount + 1 > expected
      return (element: XmlElement, doc: DocumentIndex): boolean => {
        const basis = kid(taxOf(element), 'ram:BasisAmount');
        const expected = expectedBasisAmount(doc, code);
        if (!basis || expected === undefined) return false;
        const value = number(stringValue(basis));
        return value - 1 < expected.toNumber() && value + 1 > expected.toNumber();
      };
    case 'equal':
      // ram:BasisAmount = expected
      return (element: XmlElement, doc: DocumentIndex): boolean => {
        const expected = expectedBasisAmount(doc, code);
        return expected !== undefined && anyDouble(taxOf(element), 'ram:BasisAmount', (basis) => basis === expected.toNumber());
      };
    case 'perRate':
      // every $rate in ../ram:RateApplicablePercent/xs:decimal(.) satisfies ../ram:BasisAmount = expected($rate).
      // `..` is taken literally: for IGIC and IPSI the context is the trade tax, so `..` is the settlement,
      // which has no rate, and the rule always holds — as the official one does.
      return (element: XmlElement, doc: DocumentIndex): boolean => {
        const parent = element.parent;
        for (const node of kids(parent, 'ram:RateApplicablePercent')) {
          const percent = decimal(stringValue(node));
          const expected = percent === undefined ? undefined : expectedBasisAmount(doc, code, percent);
          if (expected === undefined || !anyDouble(parent, 'ram:BasisAmount', (basis) => basis === expected.toNumber())) return false;
        }
        return true;
      };
  }
}

/**
 * 09 `rateTimesBase` (BR-S-09): |BT-117| − 1 < round(|BT-116| × BT-119) div 100 < |BT-117| + 1. The rate is
 * untyped, so the product, the rounding and the division are xs:double.
 */
function taxAmountFromRate(tax: XmlElement | undefined): boolean {
  const calculated = decimalAt(tax, 'ram:CalculatedAmount');
  const basis = decimalAt(tax, 'ram:BasisAmount');
  const percent = kid(tax, 'ram:RateApplicablePercent');
  if (calculated === undefined || basis === undefined || !percent) return false;
  const expected = Math.round(basis.abs().toNumber() * number(stringValue(percent))) / 100;
  return calculated.abs().minus(XsDecimal.ONE).toNumber() < expected && calculated.abs().plus(XsDecimal.ONE).toNumber() > expected;
}

function taxAmount(f: CiiVatFamily, taxOf: (element: XmlElement) => XmlElement | undefined): (element: XmlElement) => boolean {
  switch (f.taxAmount) {
    case 'zero':
      return (element) => anyDouble(taxOf(element), 'ram:CalculatedAmount', (amount) => amount === 0);
    case 'rateTimesBase':
      return (element) => taxAmountFromRate(taxOf(element));
    case 'unchecked':
      return () => true;
  }
}

function hasExemptionReason(tax: XmlElement | undefined): boolean {
  return has(tax, 'ram:ExemptionReason') || has(tax, 'ram:ExemptionReasonCode');
}

/** The assertions of one family. */
export function ciiVatAssertions(f: CiiVatFamily): Assertion[] {
  const { family } = f;
  const { context } = family;
  // The breakdown context is the category code (its trade tax is `..`) or the trade tax itself.
  const taxOf = f.breakdownContext === 'taxInVat' ? (element: XmlElement) => element : (element: XmlElement) => element.parent;
  const rateOk = rate(f.rate);
  return [
    fatal(ruleId(family, 1), ROOT, presence(f)),
    fatal(ruleId(family, 8), context, basisAmount(f, taxOf)),
    fatal(ruleId(family, 9), context, taxAmount(f, taxOf)),
    fatal(ruleId(family, 10), context, family.exemptionReason === 'required'
      ? (element) => hasExemptionReason(taxOf(element))
      : (element) => !hasExemptionReason(taxOf(element))),
    fatal(ruleId(family, 2), `${context}_Line`, parties(family.parties)),
    fatal(ruleId(family, 5), `${context}_Line`, rateOk),
    fatal(ruleId(family, 3), `${context}_Allowance`, parties(family.parties)),
    fatal(ruleId(family, 6), `${context}_Allowance`, rateOk),
    fatal(ruleId(family, 4), `${context}_Charge`, parties(family.parties)),
    fatal(ruleId(family, 7), `${context}_Charge`, rateOk),
  ];
}

const DELIVERY = 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery';

/** `/rsm:CrossIndustryInvoice/…path` exists. */
function rootHas(doc: DocumentIndex, path: string): boolean {
  return doc.root.name === 'rsm:CrossIndustryInvoice' && has(doc.root, path);
}

/** BR-IC-11 and BR-IC-12 (on the category code K) and BR-O-11…14 (on the trade tax O) of the VAT breakdown. */
export const CII_VAT_SPECIFIC_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-IC-11', 'VATIC', (code, doc) =>
    rootHas(doc, `${DELIVERY}/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString`) ||
    has(code.parent?.parent, 'ram:BillingSpecifiedPeriod/ram:StartDateTime') ||
    has(code.parent?.parent, 'ram:BillingSpecifiedPeriod/ram:EndDateTime'),
  ),
  fatal('BR-IC-12', 'VATIC', (_code, doc) => rootHas(doc, `${DELIVERY}/ram:ShipToTradeParty/ram:PostalTradeAddress/ram:CountryID`)),
  // not(//ram:ApplicableTradeTax[ram:CategoryCode != 'O']): lines and breakdown alike.
  fatal('BR-O-11', 'VATO', (_tax, doc) => !anyOtherCategory(doc, 'ram:ApplicableTradeTax', 'O')),
  fatal('BR-O-12', 'VATO', (_tax, doc) => !anyOtherCategory(doc, 'ram:ApplicableTradeTax', 'O')),
  fatal('BR-O-13', 'VATO', (_tax, doc) => !anyOtherCategory(doc, 'ram:CategoryTradeTax', 'O')),
  fatal('BR-O-14', 'VATO', (_tax, doc) => !anyOtherCategory(doc, 'ram:CategoryTradeTax', 'O')),
];
