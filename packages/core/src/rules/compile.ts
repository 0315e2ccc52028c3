import type { XmlElement } from '../xml/xml-element.js';
import type { Assertion, RuleContext } from './binding.js';
import type { DocumentIndex } from './document-index.js';
import type { RuleDefinition } from './rule-definition.js';
import type { RuleSet } from './rule-set.js';

/** An assertion with its definition resolved. */
export type CompiledAssertion = Assertion & { definition: RuleDefinition };

/** A context with its assertions, ready to run. */
export type CompiledContext = {
  context: RuleContext;
  assertions: readonly CompiledAssertion[];
};

/** One pattern: for each element name, the contexts that may match it, in pattern order. */
export type CompiledPattern = {
  name: string;
  byElement: Map<string, readonly CompiledContext[]>;
  wildcard: readonly CompiledContext[];
  ordered: readonly CompiledContext[];
};

/** A rule set indexed for fast matching. */
export type CompiledRuleSet = {
  ruleSet: RuleSet;
  patterns: readonly CompiledPattern[];
  /** For an element name: per pattern, the contexts that may match it (one lookup per element). */
  candidatesFor(name: string): readonly (readonly CompiledContext[])[];
};

/**
 * Indexes a rule set and checks it is whole: every assertion names a known context and a defined rule,
 * context names are unique. A broken rule set fails here, at start-up, not silently at validation time.
 */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const definitions = new Map<string, RuleDefinition>();
  for (const definition of ruleSet.definitions) {
    if (definitions.has(definition.id)) throw new Error(`${ruleSet.name}: rule ${definition.id} is defined twice`);
    definitions.set(definition.id, definition);
  }
  const byContext = new Map<string, CompiledAssertion[]>();
  for (const context of ruleSet.contexts) {
    if (byContext.has(context.name)) throw new Error(`${ruleSet.name}/${ruleSet.syntax}: context ${context.name} is declared twice`);
    byContext.set(context.name, []);
  }
  const problems: string[] = [];
  for (const assertion of ruleSet.assertions) {
    const list = byContext.get(assertion.context);
    const definition = definitions.get(assertion.rule);
    if (!list) problems.push(`${assertion.rule}: unknown context ${assertion.context}`);
    if (!definition) problems.push(`${assertion.rule}: no definition`);
    if (list && definition) list.push({ ...assertion, definition });
  }
  if (problems.length > 0) throw new Error(`${ruleSet.name}/${ruleSet.syntax} rule set is incomplete:\n  ${problems.join('\n  ')}`);

  const patterns = new Map<string, CompiledContext[]>();
  for (const context of ruleSet.contexts) {
    const compiled: CompiledContext = { context, assertions: byContext.get(context.name) ?? [] };
    const list = patterns.get(context.pattern);
    if (list) list.push(compiled);
    else patterns.set(context.pattern, [compiled]);
  }
  const compiledPatterns = [...patterns].map(([name, ordered]) => indexPattern(name, ordered));
  const wildcardOnly = compiledPatterns.map((p) => p.wildcard).filter((list) => list.length > 0);
  const byName = new Map<string, (readonly CompiledContext[])[]>();
  for (const pattern of compiledPatterns) {
    for (const name of pattern.byElement.keys()) {
      if (byName.has(name)) continue;
      byName.set(name, compiledPatterns.map((p) => p.byElement.get(name) ?? p.wildcard).filter((list) => list.length > 0));
    }
  }
  return { ruleSet, patterns: compiledPatterns, candidatesFor: (name) => byName.get(name) ?? wildcardOnly };
}

function indexPattern(name: string, ordered: CompiledContext[]): CompiledPattern {
  const byElement = new Map<string, CompiledContext[]>();
  const wildcard = ordered.filter((c) => c.context.elements.includes('*'));
  for (const compiled of ordered) {
    for (const element of compiled.context.elements) {
      if (element === '*' || byElement.has(element)) continue;
      // Every context that can match this name, plus the wildcards, in pattern order.
      byElement.set(element, ordered.filter((c) => c.context.elements.includes(element) || c.context.elements.includes('*')));
    }
  }
  return { name, byElement, wildcard, ordered };
}

/** Of one pattern's candidate contexts, the one that checks `element`: the first that matches, as in Schematron. */
export function firstMatch(candidates: readonly CompiledContext[], element: XmlElement, doc: DocumentIndex): CompiledContext | undefined {
  for (const candidate of candidates) {
    const matches = candidate.context.matches;
    if (!matches || matches(element, doc)) return candidate;
  }
  return undefined;
}
