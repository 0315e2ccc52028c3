import type { SyntaxId } from '../syntax/codec.js';
import type { XmlElement } from '../xml/xml-element.js';

/**
 * A value the rules compute at most once per document (a sum over all lines, the document's tax categories),
 * declared once at module level: asking a document for it is an array lookup.
 */
export type DocumentMemo<T> = { readonly slot: number; readonly compute: (doc: DocumentIndex) => T };

let slots = 0;

/** Declares a per-document value computed by `compute` on first use. Call it at module level only. */
export function documentMemo<T>(compute: (doc: DocumentIndex) => T): DocumentMemo<T> {
  return { slot: slots++, compute };
}

/** Stands for a memoised `undefined`, so that a hole means "not computed yet". */
const NONE = Symbol('none');

/** The elements of one name, in document order. */
export type NameGroup = { readonly name: string; readonly local: string; readonly elements: XmlElement[] };

/**
 * What the rules share about one document, built in one pass: every element in document order and the
 * elements by name, so `//cac:TaxCategory` costs a map lookup instead of a tree walk; and memoised values.
 */
export class DocumentIndex {
  readonly root: XmlElement;
  readonly syntax: SyntaxId;
  /** Every element in document order. */
  readonly elements: readonly XmlElement[];
  /** The elements grouped by name, names in order of first appearance. */
  readonly groups: readonly NameGroup[];
  /** The group of each name, by the name's slot (see {@link slotOf}). */
  private readonly bySlot: (NameGroup | undefined)[];
  /** The groups of names beyond the bound of slots, by name. */
  private readonly overflow: Map<string, NameGroup>;
  /** Memoised document-level values rules compute more than once (e.g. sums over all lines). */
  private readonly memo = new Map<string, unknown>();
  /** The values of declared memos, by slot. */
  private readonly memos: unknown[] = new Array<unknown>(slots);

  constructor(root: XmlElement, syntax: SyntaxId) {
    this.root = root;
    this.syntax = syntax;
    const bySlot = new Array<NameGroup | undefined>(NAME_SLOTS.size);
    const build: IndexBuild = { elements: [], groups: [], bySlot, overflow: new Map() };
    indexElement(root, build);
    this.elements = build.elements;
    this.groups = build.groups;
    this.bySlot = build.bySlot;
    this.overflow = build.overflow;
  }

  /** All elements named `name` anywhere in the document (`//name`), in document order. */
  all(name: string): readonly XmlElement[] {
    // A name without a slot yet gets one now: no element of this document has it, or it would have one.
    const slot = slotOf(name);
    return (slot < MAX_NAME_SLOTS ? this.bySlot[slot] : this.overflow.get(name))?.elements ?? EMPTY;
  }

  /** A value computed once per document under `key`. */
  once<T>(key: string, compute: () => T): T {
    const known = this.memo.get(key);
    if (known !== undefined) return (known === NONE ? undefined : known) as T;
    const value = compute();
    this.memo.set(key, value === undefined ? NONE : value);
    return value;
  }

  /** The value of `memo` for this document, computed on first use. */
  memoised<T>(memo: DocumentMemo<T>): T {
    const known = this.memos[memo.slot];
    if (known !== undefined) return (known === NONE ? undefined : known) as T;
    const value = memo.compute(this);
    this.memos[memo.slot] = value === undefined ? NONE : value;
    return value;
  }
}

type IndexBuild = {
  elements: XmlElement[];
  groups: NameGroup[];
  bySlot: (NameGroup | undefined)[];
  overflow: Map<string, NameGroup>;
};

/**
 * A number for every element name met so far, shared by all documents: a document's groups are then an array
 * indexed by it, built without a map of its own (invoices repeat the same few hundred names). Bounded: names
 * past the bound all get `MAX_NAME_SLOTS` and are kept in a map per document.
 */
const NAME_SLOTS = new Map<string, number>();
const MAX_NAME_SLOTS = 10_000;

function slotOf(name: string): number {
  let slot = NAME_SLOTS.get(name);
  if (slot === undefined) {
    slot = NAME_SLOTS.size < MAX_NAME_SLOTS ? NAME_SLOTS.size : MAX_NAME_SLOTS;
    if (slot < MAX_NAME_SLOTS) NAME_SLOTS.set(name, slot);
  }
  return slot;
}

/** Pre-order (document order); the reader bounds the depth, so recursion is safe. */
function indexElement(element: XmlElement, build: IndexBuild): void {
  build.elements.push(element);
  const slot = slotOf(element.name);
  const group = slot < MAX_NAME_SLOTS ? build.bySlot[slot] : build.overflow.get(element.name);
  if (group === undefined) {
    const created: NameGroup = { name: element.name, local: element.local, elements: [element] };
    build.groups.push(created);
    if (slot < MAX_NAME_SLOTS) build.bySlot[slot] = created;
    else build.overflow.set(element.name, created);
  } else {
    group.elements.push(element);
  }
  const children = element.children;
  for (let i = 0; i < children.length; i++) indexElement(children[i] as XmlElement, build);
}

const EMPTY: readonly XmlElement[] = [];
