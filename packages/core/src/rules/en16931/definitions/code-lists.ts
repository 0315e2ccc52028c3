import type { RuleDefinition } from '../../rule-definition.js';

// Placeholder: filled in by the rule transcription work.
export const CODE_LIST_DEFINITIONS: readonly RuleDefinition[] = [];
