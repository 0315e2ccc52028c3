import { warning, type Assertion, type AssertionGroup } from '../../binding.js';
import type { DocumentIndex } from '../../document-index.js';
import { rule, type RuleDefinition } from '../../rule-definition.js';
import { internalized, type XmlElement } from '../../../xml/xml-element.js';
import { childNamed, mayHaveLength, noLengths, type NameLengths } from '../../name-lengths.js';
import { splitPath } from '../../xpath.js';
import { SYNTAX } from './ubl-syntax-contexts.js';
import { attributeHolders } from './ubl-syntax-query.js';

/**
 * One "should not be present" rule of the UBL syntax binding (official test `not(path)`, checked on the
 * document element): rule id, the path, and the business terms the path touches, if any.
 *
 * Path notation, a small subset of XPath:
 * - `a/b/c` — child steps from the document element;
 * - `(a|b)/c` — a step that may be either name;
 * - `//a/b` — starting at every `a` anywhere in the document;
 * - a last step `@attr` — the element before it carries that (unqualified) attribute; `//@attr` — any element does.
 */
export type UnusedEntry = readonly [id: string, path: string, terms?: readonly string[]];

/** Prefixes each path of `entries` with the invoice or credit note line: `(cac:InvoiceLine|cac:CreditNoteLine)/`. */
export function onEachLine(entries: readonly UnusedEntry[]): UnusedEntry[] {
  return entries.map(([id, path, terms]) => [id, `(cac:InvoiceLine|cac:CreditNoteLine)/${path}`, terms]);
}

type ParsedPath = { anywhere: boolean; steps: readonly (readonly string[])[]; attribute: string | undefined };

function parsePath(path: string): ParsedPath {
  const anywhere = path.startsWith('//');
  const parts = splitPath(anywhere ? path.slice(2) : path);
  const last = parts[parts.length - 1] ?? '';
  const attribute = last.startsWith('@') ? last.slice(1) : undefined;
  if (attribute !== undefined) parts.pop();
  const steps = parts.map((part) => (part.startsWith('(') && part.endsWith(')') ? part.slice(1, -1).split('|').map(internalized) : [part]));
  if (steps.some((names) => names.some((name) => name === '' || name.includes('@')))) throw new Error(`Unsupported path: ${path}`);
  if (steps.length === 0 && (!anywhere || attribute === undefined)) throw new Error(`Unsupported path: ${path}`);
  return { anywhere, steps, attribute };
}

/**
 * A trie of paths: reaching a node means its element exists, so its rules fire. Rules are numbered by
 * their position in the table, so the result of a document is one flag per rule.
 */
type PathNode = {
  next: Map<string, PathNode>;
  /** The lengths of the names in `next`: most children are passed over without a lookup. */
  nextLengths: NameLengths;
  /** Rules whose path ends at this element. */
  present: number[];
  /** Rules whose path ends at an attribute of this element, with the attribute's name. */
  withAttribute: [attribute: string, rule: number][];
};

type PathIndex = {
  size: number;
  /** Paths from the document element: the root node stands for it. */
  fromRoot: PathNode;
  /** `//a/...` paths, by the name of their first step. */
  anywhere: Map<string, PathNode>;
  /** `//@attr` paths. */
  anyAttribute: [attribute: string, rule: number][];
};

const newNode = (): PathNode => ({ next: new Map(), nextLengths: noLengths(), present: [], withAttribute: [] });

function insert(node: PathNode, steps: readonly (readonly string[])[], attribute: string | undefined, rule: number): void {
  const [step, ...rest] = steps;
  if (!step) {
    if (attribute === undefined) node.present.push(rule);
    else node.withAttribute.push([attribute, rule]);
    return;
  }
  for (const name of step) insert(childNamed(node, name, newNode), rest, attribute, rule);
}

function buildIndex(entries: readonly UnusedEntry[]): PathIndex {
  const index: PathIndex = { size: entries.length, fromRoot: newNode(), anywhere: new Map(), anyAttribute: [] };
  entries.forEach(([, path], rule) => {
    const { anywhere, steps, attribute } = parsePath(path);
    if (!anywhere) insert(index.fromRoot, steps, attribute, rule);
    else if (steps.length === 0) index.anyAttribute.push([attribute as string, rule]);
    else {
      const [first = [], ...rest] = steps;
      for (const name of first) {
        let start = index.anywhere.get(name);
        if (!start) index.anywhere.set(name, (start = newNode()));
        insert(start, rest, attribute, rule);
      }
    }
  });
  return index;
}

/** Marks the rules whose paths exist below `element` (reached as `node`); returns how many it marked. */
function reach(node: PathNode, element: XmlElement, found: Uint8Array): number {
  let marked = 0;
  for (const rule of node.present) marked += mark(found, rule);
  for (const [attribute, rule] of node.withAttribute) if (Object.hasOwn(element.attributes, attribute)) marked += mark(found, rule);
  if (node.next.size === 0) return marked;
  for (const child of element.children) {
    if (!mayHaveLength(node.nextLengths, child.name)) continue;
    const next = node.next.get(child.name);
    if (next) marked += reach(next, child, found);
  }
  return marked;
}

