import { invoiceSchema } from '@einvoice-hub/core';
import type { z } from 'zod';

/**
 * The model's terms as a tree a form can be built from: every scalar leaf of the EN 16931 JSON form with
 * a label and its business term ids, read from the zod schemas' descriptions ("BT-31 Seller VAT
 * identifier (0..1)."), so the form names fields the way the norm and the findings do.
 */

/** A scalar term: text, a code, a date or a decimal (all strings in the JSON form), or one of a few values. */
export type TermLeaf = {
  kind: 'leaf';
  label: string;
  /** What the description says beyond the name (code list, example), shown as a hint. */
  hint?: string;
  /** The business term ids of this field, e.g. `BT-31`, `BT-34-1`. */
  terms: string[];
  /** False for values no person types (base64 attachments): they are kept as they are. */
  editable: boolean;
  /** The allowed values of an enumeration. */
  options?: readonly string[];
};

/** A business group (BG-n) or structured value: its fields in the model's order. */
export type TermObject = { kind: 'object'; label: string; terms: string[]; children: ReadonlyMap<string, TermNode> };

/** A repeated group: every element has the same shape. */
export type TermArray = { kind: 'array'; label: string; terms: string[]; element: TermNode };

/** A node of the term tree. */
export type TermNode = TermLeaf | TermObject | TermArray;

let root: TermObject | undefined;

/** The term tree of the invoice (BG-0), built once from the model's schema. */
export function invoiceTermTree(): TermObject {
  root ??= buildNode(invoiceSchema, { description: 'BG-0 INVOICE', key: '' }, undefined) as TermObject;
  return root;
}

// The shared schemas (address, contact, allowance/charge, period) list one term per use, in this order of
// the groups that hold them: "BT-35 / BT-50 / BT-64 / BT-75 Address line 1" is BT-50 in BG-8.
const ALTERNATIVE_BY_GROUP: Readonly<Record<string, number>> = {
  'BG-5': 0, 'BG-8': 1, 'BG-12': 2, 'BG-15': 3, // postal addresses
  'BG-6': 0, 'BG-9': 1, // contacts
  'BG-20': 0, 'BG-21': 1, 'BG-27': 0, 'BG-28': 1, // allowances, charges
  'BG-14': 0, 'BG-26': 1, // periods
};

// Parts of an identifier or binary object that carry a sub-term of their parent ("BT-34 …, with BT-34-1 scheme").
const SUB_TERM_SUFFIX: Readonly<Record<string, string>> = { schemeId: '-1', mimeCode: '-1', filename: '-2' };

const TERM_ID = /^(B[TG]-\d+(?:-\d+)?)\s*/;
const CARDINALITY = /\s*\((?:[01]\.\.[1n])[^)]*\)/g;

type Described = { description: string; key: string };
type Parent = { id?: string; name: string; description: string };

function buildNode(schema: z.ZodType, own: Described, parent: Parent | undefined): TermNode {
  const inner = unwrap(schema);
  const description = own.description || inner.description || '';
  const type = inner.def.type;
  if (type === 'object') {
    const self = describeGroup(description, own.key);
    const children = new Map<string, TermNode>();
    for (const [key, child] of Object.entries((inner as z.ZodObject).shape)) {
      children.set(key, buildNode(child as z.ZodType, { description: describedOf(child as z.ZodType), key }, self));
    }
    return { kind: 'object', label: self.name, terms: self.id ? [self.id] : [], children };
  }
  if (type === 'array') {
    const self = describeGroup(description, own.key);
    const element = buildNode((inner as z.ZodArray<z.ZodType>).element, { description, key: own.key }, parent);
    return { kind: 'array', label: self.name, terms: self.id ? [self.id] : [], element };
  }
  const leaf = describeLeaf(description, own.key, parent);
  const options = type === 'enum' ? (inner as z.ZodEnum).options.map(String) : undefined;
  return { kind: 'leaf', ...leaf, editable: !/base64/i.test(description), ...(options ? { options } : {}) };
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current.def.type === 'optional' || current.def.type === 'nullable' || current.def.type === 'default') {
    current = (current as z.ZodOptional<z.ZodType>).unwrap();
  }
  return current;
}

function describedOf(schema: z.ZodType): string {
  return schema.description ?? unwrap(schema).description ?? '';
}

/** A group's id and name: "BG-5 SELLER POSTAL ADDRESS (1..1)." → BG-5, "BG-5 SELLER POSTAL ADDRESS". */
function describeGroup(description: string, key: string): Parent {
  const text = description.replace(CARDINALITY, '').replace(/[.;].*$/s, '').trim();
  const id = TERM_ID.exec(text)?.[1];
  return { ...(id ? { id } : {}), name: text.split(/, with /)[0] || key, description };
}

/** A leaf's label, hint and terms, resolving shared descriptions and sub-terms of identifiers. */
function describeLeaf(description: string, key: string, parent: Parent | undefined): Omit<TermLeaf, 'kind' | 'editable'> {
  if (TERM_ID.test(description)) return splitLabel(chooseAlternative(description, parent));
  // The value and scheme of an identifier (or a binary object) carry their parent's term and its sub-terms.
  if (parent?.id?.startsWith('BT-')) {
    const suffix = SUB_TERM_SUFFIX[key];
    const subId = suffix ? `${parent.id}${suffix}` : undefined;
    if (subId && parent.description.includes(subId)) {
      const what = new RegExp(`${subId} ([^,(]+?)(?: and |\\s*\\(|,|$)`).exec(parent.description)?.[1] ?? key;
      return { label: `${subId} ${parent.name.replace(TERM_ID, '')} ${what}`, terms: [subId] };
    }
    return { label: parent.name, terms: [parent.id] };
  }
  // Not a business term (e.g. `kind`): the description's first phrase.
  const text = description.replace(CARDINALITY, '').trim();
  const cut = text.indexOf(': ');
  const label = (cut > 0 ? text.slice(0, cut) : text).replace(/\.$/, '') || key;
  return { label, ...(cut > 0 ? { hint: text.slice(cut + 2) } : {}), terms: [] };
}

/** "BT-35 / BT-50 / BT-64 / BT-75 Address line 1." in BG-8 → "BT-50 Address line 1". */
function chooseAlternative(description: string, parent: Parent | undefined): string {
  const alternatives = description.split(' / ');
  if (alternatives.length === 1) return description;
  const chosen = alternatives[(parent?.id && ALTERNATIVE_BY_GROUP[parent.id]) || 0] ?? alternatives[0] ?? description;
  const id = TERM_ID.exec(chosen)?.[1] ?? '';
  const name = chosen.replace(TERM_ID, '') || (alternatives.at(-1) ?? '').replace(TERM_ID, '');
  return `${id} ${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** "BT-84 Payment account identifier, e.g. an IBAN (1..1)." → label "BT-84 Payment account identifier", hint "e.g. an IBAN". */
function splitLabel(description: string): Omit<TermLeaf, 'kind' | 'editable'> {
  const text = description.replace(CARDINALITY, '').replace(/\.$/, '').trim();
  const id = TERM_ID.exec(text)?.[1];
  const cut = text.search(/, |: |; /);
  const label = cut > 0 ? text.slice(0, cut) : text;
  const hint = cut > 0 ? text.slice(cut + 2) : undefined;
  return { label, ...(hint ? { hint } : {}), terms: id ? [id] : [] };
}
