import type { Assertion, RuleContext } from '../../binding.js';

// Placeholder: filled in by the rule transcription work.
/** The CII model pattern's contexts before the VAT category contexts. */
export const CII_MODEL_CONTEXTS_HEAD: readonly RuleContext[] = [];
/** The CII model pattern's contexts after the VAT category contexts. */
export const CII_MODEL_CONTEXTS_TAIL: readonly RuleContext[] = [];
export const CII_MODEL_ASSERTIONS: readonly Assertion[] = [];
