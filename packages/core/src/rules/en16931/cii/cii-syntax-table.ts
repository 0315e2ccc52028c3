import type { XmlElement } from '../../../xml/xml-element.js';
import type { Assertion, AssertionGroup, RuleContext } from '../../binding.js';
import type { DocumentIndex } from '../../document-index.js';
import type { Severity } from '../../finding.js';
import { rule, type RuleDefinition } from '../../rule-definition.js';
import { splitPath } from '../../xpath.js';
import { AbsenceScanner, counter } from './cii-syntax-paths.js';

export { absenceTest, counter, exists, notBoth } from './cii-syntax-paths.js';

/**
 * The machinery of the CII syntax rules (CII-SR-*, CII-DT-*): most of them only say that an element or
 * attribute the EN 16931 subset of CII does not use must be absent, so they are written as data — rows of
 * [rule id, relative path] — and turned into assertions and definitions here, with one message template.
 */

/** The pattern every CII syntax context belongs to. */
export const SYNTAX_PATTERN = 'syntax';

/** Absolute paths the contexts start from. */
export const INVOICE = '/rsm:CrossIndustryInvoice';
/** `/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction`. */
export const TRANSACTION = `${INVOICE}/rsm:SupplyChainTradeTransaction`;
/** An invoice line, `.../ram:IncludedSupplyChainTradeLineItem`. */
export const LINE = `${TRANSACTION}/ram:IncludedSupplyChainTradeLineItem`;

/** One rule of a context: its assertion and its definition, declared together. */
export type SyntaxRule = { assertion: Assertion; definition: RuleDefinition };

/** A context with its rules. */
export type SyntaxGroup = { context: RuleContext; rules: readonly SyntaxRule[] };

/** A rule waiting for its context: built by `group`, which knows the context's name and label. */
export type RuleSpec = ((context: string, label: string) => SyntaxRule) | AbsenceSpec;

/** Rows of absence rules of one flag, as `absent` declares them. */
export type AbsenceSpec = { readonly flag: Severity; readonly rows: readonly AbsenceRow[] };

/** `[rule id, path]`: the path, relative to the context, must not exist. A last step `@name` is an attribute. */
export type AbsenceRow = readonly [id: string, path: string];

/**
 * A context and its rules. `label` names the context in messages ("in <label>"), e.g.
 * `ram:ApplicableHeaderTradeAgreement`. All absence rows of the context share one scanner, which looks at
 * the element's children once for all of them (see `AbsenceScanner`).
 */
export function group(context: RuleContext, label: string, specs: readonly (RuleSpec | readonly RuleSpec[])[]): SyntaxGroup {
  const flat = specs.flat();
  const paths = flat.flatMap((spec) => (typeof spec === 'function' ? [] : spec.rows.map(([, path]) => path)));
  const scanner = new AbsenceScanner(paths);
  // The engine asks the scanner once for all the consecutive absence rows of the context.
  const rows: AssertionGroup = { failing: (element) => scanner.presentBelow(element) };
  let row = 0;
  const rules = flat.flatMap((spec): SyntaxRule[] => {
    if (typeof spec === 'function') return [spec(context.name, label)];
    return spec.rows.map(([id, path]) => {
      const index = row++;
      const last = index === paths.length - 1;
      return {
        assertion: {
          rule: id,
          flag: spec.flag,
          context: context.name,
          test: (element) => scanner.passes(element, index, last),
          batch: { group: rows, row: index },
        },
        definition: rule(id, [], absenceMessage(path, label, spec.flag)),
      };
    });
  });
  return { context, rules };
}

/** Rules that each forbid one path (official test `not(path)`), with the shared message template. */
export function absent(flag: Severity, rows: readonly AbsenceRow[]): AbsenceSpec {
  return { flag, rows };
}

/** Rows whose paths all start below `prefix`: keeps long tables readable. */
export function beneath(prefix: string, rows: readonly AbsenceRow[]): AbsenceRow[] {
  return rows.map(([id, path]) => [id, `${prefix}/${path}`] as const);
}

/** A rule with its own test, terms and message (the message may name the context's label). */
export function custom(
  id: string,
  flag: Severity,
  terms: readonly string[],
  test: Assertion['test'],
  message: string | ((label: string) => string),
): RuleSpec {
  return (context, label) => ({
    assertion: { rule: id, flag, context, test },
    definition: rule(id, terms, typeof message === 'string' ? message : message(label)),
  });
}

/** `count(path) <= 1`. */
export function atMostOnce(id: string, flag: Severity, path: string, terms: readonly string[] = []): RuleSpec {
  const count = counter(path);
  return custom(id, flag, terms, (element) => count(element) <= 1, (label) => `${path}${termList(terms)} may occur at most once in ${label}; keep a single one.`);
}

/** `count(path) = 1`. */
export function exactlyOnce(id: string, flag: Severity, path: string, terms: readonly string[] = []): RuleSpec {
  const count = counter(path);
  return custom(id, flag, terms, (element) => count(element) === 1, (label) => `${path}${termList(terms)} must occur exactly once in ${label}.`);
}

