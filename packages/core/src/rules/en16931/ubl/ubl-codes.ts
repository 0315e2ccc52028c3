import type { Assertion, RuleContext } from '../../binding.js';

// Placeholder: filled in by the rule transcription work.
export const UBL_CODE_CONTEXTS: readonly RuleContext[] = [];
export const UBL_CODE_ASSERTIONS: readonly Assertion[] = [];
