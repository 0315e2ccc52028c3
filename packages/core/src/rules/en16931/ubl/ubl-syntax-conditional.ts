import { fatal, warning, type Assertion } from '../../binding.js';
import { hasAttributeNamed } from '../../assertion-tests.js';
import type { DocumentIndex } from '../../document-index.js';
import { rule, type RuleDefinition } from '../../rule-definition.js';
import { at, has, kid, kids, valueIs } from '../../xpath.js';
import type { XmlElement } from '../../../xml/xml-element.js';
import { SYNTAX } from './ubl-syntax-contexts.js';
import { someValueIs, someValueIsNot } from './ubl-syntax-query.js';

const CREDIT_NOTE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';

/** `//cac:AdditionalDocumentReference[cbc:DocumentTypeCode = '130']`: the invoiced object references, anywhere. */
function invoicedObjects(doc: DocumentIndex): XmlElement[] {
  return doc.all('cac:AdditionalDocumentReference').filter((ref) => someValueIs(kids(ref, 'cbc:DocumentTypeCode'), '130'));
}

/**
 * The UBL-CR rules whose test is more than "this path is absent" (checked on the document element, like the
 * others): the UBL version, the payment due date of credit notes, and what an invoiced object reference may hold.
 */
export const CONDITIONAL_UNUSED_ASSERTIONS: readonly Assertion[] = [
  warning('UBL-CR-002', SYNTAX.document, (root) => !has(root, 'cbc:UBLVersionID') || valueIs(root, 'cbc:UBLVersionID', '2.1')),
  // `../cn:CreditNote`: the document element (the context) is a credit note.
  warning(
    'UBL-CR-412',
    SYNTAX.document,
    (root) => !has(root, 'cac:PaymentMeans/cbc:PaymentDueDate') || (root.local === 'CreditNote' && root.ns === CREDIT_NOTE_NS),
  ),
  // //cac:AdditionalDocumentReference[cbc:DocumentTypeCode != '130' or not(cbc:DocumentTypeCode)]/cbc:ID/@schemeID
  warning('UBL-CR-665', SYNTAX.document, (_root, doc) =>
    !doc.all('cac:AdditionalDocumentReference').some((ref) => {
      const types = kids(ref, 'cbc:DocumentTypeCode');
      const notInvoicedObject = someValueIsNot(types, '130') || types.length === 0;
      return notInvoicedObject && kids(ref, 'cbc:ID').some(hasAttributeNamed('schemeID'));
    }),
  ),
  fatal('UBL-CR-666', SYNTAX.document, (_root, doc) => at(invoicedObjects(doc), 'cac:Attachment').length === 0),
  fatal('UBL-CR-673', SYNTAX.document, (_root, doc) => !invoicedObjects(doc).some((ref) => kid(ref, 'cbc:DocumentDescription'))),
];

/** What the conditional UBL-CR rules mean. */
export const CONDITIONAL_UNUSED_DEFINITIONS: readonly RuleDefinition[] = [
  rule('UBL-CR-002', [], 'cbc:UBLVersionID, when given, should be 2.1, the UBL version EN 16931 is bound to; correct it or leave it out.'),
  rule(
    'UBL-CR-412',
    ['BT-9'],
    'In an invoice the payment due date (BT-9) goes in cbc:DueDate; cac:PaymentMeans/cbc:PaymentDueDate is for credit notes only and should be removed.',
  ),
  rule(
    'UBL-CR-665',
    ['BT-18', 'BT-122'],
    'Only the invoiced object identifier (BT-18, document type code 130) may carry a scheme identifier; remove the schemeID attribute from the ID of other supporting documents (BT-122).',
  ),
  rule(
    'UBL-CR-666',
    ['BT-18', 'BT-125'],
    'A document reference that gives the invoiced object identifier (BT-18, document type code 130) must not carry an attached document (BT-125); attach it in a separate supporting document reference.',
  ),
  rule(
    'UBL-CR-673',
    ['BT-18', 'BT-123'],
    'A document reference that gives the invoiced object identifier (BT-18, document type code 130) must not carry a supporting document description (BT-123); remove the description.',
  ),
];
