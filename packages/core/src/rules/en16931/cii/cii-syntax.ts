import type { Assertion, RuleContext } from '../../binding.js';
import type { RuleDefinition } from '../../rule-definition.js';

// Placeholder: filled in by the rule transcription work.
export const CII_SYNTAX_CONTEXTS: readonly RuleContext[] = [];
export const CII_SYNTAX_ASSERTIONS: readonly Assertion[] = [];
export const CII_SYNTAX_DEFINITIONS: readonly RuleDefinition[] = [];
