import { rule, type RuleDefinition } from '../../rule-definition.js';

/**
 * The nine VAT category rule families of EN 16931 (BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-*, BR-G-*,
 * BR-O-*, BR-AF-*, BR-AG-*). Each family checks one VAT category code with the same numbered template:
 * 01 the VAT breakdown has the category, 02–04 the party identifiers an invoice line / document level
 * allowance / document level charge in that category needs, 05–07 their VAT rate, 08 the category's taxable
 * amount, 09 its tax amount, 10 its exemption reason. This file says what differs between the families;
 * each syntax binds the template to its elements (`ubl/ubl-vat*.ts`, `cii/cii-vat*.ts`).
 */
export type VatCategoryFamily = {
  /** The VAT category code (UNCL 5305), e.g. `S`. */
  code: string;
  /** The rule id prefix, e.g. `BR-S`; rules are `BR-S-01` … */
  prefix: string;
  /** The official abstract context name of its VAT breakdown rules, e.g. `VATS` (`VATS_Line` …). */
  context: string;
  /** The category's name, for messages. */
  label: string;
  /** 01: at least one VAT breakdown group with the code, or exactly one. */
  breakdown: 'exactlyOne' | 'atLeastOne';
  /** 02–04: the identifiers the seller (and buyer) must, or must not, have. */
  parties: PartyRequirement;
  /** 05–07: the VAT rate of lines, allowances and charges in the category. */
  rate: RateRequirement;
  /** 09: the category tax amount is zero, or the taxable amount times the rate. */
  taxAmount: 'zero' | 'rateTimesBase';
  /** 10: an exemption reason (text or code) is required, or forbidden. */
  exemptionReason: 'required' | 'forbidden';
  /** 08: the taxable amount is checked per VAT rate (BT-119) rather than per category. */
  perRate: boolean;
};

/**
 * 02–04: `seller` — BT-31, BT-32 or BT-63; `sellerAndBuyer` — that and BT-48 or BT-47; `sellerVat` — BT-31
 * or BT-63; `sellerVatAndBuyerVat` — that and BT-48; `noVatIdentifiers` — none of BT-31, BT-63, BT-48.
 */
export type PartyRequirement = 'seller' | 'sellerAndBuyer' | 'sellerVat' | 'sellerVatAndBuyerVat' | 'noVatIdentifiers';

/** 05–07: the rate is 0, above 0, 0 or above, or absent. */
export type RateRequirement = 'zero' | 'positive' | 'positiveOrZero' | 'absent';

const family = (f: VatCategoryFamily): VatCategoryFamily => f;

/** Reverse charge (AE). */
export const REVERSE_CHARGE = family({
  code: 'AE', prefix: 'BR-AE', context: 'VATAE', label: 'Reverse charge', breakdown: 'exactlyOne',
  parties: 'sellerAndBuyer', rate: 'zero', taxAmount: 'zero', exemptionReason: 'required', perRate: false,
});
/** Exempt from VAT (E). */
export const EXEMPT = family({
  code: 'E', prefix: 'BR-E', context: 'VATE', label: 'Exempt from VAT', breakdown: 'exactlyOne',
  parties: 'seller', rate: 'zero', taxAmount: 'zero', exemptionReason: 'required', perRate: false,
});
/** Export outside the EU (G). */
export const EXPORT = family({
  code: 'G', prefix: 'BR-G', context: 'VATG', label: 'Export outside the EU', breakdown: 'exactlyOne',
  parties: 'sellerVat', rate: 'zero', taxAmount: 'zero', exemptionReason: 'required', perRate: false,
});
/** Intra-community supply (K). */
export const INTRA_COMMUNITY = family({
  code: 'K', prefix: 'BR-IC', context: 'VATIC', label: 'Intra-community supply', breakdown: 'exactlyOne',
  parties: 'sellerVatAndBuyerVat', rate: 'zero', taxAmount: 'zero', exemptionReason: 'required', perRate: false,
});
/** IGIC, the Canary Islands general indirect tax (L). */
export const IGIC = family({
  code: 'L', prefix: 'BR-AF', context: 'VATIG', label: 'IGIC (Canary Islands general indirect tax)', breakdown: 'atLeastOne',
  parties: 'seller', rate: 'positiveOrZero', taxAmount: 'rateTimesBase', exemptionReason: 'forbidden', perRate: true,
});
/** IPSI, the Ceuta and Melilla tax on production, services and imports (M). */
export const IPSI = family({
  code: 'M', prefix: 'BR-AG', context: 'VATIP', label: 'IPSI (Ceuta and Melilla tax)', breakdown: 'atLeastOne',
  parties: 'seller', rate: 'positiveOrZero', taxAmount: 'rateTimesBase', exemptionReason: 'forbidden', perRate: true,
});
/** Not subject to VAT (O). */
export const NOT_SUBJECT = family({
  code: 'O', prefix: 'BR-O', context: 'VATO', label: 'Not subject to VAT', breakdown: 'exactlyOne',
  parties: 'noVatIdentifiers', rate: 'absent', taxAmount: 'zero', exemptionReason: 'required', perRate: false,
});
/** Standard rated (S). */
export const STANDARD = family({
  code: 'S', prefix: 'BR-S', context: 'VATS', label: 'Standard rated', breakdown: 'atLeastOne',
  parties: 'seller', rate: 'positive', taxAmount: 'rateTimesBase', exemptionReason: 'forbidden', perRate: true,
});
/** Zero rated (Z). */
export const ZERO_RATED = family({
  code: 'Z', prefix: 'BR-Z', context: 'VATZ', label: 'Zero rated', breakdown: 'exactlyOne',
  parties: 'seller', rate: 'zero', taxAmount: 'zero', exemptionReason: 'forbidden', perRate: false,
});

