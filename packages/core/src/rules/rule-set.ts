import type { SyntaxId } from '../syntax/codec.js';
import type { Assertion, RuleContext } from './binding.js';
import type { RuleDefinition } from './rule-definition.js';

/**
 * A named, composable set of rules for one syntax: its ordered contexts (grouped in patterns), the
 * assertions bound to them, and the definitions that give each rule id its meaning.
 */
export type RuleSet = {
  /** The name users select it by, e.g. `en16931`. */
  name: string;
  syntax: SyntaxId;
  contexts: readonly RuleContext[];
  assertions: readonly Assertion[];
  definitions: readonly RuleDefinition[];
};
