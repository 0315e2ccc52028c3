import type { XmlElement } from '../../../xml/xml-element.js';
import { normalizeSpace, text, valueIs } from '../../xpath.js';
import {
  absent,
  absoluteContext,
  atMostOnce,
  beneath,
  custom,
  group,
  notBoth,
  TRANSACTION,
  type SyntaxGroup,
} from './cii-syntax-table.js';

/**
 * CII syntax rules on the header agreement (seller BG-4, buyer BG-7, tax representative BG-11, document
 * references) and the header delivery (BG-13, deliver to party BG-15).
 */

/**
 * `count(ram:AdditionalReferencedDocument[ram:TypeCode = 'code'])`: a general comparison, so any of a
 * document's type codes may match, compared as written (no trimming).
 */
function referencesWithTypeCode(agreement: XmlElement, code: string): number {
  let found = 0;
  for (const child of agreement.children) if (child.name === 'ram:AdditionalReferencedDocument' && valueIs(child, 'ram:TypeCode', code)) found++;
  return found;
}

/**
 * `count(ram:AdditionalReferencedDocument[normalize-space(ram:TypeCode) = '916']/name)`: the `name`
 * children of all supporting documents together (the predicate reads each document's first type code).
 */
function supportingDocumentParts(agreement: XmlElement, name: string): number {
  let found = 0;
  for (const child of agreement.children) {
    if (child.name !== 'ram:AdditionalReferencedDocument' || normalizeSpace(text(child, 'ram:TypeCode')) !== '916') continue;
    for (const part of child.children) if (part.name === name) found++;
  }
  return found;
}

