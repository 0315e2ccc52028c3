import type { XmlElement } from '../../../xml/xml-element.js';
import { fatal, type Assertion, type RuleContext } from '../../binding.js';
import { flagIs, parentIs, stringValue } from '../../xpath.js';
import { hasAncestor, hasAttribute, listed, listedAttribute, listedValue } from '../code-list-match.js';
import { EAS } from '../code-lists/eas.js';
import { ISO_3166_1_CII } from '../code-lists/iso-3166-1-cii.js';
import { ISO_4217 } from '../code-lists/iso-4217.js';
import { ISO_6523_ICD } from '../code-lists/iso-6523-icd.js';
import { MIME_TYPES } from '../code-lists/mime-types.js';
import { UNECE_REC_20_21 } from '../code-lists/unece-rec-20-21.js';
import { UNTDID_1001 } from '../code-lists/untdid-1001.js';
import { UNTDID_1153 } from '../code-lists/untdid-1153.js';
import { UNTDID_2475_VAT_POINT } from '../code-lists/untdid-2475-vat-point.js';
import { UNTDID_4451 } from '../code-lists/untdid-4451.js';
import { UNTDID_4461 } from '../code-lists/untdid-4461.js';
import { UNTDID_5189 } from '../code-lists/untdid-5189.js';
import { UNTDID_5305 } from '../code-lists/untdid-5305.js';
import { UNTDID_7143 } from '../code-lists/untdid-7143.js';
import { UNTDID_7161 } from '../code-lists/untdid-7161.js';
import { VATEX } from '../code-lists/vatex.js';

/** The EN 16931 code-list rules (BR-CL-*) bound to CII: the official "EN16931-Codes" pattern. */

const PATTERN = 'codes';

/** `ram:X/ram:Y[@attribute]`: parent named `parent` and the attribute present. */
function under(parent: string, attribute?: string): (element: XmlElement) => boolean {
  return (element) => parentIs(element, parent) && (attribute === undefined || hasAttribute(element, attribute));
}

/** `ram:Y[@attribute]`. */
function withAttribute(attribute: string): (element: XmlElement) => boolean {
  return (element) => hasAttribute(element, attribute);
}

/** `ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator = true()|false()]/ram:ReasonCode`. */
function reasonOf(charge: boolean): (element: XmlElement) => boolean {
  return (element) =>
    parentIs(element, 'ram:SpecifiedTradeAllowanceCharge') && flagIs(element.parent, 'ram:ChargeIndicator/udt:Indicator', charge);
}

/** `//ram:GlobalID[@schemeID][not(ancestor::ram:SpecifiedTradeProduct) and not(ancestor::ram:ShipToTradeParty)]`. */
function partyGlobalId(element: XmlElement): boolean {
  return (
    hasAttribute(element, 'schemeID') &&
    !hasAncestor(element, 'ram:SpecifiedTradeProduct') &&
    !hasAncestor(element, 'ram:ShipToTradeParty')
  );
}

/** `ram:ID[@schemeID][not(ancestor::ram:SpecifiedTaxRegistration)]`. */
function registrationId(element: XmlElement): boolean {
  return hasAttribute(element, 'schemeID') && !hasAncestor(element, 'ram:SpecifiedTaxRegistration');
}

/** `ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty/ram:GlobalID[@schemeID]`. */
function deliveryLocationId(element: XmlElement): boolean {
  return (
    hasAttribute(element, 'schemeID') &&
    parentIs(element, 'ram:ShipToTradeParty') &&
    element.parent?.parent?.name === 'ram:ApplicableHeaderTradeDelivery'
  );
}

/**
 * The code-list contexts, in the order of the official pattern (first match wins: a `ram:ID` with a
 * schemeID under `ram:OriginTradeCountry` is checked by BR-CL-11, not BR-CL-15).
 */
