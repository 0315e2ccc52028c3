import type { Assertion, RuleContext } from '../../binding.js';

// Placeholder: filled in by the rule transcription work.
export const UBL_MODEL_CONTEXTS: readonly RuleContext[] = [];
export const UBL_MODEL_ASSERTIONS: readonly Assertion[] = [];
