import type { XmlElement } from '../xml/xml-element.js';
import type { DocumentIndex } from './document-index.js';
import type { Severity } from './finding.js';

/**
 * Where rules are checked: a Schematron rule context. Within one pattern an element is checked by the
 * FIRST context that matches it, exactly as Schematron does; so contexts are ordered, and a later context
 * that also matches an element does not see it.
 */
export type RuleContext = {
  /** Unique name within the rule set, e.g. `Document_totals`; assertions attach to it. */
  name: string;
  /** The pattern it belongs to; patterns are independent of each other. */
  pattern: string;
  /** Element names the context can match (the last step of its XPath); `*` for any element. */
  elements: readonly string[];
  /**
   * For a `*` context, the part of its test that reads only the element's name (canonical and local), e.g.
   * `ends-with(name(), 'Amount')`: it is decided once per name, not once per element.
   */
  nameMatches?: (name: string, local: string) => boolean;
  /** The rest of the context's XPath: ancestors and predicates. Omit when the name alone decides. */
  matches?: (element: XmlElement, doc: DocumentIndex) => boolean;
};

/** One test of a rule in one syntax, checked on each element its context matches. */
export type Assertion = {
  /** Official rule id; its meaning (terms, message) comes from the rule definitions. */
  rule: string;
  /** The official severity of the rule in this syntax. */
  flag: Severity;
  /** The context it is checked in (a `RuleContext.name`). */
  context: string;
  /** True when the element satisfies the rule. */
  test: (element: XmlElement, doc: DocumentIndex) => boolean;
  /**
   * Set when the rule is one row of a table answered in one look (`batch.group`): the engine then asks the
   * group once for the context's consecutive rows instead of calling each `test`. Both give the same result.
   */
  batch?: { group: AssertionGroup; row: number };
};

/**
 * Many rules of one table (e.g. "this element is not used by EN 16931") answered together: which rows of the
 * table fail on an element, as flags by row (1 = fails), or undefined when none fails — the usual case.
 */
export type AssertionGroup = {
  failing: (element: XmlElement, doc: DocumentIndex) => Uint8Array | undefined;
};

/** Shorthand: a fatal assertion. */
export function fatal(rule: string, context: string, test: Assertion['test']): Assertion {
  return { rule, flag: 'fatal', context, test };
}

/** Shorthand: a warning assertion. */
export function warning(rule: string, context: string, test: Assertion['test']): Assertion {
  return { rule, flag: 'warning', context, test };
}