/** `/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement`. */
export const HEADER_AGREEMENT: SyntaxGroup = group(
  absoluteContext('header-agreement', `${TRANSACTION}/ram:ApplicableHeaderTradeAgreement`),
  'ram:ApplicableHeaderTradeAgreement',
  [
    absent('warning', [
      ['CII-SR-442', 'ram:Reference'],
      ...beneath('ram:SellerTradeParty', [
        ['CII-SR-222', 'ram:RoleCode'],
        ...beneath('ram:SpecifiedLegalOrganization', [
          ['CII-SR-223', 'ram:LegalClassificationCode'],
          ['CII-SR-224', 'ram:Name'],
          ['CII-SR-225', 'ram:PostalTradeAddress'],
          ['CII-SR-226', 'ram:AuthorizedLegalRegistration'],
        ]),
        ...beneath('ram:DefinedTradeContact', [
          ['CII-SR-227', 'ram:ID'],
          ['CII-SR-228', 'ram:TypeCode'],
          ['CII-SR-229', 'ram:JobTitle'],
          ['CII-SR-230', 'ram:Responsibility'],
          ['CII-SR-231', 'ram:PersonID'],
          ['CII-SR-232', 'ram:TelephoneUniversalCommunication/ram:URIID'],
          ['CII-SR-233', 'ram:TelephoneUniversalCommunication/ram:ChannelCode'],
          ['CII-SR-234', 'ram:DirectTelephoneUniversalCommunication'],
          ['CII-SR-235', 'ram:MobileTelephoneUniversalCommunication'],
          ['CII-SR-236', 'ram:FaxUniversalCommunication'],
          ['CII-SR-237', 'ram:EmailURIUniversalCommunication/ram:ChannelCode'],
          ['CII-SR-238', 'ram:EmailURIUniversalCommunication/ram:CompleteNumber'],
          ['CII-SR-239', 'ram:TelexUniversalCommunication'],
          ['CII-SR-240', 'ram:VOIPUniversalCommunication'],
          ['CII-SR-241', 'ram:InstantMessagingUniversalCommunication'],
          ['CII-SR-242', 'ram:SpecifiedNote'],
          ['CII-SR-243', 'ram:SpecifiedContactPerson'],
        ]),
        ['CII-SR-244', 'ram:URIUniversalCommunication/ram:ChannelCode'],
        ['CII-SR-245', 'ram:URIUniversalCommunication/ram:CompleteNumber'],
        ['CII-SR-246', 'ram:SpecifiedTaxRegistration/ram:AssociatedRegisteredTax'],
        ['CII-SR-247', 'ram:EndPointURIUniversalCommunication'],
        ['CII-SR-248', 'ram:LogoAssociatedSpecifiedBinaryFile'],
      ]),
      ...beneath('ram:BuyerTradeParty', [
        ['CII-SR-249', 'ram:RoleCode'],
        ['CII-SR-250', 'ram:Description'],
        ...beneath('ram:SpecifiedLegalOrganization', [
          ['CII-SR-251', 'ram:LegalClassificationCode'],
          ['CII-SR-252', 'ram:Name'],
          ['CII-SR-254', 'ram:PostalTradeAddress'],
          ['CII-SR-255', 'ram:AuthorizedLegalRegistration'],
        ]),
        ...beneath('ram:DefinedTradeContact', [
          ['CII-SR-256', 'ram:ID'],
          ['CII-SR-257', 'ram:TypeCode'],
          ['CII-SR-258', 'ram:JobTitle'],
          ['CII-SR-259', 'ram:Responsibility'],
          ['CII-SR-260', 'ram:PersonID'],
          ['CII-SR-261', 'ram:TelephoneUniversalCommunication/ram:URIID'],
          ['CII-SR-262', 'ram:TelephoneUniversalCommunication/ram:ChannelCode'],
          ['CII-SR-263', 'ram:DirectTelephoneUniversalCommunication'],
          ['CII-SR-264', 'ram:MobileTelephoneUniversalCommunication'],
          ['CII-SR-265', 'ram:FaxUniversalCommunication'],
          ['CII-SR-266', 'ram:EmailURIUniversalCommunication/ram:ChannelCode'],
          ['CII-SR-267', 'ram:EmailURIUniversalCommunication/ram:CompleteNumber'],
          ['CII-SR-268', 'ram:TelexUniversalCommunication'],
          ['CII-SR-269', 'ram:VOIPUniversalCommunication'],
          ['CII-SR-270', 'ram:InstantMessagingUniversalCommunication'],
          ['CII-SR-271', 'ram:SpecifiedNote'],
          ['CII-SR-272', 'ram:SpecifiedContactPerson'],
        ]),
        ['CII-SR-273', 'ram:URIUniversalCommunication/ram:ChannelCode'],
        ['CII-SR-274', 'ram:URIUniversalCommunication/ram:CompleteNumber'],
        ['CII-SR-275', 'ram:SpecifiedTaxRegistration/ram:AssociatedRegisteredTax'],
        ['CII-SR-276', 'ram:EndPointURIUniversalCommunication'],
        ['CII-SR-277', 'ram:LogoAssociatedSpecifiedBinaryFile'],
      ]),
      ['CII-SR-278', 'ram:SalesAgentTradeParty'],
      ['CII-SR-279', 'ram:BuyerRequisitionerTradeParty'],
      ['CII-SR-280', 'ram:BuyerAssignedAccountantTradeParty'],
      ['CII-SR-281', 'ram:SellerAssignedAccountantTradeParty'],
      ...beneath('ram:SellerTaxRepresentativeTradeParty', [
        ['CII-SR-282', 'ram:ID'],
        ['CII-SR-283', 'ram:GlobalID'],
        ['CII-SR-284', 'ram:RoleCode'],
        ['CII-SR-285', 'ram:Description'],
        ['CII-SR-286', 'ram:SpecifiedLegalOrganization'],
        ['CII-SR-287', 'ram:DefinedTradeContact'],
        ['CII-SR-288', 'ram:URIUniversalCommunication'],
        ['CII-SR-289', 'ram:SpecifiedTaxRegistration/ram:AssociatedRegisteredTax'],
        ['CII-SR-290', 'ram:EndPointURIUniversalCommunication'],
        ['CII-SR-291', 'ram:LogoAssociatedSpecifiedBinaryFile'],
      ]),
      ['CII-SR-292', 'ram:ProductEndUserTradeParty'],
      ['CII-SR-293', 'ram:ApplicableTradeDeliveryTerms'],
      ['CII-SR-294', 'ram:SellerOrderReferencedDocument/ram:LineID'],
      ['CII-SR-295', 'ram:BuyerOrderReferencedDocument/ram:LineID'],
      ['CII-SR-296', 'ram:QuotationReferencedDocument'],
      ['CII-SR-297', 'ram:OrderResponseReferencedDocument'],
      ['CII-SR-298', 'ram:ContractReferencedDocument/ram:LineID'],
      ['CII-SR-299', 'ram:DemandForecastReferencedDocument'],
      ['CII-SR-300', 'ram:SupplyInstructionReferencedDocument'],
      ['CII-SR-301', 'ram:PromotionalDealReferencedDocument'],
      ['CII-SR-302', 'ram:PriceListReferencedDocument'],
      ['CII-SR-303', 'ram:AdditionalReferencedDocument/ram:LineID'],
      ['CII-SR-304', 'ram:RequisitionerReferencedDocument'],
      ['CII-SR-305', 'ram:BuyerAgentTradeParty'],
      ['CII-SR-306', 'ram:PurchaseConditionsReferencedDocument'],
      ['CII-SR-307', 'ram:SpecifiedProcuringProject/ram:Description'],
      ['CII-SR-448', 'ram:UltimateCustomerOrderReferencedDocument'],
    ]),
    custom(
      'CII-SR-450',
      'warning',
      ['BT-46'],
      notBoth('ram:BuyerTradeParty/ram:ID', 'ram:BuyerTradeParty/ram:GlobalID'),
      'Give the Buyer identifier (BT-46) once: either as ram:BuyerTradeParty/ram:ID or as ram:BuyerTradeParty/ram:GlobalID, not both.',
    ),
    atMostOnce('CII-SR-455', 'fatal', 'ram:SellerTradeParty/ram:DefinedTradeContact', ['BG-6']),
    atMostOnce('CII-SR-456', 'fatal', 'ram:BuyerTradeParty/ram:DefinedTradeContact', ['BG-9']),
    custom(
      'CII-SR-457',
      'warning',
      ['BT-17'],
      (element) => referencesWithTypeCode(element, '50') <= 1,
      'Give the Tender or lot reference (BT-17, ram:AdditionalReferencedDocument with ram:TypeCode 50) at most once.',
    ),
    custom(
      'CII-SR-458',
      'warning',
      ['BT-18'],
      (element) => referencesWithTypeCode(element, '130') <= 1,
      'Give the Invoiced object identifier (BT-18, ram:AdditionalReferencedDocument with ram:TypeCode 130) at most once.',
    ),
    atMostOnce('CII-SR-459', 'fatal', 'ram:SellerTradeParty/ram:URIUniversalCommunication', ['BT-34']),
    atMostOnce('CII-SR-460', 'fatal', 'ram:BuyerTradeParty/ram:URIUniversalCommunication', ['BT-49']),
    custom(
      'CII-SR-465',
      'warning',
      ['BT-41'],
      notBoth('ram:SellerTradeParty/ram:DefinedTradeContact/ram:PersonName', 'ram:SellerTradeParty/ram:DefinedTradeContact/ram:DepartmentName'),
      'The Seller contact point (BT-41) is a single value: give either ram:PersonName or ram:DepartmentName in the seller contact, not both.',
    ),
    custom(
      'CII-SR-466',
      'warning',
      ['BT-56'],
      notBoth('ram:BuyerTradeParty/ram:DefinedTradeContact/ram:PersonName', 'ram:BuyerTradeParty/ram:DefinedTradeContact/ram:DepartmentName'),
      'The Buyer contact point (BT-56) is a single value: give either ram:PersonName or ram:DepartmentName in the buyer contact, not both.',
    ),
    custom(
      'CII-SR-475',
      'warning',
      ['BT-123'],
      (element) => supportingDocumentParts(element, 'ram:Name') <= 1,
      'At most one Supporting document description (BT-123, ram:Name of a ram:AdditionalReferencedDocument with ram:TypeCode 916) may be given in the invoice.',
    ),
    custom(
      'CII-SR-476',
      'warning',
      ['BT-125'],
      (element) => supportingDocumentParts(element, 'ram:AttachmentBinaryObject') <= 1,
      'At most one Attached document (BT-125, ram:AttachmentBinaryObject of a ram:AdditionalReferencedDocument with ram:TypeCode 916) may be given in the invoice.',
    ),
  ],
);

