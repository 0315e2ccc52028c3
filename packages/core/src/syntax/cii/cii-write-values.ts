import type { Period } from '../../model/delivery.js';
import type { Identifier } from '../../model/primitives.js';
import { group, leaf, type XmlNode } from '../../xml/xml-write.js';
import { dateTo102 } from '../date-format.js';
import type { Diagnostic } from '../diagnostic.js';
import { DATE_FORMAT_102, VAT_TYPE_CODE, type REFERENCE_TYPE } from './cii-names.js';
import type { DateStringName } from './cii-read-values.js';

/** What writing collects on the way: the terms CII could not carry, or carried only as written. */
export type WriteContext = { diagnostics: Diagnostic[] };

/** Records a diagnostic about a business term while writing. */
export function reportWrite(context: WriteContext, code: Diagnostic['code'], term: string, message: string): void {
  context.diagnostics.push({ code, path: term, message });
}

/**
 * An element written because the model has the group, even when the group is empty: an empty group
 * read from a document goes back as an empty element, so reading the output gives the same model.
 */
export function element(name: string, children: ReadonlyArray<XmlNode | undefined>, attributes?: Record<string, string | undefined>): XmlNode {
  return attributes ? { name, children, attributes } : { name, children };
}

/** An identifier element with its optional `schemeID`. */
export function identifierLeaf(name: string, identifier: Identifier | undefined): XmlNode | undefined {
  return identifier ? leaf(name, identifier.id, { schemeID: identifier.schemeId }) : undefined;
}

/** `<outer><inner>value</inner></outer>`, e.g. a referenced document's `ram:IssuerAssignedID`. */
export function nested(outer: string, inner: string, value: string | undefined): XmlNode | undefined {
  return group(outer, [leaf(inner, value)]);
}

/**
 * `<name><udt:DateTimeString format="102">YYYYMMDD</…></name>`. A model date that is not `YYYY-MM-DD`
 * (one read as written from a document) is written unchanged and reported.
 */
export function dateNode(options: { name: string; date: string | undefined; term: string; context: WriteContext; inner?: DateStringName }): XmlNode | undefined {
  const { name, date, term, context } = options;
  if (date === undefined) return undefined;
  const text = dateTo102(date);
  if (text === undefined) reportWrite(context, 'invalid-value', term, `"${date}" is not a date written YYYY-MM-DD; it was written unchanged as a format 102 date`);
  return element(name, [{ name: options.inner ?? 'udt:DateTimeString', text: text ?? date, attributes: { format: DATE_FORMAT_102 } }]);
}

/** A period (BG-14, BG-26) as `ram:BillingSpecifiedPeriod`. */
export function periodNode(period: Period | undefined, terms: { start: string; end: string }, context: WriteContext): XmlNode | undefined {
  if (!period) return undefined;
  return element('ram:BillingSpecifiedPeriod', [
    dateNode({ name: 'ram:StartDateTime', date: period.startDate, term: terms.start, context }),
    dateNode({ name: 'ram:EndDateTime', date: period.endDate, term: terms.end, context }),
  ]);
}

/** `ram:TypeCode` VAT of a tax: no business term, but the XSD and EN 16931 expect it. */
export function vatTypeCode(): XmlNode {
  return { name: 'ram:TypeCode', text: VAT_TYPE_CODE };
}

/** `ram:ChargeIndicator/udt:Indicator`: true for a charge, false for an allowance. */
export function chargeIndicator(charge: boolean): XmlNode {
  return element('ram:ChargeIndicator', [{ name: 'udt:Indicator', text: charge ? 'true' : 'false' }]);
}

/** A `ram:AdditionalReferencedDocument` of a type (916, 50, 130) with its children in XSD order. */
export function referencedDocument(type: (typeof REFERENCE_TYPE)[keyof typeof REFERENCE_TYPE], parts: { id?: string; uri?: string; name?: string; attachment?: XmlNode; referenceType?: string }): XmlNode {
  return element('ram:AdditionalReferencedDocument', [
    leaf('ram:IssuerAssignedID', parts.id),
    leaf('ram:URIID', parts.uri),
    leaf('ram:TypeCode', type),
    leaf('ram:Name', parts.name),
    parts.attachment,
    leaf('ram:ReferenceTypeCode', parts.referenceType),
  ]);
}
