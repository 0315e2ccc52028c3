import type { PrecedingInvoice } from '../../model/invoice.js';
import type { Identifier } from '../../model/primitives.js';
import type { SupportingDocument } from '../../model/supporting-document.js';
import type { XmlElement } from '../../xml/xml-element.js';
import type { ElementReader } from '../element-reader.js';
import { compact, identifierOf, nestedText } from './ubl-read-values.js';

/** References held in `cac:AdditionalDocumentReference`, told apart by `cbc:DocumentTypeCode`. */
export type UblAdditionalReferences = {
  /** BT-18 (document type 130). */
  invoicedObject?: Identifier;
  /** BT-11 in a credit note, which has no `cac:ProjectReference` (document type 50). */
  project?: string;
  /** BG-24, every other additional document reference. */
  documents: SupportingDocument[];
};

function documentTypeOf(element: XmlElement): string | undefined {
  return element.children.find((c) => c.name === 'cbc:DocumentTypeCode')?.text.trim();
}

/** BT-18, BT-11 (credit notes) and BG-24 from the `cac:AdditionalDocumentReference`s. */
export function parseUblAdditionalReferences(root: ElementReader): UblAdditionalReferences {
  const result: UblAdditionalReferences = { documents: [] };
  for (const element of root.all('cac:AdditionalDocumentReference')) {
    const reader = root.over(element);
    const type = documentTypeOf(element);
    if (type === '130' && result.invoicedObject === undefined) {
      reader.skip('cbc:DocumentTypeCode');
      result.invoicedObject = identifierOf(reader.one('cbc:ID'));
    } else if (type === '50' && result.project === undefined) {
      reader.skip('cbc:DocumentTypeCode');
      result.project = reader.text('cbc:ID');
    } else {
      result.documents.push(parseSupportingDocument(reader));
    }
    reader.finish();
  }
  return result;
}

/** BG-24 from one `cac:AdditionalDocumentReference` (its document type code, if any, is not a business term). */
function parseSupportingDocument(reader: ElementReader): SupportingDocument {
  const reference = reader.text('cbc:ID');
  const description = reader.text('cbc:DocumentDescription');
  const attachment = reader.child('cac:Attachment');
  const binary = attachment?.one('cbc:EmbeddedDocumentBinaryObject');
  const externalLocation = attachment ? nestedText(attachment, 'cac:ExternalReference', 'cbc:URI') : undefined;
  attachment?.finish();
  return (
    compact<SupportingDocument>({
      reference,
      description,
      externalLocation,
      attachment: binary
        ? { content: binary.text, mimeCode: binary.attributes['mimeCode'] ?? '', filename: binary.attributes['filename'] ?? '' }
        : undefined,
    }) ?? {}
  );
}

/** BG-3 from the `cac:BillingReference`s. */
export function parseUblPrecedingInvoices(root: ElementReader): PrecedingInvoice[] {
  const result: PrecedingInvoice[] = [];
  for (const element of root.all('cac:BillingReference')) {
    const billing = root.over(element);
    const reference = billing.child('cac:InvoiceDocumentReference');
    if (reference) {
      result.push(compact<PrecedingInvoice>({ reference: reference.text('cbc:ID'), issueDate: reference.text('cbc:IssueDate') }) ?? {});
      reference.finish();
    }
    billing.finish();
  }
  return result;
}

/** The `cbc:ID` of a simple document reference such as `cac:ContractDocumentReference`. */
export function parseUblDocumentId(root: ElementReader, name: string): string | undefined {
  return nestedText(root, name, 'cbc:ID');
}
