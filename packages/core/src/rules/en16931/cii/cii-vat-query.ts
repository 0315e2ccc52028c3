import type { XsDecimal } from '../../xs-decimal.js';
import type { XmlElement } from '../../../xml/xml-element.js';
import { documentMemo, type DocumentIndex } from '../../document-index.js';
import { at, flagIs, kids, round2, stringValue, text } from '../../xpath.js';
import { decimalKey, rateKey, sumChildDecimals } from '../vat-decimals.js';

/**
 * The questions the CII VAT category rules ask about trade taxes, parties and amounts, computed once per
 * document where they are document-wide, so the rules stay linear in the number of lines.
 */

/** `upper-case(ram:TypeCode) = 'VAT'` (no whitespace normalisation, as in the official rules). */
export function typeIsVat(tax: XmlElement | undefined): boolean {
  return text(tax, 'ram:TypeCode').toUpperCase() === 'VAT';
}

/** `ram:CategoryCode = code`: some category code of the tax is `code` (string comparison). */
export function hasCategoryCode(tax: XmlElement, code: string): boolean {
  for (const child of tax.children) if (child.name === 'ram:CategoryCode' && stringValue(child) === code) return true;
  return false;
}

/** How many trade taxes name each category code, by where they are (01 rules). */
export type CategoryCounts = {
  /** `//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode = code]` (the VAT breakdown) */
  header: number;
  /** `//ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode = code]` (lines) */
  line: number;
  /** `//ram:CategoryTradeTax[ram:CategoryCode = code]` (allowances and charges) */
  allowanceCharge: number;
};

/** The counts for `code` (all codes are counted in one pass, memoised). */
export function categoryCounts(doc: DocumentIndex, code: string): CategoryCounts {
  return doc.memoised(COUNTS).get(code) ?? { header: 0, line: 0, allowanceCharge: 0 };
}

const COUNTS = documentMemo((doc) => {
  const byCode = new Map<string, CategoryCounts>();
  const count = (tax: XmlElement, where: keyof CategoryCounts) => {
    const codes = new Set(kids(tax, 'ram:CategoryCode').map(stringValue));
    for (const c of codes) {
      let entry = byCode.get(c);
      if (!entry) byCode.set(c, (entry = { header: 0, line: 0, allowanceCharge: 0 }));
      entry[where]++;
    }
  };
  for (const tax of doc.all('ram:ApplicableTradeTax')) {
    const parent = tax.parent?.name;
    if (parent === 'ram:ApplicableHeaderTradeSettlement') count(tax, 'header');
    else if (parent === 'ram:SpecifiedLineTradeSettlement') count(tax, 'line');
  }
  for (const tax of doc.all('ram:CategoryTradeTax')) count(tax, 'allowanceCharge');
  return byCode;
});

/** `//name[ram:CategoryCode != code]`: some trade tax named `name` has a category code other than `code`. */
export function anyOtherCategory(doc: DocumentIndex, name: 'ram:ApplicableTradeTax' | 'ram:CategoryTradeTax', code: string): boolean {
  return doc.once(`cii-vat:other:${name}:${code}`, () =>
    doc.all(name).some((tax) => kids(tax, 'ram:CategoryCode').some((c) => stringValue(c) !== code)),
  );
}

/** The party identifiers the 02–04 rules look at. */
export type CiiPartyIds = {
  /** `/rsm:CrossIndustryInvoice/…/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID = ('VA', 'FC')]` */
  sellerTaxId: boolean;
  /** the same with `@schemeID = 'VA'` */
  sellerVatId: boolean;
  /** `/…/ram:SellerTaxRepresentativeTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID = 'VA']` */
  representativeVatId: boolean;
  /** `//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID = ('VA', 'FC')]`, anywhere */
  anySellerTaxId: boolean;
  /** `//ram:SellerTradeParty/…/ram:ID[@schemeID = 'VA']`, anywhere */
  anySellerVatId: boolean;
  /** `//ram:SellerTaxRepresentativeTradeParty/…/ram:ID[@schemeID = 'VA']`, anywhere */
  anyRepresentativeVatId: boolean;
  /** `//ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID = 'VA']` */
  buyerVatId: boolean;
  /** `//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID` */
  buyerLegalId: boolean;
};

const AGREEMENT = 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement';

function registered(parties: readonly XmlElement[], schemes: readonly string[]): boolean {
  return at(parties, 'ram:SpecifiedTaxRegistration/ram:ID').some((id) => schemes.includes(id.attributes['schemeID'] ?? '\u0000'));
}

/** The document's party identifiers (memoised). */
export function ciiPartyIds(doc: DocumentIndex): CiiPartyIds {
  return doc.memoised(PARTY_IDS);
}

