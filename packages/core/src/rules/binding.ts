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
};

/** Shorthand: a fatal assertion. */
export function fatal(rule: string, context: string, test: Assertion['test']): Assertion {
  return { rule, flag: 'fatal', context, test };
}

/** Shorthand: a warning assertion. */
export function warning(rule: string, context: string, test: Assertion['test']): Assertion {
  return { rule, flag: 'warning', context, test };
}
