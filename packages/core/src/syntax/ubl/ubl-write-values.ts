import type { Identifier } from '../../model/primitives.js';
import { group, leaf, type XmlNode } from '../../xml/xml-write.js';

/** Writes amounts with the `currencyID` UBL requires on every amount. */
export type AmountWriter = (name: string, value: string | undefined) => XmlNode | undefined;

/** An amount writer for one currency. */
export function amountWriter(currency: string | undefined): AmountWriter {
  return (name, value) => leaf(name, value, { currencyID: currency });
}

/** An identifier element with its optional `schemeID`. */
export function identifierLeaf(name: string, identifier: Identifier | undefined): XmlNode | undefined {
  return identifier ? leaf(name, identifier.id, { schemeID: identifier.schemeId }) : undefined;
}

/** `<outer><cbc:ID>value</cbc:ID></outer>`, e.g. a document reference. */
export function idGroup(outer: string, value: string | undefined): XmlNode | undefined {
  return value === undefined ? undefined : group(outer, [leaf('cbc:ID', value)]);
}

/** A VAT tax scheme (`cac:TaxScheme/cbc:ID` = VAT). */
export const VAT_SCHEME: XmlNode = { name: 'cac:TaxScheme', children: [{ name: 'cbc:ID', text: 'VAT' }] };
