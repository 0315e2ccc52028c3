import { internalized, type XmlElement } from '../xml/xml-element.js';
import { XsDecimal } from './xs-decimal.js';

/**
 * The XPath 2.0 semantics the official rules rely on, as small functions over the element tree.
 * Node-sets are arrays in document order; an absent value is `undefined`, which makes every comparison
 * false, as a comparison with an empty sequence is in XPath. Decimal arithmetic (xs:decimal) uses
 * `XsDecimal` (exact; decimal.js beyond ordinary amounts); double arithmetic (untyped values, number()) uses
 * JavaScript numbers, which are IEEE doubles exactly like xs:double.
 */

const EMPTY: readonly XmlElement[] = [];
const steps = new Map<string, readonly string[]>();

/**
 * A path's steps as internalized strings (see `internalized`): element names are internalized too, so the
 * many `child.name === step` comparisons are decided by identity. Split paths once, where rules are declared.
 */
export function splitPath(path: string): string[] {
  return path.split('/').map(internalized);
}

/** Children of `element` named `name`. */
export function kids(element: XmlElement | undefined, name: string): readonly XmlElement[] {
  if (!element) return EMPTY;
  let found: XmlElement[] | undefined;
  for (const child of element.children) {
    if (child.name === name) (found ??= []).push(child);
  }
  return found ?? EMPTY;
}

/** The first child of `element` named `name`. */
export function kid(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const child of element.children) if (child.name === name) return child;
  return undefined;
}

/** The steps of a relative path, split once per distinct path (rules that keep a path split it when declared). */
export function pathSteps(relativePath: string): readonly string[] {
  let parts = steps.get(relativePath);
  if (!parts) {
    parts = splitPath(relativePath);
    steps.set(relativePath, parts);
  }
  return parts;
}

/** The node-set of a relative child path such as `cac:Party/cbc:EndpointID`, from one or more elements. */
export function at(from: XmlElement | readonly XmlElement[] | undefined, relativePath: string): readonly XmlElement[] {
  if (from === undefined) return EMPTY;
  const parts = pathSteps(relativePath);
  if (parts.indexOf('..') < 0) {
    if (!Array.isArray(from)) {
      const single = from as XmlElement;
      // The common case, one element and one step, allocates only when something is found.
      if (parts.length === 1 && parts[0] !== '*') return kids(single, parts[0] as string);
      // Child steps from one element: depth first is document order, and no intermediate node-sets are built.
      const found: XmlElement[] = [];
      collectBelow(single, parts, 0, found);
      return found.length > 0 ? found : EMPTY;
    }
    // From several elements, each one's nodes in turn: the same order as taking the steps one at a time.
    const found: XmlElement[] = [];
    for (const element of from as readonly XmlElement[]) collectBelow(element, parts, 0, found);
    return found.length > 0 ? found : EMPTY;
  }
  let current: readonly XmlElement[] = Array.isArray(from) ? (from as readonly XmlElement[]) : [from as XmlElement];
  for (const part of parts) {
    if (current.length === 0) return EMPTY;
    if (part === '..') {
      const parents: XmlElement[] = [];
      for (const element of current) if (element.parent) parents.push(element.parent);
      current = parents;
      continue;
    }
    const next: XmlElement[] = [];
    for (const element of current) for (const child of element.children) if (part === '*' || child.name === part) next.push(child);
    current = next;
  }
  return current;
}

/** Adds the nodes of child steps `parts[index…]` below `element` to `found`, in document order. */
function collectBelow(element: XmlElement, parts: readonly string[], index: number, found: XmlElement[]): void {
  const part = parts[index] as string;
  const last = index === parts.length - 1;
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as XmlElement;
    if (part !== '*' && child.name !== part) continue;
    if (last) found.push(child);
    else collectBelow(child, parts, index + 1, found);
  }
}

/** The first node, in document order, of `parts[index…]` below `element`; allocates nothing. */
function firstBelow(element: XmlElement, parts: readonly string[], index: number): XmlElement | undefined {
  const part = parts[index] as string;
  if (part === '..') {
    const parent = element.parent;
    if (!parent) return undefined;
    return index === parts.length - 1 ? parent : firstBelow(parent, parts, index + 1);
  }
  for (const child of element.children) {
    if (part !== '*' && child.name !== part) continue;
    if (index === parts.length - 1) return child;
    const found = firstBelow(child, parts, index + 1);
    if (found) return found;
  }
  return undefined;
}

/** The first element of a relative child path. */
export function first(from: XmlElement | readonly XmlElement[] | undefined, relativePath: string): XmlElement | undefined {
  return firstAlong(from, pathSteps(relativePath));
}

/** {@link first} for a path already split into steps (see {@link pathSteps}). */
export function firstAlong(from: XmlElement | readonly XmlElement[] | undefined, parts: readonly string[]): XmlElement | undefined {
  if (from === undefined) return undefined;
  if (!Array.isArray(from)) return firstBelow(from as XmlElement, parts, 0);
  for (const element of from as readonly XmlElement[]) {
    const found = firstBelow(element, parts, 0);
    if (found) return found;
  }
  return undefined;
}

/** XPath `exists(path)`. */
export function has(from: XmlElement | readonly XmlElement[] | undefined, relativePath: string): boolean {
  return first(from, relativePath) !== undefined;
}

