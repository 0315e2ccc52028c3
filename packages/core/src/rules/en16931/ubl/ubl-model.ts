import type { Assertion, RuleContext } from '../../binding.js';
import { UBL_MODEL_CORE_CONTEXTS } from './ubl-model-contexts.js';
import { UBL_MODEL_DOCUMENT_ASSERTIONS } from './ubl-model-document.js';
import { UBL_MODEL_LINE_ASSERTIONS } from './ubl-model-lines.js';
import { UBL_MODEL_PARTY_ASSERTIONS } from './ubl-model-parties.js';
import { UBL_MODEL_TOTALS_ASSERTIONS } from './ubl-model-totals.js';

/**
 * The UBL binding of the EN 16931 core rules (pattern "UBL-model" up to the VAT identifiers): contexts in the
 * official order, and their assertions except the VAT-category and code-list rules, which other files add.
 */
export const UBL_MODEL_CONTEXTS: readonly RuleContext[] = UBL_MODEL_CORE_CONTEXTS;

/** The assertions of the core rules in UBL. */
export const UBL_MODEL_ASSERTIONS: readonly Assertion[] = [
  ...UBL_MODEL_DOCUMENT_ASSERTIONS,
  ...UBL_MODEL_TOTALS_ASSERTIONS,
  ...UBL_MODEL_LINE_ASSERTIONS,
  ...UBL_MODEL_PARTY_ASSERTIONS,
];
