import type { Assertion, RuleContext } from '../../binding.js';

// Placeholder: filled in by the rule transcription work.
export const CII_CODE_CONTEXTS: readonly RuleContext[] = [];
export const CII_CODE_ASSERTIONS: readonly Assertion[] = [];