const PARTY_IDS = documentMemo((doc): CiiPartyIds => {
  const agreement = doc.root.name === 'rsm:CrossIndustryInvoice' ? at(doc.root, AGREEMENT) : [];
  const seller = at(agreement, 'ram:SellerTradeParty');
  const buyers = doc.all('ram:BuyerTradeParty');
  return {
    sellerTaxId: registered(seller, ['VA', 'FC']),
    sellerVatId: registered(seller, ['VA']),
    representativeVatId: registered(at(agreement, 'ram:SellerTaxRepresentativeTradeParty'), ['VA']),
    anySellerTaxId: registered(doc.all('ram:SellerTradeParty'), ['VA', 'FC']),
    anySellerVatId: registered(doc.all('ram:SellerTradeParty'), ['VA']),
    anyRepresentativeVatId: registered(doc.all('ram:SellerTaxRepresentativeTradeParty'), ['VA']),
    buyerVatId: registered(buyers, ['VA']),
    buyerLegalId: at(buyers, 'ram:SpecifiedLegalOrganization/ram:ID').length > 0,
  };
});

function groupKey(code: string, rate: XsDecimal | undefined): string {
  return rate === undefined ? code : `${code}\n${rateKey(rate)}`;
}

/**
 * Elements grouped by the trade taxes under `taxName`: in group `code` when one of their taxes has
 * `ram:CategoryCode = code`, in group `code rate` when, besides, one has `xs:decimal(ram:RateApplicablePercent) = rate`
 * — two independent conditions, as in `[ram:ApplicableTradeTax/ram:CategoryCode = 'S' and
 * ram:ApplicableTradeTax/xs:decimal(ram:RateApplicablePercent) = $rate]`.
 */
function groupByCategory(elements: readonly XmlElement[], taxName: string): Map<string, XmlElement[]> {
  const groups = new Map<string, XmlElement[]>();
  const add = (key: string, element: XmlElement) => {
    const list = groups.get(key);
    if (!list) groups.set(key, [element]);
    else if (list[list.length - 1] !== element) list.push(element);
  };
  const codes: string[] = [];
  const rates: string[] = [];
  for (const element of elements) {
    codes.length = 0;
    rates.length = 0;
    for (const tax of element.children) {
      if (tax.name !== taxName) continue;
      let percent: XmlElement | undefined;
      for (const child of tax.children) {
        if (child.name === 'ram:CategoryCode') {
          const code = stringValue(child);
          if (!codes.includes(code)) codes.push(code);
        } else if (child.name === 'ram:RateApplicablePercent') percent ??= child;
      }
      const rate = percent && decimalKey(stringValue(percent));
      if (rate !== undefined && !rates.includes(rate)) rates.push(rate);
    }
    for (const code of codes) {
      add(code, element);
      for (const rate of rates) add(`${code}\n${rate}`, element);
    }
  }
  return groups;
}


const LINE_SETTLEMENTS = 'ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement';
const HEADER_ALLOWANCE_CHARGES = 'ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeAllowanceCharge';

type Grouped = { lines: Map<string, XmlElement[]>; allowanceCharges: Map<string, XmlElement[]> };

function grouped(doc: DocumentIndex): Grouped {
  return doc.memoised(GROUPED);
}

const GROUPED = documentMemo((doc): Grouped => {
  const transactions = doc.root.name === 'rsm:CrossIndustryInvoice' ? kids(doc.root, 'rsm:SupplyChainTradeTransaction') : [];
  return {
    lines: groupByCategory(at(transactions, LINE_SETTLEMENTS), 'ram:ApplicableTradeTax'),
    allowanceCharges: groupByCategory(at(transactions, HEADER_ALLOWANCE_CHARGES), 'ram:CategoryTradeTax'),
  };
});

/**
 * The taxable base the 08 rules expect for category `code` (and `rate`): the line totals, plus the charges,
 * minus the allowances in that category, each sum rounded to 2 decimals (`round(sum(…) * 10 * 10) div 100`),
 * xs:decimal throughout (memoised).
 */
export function expectedBasisAmount(doc: DocumentIndex, code: string, rate?: XsDecimal): XsDecimal | undefined {
  const key = groupKey(code, rate);
  return doc.once(`cii-vat:basis:${key}`, () => {
    const groups = grouped(doc);
    const settlements = groups.lines.get(key) ?? [];
    const lines = sumChildDecimals(at(settlements, 'ram:SpecifiedTradeSettlementLineMonetarySummation'), 'ram:LineTotalAmount');
    const inCategory = groups.allowanceCharges.get(key) ?? [];
    // ram:ChargeIndicator/udt:Indicator = true() (or `cast as xs:boolean`, the same on a valid document)
    const charges = sumChildDecimals(inCategory.filter((ac) => flagIs(ac, 'ram:ChargeIndicator/udt:Indicator', true)), 'ram:ActualAmount');
    const allowances = sumChildDecimals(inCategory.filter((ac) => flagIs(ac, 'ram:ChargeIndicator/udt:Indicator', false)), 'ram:ActualAmount');
    if (lines === undefined || charges === undefined || allowances === undefined) return undefined;
    return round2(lines).plus(round2(charges)).minus(round2(allowances));
  });
}
