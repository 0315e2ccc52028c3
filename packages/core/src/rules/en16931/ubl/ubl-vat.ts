import type { Assertion, RuleContext } from '../../binding.js';
import { ublVatBreakdownAssertions, ublVatContexts } from './ubl-vat-breakdown.js';
import { UBL_VAT_SPECIFIC_ASSERTIONS, ublVatDocumentAssertions } from './ubl-vat-document.js';
import { UBL_VAT_FAMILIES } from './ubl-vat-families.js';

/**
 * The UBL VAT category rules (BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G, BR-O, BR-AF, BR-AG): four contexts per
 * family at the end of the model pattern, in the official order (VATAE, VATAE_Allowance, VATAE_Charge,
 * VATAE_Line, VATE, …), plus the family rules checked once per document in the root context `Invoice`.
 */
export const UBL_VAT_CONTEXTS: readonly RuleContext[] = UBL_VAT_FAMILIES.flatMap(ublVatContexts);

/** Every UBL VAT category assertion. */
export const UBL_VAT_ASSERTIONS: readonly Assertion[] = [
  ...UBL_VAT_FAMILIES.flatMap(ublVatDocumentAssertions),
  ...UBL_VAT_SPECIFIC_ASSERTIONS,
  ...UBL_VAT_FAMILIES.flatMap(ublVatBreakdownAssertions),
];
