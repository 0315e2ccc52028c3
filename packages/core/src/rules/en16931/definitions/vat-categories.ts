import type { RuleDefinition } from '../../rule-definition.js';

// Placeholder: filled in by the rule transcription work.
export const VAT_DEFINITIONS: readonly RuleDefinition[] = [];
