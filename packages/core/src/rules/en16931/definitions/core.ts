import type { RuleDefinition } from '../../rule-definition.js';
import { CORE_CALCULATION_DEFINITIONS } from './core-calculation.js';
import { CORE_DOCUMENT_DEFINITIONS } from './core-document.js';

/** The meaning of every EN 16931 core rule (BR-01 … BR-65, BR-B, BR-CO, BR-DEC), shared by UBL and CII. */
export const CORE_DEFINITIONS: readonly RuleDefinition[] = [...CORE_DOCUMENT_DEFINITIONS, ...CORE_CALCULATION_DEFINITIONS];
