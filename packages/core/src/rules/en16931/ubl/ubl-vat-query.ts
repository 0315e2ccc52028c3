import type { XmlElement } from '../../../xml/xml-element.js';
import { documentMemo, type DocumentIndex } from '../../document-index.js';
import { at, flagIs, kid, normalizeSpace, stringValue } from '../../xpath.js';

/**
 * The questions the UBL VAT category rules ask about tax categories and parties. Document-wide answers are
 * computed in one pass and memoised, so the rules stay linear in the number of lines.
 */

/** `normalize-space()`, skipping the regular expressions for the usual value without whitespace. */
export function normalized(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) return normalizeSpace(value);
  }
  return value;
}

/** `normalize-space(cbc:ID)` of a tax category ('' without an id). */
export function categoryId(category: XmlElement): string {
  const id = kid(category, 'cbc:ID');
  return id ? normalized(stringValue(id)) : '';
}

/** `cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'`: the category (or party scheme) is in the VAT scheme. */
export function inVatScheme(category: XmlElement): boolean {
  for (const child of category.children) {
    if (child.name !== 'cac:TaxScheme') continue;
    const id = kid(child, 'cbc:ID');
    if (!id) continue;
    const value = stringValue(id);
    // upper-case() builds a new string: skip it for the usual exact 'VAT'.
    if (value === 'VAT' || normalized(value.toUpperCase()) === 'VAT') return true;
  }
  return false;
}

/**
 * How the official tests compare a category's `cbc:ID` with a code: `first` is `normalize-space(cbc:ID) = 'S'`,
 * `any` is `cbc:ID[normalize-space(.) = 'S']`, `raw` is `cbc:ID = 'S'` (no whitespace normalisation).
 */
export type IdTest = 'first' | 'any' | 'raw';

/** A test of a tax category: its id compared as `id` says, and, when `vat`, in the VAT scheme. */
export type CategoryTest = { id: IdTest; vat: boolean };

/** The usual test: `[normalize-space(cbc:ID) = code][cac:TaxScheme/… = 'VAT']`. */
export const VAT_CATEGORY: CategoryTest = { id: 'first', vat: true };

/** The facts about one `cac:TaxCategory` or `cac:ClassifiedTaxCategory`. */
export type CategoryFacts = {
  element: XmlElement;
  /** normalize-space(cbc:ID) */
  firstId: string;
  /** normalize-space() of every cbc:ID */
  ids: readonly string[];
  /** string value of every cbc:ID */
  rawIds: readonly string[];
  vat: boolean;
};

function factsOf(element: XmlElement): CategoryFacts {
  const rawIds: string[] = [];
  for (const child of element.children) if (child.name === 'cbc:ID') rawIds.push(stringValue(child));
  const ids = rawIds.map(normalized);
  return { element, firstId: ids[0] ?? '', ids, rawIds, vat: inVatScheme(element) };
}

/** The category's id is `code`, compared as `test.id` says, and it is in the VAT scheme if `test.vat`. */
export function categoryIs(facts: CategoryFacts, code: string, test: CategoryTest): boolean {
  if (test.vat && !facts.vat) return false;
  if (test.id === 'first') return facts.firstId === code;
  if (test.id === 'any') return facts.ids.includes(code);
  return facts.rawIds.includes(code);
}

/** Tax categories with their counts per code and test, counted once on first use. */
export type CategorySet = {
  readonly facts: readonly CategoryFacts[];
  /** How many of the categories are `code` under `test`. */
  count(code: string, test: CategoryTest): number;
};

type Counts = Map<string, Map<string, number>>;

const TESTS = { first: 'first', any: 'any', raw: 'raw', 'first+vat': 'first+vat', 'any+vat': 'any+vat', 'raw+vat': 'raw+vat' } as const;

function testKey(id: IdTest, vat: boolean): string {
  return vat ? TESTS[`${id}+vat`] : TESTS[id];
}

function countAll(facts: readonly CategoryFacts[]): Counts {
  const counts: Counts = new Map();
  const add = (test: string, code: string) => {
    let byCode = counts.get(test);
    if (!byCode) counts.set(test, (byCode = new Map()));
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
  };
  // A category counts once per code, however many of its ids have it.
  const addEach = (test: string, ids: readonly string[]) => {
    if (ids.length === 1) add(test, ids[0] as string);
    else for (const id of new Set(ids)) add(test, id);
  };
  for (const f of facts) {
    add(TESTS.first, f.firstId);
    addEach(TESTS.any, f.ids);
    addEach(TESTS.raw, f.rawIds);
    if (!f.vat) continue;
    add(TESTS['first+vat'], f.firstId);
    addEach(TESTS['any+vat'], f.ids);
    addEach(TESTS['raw+vat'], f.rawIds);
  }
  return counts;
}

/** Below this many categories, counting by a scan is cheaper than building the count maps. */
const SCAN_LIMIT = 64;

