import type { XmlElement } from '../../xml/xml-element.js';
import { normalizeSpace, stringValue } from '../xpath.js';

/**
 * The official code-list test `not(contains(normalize-space(v), ' ')) and contains(' A B … ', concat(' ',
 * normalize-space(v), ' '))`. The list text is codes separated by single spaces, so it holds exactly when
 * the space-normalised value is one of the codes: never for a blank or absent value, never for two codes.
 */
export function listed(codes: ReadonlySet<string>, value: string): boolean {
  return codes.has(normalizeSpace(value));
}

/** The test `listed(codes, .)` on the element's string value, shared by the code-list rules. */
export function listedValue(codes: ReadonlySet<string>): (element: XmlElement) => boolean {
  return (element) => listed(codes, stringValue(element));
}

/** The test {@link attributeListed} of one attribute, shared by the code-list rules. */
export function listedAttribute(codes: ReadonlySet<string>, attribute: string): (element: XmlElement) => boolean {
  return (element) => attributeListed(codes, element, attribute);
}

/** {@link listed} for an attribute of `element` (an absent attribute is the empty string, as in XPath). */
export function attributeListed(codes: ReadonlySet<string>, element: XmlElement, attribute: string): boolean {
  return listed(codes, element.attributes[attribute] ?? '');
}

/** XPath `exists(@name)`: the element carries the attribute, whatever its value. */
export function hasAttribute(element: XmlElement, attribute: string): boolean {
  return element.attributes[attribute] !== undefined;
}

/** XPath `exists(ancestor::name)`. */
export function hasAncestor(element: XmlElement, name: string): boolean {
  for (let node = element.parent; node; node = node.parent) if (node.name === name) return true;
  return false;
}
