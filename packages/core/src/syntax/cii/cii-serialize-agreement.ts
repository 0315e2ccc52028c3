import type { Invoice } from '../../model/invoice.js';
import type { SupportingDocument } from '../../model/supporting-document.js';
import { leaf, type XmlNode } from '../../xml/xml-write.js';
import { REFERENCE_TYPE } from './cii-names.js';
import { buyerNode, sellerNode, shipToNode, taxRepresentativeNode } from './cii-serialize-party.js';
import { dateNode, element, nested, referencedDocument, type WriteContext } from './cii-write-values.js';

/** `ram:ApplicableHeaderTradeAgreement` (mandatory in the XSD, so written even when empty). */
export function agreementNode(invoice: Invoice): XmlNode {
  return element('ram:ApplicableHeaderTradeAgreement', [
    leaf('ram:BuyerReference', invoice.buyerReference),
    invoice.seller ? sellerNode(invoice.seller) : undefined,
    invoice.buyer ? buyerNode(invoice.buyer) : undefined,
    invoice.sellerTaxRepresentative ? taxRepresentativeNode(invoice.sellerTaxRepresentative) : undefined,
    nested('ram:SellerOrderReferencedDocument', 'ram:IssuerAssignedID', invoice.salesOrderReference),
    nested('ram:BuyerOrderReferencedDocument', 'ram:IssuerAssignedID', invoice.purchaseOrderReference),
    nested('ram:ContractReferencedDocument', 'ram:IssuerAssignedID', invoice.contractReference),
    ...(invoice.supportingDocuments ?? []).map(supportingDocumentNode),
    invoice.tenderOrLotReference === undefined ? undefined : referencedDocument(REFERENCE_TYPE.tenderOrLot, { id: invoice.tenderOrLotReference }),
    invoice.invoicedObjectIdentifier === undefined
      ? undefined
      : referencedDocument(REFERENCE_TYPE.invoicedObject, { id: invoice.invoicedObjectIdentifier.id, referenceType: invoice.invoicedObjectIdentifier.schemeId }),
    projectNode(invoice.projectReference),
  ]);
}

/** BT-11 as `ram:SpecifiedProcuringProject`; the XSD requires a `ram:Name`, and the project's id is the natural one. */
function projectNode(projectReference: string | undefined): XmlNode | undefined {
  if (projectReference === undefined) return undefined;
  return element('ram:SpecifiedProcuringProject', [leaf('ram:ID', projectReference), leaf('ram:Name', projectReference)]);
}

/** BG-24 as a referenced document with type code 916. */
function supportingDocumentNode(document: SupportingDocument): XmlNode {
  const attachment = document.attachment;
  return referencedDocument(REFERENCE_TYPE.supportingDocument, {
    id: document.reference,
    uri: document.externalLocation,
    name: document.description,
    attachment: attachment
      ? leaf('ram:AttachmentBinaryObject', attachment.content, { mimeCode: attachment.mimeCode, filename: attachment.filename })
      : undefined,
  });
}

/** `ram:ApplicableHeaderTradeDelivery` (mandatory in the XSD): ship-to party, actual delivery date, BT-16, BT-15. */
export function deliveryNode(invoice: Invoice, context: WriteContext): XmlNode {
  const deliveryDate = dateNode({ name: 'ram:OccurrenceDateTime', date: invoice.delivery?.actualDeliveryDate, term: 'BT-72', context });
  return element('ram:ApplicableHeaderTradeDelivery', [
    shipToNode(invoice.delivery),
    deliveryDate ? element('ram:ActualDeliverySupplyChainEvent', [deliveryDate]) : undefined,
    nested('ram:DespatchAdviceReferencedDocument', 'ram:IssuerAssignedID', invoice.despatchAdviceReference),
    nested('ram:ReceivingAdviceReferencedDocument', 'ram:IssuerAssignedID', invoice.receivingAdviceReference),
  ]);
}
