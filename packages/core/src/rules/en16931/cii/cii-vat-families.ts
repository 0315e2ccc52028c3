import {
  EXEMPT, EXPORT, IGIC, INTRA_COMMUNITY, IPSI, NOT_SUBJECT, REVERSE_CHARGE, STANDARD, ZERO_RATED,
  type RateRequirement, type VatCategoryFamily,
} from '../definitions/vat-categories.js';

/**
 * How the CII binding of each VAT category family differs from the common template. The official CII rules
 * were written family by family: the breakdown context is sometimes the `ram:CategoryCode` element, sometimes
 * the `ram:ApplicableTradeTax`; some check `ram:TypeCode = 'VAT'`, some not; the taxable amount is compared
 * exactly or within 1. Each difference is transcribed as it is.
 */
export type CiiVatFamily = {
  family: VatCategoryFamily;
  /**
   * The VAT breakdown context: `codeInVat` — `…/ram:ApplicableTradeTax/ram:CategoryCode[. = code]` under
   * `rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement` with `upper-case(../ram:TypeCode) = 'VAT'`;
   * `code` — `//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode[. = code]`;
   * `taxInVat` — `…/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode = code][upper-case(ram:TypeCode) = 'VAT']`.
   */
  breakdownContext: 'codeInVat' | 'code' | 'taxInVat';
  /** The order of the line, allowance and charge contexts after the breakdown context. */
  order: 'allowanceChargeLine' | 'lineAllowanceCharge';
  /** 01: `exactlyOne`, `exactlyOneIfPresent` (BR-O-01 accepts lines in O without a breakdown), `atLeastOne`. */
  presence: 'exactlyOne' | 'exactlyOneIfPresent' | 'atLeastOne';
  /** 05–07 (differs from UBL for IGIC: above 0). */
  rate: RateRequirement;
  /** 08: within 1 of the sum; equal to the sum for each rate; equal to the sum. */
  base: 'withinOne' | 'perRate' | 'equal';
  /** 09: zero; the rate times the base; not checked (`true()`, IGIC and IPSI). */
  taxAmount: 'zero' | 'rateTimesBase' | 'unchecked';
};

function cii(family: VatCategoryFamily, variant: Omit<CiiVatFamily, 'family' | 'rate' | 'taxAmount'> & Partial<CiiVatFamily>): CiiVatFamily {
  return { family, rate: family.rate, taxAmount: family.taxAmount, ...variant };
}

/** The families in the order of the official CII model pattern. */
export const CII_VAT_FAMILIES: readonly CiiVatFamily[] = [
  cii(REVERSE_CHARGE, { breakdownContext: 'codeInVat', order: 'allowanceChargeLine', presence: 'exactlyOne', base: 'withinOne' }),
  // BR-AF-05…07 ask for a rate above 0 in CII (0 or above in UBL).
  cii(IGIC, {
    breakdownContext: 'taxInVat', order: 'lineAllowanceCharge', presence: 'atLeastOne', base: 'perRate', rate: 'positive', taxAmount: 'unchecked',
  }),
  cii(IPSI, { breakdownContext: 'taxInVat', order: 'lineAllowanceCharge', presence: 'atLeastOne', base: 'perRate', taxAmount: 'unchecked' }),
  cii(EXEMPT, { breakdownContext: 'codeInVat', order: 'allowanceChargeLine', presence: 'exactlyOne', base: 'withinOne' }),
  cii(EXPORT, { breakdownContext: 'codeInVat', order: 'allowanceChargeLine', presence: 'exactlyOne', base: 'withinOne' }),
  cii(INTRA_COMMUNITY, { breakdownContext: 'codeInVat', order: 'allowanceChargeLine', presence: 'exactlyOne', base: 'withinOne' }),
  cii(NOT_SUBJECT, { breakdownContext: 'taxInVat', order: 'allowanceChargeLine', presence: 'exactlyOneIfPresent', base: 'equal' }),
  cii(STANDARD, { breakdownContext: 'code', order: 'lineAllowanceCharge', presence: 'atLeastOne', base: 'perRate' }),
  cii(ZERO_RATED, { breakdownContext: 'code', order: 'allowanceChargeLine', presence: 'exactlyOne', base: 'withinOne' }),
];
