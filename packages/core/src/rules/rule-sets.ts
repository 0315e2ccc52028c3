import type { SyntaxId } from '../syntax/codec.js';
import { compileRuleSet, type CompiledRuleSet } from './compile.js';
import { en16931RuleSet } from './en16931/en16931-rule-set.js';
import type { RuleSet } from './rule-set.js';

/** Every rule set by name; Peppol BIS 3, XRechnung and country sets join here. */
const FACTORIES: Readonly<Record<string, (syntax: SyntaxId) => RuleSet>> = {
  en16931: en16931RuleSet,
};

/** The names of the available rule sets. */
export const RULE_SET_NAMES: readonly string[] = Object.keys(FACTORIES);

const compiled = new Map<string, CompiledRuleSet>();

/** The compiled rule set `name` for `syntax` (compiled once, on first use). */
export function ruleSetFor(name: string, syntax: SyntaxId): CompiledRuleSet {
  const key = `${name}/${syntax}`;
  let ruleSet = compiled.get(key);
  if (!ruleSet) {
    const factory = FACTORIES[name];
    if (!factory) throw new RangeError(`Unknown rule set "${name}"; available: ${RULE_SET_NAMES.join(', ')}`);
    ruleSet = compileRuleSet(factory(syntax));
    compiled.set(key, ruleSet);
  }
  return ruleSet;
}
