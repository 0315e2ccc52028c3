import {
  EXEMPT, EXPORT, IGIC, INTRA_COMMUNITY, IPSI, NOT_SUBJECT, REVERSE_CHARGE, STANDARD, ZERO_RATED, type VatCategoryFamily,
} from '../definitions/vat-categories.js';
import { VAT_CATEGORY, type CategoryTest } from './ubl-vat-query.js';

/**
 * How the UBL binding of each VAT category family differs from the common template. The official tests are
 * near-identical per family but not quite: some compare the category id without normalising it, or skip the
 * VAT scheme check, in one place. Those differences change results on unusual documents, so they are kept.
 */
export type UblVatFamily = {
  family: VatCategoryFamily;
  /**
   * 01 for the `atLeastOne` families: the test of the lines', allowances' and charges' categories, of the
   * breakdown's categories when some are used, and when none is.
   */
  presence: { used: CategoryTest; whenUsed: CategoryTest; whenUnused: CategoryTest };
  /** 02, 03, 04: the rule holds when `trigger` categories exist and the parties are right, or no `otherwise` category exists. */
  line: PartyTrigger;
  allowance: PartyTrigger;
  charge: PartyTrigger;
  /** 03 and 04 look only at document level allowances and charges (children of the root). */
  documentLevelOnly: boolean;
  /** 08: one exact sum per category; a ±1 tolerance per rate; per rate, and only for rates in use. */
  base: 'exact' | 'perRate' | 'perRateInUse';
};

/** The categories that make a 02–04 rule apply. */
export type PartyTrigger = { trigger: CategoryTest; otherwise: CategoryTest };

const USUAL: PartyTrigger = { trigger: VAT_CATEGORY, otherwise: VAT_CATEGORY };
const ANY_SCHEME: CategoryTest = { id: 'first', vat: false };

function ubl(family: VatCategoryFamily, overrides: Partial<Omit<UblVatFamily, 'family'>> = {}): UblVatFamily {
  return {
    family,
    presence: { used: VAT_CATEGORY, whenUsed: VAT_CATEGORY, whenUnused: VAT_CATEGORY },
    line: USUAL,
    allowance: USUAL,
    charge: USUAL,
    documentLevelOnly: false,
    base: 'exact',
    ...overrides,
  };
}

/** The families in the order of the official UBL model pattern. */
export const UBL_VAT_FAMILIES: readonly UblVatFamily[] = [
  ubl(REVERSE_CHARGE),
  ubl(EXEMPT),
  // BR-G-03/04 apply to allowances and charges in category G whatever their tax scheme.
  ubl(EXPORT, { allowance: { trigger: ANY_SCHEME, otherwise: VAT_CATEGORY }, charge: { trigger: ANY_SCHEME, otherwise: VAT_CATEGORY } }),
  ubl(INTRA_COMMUNITY),
  // BR-AF-01 counts breakdown groups `[cbc:ID = 'L']` (any scheme, not normalised) when L is used;
  // BR-AF-04 exempts documents without `[cbc:ID = 'L']` charges (not normalised).
  ubl(IGIC, {
    presence: { used: VAT_CATEGORY, whenUsed: { id: 'raw', vat: false }, whenUnused: VAT_CATEGORY },
    charge: { trigger: VAT_CATEGORY, otherwise: { id: 'raw', vat: true } },
    base: 'perRate',
  }),
  ubl(IPSI, { presence: { used: VAT_CATEGORY, whenUsed: { id: 'raw', vat: true }, whenUnused: VAT_CATEGORY }, base: 'perRate' }),
  ubl(NOT_SUBJECT, { documentLevelOnly: true }),
  // BR-S-01 ignores the tax scheme; BR-S-02 exempts only documents without any line in category S.
  ubl(STANDARD, {
    presence: { used: ANY_SCHEME, whenUsed: ANY_SCHEME, whenUnused: ANY_SCHEME },
    line: { trigger: VAT_CATEGORY, otherwise: ANY_SCHEME },
    base: 'perRateInUse',
  }),
  ubl(ZERO_RATED),
];