/** XPath string value of an element: all its descendant text, in order. */
export function stringValue(element: XmlElement | undefined): string {
  if (!element) return '';
  if (element.children.length === 0) return element.text;
  let out = element.text;
  for (const child of element.children) out += stringValue(child);
  return out;
}

/** XPath `string(path)`: the string value of the first node, '' when there is none. */
export function text(from: XmlElement | readonly XmlElement[] | undefined, relativePath?: string): string {
  if (relativePath === undefined) return stringValue(Array.isArray(from) ? (from as readonly XmlElement[])[0] : (from as XmlElement | undefined));
  return stringValue(first(from, relativePath));
}

/** XPath `normalize-space()`: trims XML whitespace and collapses inner runs to one space. */
export function normalizeSpace(value: string): string {
  if (!hasXmlSpace(value)) return value;
  return value.replace(/[\x20\t\r\n]+/g, ' ').replace(/^ | $/g, '');
}

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function hasXmlSpace(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isXmlSpace(value.charCodeAt(i))) return true;
  return false;
}

/** True when the string has a character other than XML whitespace (`normalize-space(s) != ''`). */
export function notBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isXmlSpace(value.charCodeAt(i))) return true;
  return false;
}

/** `normalize-space(path) != ''`: the path has a value that is not blank. */
export function filled(from: XmlElement | readonly XmlElement[] | undefined, relativePath?: string): boolean {
  return notBlank(text(from, relativePath));
}

/** XPath `string-length()`: the number of characters (code points). */
export function stringLength(value: string): number {
  let length = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) length++;
  }
  return length;
}

/** XPath `substring-after()`. */
export function substringAfter(value: string, search: string): string {
  const at = value.indexOf(search);
  return at < 0 ? '' : value.slice(at + search.length);
}

/** `string-length(substring-after(path, '.')) <= max`: at most `max` decimals, as the BR-DEC rules test. */
export function decimalsAtMost(from: XmlElement | readonly XmlElement[] | undefined, relativePath: string, max: number): boolean {
  return stringLength(substringAfter(text(from, relativePath), '.')) <= max;
}

const XS_DOUBLE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN)$/;

/** Cast to xs:decimal; undefined for an empty or invalid value (no comparison will then hold). */
export function decimal(value: string | undefined): XsDecimal | undefined {
  return value === undefined ? undefined : XsDecimal.parse(value);
}

/** `xs:decimal(path)` of the first node of the path; undefined when absent or not a decimal. */
export function decimalAt(from: XmlElement | readonly XmlElement[] | undefined, relativePath: string): XsDecimal | undefined {
  const node = first(from, relativePath);
  return node ? decimal(stringValue(node)) : undefined;
}

/** XPath `sum(nodes/xs:decimal(.))`: 0 for no nodes; undefined when one value is not a decimal. */
export function sumDecimals(nodes: readonly XmlElement[]): XsDecimal | undefined {
  let total = XsDecimal.ZERO;
  for (const node of nodes) {
    const value = decimal(stringValue(node));
    if (value === undefined) return undefined;
    total = total.plus(value);
  }
  return total;
}

/** XPath `round()` of a decimal: to the nearest integer, halves towards positive infinity. */
export function round(value: XsDecimal): XsDecimal {
  return value.roundHalfCeil(0);
}

/** `round(value * 10 * 10) div 100`: the official rules' rounding to two decimals. */
export function round2(value: XsDecimal): XsDecimal {
  return value.roundHalfCeil(2);
}

/** Decimal equality where an absent operand makes it false, as in XPath. */
export function equal(a: XsDecimal | undefined, b: XsDecimal | undefined): boolean {
  return a !== undefined && b !== undefined && a.equals(b);
}

/** XPath `number()`: an xs:double, NaN when the value is not a number. */
export function number(value: string | undefined): number {
  if (value === undefined) return NaN;
  const trimmed = normalizeSpace(value);
  if (!XS_DOUBLE.test(trimmed)) return NaN;
  if (trimmed.endsWith('INF')) return trimmed.startsWith('-') ? -Infinity : Infinity;
  return Number(trimmed);
}

/** xs:boolean cast of an untyped value: true/1, false/0; undefined otherwise. */
export function boolean(value: string): boolean | undefined {
  const trimmed = normalizeSpace(value);
  if (trimmed === 'true' || trimmed === '1') return true;
  if (trimmed === 'false' || trimmed === '0') return false;
  return undefined;
}

/** `path = true()` / `path = false()`: some node of the path casts to that boolean (general comparison). */
export function flagIs(from: XmlElement | readonly XmlElement[] | undefined, relativePath: string, expected: boolean): boolean {
  return at(from, relativePath).some((node) => boolean(stringValue(node)) === expected);
}

/** `path = 'value'`: some node of the path has exactly this string value (general comparison). */
export function valueIs(from: XmlElement | readonly XmlElement[] | undefined, relativePath: string, expected: string): boolean {
  return at(from, relativePath).some((node) => stringValue(node) === expected);
}

/** The ancestors-or-self test of a context like `cac:InvoiceLine/cac:Item/...`: parent named `name`. */
export function parentIs(element: XmlElement, name: string): boolean {
  return element.parent?.name === name;
}
