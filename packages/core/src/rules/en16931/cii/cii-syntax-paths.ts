import { internalized, NO_ATTRIBUTES, type XmlElement } from '../../../xml/xml-element.js';
import { childNamed, mayHaveLength, noLengths, type NameLengths } from '../../name-lengths.js';
import { splitPath } from '../../xpath.js';

/**
 * Tests of relative paths for the CII syntax rules, precompiled and allocation-free because they run on
 * every CII document: `not(path)`, `exists(path)`, `count(path)`, and the scanner that answers all the
 * `not(path)` rules of one context with a single look at the element.
 */

/** Splits a relative path into element steps and an optional final attribute. */
function parsePath(path: string): { steps: readonly string[]; attribute: string | undefined } {
  const steps = splitPath(path);
  const last = steps[steps.length - 1] as string;
  if (!last.startsWith('@')) return { steps, attribute: undefined };
  return { steps: steps.slice(0, -1), attribute: internalized(last.slice(1)) };
}

/**
 * The test of `not(path)`, precompiled: true when no node of the path exists. It walks only the children
 * whose names match, allocating nothing, because these rules run on every element of every CII document.
 */
export function absenceTest(path: string): (element: XmlElement) => boolean {
  const { steps, attribute } = parsePath(path);
  if (steps.length === 0 && attribute !== undefined) return (element) => element.attributes[attribute] === undefined;
  if (steps.length === 1 && attribute === undefined) {
    const name = steps[0] as string;
    return (element) => {
      for (const child of element.children) if (child.name === name) return false;
      return true;
    };
  }
  return (element) => !reaches(element, steps, 0, attribute);
}

function reaches(element: XmlElement, steps: readonly string[], index: number, attribute: string | undefined): boolean {
  if (index === steps.length) return attribute === undefined || element.attributes[attribute] !== undefined;
  const step = steps[index];
  for (const child of element.children) if (child.name === step && reaches(child, steps, index + 1, attribute)) return true;
  return false;
}

/** `count(path)` of a relative element path, precompiled and without allocation. */
export function counter(path: string): (element: XmlElement) => number {
  const steps = splitPath(path);
  return (element) => countAlong(element, steps, 0);
}

function countAlong(element: XmlElement, steps: readonly string[], index: number): number {
  if (index === steps.length) return 1;
  const step = steps[index];
  let total = 0;
  for (const child of element.children) if (child.name === step) total += countAlong(child, steps, index + 1);
  return total;
}

/** `exists(path)` of a relative path (a final `@name` step is an attribute). */
export function exists(path: string): (element: XmlElement) => boolean {
  const absentTest = absenceTest(path);
  return (element) => !absentTest(element);
}

/**
 * `not(a and b)` of two relative paths, which is what the official "either the ID or the global ID" tests
 * `(not(a) and b) or (a and not(b)) or (not(a) and not(b))` reduce to.
 */
export function notBoth(first: string, second: string): (element: XmlElement) => boolean {
  const hasFirst = exists(first);
  const hasSecond = exists(second);
  return (element) => !(hasFirst(element) && hasSecond(element));
}


type TrieNode = {
  /** Rows whose path ends with this element step. */
  rows: number[];
  /** Rows whose path ends with an attribute of this element, by attribute name. */
  attributes: Map<string, number[]>;
  next: Map<string, TrieNode>;
  /** The lengths of the names in `next`: most children are passed over without a lookup. */
  nextLengths: NameLengths;
};

const newNode = (): TrieNode => ({ rows: [], attributes: new Map(), next: new Map(), nextLengths: noLengths() });

/**
 * Answers the `not(path)` rules of one context. The paths form a trie; the first rule checked on an
 * element walks the element's children along the trie once and records which paths exist (usually none,
 * which allocates nothing); the context's other rules on the same element only read that record. The
 * engine checks a context's assertions one after the other on each element, so a one-element memo is
 * enough, and the last rule of the context forgets it, so no document stays referenced after validation.
 * The answer never depends on the order of calls: any other element is scanned afresh.
 */
export class AbsenceScanner {
  private readonly root: TrieNode = newNode();
  private readonly size: number;
  private element: XmlElement | undefined;
  private present: Uint8Array | undefined;

  constructor(paths: readonly string[]) {
    this.size = paths.length;
    paths.forEach((path, row) => {
      const { steps, attribute } = parsePath(path);
      let node = this.root;
      for (const step of steps) node = childNamed(node, step, newNode);
      if (attribute === undefined) node.rows.push(row);
      else {
        const rows = node.attributes.get(attribute);
        if (rows) rows.push(row);
        else node.attributes.set(attribute, [row]);
      }
    });
  }

  /** Which paths exist below `element` (1 = exists, by row); undefined when none does, the usual case. */
  presentBelow(element: XmlElement): Uint8Array | undefined {
    return this.visit(element, this.root, undefined);
  }

  /** True when path number `row` does not exist below `element`; `last` marks the context's last such rule. */
  passes(element: XmlElement, row: number, last: boolean): boolean {
    if (element !== this.element) {
      this.element = element;
      this.present = this.visit(element, this.root, undefined);
    }
    const passed = this.present === undefined || this.present[row] === 0;
    if (last) {
      this.element = undefined;
      this.present = undefined;
    }
    return passed;
  }

  private visit(element: XmlElement, node: TrieNode, found: Uint8Array | undefined): Uint8Array | undefined {
    let present = found;
    // The element's own attributes (usually none or one) looked up among the rows, not every row tried on it.
    if (node.attributes.size > 0 && element.attributes !== NO_ATTRIBUTES) {
      for (const name in element.attributes) {
        const rows = node.attributes.get(name);
        if (rows) for (const row of rows) (present ??= new Uint8Array(this.size))[row] = 1;
      }
    }
    if (node.next.size === 0) return present;
    const children = element.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as XmlElement;
      if (!mayHaveLength(node.nextLengths, child.name)) continue;
      const next = node.next.get(child.name);
      if (next === undefined) continue;
      for (const row of next.rows) (present ??= new Uint8Array(this.size))[row] = 1;
      present = this.visit(child, next, present);
    }
    return present;
  }
}
