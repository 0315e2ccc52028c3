import type { SyntaxId } from '../syntax/codec.js';
import type { XmlElement } from '../xml/xml-element.js';

/**
 * One pass over a document that the rules share: every element in document order, and the elements by
 * name, so `//cac:TaxCategory` costs a map lookup instead of a tree walk.
 */
export class DocumentIndex {
  readonly root: XmlElement;
  readonly syntax: SyntaxId;
  /** Every element in document order. */
  readonly elements: readonly XmlElement[];
  private readonly byName = new Map<string, XmlElement[]>();
  /** Memoised document-level values rules compute more than once (e.g. sums over all lines). */
  private readonly memo = new Map<string, unknown>();

  constructor(root: XmlElement, syntax: SyntaxId) {
    this.root = root;
    this.syntax = syntax;
    const elements: XmlElement[] = [];
    // Pre-order (document order); the reader bounds the depth, so recursion is safe.
    const visit = (element: XmlElement): void => {
      elements.push(element);
      const list = this.byName.get(element.name);
      if (list) list.push(element);
      else this.byName.set(element.name, [element]);
      for (const child of element.children) visit(child);
    };
    visit(root);
    this.elements = elements;
  }

  /** All elements named `name` anywhere in the document (`//name`), in document order. */
  all(name: string): readonly XmlElement[] {
    return this.byName.get(name) ?? EMPTY;
  }

  /** A value computed once per document under `key`. */
  once<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }
}

const EMPTY: readonly XmlElement[] = [];