export const CII_CODE_CONTEXTS: readonly RuleContext[] = [
  { name: 'Codes_DocumentTypeCode', pattern: PATTERN, elements: ['ram:TypeCode'], matches: under('rsm:ExchangedDocument') },
  { name: 'Codes_TaxTotalAmount', pattern: PATTERN, elements: ['ram:TaxTotalAmount'], matches: withAttribute('currencyID') },
  { name: 'Codes_InvoiceCurrencyCode', pattern: PATTERN, elements: ['ram:InvoiceCurrencyCode'] },
  { name: 'Codes_TaxCurrencyCode', pattern: PATTERN, elements: ['ram:TaxCurrencyCode'] },
  { name: 'Codes_DueDateTypeCode', pattern: PATTERN, elements: ['ram:DueDateTypeCode'] },
  { name: 'Codes_ReferenceTypeCode', pattern: PATTERN, elements: ['ram:ReferenceTypeCode'] },
  { name: 'Codes_SubjectCode', pattern: PATTERN, elements: ['ram:SubjectCode'] },
  { name: 'Codes_PartyGlobalID', pattern: PATTERN, elements: ['ram:GlobalID'], matches: partyGlobalId },
  { name: 'Codes_RegistrationID', pattern: PATTERN, elements: ['ram:ID'], matches: registrationId },
  { name: 'Codes_ClassCode', pattern: PATTERN, elements: ['ram:ClassCode'], matches: withAttribute('listID') },
  { name: 'Codes_CountryID', pattern: PATTERN, elements: ['ram:CountryID'] },
  { name: 'Codes_OriginCountry', pattern: PATTERN, elements: ['ram:ID'], matches: under('ram:OriginTradeCountry') },
  {
    name: 'Codes_PaymentMeansCode',
    pattern: PATTERN,
    elements: ['ram:TypeCode'],
    matches: under('ram:SpecifiedTradeSettlementPaymentMeans'),
  },
  { name: 'Codes_CategoryTradeTax', pattern: PATTERN, elements: ['ram:CategoryCode'], matches: under('ram:CategoryTradeTax') },
  { name: 'Codes_ApplicableTradeTax', pattern: PATTERN, elements: ['ram:CategoryCode'], matches: under('ram:ApplicableTradeTax') },
  { name: 'Codes_AllowanceReasonCode', pattern: PATTERN, elements: ['ram:ReasonCode'], matches: reasonOf(false) },
  { name: 'Codes_ChargeReasonCode', pattern: PATTERN, elements: ['ram:ReasonCode'], matches: reasonOf(true) },
  { name: 'Codes_ProductGlobalID', pattern: PATTERN, elements: ['ram:GlobalID'], matches: under('ram:SpecifiedTradeProduct', 'schemeID') },
  { name: 'Codes_ExemptionReasonCode', pattern: PATTERN, elements: ['ram:ExemptionReasonCode'] },
  { name: 'Codes_Quantity', pattern: PATTERN, elements: ['ram:BasisQuantity', 'ram:BilledQuantity'], matches: withAttribute('unitCode') },
  { name: 'Codes_AttachmentMimeCode', pattern: PATTERN, elements: ['ram:AttachmentBinaryObject'], matches: withAttribute('mimeCode') },
  { name: 'Codes_URIID', pattern: PATTERN, elements: ['ram:URIID'], matches: under('ram:URIUniversalCommunication', 'schemeID') },
  { name: 'Codes_DeliveryLocation', pattern: PATTERN, elements: ['ram:GlobalID'], matches: deliveryLocationId },
];

/** The code-list assertions of CII: one per official assert. */
export const CII_CODE_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-CL-01', 'Codes_DocumentTypeCode', listedValue(UNTDID_1001)),
  fatal('BR-CL-03', 'Codes_TaxTotalAmount', listedAttribute(ISO_4217, 'currencyID')),
  fatal('BR-CL-04', 'Codes_InvoiceCurrencyCode', listedValue(ISO_4217)),
  fatal('BR-CL-05', 'Codes_TaxCurrencyCode', listedValue(ISO_4217)),
  fatal('BR-CL-06', 'Codes_DueDateTypeCode', listedValue(UNTDID_2475_VAT_POINT)),
  fatal('BR-CL-07', 'Codes_ReferenceTypeCode', listedValue(UNTDID_1153)),
  fatal('BR-CL-08', 'Codes_SubjectCode', listedValue(UNTDID_4451)),
  fatal('BR-CL-10', 'Codes_PartyGlobalID', listedAttribute(ISO_6523_ICD, 'schemeID')),
  fatal('BR-CL-11', 'Codes_RegistrationID', listedAttribute(ISO_6523_ICD, 'schemeID')),
  fatal('BR-CL-13', 'Codes_ClassCode', listedAttribute(UNTDID_7143, 'listID')),
  fatal('BR-CL-14', 'Codes_CountryID', listedValue(ISO_3166_1_CII)),
  fatal('BR-CL-15', 'Codes_OriginCountry', listedValue(ISO_3166_1_CII)),
  fatal('BR-CL-16', 'Codes_PaymentMeansCode', listedValue(UNTDID_4461)),
  fatal('BR-CL-17', 'Codes_CategoryTradeTax', listedValue(UNTDID_5305)),
  fatal('BR-CL-18', 'Codes_ApplicableTradeTax', listedValue(UNTDID_5305)),
  fatal('BR-CL-19', 'Codes_AllowanceReasonCode', listedValue(UNTDID_5189)),
  fatal('BR-CL-20', 'Codes_ChargeReasonCode', listedValue(UNTDID_7161)),
  fatal('BR-CL-21', 'Codes_ProductGlobalID', listedAttribute(ISO_6523_ICD, 'schemeID')),
  // The code is compared in upper case: 'vatex-eu-ae' is accepted.
  fatal('BR-CL-22', 'Codes_ExemptionReasonCode', (code) => listed(VATEX, stringValue(code).toUpperCase())),
  fatal('BR-CL-23', 'Codes_Quantity', listedAttribute(UNECE_REC_20_21, 'unitCode')),
  // Compared as is, without normalising spaces.
  fatal('BR-CL-24', 'Codes_AttachmentMimeCode', (object) => MIME_TYPES.has(object.attributes['mimeCode'] ?? '')),
  fatal('BR-CL-25', 'Codes_URIID', listedAttribute(EAS, 'schemeID')),
  fatal('BR-CL-26', 'Codes_DeliveryLocation', listedAttribute(ISO_6523_ICD, 'schemeID')),
];
