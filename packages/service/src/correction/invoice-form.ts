import { invoiceTermTree, type TermLeaf, type TermNode, type TermObject } from './invoice-terms.js';

/**
 * The correction form's side of an invoice: the EN 16931 JSON form as a flat list of fields named by
 * path (`seller.vatId`, `lines[0].quantity`), and posted `{ path: value }` edits applied back onto a copy.
 * Only paths the model defines are accepted, so a form can never add a field the model does not know,
 * nor reach `__proto__` and friends; the caller re-validates the result with `readInvoiceJson`.
 */

/** One field of the correction form. */
export type InvoiceField = {
  /** Where the value is in the JSON form, and the form control's name. */
  path: string;
  /** The business term and its name, e.g. "BT-31 Seller VAT identifier" (the path when the model says nothing). */
  label: string;
  value: string;
  /** The business term ids of the field, to match findings. */
  terms?: string[];
  hint?: string;
  /** The allowed values, when the model restricts them. */
  options?: readonly string[];
  /** True when the invoice has no value here: the field is offered because a finding names its term. */
  absent?: boolean;
  /** The business group the field belongs to: its path (`seller.address`, `lines[0]`, '' for the invoice) and label. */
  group: { path: string; label: string };
};

/** A business term to offer as an empty field where the invoice lacks it, in one line (index) or everywhere. */
export type TermRequest = { term: string; line?: number };

/** Why an edit was refused. */
export type EditRefusal = { path: string; message: string };

/** The edited copy and the paths that changed, or every refused edit (then nothing was applied). */
export type EditResult = { ok: true; invoice: Record<string, unknown>; changed: string[] } | { ok: false; refused: EditRefusal[] };

/** The most edits one form post may carry, and the longest value of one field. */
export const MAX_EDITS = 20_000;
/** The longest value one field may have. */
export const MAX_FIELD_CHARS = 10_000;

// Names that reach an object's prototype: refused by name, whatever the model says.
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const PATH_SEGMENT = /^(?:[A-Za-z][A-Za-z0-9]{0,63}|\[(?:0|[1-9][0-9]{0,5})\])/;
const MAX_PATH_CHARS = 300;

/**
 * Every scalar value of the invoice as a field, in the model's order, with labels from the model; plus an
 * empty field wherever `offer` names a term the invoice lacks (a finding such as BR-02 "BT-1 is missing"
 * must be fixable in the form). Array elements are never invented: only existing ones get fields.
 */
export function listInvoiceFields(invoice: unknown, options: { offer?: readonly TermRequest[] } = {}): InvoiceField[] {
  const fields: InvoiceField[] = [];
  const root = invoiceTermTree();
  visit(root, invoice, '', { path: '', label: root.label }, { offer: options.offer ?? [], fields });
  return fields;
}

type VisitContext = { offer: readonly TermRequest[]; fields: InvoiceField[] };

function visit(node: TermNode, value: unknown, path: string, group: InvoiceField['group'], ctx: VisitContext): void {
  if (node.kind === 'leaf') {
    if (!node.editable) return; // kept as it is: a form cannot show a base64 attachment usefully
    if (typeof value === 'string') ctx.fields.push(fieldOf(node, path, value, group));
    else if (value === undefined && isOffered(node, path, ctx.offer)) ctx.fields.push({ ...fieldOf(node, path, '', group), absent: true });
    return;
  }
  if (node.kind === 'array') {
    if (!Array.isArray(value)) return;
    value.forEach((element, index) => visit(node.element, element, `${path}[${index}]`, group, ctx));
    return;
  }
  // Only business groups (BG-n) become groups of the form; an identifier's value and scheme stay with their group.
  const own = isPlainObject(value) ? value : undefined;
  if (own === undefined && (value !== undefined || ctx.offer.length === 0)) return;
  const inner = isBusinessGroup(node) ? { path, label: node.label } : group;
  for (const [key, child] of node.children) {
    visit(child, own && Object.hasOwn(own, key) ? own[key] : undefined, path === '' ? key : `${path}.${key}`, inner, ctx);
  }
}

function fieldOf(leaf: TermLeaf, path: string, value: string, group: InvoiceField['group']): InvoiceField {
  return {
    path,
    label: leaf.label,
    value,
    ...(leaf.terms.length > 0 ? { terms: leaf.terms } : {}),
    ...(leaf.hint ? { hint: leaf.hint } : {}),
    ...(leaf.options ? { options: leaf.options } : {}),
    group,
  };
}

function isOffered(leaf: TermLeaf, path: string, offer: readonly TermRequest[]): boolean {
  const line = lineIndexOf(path);
  return offer.some((request) => leaf.terms.includes(request.term) && (request.line === undefined || line === undefined || line === request.line));
}

/** The invoice line (BG-25) a field path is in: `lines[2].quantity` → 2. */
export function lineIndexOf(path: string): number | undefined {
  const match = /^lines\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : undefined;
}

function isBusinessGroup(node: TermObject): boolean {
  return node.terms.some((term) => term.startsWith('BG-'));
}

