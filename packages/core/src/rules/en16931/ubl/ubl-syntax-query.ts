import type { XmlElement } from '../../../xml/xml-element.js';
import type { DocumentIndex } from '../../document-index.js';
import { kid, kids, splitPath, stringValue } from '../../xpath.js';

/**
 * `upper-case(@name)`: '' when the attribute is absent, as `upper-case(())` is ''. JavaScript's
 * toUpperCase applies the same Unicode case mapping as XPath upper-case().
 */
export function upperAttribute(element: XmlElement, name: string): string {
  return (element.attributes[name] ?? '').toUpperCase();
}

/**
 * `TaxScheme/upper-case(cbc:ID)` as the official predicates use it on a cac:PartyTaxScheme: for each
 * cac:TaxScheme child, the upper-cased string of its cbc:ID ('' when it has none; the schema allows one).
 */
export function taxSchemeIds(partyTaxScheme: XmlElement): string[] {
  return kids(partyTaxScheme, 'cac:TaxScheme').map((scheme) => stringValue(kid(scheme, 'cbc:ID')).toUpperCase());
}

/** The steps of a child path such as `cac:PartyName/cbc:Name`, split once where a rule is declared. */
export function stepsOf(path: string): readonly string[] {
  return splitPath(path);
}

/** `nodes = 'value'` (general comparison): some node has exactly this string value. */
export function someValueIs(nodes: readonly XmlElement[], value: string): boolean {
  return nodes.some((node) => stringValue(node) === value);
}

/** `nodes != 'value'` (general comparison): some node has another string value; false when there is none. */
export function someValueIsNot(nodes: readonly XmlElement[], value: string): boolean {
  return nodes.some((node) => stringValue(node) !== value);
}

/**
 * `a != b` for two node-sets (general comparison): some pair of nodes, one from each, has different string
 * values. False when either side is empty; otherwise false only when every node of both has the same value.
 */
export function someDiffer(a: readonly XmlElement[], b: readonly XmlElement[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const value = stringValue(a[0]);
  return a.some((node) => stringValue(node) !== value) || b.some((node) => stringValue(node) !== value);
}

/**
 * `count(nodes[not(preceding::X/. = .)])` for nodes that are all the X of the document (none inside
 * another): the number of distinct string values, since a node is kept when no earlier node has its value.
 */
export function distinctValues(nodes: readonly XmlElement[]): number {
  return new Set(nodes.map(stringValue)).size;
}

/**
 * Every element of the document that carries each unqualified attribute (`//@name` is `holders.get('name')`),
 * built in one pass and shared by the rules that look for attributes anywhere.
 */
export function attributeHolders(doc: DocumentIndex): ReadonlyMap<string, readonly XmlElement[]> {
  return doc.once('ubl-syntax/attribute-holders', () => {
    const holders = new Map<string, XmlElement[]>();
    for (const element of doc.elements) {
      for (const attribute in element.attributes) {
        const list = holders.get(attribute);
        if (list) list.push(element);
        else holders.set(attribute, [element]);
      }
    }
    return holders;
  });
}
