import type { XmlElement } from '../../../xml/xml-element.js';
import type { AssertionGroup } from '../../binding.js';
import { childNamed, mayHaveLength, noLengths, type NameLengths } from '../../name-lengths.js';

/**
 * Rules `count(path) <= max` of one context, answered together: the paths form a trie and one walk below the
 * element counts them all, instead of one walk per rule (the document element has twenty of them, each
 * scanning its many children). Counting the ways down a trie of child steps counts the nodes, as `count()` does.
 */
export class CountTable {
  private readonly root: CountNode = newNode();
  private readonly limits: number[] = [];
  /** Answers kept per element: the engine asks once per run of consecutive rows, a rule's own test once per row. */
  private readonly answers = new WeakMap<XmlElement, Uint8Array | null>();
  /** The group the engine asks (flags by row: 1 = more than `max`). */
  readonly group: AssertionGroup = { failing: (element) => this.failing(element) };

  /** Adds the row `count(steps) <= max`; returns its number. */
  add(steps: readonly string[], max: number): number {
    let node = this.root;
    for (const step of steps) node = childNamed(node, step, newNode);
    const row = this.limits.length;
    node.rows.push(row);
    this.limits.push(max);
    return row;
  }

  /** The rows over their limit below `element`, or undefined when none is. */
  failing(element: XmlElement): Uint8Array | undefined {
    let answer = this.answers.get(element);
    if (answer === undefined) {
      const counts = new Uint32Array(this.limits.length);
      countBelow(element, this.root, counts);
      answer = null;
      for (let row = 0; row < counts.length; row++) {
        if ((counts[row] as number) > (this.limits[row] as number)) (answer ??= new Uint8Array(counts.length))[row] = 1;
      }
      this.answers.set(element, answer);
    }
    return answer ?? undefined;
  }
}

type CountNode = { readonly next: Map<string, CountNode>; readonly nextLengths: NameLengths; readonly rows: number[] };

const newNode = (): CountNode => ({ next: new Map(), nextLengths: noLengths(), rows: [] });

function countBelow(element: XmlElement, node: CountNode, counts: Uint32Array): void {
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as XmlElement;
    if (!mayHaveLength(node.nextLengths, child.name)) continue;
    const next = node.next.get(child.name);
    if (next === undefined) continue;
    for (const row of next.rows) counts[row] = (counts[row] as number) + 1;
    if (next.next.size > 0) countBelow(child, next, counts);
  }
}
