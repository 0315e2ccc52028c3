import type { XmlElement } from '../xml/xml-element.js';
import type { Assertion, AssertionGroup, RuleContext } from './binding.js';
import type { DocumentIndex } from './document-index.js';
import type { RuleDefinition } from './rule-definition.js';
import type { RuleSet } from './rule-set.js';

/** An assertion with its definition resolved. */
export type CompiledAssertion = Assertion & { definition: RuleDefinition };

/**
 * One step of checking a context: one assertion, or consecutive rows of one table that the table's group
 * answers in a single look (the engine reports the failing rows in the same order as the assertions). Both
 * kinds have the same fields, so that the engine's reads of them see one object shape.
 */
export type CompiledStep =
  | { kind: 'single'; assertion: CompiledAssertion; group: undefined; members: undefined }
  | { kind: 'rows'; assertion: undefined; group: AssertionGroup; members: readonly { row: number; assertion: CompiledAssertion }[] };

/** A context with its assertions, ready to run. */
export type CompiledContext = {
  context: RuleContext;
  /** `context.matches`, kept here so that every compiled context has the same shape for the engine. */
  matches: RuleContext['matches'];
  assertions: readonly CompiledAssertion[];
  /** The assertions as the engine runs them. */
  steps: readonly CompiledStep[];
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
  /** For an element name and its local name: per pattern, the contexts that may match it (cached by name). */
  candidatesFor(name: string, local: string): readonly (readonly CompiledContext[])[];
};

/** Names whose candidate lists are kept; documents with more distinct names get theirs computed each time. */
const MAX_CACHED_NAMES = 10_000;

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
    // One object shape for every compiled assertion, whatever shape its declaration had: the engine reads them all.
    if (list && definition) {
      const { rule, flag, context, test, batch } = assertion;
      list.push({ rule, flag, context, test, batch, definition });
    }
  }
  if (problems.length > 0) throw new Error(`${ruleSet.name}/${ruleSet.syntax} rule set is incomplete:\n  ${problems.join('\n  ')}`);

  const patterns = new Map<string, CompiledContext[]>();
  for (const context of ruleSet.contexts) {
    const assertions = byContext.get(context.name) ?? [];
    const compiled: CompiledContext = { context, matches: context.matches, assertions, steps: stepsOf(assertions) };
    const list = patterns.get(context.pattern);
    if (list) list.push(compiled);
    else patterns.set(context.pattern, [compiled]);
  }
  const compiledPatterns = [...patterns].map(([name, ordered]) => indexPattern(name, ordered));
  const cache = new Map<string, (readonly CompiledContext[])[]>();
  const candidatesFor = (name: string, local: string): readonly (readonly CompiledContext[])[] => {
    let found = cache.get(name);
    if (!found) {
      found = compiledPatterns
        .map((p) => (p.byElement.get(name) ?? p.wildcard).filter((c) => c.context.nameMatches?.(name, local) ?? true))
        .filter((list) => list.length > 0);
      // The canonical name determines the local name, so the answer can be kept by name.
      if (cache.size < MAX_CACHED_NAMES) cache.set(name, found);
    }
    return found;
  };
  return { ruleSet, patterns: compiledPatterns, candidatesFor };
}

/** Groups consecutive rows of the same table into one step; everything else is a step of its own. */
function stepsOf(assertions: readonly CompiledAssertion[]): CompiledStep[] {
  const steps: CompiledStep[] = [];
  let rows: { row: number; assertion: CompiledAssertion }[] | undefined;
  let group: AssertionGroup | undefined;
  for (const assertion of assertions) {
    const batch = assertion.batch;
    if (batch && rows && batch.group === group) {
      rows.push({ row: batch.row, assertion });
      continue;
    }
    if (rows && group) steps.push({ kind: 'rows', assertion: undefined, group, members: rows });
    rows = batch ? [{ row: batch.row, assertion }] : undefined;
    group = batch?.group;
    if (!batch) steps.push({ kind: 'single', assertion, group: undefined, members: undefined });
  }
  if (rows && group) steps.push({ kind: 'rows', assertion: undefined, group, members: rows });
  return steps;
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
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i] as CompiledContext;
    const matches = candidate.matches;
    if (matches === undefined || matches(element, doc)) return candidate;
  }
  return undefined;
}