/** `/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery`. */
export const HEADER_DELIVERY: SyntaxGroup = group(
  absoluteContext('header-delivery', `${TRANSACTION}/ram:ApplicableHeaderTradeDelivery`),
  'ram:ApplicableHeaderTradeDelivery',
  [
    absent('warning', [
      ['CII-SR-308', 'ram:RelatedSupplyChainConsignment'],
      ...beneath('ram:ShipToTradeParty', [
        ['CII-SR-309', 'ram:RoleCode'],
        ['CII-SR-310', 'ram:Description'],
        ['CII-SR-311', 'ram:SpecifiedLegalOrganization'],
        ['CII-SR-312', 'ram:DefinedTradeContact'],
        ['CII-SR-313', 'ram:URIUniversalCommunication'],
        ['CII-SR-314', 'ram:SpecifiedTaxRegistration'],
        ['CII-SR-315', 'ram:EndPointURIUniversalCommunication'],
        ['CII-SR-316', 'ram:LogoAssociatedSpecifiedBinaryFile'],
      ]),
      ['CII-SR-317', 'ram:UltimateShipToTradeParty'],
      ['CII-SR-318', 'ram:ShipFromTradeParty'],
      ['CII-SR-319', 'ram:ActualDespatchSupplyChainEvent'],
      ['CII-SR-320', 'ram:ActualPickUpSupplyChainEvent'],
      ...beneath('ram:ActualDeliverySupplyChainEvent', [
        ['CII-SR-321', 'ram:ID'],
        ['CII-SR-322', 'ram:OccurrenceDateTime/udt:DateTime'],
        ['CII-SR-323', 'ram:TypeCode'],
        ['CII-SR-324', 'ram:Description'],
        ['CII-SR-325', 'ram:DescriptionBinaryObject'],
        ['CII-SR-326', 'ram:UnitQuantity'],
        ['CII-SR-327', 'ram:LatestOccurrenceDateTime'],
        ['CII-SR-328', 'ram:EarliestOccurrenceDateTime'],
        ['CII-SR-329', 'ram:OccurrenceSpecifiedPeriod'],
        ['CII-SR-330', 'ram:OccurrenceLogisticsLocation'],
      ]),
      ['CII-SR-331', 'ram:ActualReceiptSupplyChainEvent'],
      ['CII-SR-332', 'ram:AdditionalReferencedDocument'],
      ['CII-SR-333', 'ram:DespatchAdviceReferencedDocument/ram:LineID'],
      ['CII-SR-334', 'ram:DespatchAdviceReferencedDocument/ram:LineID'],
      ['CII-SR-335', 'ram:DeliveryNoteReferencedDocument'],
      ['CII-SR-336', 'ram:ConsumptionReportReferencedDocument'],
      ['CII-SR-337', 'ram:PreviousDeliverySupplyChainEvent'],
      ['CII-SR-338', 'ram:PackingListReferencedDocument'],
    ]),
    custom(
      'CII-SR-449',
      'warning',
      ['BT-71'],
      notBoth('ram:ShipToTradeParty/ram:ID', 'ram:ShipToTradeParty/ram:GlobalID'),
      'Give the Deliver to location identifier (BT-71) once: either as ram:ShipToTradeParty/ram:ID or as ram:ShipToTradeParty/ram:GlobalID, not both.',
    ),
  ],
);