/**
 * Applies posted values onto a copy of the invoice. A value equal to the current one changes nothing (a
 * form posts every field); an emptied field removes the value (and objects left empty); a value for an
 * absent field creates it. All or nothing: any refused path refuses the whole post.
 */
export function applyInvoiceEdits(invoice: Readonly<Record<string, unknown>>, edits: ReadonlyMap<string, string>): EditResult {
  if (edits.size > MAX_EDITS) return { ok: false, refused: [{ path: '(form)', message: `at most ${MAX_EDITS} fields can be posted` }] };
  const copy = structuredClone(invoice) as Record<string, unknown>;
  const refused: EditRefusal[] = [];
  const changed: string[] = [];
  for (const [path, posted] of edits) {
    // Browsers post line breaks as CRLF; the invoice keeps LF.
    const value = posted.replace(/\r\n?/g, '\n');
    const target = resolveEditPath(copy, path);
    if ('error' in target) refused.push({ path: path.slice(0, MAX_PATH_CHARS), message: target.error });
    else if (value.length > MAX_FIELD_CHARS) refused.push({ path, message: `is longer than ${MAX_FIELD_CHARS} characters` });
    else if (value !== (target.current ?? '')) {
      if (value === '') removeValue(copy, target.segments);
      else setValue(copy, target.segments, value);
      changed.push(path);
    }
  }
  return refused.length > 0 ? { ok: false, refused } : { ok: true, invoice: copy, changed };
}

type Segment = string | number;

/** Checks a path against the model and the invoice: a known, editable term, in array elements that exist. */
function resolveEditPath(invoice: Record<string, unknown>, path: string): { segments: Segment[]; current: string | undefined } | { error: string } {
  const parsed = parsePath(path);
  if ('error' in parsed) return parsed;
  let node: TermNode = invoiceTermTree();
  let value: unknown = invoice;
  for (const segment of parsed.segments) {
    if (typeof segment === 'number') {
      if (node.kind !== 'array') return { error: 'is not a field of the invoice (no list here)' };
      if (!Array.isArray(value) || segment >= value.length) return { error: 'names a list entry the invoice does not have' };
      node = node.element;
      value = value[segment];
    } else {
      const child: TermNode | undefined = node.kind === 'object' ? node.children.get(segment) : undefined;
      if (!child) return { error: 'is not a field of the EN 16931 invoice' };
      if (value !== undefined && !isPlainObject(value)) return { error: 'is inside a value that is not a group' };
      node = child;
      value = value !== undefined && Object.hasOwn(value, segment) ? value[segment] : undefined;
    }
  }
  if (node.kind !== 'leaf') return { error: 'names a group, not a field' };
  if (!node.editable) return { error: 'cannot be edited in the form' };
  if (value !== undefined && typeof value !== 'string') return { error: 'holds a value that is not text' };
  return { segments: parsed.segments, current: value };
}

/** Splits `lines[0].item.name` into `['lines', 0, 'item', 'name']`, refusing anything else. */
function parsePath(path: string): { segments: Segment[] } | { error: string } {
  if (path.length === 0 || path.length > MAX_PATH_CHARS) return { error: 'is not a field path' };
  if (path.split(/[.[\]]/).some((name) => FORBIDDEN_NAMES.has(name))) return { error: 'names a reserved property' };
  const segments: Segment[] = [];
  let rest = path;
  while (rest.length > 0) {
    if (segments.length > 0 && !rest.startsWith('[')) {
      if (!rest.startsWith('.')) return { error: 'is not a field path' };
      rest = rest.slice(1);
    }
    const match = PATH_SEGMENT.exec(rest);
    if (!match) return { error: 'is not a field path' };
    const text = match[0];
    if (text.startsWith('[')) {
      if (segments.length === 0) return { error: 'is not a field path' };
      segments.push(Number(text.slice(1, -1)));
    } else segments.push(text);
    rest = rest.slice(text.length);
  }
  return { segments };
}

function setValue(invoice: Record<string, unknown>, segments: readonly Segment[], value: string): void {
  let container: Record<string, unknown> | unknown[] = invoice;
  for (const segment of segments.slice(0, -1)) {
    const next: unknown = (container as Record<Segment, unknown>)[segment];
    if (next === undefined) (container as Record<Segment, unknown>)[segment] = {};
    container = (container as Record<Segment, Record<string, unknown>>)[segment]!;
  }
  (container as Record<Segment, unknown>)[segments[segments.length - 1]!] = value;
}

/** Removes a value, then every object left empty above it (list entries stay: removing one would renumber the rest). */
function removeValue(invoice: Record<string, unknown>, segments: readonly Segment[]): void {
  const chain: (Record<string, unknown> | unknown[])[] = [invoice];
  for (const segment of segments.slice(0, -1)) {
    const next = (chain[chain.length - 1] as Record<Segment, unknown>)[segment];
    if (next === undefined) return; // nothing there to remove
    chain.push(next as Record<string, unknown> | unknown[]);
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    const container = chain[i]!;
    if (typeof segment === 'number') return;
    const value = (container as Record<string, unknown>)[segment];
    if (i < segments.length - 1 && !(isPlainObject(value) && Object.keys(value).length === 0)) return;
    delete (container as Record<string, unknown>)[segment];
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