/** The message of an absence rule, in this project's words. */
export function absenceMessage(path: string, label: string, flag: Severity): string {
  const remedy = flag === 'fatal' ? 'must be removed' : 'should be removed';
  const steps = splitPath(path);
  const last = steps[steps.length - 1] as string;
  if (last.startsWith('@')) {
    const owner = steps.length === 1 ? label : `${steps.slice(0, -1).join('/')} in ${label}`;
    return `The ${last} attribute on ${owner} is not used by EN 16931 and ${remedy}.`;
  }
  const hint = last === 'udt:DateTime' ? ' (write dates as udt:DateTimeString with format="102")' : '';
  return `${path} in ${label} is not used by EN 16931 and ${remedy}${hint}.`;
}

function termList(terms: readonly string[]): string {
  return terms.length === 0 ? '' : ` (${terms.join(', ')})`;
}

/** A context for an absolute path `/rsm:CrossIndustryInvoice/.../name`: the element and all its ancestors. */
export function absoluteContext(name: string, path: string): RuleContext {
  const matcher = absoluteMatcher(path);
  return { name: `cii-syntax/${name}`, pattern: SYNTAX_PATTERN, elements: [matcher.element], matches: matcher.matches };
}

/** A context for `//name`: every element of that name. */
export function anywhereContext(name: string, element: string): RuleContext {
  return { name: `cii-syntax/${name}`, pattern: SYNTAX_PATTERN, elements: [element] };
}

/** A context with its own matching condition (wildcards, predicates, unions). */
export function matchingContext(
  name: string,
  elements: readonly string[],
  matches: (element: XmlElement, doc: DocumentIndex) => boolean,
): RuleContext {
  return { name: `cii-syntax/${name}`, pattern: SYNTAX_PATTERN, elements, matches };
}

/**
 * The matcher of an absolute element path: the last step's name and a test of the ancestors up to the
 * root. (Comparing the ancestors' names measured faster than looking the parent up in a per-document set
 * of the elements at the parent path: the ancestors were just visited and are in cache.)
 */
export function absoluteMatcher(path: string): { element: string; matches: (element: XmlElement) => boolean } {
  if (!/^\/[^/]/.test(path)) throw new Error(`not an absolute path: ${path}`);
  const steps = splitPath(path.slice(1));
  const element = steps[steps.length - 1] as string;
  const ancestors = steps.slice(0, -1).reverse();
  return {
    element,
    matches: (candidate) => {
      let current = candidate;
      for (const ancestor of ancestors) {
        const parent = current.parent;
        if (!parent || parent.name !== ancestor) return false;
        current = parent;
      }
      return current.parent === undefined;
    },
  };
}

/**
 * The name families of the wildcard contexts: `//*[ends-with(name(), 'DocumentContextParameter')]` (any
 * namespace) and `//ram:*[ends-with(name(), X)]` for ID, ReferencedDocument, Amount (but not
 * ram:TaxTotalAmount), Quantity and TradeTax. The suffixes exclude each other, so an element belongs to
 * one family at most.
 */
export type NameFamily = 'context-parameter' | 'identifier' | 'referenced-document' | 'amount' | 'quantity' | 'trade-tax' | 'none';

/**
 * A context for one name family, `//ram:*[ends-with(name(), X)]`: decided by the name alone, so the engine
 * works it out once per name rather than once per element.
 */
export function familyContext(name: string, family: Exclude<NameFamily, 'none'>): RuleContext {
  return {
    name: `cii-syntax/${name}`,
    pattern: SYNTAX_PATTERN,
    elements: ['*'],
    nameMatches: (elementName, local) => familyOf(elementName, local) === family,
  };
}

function familyOf(name: string, local: string): NameFamily {
  // Dispatch on the last letter so that most names need a single suffix test.
  switch (local.charCodeAt(local.length - 1)) {
    case 0x72 /* r */:
      return local.endsWith('DocumentContextParameter') ? 'context-parameter' : 'none';
    case 0x44 /* D */:
      return isRam(name) && local.endsWith('ID') ? 'identifier' : 'none';
    case 0x74 /* t */:
      if (!isRam(name)) return 'none';
      if (local.endsWith('ReferencedDocument')) return 'referenced-document';
      return local.endsWith('Amount') && name !== 'ram:TaxTotalAmount' ? 'amount' : 'none';
    case 0x79 /* y */:
      return isRam(name) && local.endsWith('Quantity') ? 'quantity' : 'none';
    case 0x78 /* x */:
      return isRam(name) && local.endsWith('TradeTax') ? 'trade-tax' : 'none';
    default:
      return 'none';
  }
}

function isRam(name: string): boolean {
  return name.startsWith('ram:');
}

/** `ancestor::name`: some ancestor of the element has this name. */
export function hasAncestor(element: XmlElement, name: string): boolean {
  for (let current = element.parent; current; current = current.parent) if (current.name === name) return true;
  return false;
}

/**
 * `//parent/name` over the whole document, in document order: the `name` elements whose parent is
 * `parent`. Taken from the index of `name`, so the order is the document's even in unusual nestings.
 */
export function childrenAnywhere(doc: DocumentIndex, name: string, parent: string): XmlElement[] {
  return doc.all(name).filter((element) => element.parent?.name === parent);
}

/** Flattens groups into the three lists a rule set is made of, keeping the context order. */
export function flattenGroups(groups: readonly SyntaxGroup[]): {
  contexts: RuleContext[];
  assertions: Assertion[];
  definitions: RuleDefinition[];
} {
  return {
    contexts: groups.map((g) => g.context),
    assertions: groups.flatMap((g) => g.rules.map((r) => r.assertion)),
    definitions: groups.flatMap((g) => g.rules.map((r) => r.definition)),
  };
}
