import type { Assertion, RuleContext } from '../../binding.js';

// Placeholder: filled in by the rule transcription work.
export const CII_VAT_CONTEXTS: readonly RuleContext[] = [];
export const CII_VAT_ASSERTIONS: readonly Assertion[] = [];
