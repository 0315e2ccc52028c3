import type { Assertion, RuleContext } from '../../binding.js';
import { ciiVatContexts } from './cii-vat-contexts.js';
import { CII_VAT_FAMILIES } from './cii-vat-families.js';
import { CII_VAT_SPECIFIC_ASSERTIONS, ciiVatAssertions } from './cii-vat-rules.js';

/**
 * The CII VAT category rules (BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G, BR-O, BR-AF, BR-AG): four contexts per
 * family in the model pattern, in the official order (VATAE, VATAE_Allowance, …, VATIG, VATIG_Line, …), before
 * its last context; the 01 rules are checked in the root context `Invoice`.
 */
export const CII_VAT_CONTEXTS: readonly RuleContext[] = CII_VAT_FAMILIES.flatMap(ciiVatContexts);

/** Every CII VAT category assertion. */
export const CII_VAT_ASSERTIONS: readonly Assertion[] = [...CII_VAT_FAMILIES.flatMap(ciiVatAssertions), ...CII_VAT_SPECIFIC_ASSERTIONS];