function mark(found: Uint8Array, rule: number): number {
  found[rule] = 1;
  return 1;
}

/**
 * Which rules' paths exist in the document (1 = present), by table position; undefined when none does, the
 * usual case. One walk that follows only the children the paths name (plus the shared attribute census for
 * `//@attr` paths), instead of one child walk per rule: the ~690 rules cost about as much as a few of them.
 */
function findPresent(index: PathIndex, root: XmlElement, doc: DocumentIndex): Uint8Array | undefined {
  const found = new Uint8Array(index.size);
  let marked = reach(index.fromRoot, root, found);
  for (const [name, start] of index.anywhere) for (const element of doc.all(name)) marked += reach(start, element, found);
  if (index.anyAttribute.length > 0) {
    const holders = attributeHolders(doc);
    for (const [attribute, rule] of index.anyAttribute) if (holders.has(attribute)) marked += mark(found, rule);
  }
  return marked > 0 ? found : undefined;
}

/** The official names of the business terms the table mentions, for the messages. */
const TERM_NAMES: Readonly<Record<string, string>> = {
  'BT-1': 'Invoice number',
  'BT-3': 'Invoice type code',
  'BT-5': 'Invoice currency code',
  'BT-6': 'VAT accounting currency code',
  'BT-14': 'Sales order reference',
  'BT-23': 'Business process type',
  'BT-24': 'Specification identifier',
  'BT-31': 'Seller VAT identifier',
  'BT-32': 'Seller tax registration identifier',
  'BT-40': 'Seller country code',
  'BT-48': 'Buyer VAT identifier',
  'BT-55': 'Buyer country code',
  'BT-63': 'Seller tax representative VAT identifier',
  'BT-69': 'Tax representative country code',
  'BT-80': 'Deliver to country code',
  'BT-81': 'Payment means type code',
  'BT-83': 'Remittance information',
  'BT-84': 'Payment account identifier',
  'BT-86': 'Payment service provider identifier',
  'BT-87': 'Payment card primary account number',
  'BT-89': 'Mandate reference identifier',
  'BT-91': 'Debited account identifier',
  'BT-95': 'Document level allowance VAT category code',
  'BT-98': 'Document level allowance reason code',
  'BT-102': 'Document level charge VAT category code',
  'BT-105': 'Document level charge reason code',
  'BT-118': 'VAT category code',
  'BT-130': 'Invoiced quantity unit of measure code',
  'BT-140': 'Invoice line allowance reason code',
  'BT-145': 'Invoice line charge reason code',
  'BT-150': 'Item price base quantity unit of measure code',
  'BT-151': 'Invoiced item VAT category code',
  'BT-155': "Item Seller's identifier",
  'BT-156': "Item Buyer's identifier",
  'BT-159': 'Item country of origin',
};

function nameTerms(terms: readonly string[]): string {
  return terms.map((term) => `${term} ${TERM_NAMES[term] ?? ''}`.trimEnd()).join(', ');
}

function renderSteps(steps: readonly (readonly string[])[]): string {
  return steps.map((names) => (names.length === 1 ? (names[0] as string) : `(${names.join('|')})`)).join('/');
}

/** The message of one "should not be present" rule, from one template. */
export function unusedMessage(path: string, terms: readonly string[] = []): string {
  const { anywhere, steps, attribute } = parsePath(path);
  const about = terms.length > 0 ? ` (${nameTerms(terms)})` : '';
  const where = anywhere ? ' wherever it occurs' : '';
  if (attribute === undefined) return `${renderSteps(steps)}${about} is not used by EN 16931 and should be removed${where}.`;
  if (steps.length === 0) return `The ${attribute} attribute${about} is not used by EN 16931 and should be removed from every element.`;
  return `The ${attribute} attribute of ${renderSteps(steps)}${about} is not used by EN 16931 and should be removed${where}.`;
}

/** The assertions and definitions of a table of "should not be present" rules (all warnings on the document element). */
export function unusedRules(entries: readonly UnusedEntry[]): { assertions: Assertion[]; definitions: RuleDefinition[] } {
  const index = buildIndex(entries);
  // The engine asks the whole table at once (`group`); a rule's own test asks it too, so the answer is kept
  // per document in a weak map, which lets each document go when it is done with.
  const byDocument = new WeakMap<DocumentIndex, { present: Uint8Array | undefined }>();
  const group: AssertionGroup = {
    failing: (root, doc) => {
      let answer = byDocument.get(doc);
      if (!answer) byDocument.set(doc, (answer = { present: findPresent(index, root, doc) }));
      return answer.present;
    },
  };
  return {
    assertions: entries.map(([id], row) => ({
      ...warning(id, SYNTAX.document, (root, doc) => group.failing(root, doc)?.[row] !== 1),
      batch: { group, row },
    })),
    definitions: entries.map(([id, path, terms = []]) => rule(id, terms, unusedMessage(path, terms))),
  };
}
