import type { Invoice } from '../../model/invoice.js';
import type { Identifier } from '../../model/primitives.js';
import type { SupportingDocument } from '../../model/supporting-document.js';
import type { XmlElement } from '../../xml/xml-element.js';
import type { ElementReader } from '../element-reader.js';
import { REFERENCE_TYPE } from './cii-names.js';
import { parseCiiBuyer, parseCiiSeller, parseCiiTaxRepresentative } from './cii-parse-party.js';
import { compact, nestedText, nonEmpty } from './cii-read-values.js';

/** The invoice terms of `ram:ApplicableHeaderTradeAgreement`. */
export type CiiAgreementTerms = Pick<
  Invoice,
  | 'buyerReference'
  | 'seller'
  | 'buyer'
  | 'sellerTaxRepresentative'
  | 'salesOrderReference'
  | 'purchaseOrderReference'
  | 'contractReference'
  | 'supportingDocuments'
  | 'tenderOrLotReference'
  | 'invoicedObjectIdentifier'
  | 'projectReference'
>;

/** Reads `ram:ApplicableHeaderTradeAgreement`: parties, buyer reference, order/contract/project references, BG-24. */
export function parseCiiAgreement(reader: ElementReader): CiiAgreementTerms {
  const buyerReference = reader.text('ram:BuyerReference');
  const seller = reader.child('ram:SellerTradeParty');
  const buyer = reader.child('ram:BuyerTradeParty');
  const representative = reader.child('ram:SellerTaxRepresentativeTradeParty');
  const terms: CiiAgreementTerms = {
    buyerReference,
    seller: seller ? parseCiiSeller(seller) : undefined,
    buyer: buyer ? parseCiiBuyer(buyer) : undefined,
    sellerTaxRepresentative: representative ? parseCiiTaxRepresentative(representative) : undefined,
    salesOrderReference: nestedText(reader, 'ram:SellerOrderReferencedDocument', 'ram:IssuerAssignedID'),
    purchaseOrderReference: nestedText(reader, 'ram:BuyerOrderReferencedDocument', 'ram:IssuerAssignedID'),
    contractReference: nestedText(reader, 'ram:ContractReferencedDocument', 'ram:IssuerAssignedID'),
    ...parseAdditionalReferences(reader),
    projectReference: parseProject(reader),
  };
  reader.finish();
  return compact(terms) ?? {};
}

/** BT-11 from `ram:SpecifiedProcuringProject/ram:ID`; its `ram:Name` is required by the XSD but carries no term. */
function parseProject(root: ElementReader): string | undefined {
  const project = root.child('ram:SpecifiedProcuringProject');
  if (!project) return undefined;
  const id = project.text('ram:ID');
  project.skip('ram:Name');
  project.finish();
  return id;
}

/**
 * The header `ram:AdditionalReferencedDocument`s, told apart by `ram:TypeCode`: 916 BG-24, 50 BT-17,
 * 130 BT-18. One without a known type code cannot be given a business term and is reported.
 */
function parseAdditionalReferences(root: ElementReader): Pick<Invoice, 'supportingDocuments' | 'tenderOrLotReference' | 'invoicedObjectIdentifier'> {
  const documents: SupportingDocument[] = [];
  // Boxed so that a first reference without an id still counts as the one the model keeps.
  let tenderOrLot: { value?: string } | undefined;
  let invoicedObject: { value?: Identifier } | undefined;
  for (const element of root.all('ram:AdditionalReferencedDocument')) {
    const reader = root.over(element);
    const typeCode = reader.one('ram:TypeCode')?.text.trim();
    if (typeCode === REFERENCE_TYPE.supportingDocument) {
      documents.push(parseSupportingDocument(reader));
    } else if (typeCode === REFERENCE_TYPE.tenderOrLot) {
      if (!tenderOrLot) tenderOrLot = { value: reader.text('ram:IssuerAssignedID') };
      else reportRepeat(reader, element, 'BT-17 Tender or lot reference');
    } else if (typeCode === REFERENCE_TYPE.invoicedObject) {
      if (!invoicedObject) invoicedObject = { value: parseObjectIdentifier(reader) };
      else reportRepeat(reader, element, 'BT-18 Invoiced object identifier');
    } else {
      const which = typeCode === undefined ? 'has no ram:TypeCode' : `has the type code "${typeCode}"`;
      reader.report(element, 'invalid-value', `This referenced document ${which}; EN 16931 needs 916 (supporting document), 50 (tender or lot) or 130 (invoiced object) to tell what it is, so it was not read`);
      continue;
    }
    reader.finish();
  }
  const tenderOrLotReference = tenderOrLot?.value;
  const invoicedObjectIdentifier = invoicedObject?.value;
  return { supportingDocuments: nonEmpty(documents), tenderOrLotReference, invoicedObjectIdentifier };
}

/** Reports a second reference of a single term once, as a whole, rather than each of its children. */
function reportRepeat(reader: ElementReader, element: XmlElement, term: string): void {
  reader.skip(...element.children.map((child) => child.name));
  reader.report(element, 'repeated-element', `${term} is given more than once; the model keeps the first`);
}

/** BT-18 / BT-128: `ram:IssuerAssignedID` with its scheme (BT-18-1 / BT-128-1) in `ram:ReferenceTypeCode`. */
export function parseObjectIdentifier(reader: ElementReader): Identifier | undefined {
  const id = reader.one('ram:IssuerAssignedID');
  const scheme = reader.one('ram:ReferenceTypeCode');
  if (!id) {
    if (scheme) reader.report(scheme, 'invalid-value', 'An object identifier scheme without ram:IssuerAssignedID has no identifier to belong to; it was not read');
    return undefined;
  }
  return scheme ? { id: id.text, schemeId: scheme.text } : { id: id.text };
}

/** BG-24 from a referenced document with type code 916. */
function parseSupportingDocument(reader: ElementReader): SupportingDocument {
  const attachment = reader.one('ram:AttachmentBinaryObject');
  const mimeCode = attachment?.attributes['mimeCode'];
  const filename = attachment?.attributes['filename'];
  if (attachment && (mimeCode === undefined || filename === undefined)) {
    reader.report(attachment, 'invalid-value', 'The attached document lacks its mimeCode or filename (BT-125-1, BT-125-2); the missing one was read as empty');
  }
  const document = compact<SupportingDocument>({
    reference: reader.text('ram:IssuerAssignedID'),
    description: reader.text('ram:Name'),
    externalLocation: reader.text('ram:URIID'),
    attachment: attachment ? { content: attachment.text, mimeCode: mimeCode ?? '', filename: filename ?? '' } : undefined,
  });
  return document ?? {};
}
