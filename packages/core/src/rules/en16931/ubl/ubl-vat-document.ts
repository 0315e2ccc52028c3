import type { XmlElement } from '../../../xml/xml-element.js';
import { fatal, type Assertion } from '../../binding.js';
import type { DocumentIndex } from '../../document-index.js';
import { has, stringLength, text } from '../../xpath.js';
import { ruleId, type PartyRequirement } from '../definitions/vat-categories.js';
import type { PartyTrigger, UblVatFamily } from './ubl-vat-families.js';
import { ublCategories, ublPartyIds, type CategorySet, type CategoryTest, type UblCategories } from './ubl-vat-query.js';

/**
 * The UBL VAT category rules checked once per document, in the root context (`/ubl:Invoice | /cn:CreditNote`):
 * 01 (the VAT breakdown has the category), 02–04 (party identifiers), BR-IC-11/12 and BR-O-11…14.
 */

/** The root context, declared with the other model rules. */
const ROOT = 'Invoice';

/** `[cac:TaxScheme/… = 'VAT']/cbc:ID[normalize-space(.) = code]`: some id of a VAT category is the code. */
const ANY_VAT: CategoryTest = { id: 'any', vat: true };

/** 01 of the `exactlyOne` families: a used category appears exactly once in the VAT breakdown. */
function exactlyOneInBreakdown(code: string) {
  return (_root: XmlElement, doc: DocumentIndex): boolean => {
    const categories = ublCategories(doc);
    // //cac:TaxCategory[VAT]/cbc:ID[normalize-space(.) = code], //cac:ClassifiedTaxCategory[VAT]/cbc:ID[…]
    const used = categories.taxCategories.count(code, ANY_VAT) > 0 || categories.classified.count(code, ANY_VAT) > 0;
    if (!used) return true;
    // count(cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory[VAT]/cbc:ID[normalize-space(.) = code]) counts ids.
    let ids = 0;
    for (const facts of categories.inBreakdown.facts) if (facts.vat) ids += facts.ids.filter((id) => id === code).length;
    return ids === 1;
  };
}

/** 01 of the `atLeastOne` families: the category is in the breakdown exactly when lines, allowances or charges use it. */
function presentInBreakdown(f: UblVatFamily) {
  const { used, whenUsed, whenUnused } = f.presence;
  const code = f.family.code;
  return (_root: XmlElement, doc: DocumentIndex): boolean => {
    const categories = ublCategories(doc);
    const usage = categories.onAllowanceCharge.count(code, used) + categories.classified.count(code, used);
    if (usage > 0) return categories.inBreakdown.count(code, whenUsed) > 0;
    return categories.inBreakdown.count(code, whenUnused) === 0;
  };
}

/** 02–04: the identifiers `requirement` asks for are there. */
function partiesSatisfy(requirement: PartyRequirement, doc: DocumentIndex): boolean {
  const ids = ublPartyIds(doc);
  const seller = ids.sellerTaxId || ids.representativeVatId;
  const sellerVat = ids.sellerVatId || ids.representativeVatId;
  switch (requirement) {
    case 'seller':
      return seller;
    case 'sellerAndBuyer':
      return seller && (ids.buyerVatId || ids.buyerLegalId);
    case 'sellerVat':
      return sellerVat;
    case 'sellerVatAndBuyerVat':
      return sellerVat && ids.buyerVatId;
    case 'noVatIdentifiers':
      return !ids.sellerVatId && !ids.representativeVatId && !ids.buyerVatId;
  }
}

type Where = (categories: UblCategories) => CategorySet;

/** 02–04: `(exists(trigger) and parties) or not(exists(otherwise))`. */
function partiesFor(f: UblVatFamily, where: Where, on: PartyTrigger) {
  const code = f.family.code;
  return (_root: XmlElement, doc: DocumentIndex): boolean => {
    const candidates = where(ublCategories(doc));
    const exists = (test: CategoryTest) => candidates.count(code, test) > 0;
    return (exists(on.trigger) && partiesSatisfy(f.family.parties, doc)) || !exists(on.otherwise);
  };
}

/** The root context assertions of one family. */
export function ublVatDocumentAssertions(f: UblVatFamily): Assertion[] {
  const family = f.family;
  return [
    fatal(ruleId(family, 1), ROOT, family.breakdown === 'exactlyOne' ? exactlyOneInBreakdown(family.code) : presentInBreakdown(f)),
    fatal(ruleId(family, 2), ROOT, partiesFor(f, (c) => c.classified, f.line)),
    fatal(ruleId(family, 3), ROOT, partiesFor(f, (c) => (f.documentLevelOnly ? c.onDocumentAllowance : c.onAllowance), f.allowance)),
    fatal(ruleId(family, 4), ROOT, partiesFor(f, (c) => (f.documentLevelOnly ? c.onDocumentCharge : c.onCharge), f.charge)),
  ];
}

/** `cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory[VAT]/cbc:ID[normalize-space(.) = code]` exists (under the root). */
function breakdownHas(doc: DocumentIndex, code: string): boolean {
  return ublCategories(doc).inBreakdown.count(code, ANY_VAT) > 0;
}

/** No VAT category of `categories` other than O (`[normalize-space(cbc:ID) != 'O'][VAT]`). */
function onlyNotSubject(categories: CategorySet): boolean {
  return !categories.facts.some((c) => c.vat && c.firstId !== 'O');
}

/** BR-IC-11, BR-IC-12 and BR-O-11…14, in the root context. */
export const UBL_VAT_SPECIFIC_ASSERTIONS: readonly Assertion[] = [
  // string-length(cac:Delivery/cbc:ActualDeliveryDate) > 1 or cac:InvoicePeriod/*
  fatal('BR-IC-11', ROOT, (root, doc) =>
    !breakdownHas(doc, 'K') || stringLength(text(root, 'cac:Delivery/cbc:ActualDeliveryDate')) > 1 || has(root, 'cac:InvoicePeriod/*'),
  ),
  fatal('BR-IC-12', ROOT, (root, doc) =>
    !breakdownHas(doc, 'K') || stringLength(text(root, 'cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode')) > 1,
  ),
  fatal('BR-O-11', ROOT, (_root, doc) => !breakdownHas(doc, 'O') || onlyNotSubject(ublCategories(doc).inBreakdown)),
  fatal('BR-O-12', ROOT, (_root, doc) => !breakdownHas(doc, 'O') || onlyNotSubject(ublCategories(doc).classified)),
  fatal('BR-O-13', ROOT, (_root, doc) => !breakdownHas(doc, 'O') || onlyNotSubject(ublCategories(doc).onAllowance)),
  fatal('BR-O-14', ROOT, (_root, doc) => !breakdownHas(doc, 'O') || onlyNotSubject(ublCategories(doc).onCharge)),
];