/** Every family, in the order of the official UBL model pattern. */
export const VAT_CATEGORY_FAMILIES: readonly VatCategoryFamily[] = [
  REVERSE_CHARGE, EXEMPT, EXPORT, INTRA_COMMUNITY, IGIC, IPSI, NOT_SUBJECT, STANDARD, ZERO_RATED,
];

/** The id of rule `n` of a family: `ruleId(STANDARD, 8)` is `BR-S-08`. */
export function ruleId(f: VatCategoryFamily, n: number): string {
  return `${f.prefix}-${String(n).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------
// Definitions: one message template per rule number, filled in per family.

/** The VAT breakdown group and its category code, which the 01 and 08–10 rules are about. */
const BREAKDOWN = ['BG-23', 'BT-118'];

const SELLER_IDS =
  'the Seller VAT identifier (BT-31), the Seller tax registration identifier (BT-32) or the Seller tax representative VAT identifier (BT-63)';
const SELLER_VAT_IDS = 'the Seller VAT identifier (BT-31) or the Seller tax representative VAT identifier (BT-63)';

const PARTIES: Record<PartyRequirement, { terms: readonly string[]; text: string }> = {
  seller: { terms: ['BT-31', 'BT-32', 'BT-63'], text: `requires ${SELLER_IDS}; add one of them` },
  sellerAndBuyer: {
    terms: ['BT-31', 'BT-32', 'BT-63', 'BT-48', 'BT-47'],
    text: `requires ${SELLER_IDS}, and also the Buyer VAT identifier (BT-48) or the Buyer legal registration identifier (BT-47); ` +
      'add the missing identifiers',
  },
  sellerVat: { terms: ['BT-31', 'BT-63'], text: `requires ${SELLER_VAT_IDS}; add one of them` },
  sellerVatAndBuyerVat: {
    terms: ['BT-31', 'BT-63', 'BT-48'],
    text: `requires ${SELLER_VAT_IDS}, and also the Buyer VAT identifier (BT-48); add the missing identifiers`,
  },
  noVatIdentifiers: {
    terms: ['BT-31', 'BT-63', 'BT-48'],
    text: 'must not carry the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier ' +
      '(BT-48); remove them or use the right VAT category',
  },
};

/** 02–04 and 05–07 speak of an invoice line, a document level allowance, a document level charge. */
const SUBJECTS = [
  { what: 'An invoice line (BG-25)', code: 'BT-151', rate: 'Invoiced item VAT rate (BT-152)', rateTerm: 'BT-152' },
  { what: 'A document level allowance (BG-20)', code: 'BT-95', rate: 'Document level allowance VAT rate (BT-96)', rateTerm: 'BT-96' },
  { what: 'A document level charge (BG-21)', code: 'BT-102', rate: 'Document level charge VAT rate (BT-103)', rateTerm: 'BT-103' },
] as const;

const RATES: Record<RateRequirement, string> = {
  zero: 'must be 0; set it to 0',
  positive: 'must be greater than 0; give the applicable rate',
  positiveOrZero: 'must be stated and not negative (the CII binding also refuses 0); correct the rate',
  absent: 'must not be given; remove it',
};

const USED_BY = 'Invoice lines, allowances or charges with VAT category code (BT-151, BT-95, BT-102)';
const BASE = 'the line net amounts (BT-131) plus the document level charges (BT-99) minus the document level allowances (BT-92)';

function familyDefinitions(f: VatCategoryFamily): RuleDefinition[] {
  const category = `"${f.code}" (${f.label})`;
  const breakdown = `the VAT breakdown (BG-23) with VAT category code (BT-118) ${category}`;
  const Breakdown = breakdown.charAt(0).toUpperCase() + breakdown.slice(1);
  const presence = f.breakdown === 'exactlyOne'
    ? `${USED_BY} ${category} need exactly one VAT breakdown group (BG-23) with VAT category code (BT-118) "${f.code}"; add the group or merge the duplicates.`
    : `${USED_BY} ${category} need a VAT breakdown group (BG-23) with VAT category code (BT-118) "${f.code}", and such a group needs ` +
      'lines, allowances or charges in that category; make the breakdown match the lines.';
  const taxable = f.perRate
    ? `For each VAT category rate (BT-119) in ${breakdown}, the VAT category taxable amount (BT-116) must equal ${BASE} in that category at that rate; recompute BT-116.`
    : `In ${breakdown}, the VAT category taxable amount (BT-116) must equal ${BASE} in that category; recompute BT-116.`;
  const taxAmount = f.taxAmount === 'zero'
    ? `In ${breakdown}, the VAT category tax amount (BT-117) must be 0.`
    : `In ${breakdown}, the VAT category tax amount (BT-117) must be the taxable amount (BT-116) times the VAT category rate (BT-119), ` +
      'rounded to 2 decimals; recompute BT-117.';
  const exemption = f.exemptionReason === 'required'
    ? `${Breakdown} must state why no VAT is charged: add a VAT exemption reason text (BT-120) or code (BT-121).`
    : `${Breakdown} must not have a VAT exemption reason text (BT-120) or code (BT-121); remove them.`;
  const parties = PARTIES[f.parties];
  return [
    rule(ruleId(f, 1), [...BREAKDOWN, 'BT-151', 'BT-95', 'BT-102'], presence),
    ...SUBJECTS.map((s, i) => rule(ruleId(f, i + 2), [s.code, ...parties.terms], `${s.what} with VAT category code (${s.code}) ${category} ${parties.text}.`)),
    ...SUBJECTS.map((s, i) => rule(ruleId(f, i + 5), [s.code, s.rateTerm], `${s.what} with VAT category code (${s.code}) ${category}: the ${s.rate} ${RATES[f.rate]}.`)),
    rule(ruleId(f, 8), [...BREAKDOWN, 'BT-116', ...(f.perRate ? ['BT-119'] : []), 'BT-131', 'BT-99', 'BT-92'], taxable),
    rule(ruleId(f, 9), [...BREAKDOWN, 'BT-117', ...(f.taxAmount === 'zero' ? [] : ['BT-116', 'BT-119'])], taxAmount),
    rule(ruleId(f, 10), [...BREAKDOWN, 'BT-120', 'BT-121'], exemption),
  ];
}

/** The rules only one family has. */
const SPECIFIC_DEFINITIONS: readonly RuleDefinition[] = [
  rule('BR-IC-11', ['BG-23', 'BT-118', 'BT-72', 'BG-14'],
    'An invoice with a VAT breakdown (BG-23) for VAT category "K" (Intra-community supply) must give the Actual delivery date (BT-72) or the Invoicing period (BG-14).'),
  rule('BR-IC-12', ['BG-23', 'BT-118', 'BT-80'],
    'An invoice with a VAT breakdown (BG-23) for VAT category "K" (Intra-community supply) must give the Deliver to country code (BT-80).'),
  rule('BR-O-11', ['BG-23', 'BT-118'],
    'An invoice with a VAT breakdown (BG-23) for VAT category "O" (Not subject to VAT) must not have VAT breakdown groups for any other category; remove them or correct the categories.'),
  rule('BR-O-12', ['BG-23', 'BT-118', 'BT-151'],
    'An invoice with a VAT breakdown (BG-23) for VAT category "O" (Not subject to VAT) must not have invoice lines with another VAT category code (BT-151).'),
  rule('BR-O-13', ['BG-23', 'BT-118', 'BT-95'],
    'An invoice with a VAT breakdown (BG-23) for VAT category "O" (Not subject to VAT) must not have document level allowances with another VAT category code (BT-95).'),
  rule('BR-O-14', ['BG-23', 'BT-118', 'BT-102'],
    'An invoice with a VAT breakdown (BG-23) for VAT category "O" (Not subject to VAT) must not have document level charges with another VAT category code (BT-102).'),
];

/** The definition of every VAT category rule, shared by UBL and CII. */
export const VAT_DEFINITIONS: readonly RuleDefinition[] = [...VAT_CATEGORY_FAMILIES.flatMap(familyDefinitions), ...SPECIFIC_DEFINITIONS];