function categorySet(facts: readonly CategoryFacts[]): CategorySet {
  let counts: Counts | undefined;
  return {
    facts,
    count(code, test) {
      if (facts.length < SCAN_LIMIT) {
        let count = 0;
        for (const f of facts) if (categoryIs(f, code, test)) count++;
        return count;
      }
      counts ??= countAll(facts);
      return counts.get(testKey(test.id, test.vat))?.get(code) ?? 0;
    },
  };
}

/** The tax categories of a document, by where they are. */
export type UblCategories = {
  /** `//cac:TaxCategory` */
  taxCategories: CategorySet;
  /** `//cac:ClassifiedTaxCategory` */
  classified: CategorySet;
  /** `//cac:AllowanceCharge/cac:TaxCategory` */
  onAllowanceCharge: CategorySet;
  /** `//cac:AllowanceCharge[cbc:ChargeIndicator = false()]/cac:TaxCategory` */
  onAllowance: CategorySet;
  /** `//cac:AllowanceCharge[cbc:ChargeIndicator = true()]/cac:TaxCategory` */
  onCharge: CategorySet;
  /** `(/ubl:Invoice | /cn:CreditNote)/cac:AllowanceCharge[cbc:ChargeIndicator = false()]/cac:TaxCategory` */
  onDocumentAllowance: CategorySet;
  /** `(/ubl:Invoice | /cn:CreditNote)/cac:AllowanceCharge[cbc:ChargeIndicator = true()]/cac:TaxCategory` */
  onDocumentCharge: CategorySet;
  /** `/*‍/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory`: the VAT breakdown. */
  inBreakdown: CategorySet;
};

/** The document's tax categories (memoised). */
export function ublCategories(doc: DocumentIndex): UblCategories {
  return doc.memoised(CATEGORIES);
}

const CATEGORIES = documentMemo((doc): UblCategories => {
  const taxCategories = doc.all('cac:TaxCategory').map(factsOf);
  const onAllowanceCharge = taxCategories.filter((c) => c.element.parent?.name === 'cac:AllowanceCharge');
  const onAllowance = onAllowanceCharge.filter((c) => flagIs(c.element.parent, 'cbc:ChargeIndicator', false));
  const onCharge = onAllowanceCharge.filter((c) => flagIs(c.element.parent, 'cbc:ChargeIndicator', true));
  const documentLevel = (c: CategoryFacts) => c.element.parent?.parent === doc.root;
  return {
    taxCategories: categorySet(taxCategories),
    classified: categorySet(doc.all('cac:ClassifiedTaxCategory').map(factsOf)),
    onAllowanceCharge: categorySet(onAllowanceCharge),
    onAllowance: categorySet(onAllowance),
    onCharge: categorySet(onCharge),
    onDocumentAllowance: categorySet(onAllowance.filter(documentLevel)),
    onDocumentCharge: categorySet(onCharge.filter(documentLevel)),
    inBreakdown: categorySet(
      taxCategories.filter((c) => {
        const total = c.element.parent?.parent;
        return c.element.parent?.name === 'cac:TaxSubtotal' && total?.name === 'cac:TaxTotal' && total.parent === doc.root;
      }),
    ),
  };
});

/** The party identifiers the 02–04 rules look at, anywhere in the document (`//`). */
export type UblPartyIds = {
  /** `//cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID` (any tax scheme) */
  sellerTaxId: boolean;
  /** the same, in a VAT tax scheme (BT-31) */
  sellerVatId: boolean;
  /** `//cac:TaxRepresentativeParty/cac:PartyTaxScheme[VAT]/cbc:CompanyID` (BT-63) */
  representativeVatId: boolean;
  /** `//cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme[VAT]/cbc:CompanyID` (BT-48) */
  buyerVatId: boolean;
  /** `//cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID` (BT-47) */
  buyerLegalId: boolean;
};

function withCompanyId(schemes: readonly XmlElement[], vatOnly: boolean): boolean {
  return schemes.some((scheme) => (!vatOnly || inVatScheme(scheme)) && kid(scheme, 'cbc:CompanyID') !== undefined);
}

/** The document's party identifiers (memoised). */
export function ublPartyIds(doc: DocumentIndex): UblPartyIds {
  return doc.memoised(PARTY_IDS);
}

const PARTY_IDS = documentMemo((doc): UblPartyIds => {
  const sellerSchemes = at(doc.all('cac:AccountingSupplierParty'), 'cac:Party/cac:PartyTaxScheme');
  const buyerParties = at(doc.all('cac:AccountingCustomerParty'), 'cac:Party');
  return {
    sellerTaxId: withCompanyId(sellerSchemes, false),
    sellerVatId: withCompanyId(sellerSchemes, true),
    representativeVatId: withCompanyId(at(doc.all('cac:TaxRepresentativeParty'), 'cac:PartyTaxScheme'), true),
    buyerVatId: withCompanyId(at(buyerParties, 'cac:PartyTaxScheme'), true),
    buyerLegalId: at(buyerParties, 'cac:PartyLegalEntity/cbc:CompanyID').length > 0,
  };
});
