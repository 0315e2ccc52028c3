import type { Identifier } from '../model/primitives.js';
import type { XmlElement } from '../xml/xml-element.js';
import type { ElementReader } from './element-reader.js';

/** Small helpers both codecs use to build the model from elements. */

/** Removes keys whose value is undefined, so absent terms are absent (not `undefined`) in the model. */
export function compact<T extends object>(value: T): T | undefined {
  let empty = true;
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
    else empty = false;
  }
  return empty ? undefined : value;
}

/** A list, or undefined when it is empty. */
export function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** An identifier element (`cbc:ID` / `ram:ID` with `schemeID`) as a model identifier, its text kept as written. */
export function identifierOf(element: XmlElement): Identifier;
export function identifierOf(element: XmlElement | undefined): Identifier | undefined;
export function identifierOf(element: XmlElement | undefined): Identifier | undefined {
  if (!element) return undefined;
  const schemeId = element.attributes['schemeID'];
  return schemeId === undefined ? { id: element.text } : { id: element.text, schemeId };
}

/** The text of `<outer><inner>…</inner></outer>` (e.g. `cac:PartyName/cbc:Name`), reporting leftovers. */
export function nestedText(reader: ElementReader, outer: string, inner: string): string | undefined {
  const child = reader.child(outer);
  if (!child) return undefined;
  const value = child.text(inner);
  child.finish();
  return value;
}
