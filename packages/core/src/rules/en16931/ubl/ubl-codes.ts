import type { XmlElement } from '../../../xml/xml-element.js';
import { fatal, type Assertion, type RuleContext } from '../../binding.js';
import { flagIs, normalizeSpace, parentIs, stringLength, stringValue, substringAfter, valueIs } from '../../xpath.js';
import { attributeListed, hasAncestor, hasAttribute, listed, listedAttribute, listedValue } from '../code-list-match.js';
import { EAS } from '../code-lists/eas.js';
import { ISO_3166_1_UBL } from '../code-lists/iso-3166-1-ubl.js';
import { ISO_4217 } from '../code-lists/iso-4217.js';
import { ISO_6523_ICD } from '../code-lists/iso-6523-icd.js';
import { MIME_TYPES } from '../code-lists/mime-types.js';
import { UNECE_REC_20_21 } from '../code-lists/unece-rec-20-21.js';
import { UNTDID_1001_CREDIT_NOTE } from '../code-lists/untdid-1001-credit-note.js';
import { UNTDID_1001_INVOICE } from '../code-lists/untdid-1001-invoice.js';
import { UNTDID_1153 } from '../code-lists/untdid-1153.js';
import { UNTDID_2005_VAT_POINT } from '../code-lists/untdid-2005-vat-point.js';
import { UNTDID_4451_UBL } from '../code-lists/untdid-4451-ubl.js';
import { UNTDID_4461 } from '../code-lists/untdid-4461.js';
import { UNTDID_5189 } from '../code-lists/untdid-5189.js';
import { UNTDID_5305 } from '../code-lists/untdid-5305.js';
import { UNTDID_7143 } from '../code-lists/untdid-7143.js';
import { UNTDID_7161 } from '../code-lists/untdid-7161.js';
import { VATEX } from '../code-lists/vatex.js';

/**
 * The EN 16931 code-list rules (BR-CL-*) bound to UBL: the official "Codesmodel" pattern, plus BR-CL-08,
 * which the official artefact tests in its model pattern on the invoice note (context `Note`, declared
 * with the UBL model contexts).
 */

const PATTERN = 'codes';

/** `cac:X/cbc:Y[@attribute]`: parent named `parent` and the attribute present. */
function under(parent: string, attribute?: string): (element: XmlElement) => boolean {
  return (element) => parentIs(element, parent) && (attribute === undefined || hasAttribute(element, attribute));
}

/** `cbc:Y[@attribute]`. */
function withAttribute(attribute: string): (element: XmlElement) => boolean {
  return (element) => hasAttribute(element, attribute);
}

/** `cac:AllowanceCharge[cbc:ChargeIndicator = true()|false()]/cbc:AllowanceChargeReasonCode`. */
function reasonOf(charge: boolean): (element: XmlElement) => boolean {
  return (element) => parentIs(element, 'cac:AllowanceCharge') && flagIs(element.parent, 'cbc:ChargeIndicator', charge);
}

/** `cac:AdditionalDocumentReference[cbc:DocumentTypeCode = '130']/cbc:ID[@schemeID]` (or cac:DocumentReference). */
function invoicedObjectIdentifier(element: XmlElement): boolean {
  const parent = element.parent;
  return (
    hasAttribute(element, 'schemeID') &&
    (parent?.name === 'cac:AdditionalDocumentReference' || parent?.name === 'cac:DocumentReference') &&
    valueIs(parent, 'cbc:DocumentTypeCode', '130')
  );
}

/** The code-list contexts, in the order of the official pattern (first match wins). */
export const UBL_CODE_CONTEXTS: readonly RuleContext[] = [
  { name: 'Codes_DocumentTypeCode', pattern: PATTERN, elements: ['cbc:InvoiceTypeCode', 'cbc:CreditNoteTypeCode'] },
  {
    name: 'Codes_Amount',
    pattern: PATTERN,
    elements: [
      'cbc:Amount',
      'cbc:BaseAmount',
      'cbc:PriceAmount',
      'cbc:TaxAmount',
      'cbc:TaxableAmount',
      'cbc:LineExtensionAmount',
      'cbc:TaxExclusiveAmount',
      'cbc:TaxInclusiveAmount',
      'cbc:AllowanceTotalAmount',
      'cbc:ChargeTotalAmount',
      'cbc:PrepaidAmount',
      'cbc:PayableRoundingAmount',
      'cbc:PayableAmount',
    ],
  },
  { name: 'Codes_DocumentCurrencyCode', pattern: PATTERN, elements: ['cbc:DocumentCurrencyCode'] },
  { name: 'Codes_TaxCurrencyCode', pattern: PATTERN, elements: ['cbc:TaxCurrencyCode'] },
  { name: 'Codes_VatPointDateCode', pattern: PATTERN, elements: ['cbc:DescriptionCode'], matches: under('cac:InvoicePeriod') },
  { name: 'Codes_InvoicedObjectIdentifier', pattern: PATTERN, elements: ['cbc:ID'], matches: invoicedObjectIdentifier },
  { name: 'Codes_PartyIdentifier', pattern: PATTERN, elements: ['cbc:ID'], matches: under('cac:PartyIdentification', 'schemeID') },
  { name: 'Codes_LegalRegistration', pattern: PATTERN, elements: ['cbc:CompanyID'], matches: under('cac:PartyLegalEntity', 'schemeID') },
  {
    name: 'Codes_ItemClassification',
    pattern: PATTERN,
    elements: ['cbc:ItemClassificationCode'],
    matches: under('cac:CommodityClassification', 'listID'),
  },
  { name: 'Codes_Country', pattern: PATTERN, elements: ['cbc:IdentificationCode'], matches: under('cac:Country') },
  { name: 'Codes_OriginCountry', pattern: PATTERN, elements: ['cbc:IdentificationCode'], matches: under('cac:OriginCountry') },
  { name: 'Codes_PaymentMeansCode', pattern: PATTERN, elements: ['cbc:PaymentMeansCode'], matches: under('cac:PaymentMeans') },
  { name: 'Codes_TaxCategory', pattern: PATTERN, elements: ['cbc:ID'], matches: under('cac:TaxCategory') },
  { name: 'Codes_ClassifiedTaxCategory', pattern: PATTERN, elements: ['cbc:ID'], matches: under('cac:ClassifiedTaxCategory') },
  { name: 'Codes_AllowanceReasonCode', pattern: PATTERN, elements: ['cbc:AllowanceChargeReasonCode'], matches: reasonOf(false) },
  { name: 'Codes_ChargeReasonCode', pattern: PATTERN, elements: ['cbc:AllowanceChargeReasonCode'], matches: reasonOf(true) },
  {
    name: 'Codes_StandardItemIdentifier',
    pattern: PATTERN,
    elements: ['cbc:ID'],
    matches: under('cac:StandardItemIdentification', 'schemeID'),
  },
  { name: 'Codes_TaxExemptionReasonCode', pattern: PATTERN, elements: ['cbc:TaxExemptionReasonCode'] },
  {
    name: 'Codes_Quantity',
    pattern: PATTERN,
    elements: ['cbc:InvoicedQuantity', 'cbc:BaseQuantity', 'cbc:CreditedQuantity'],
    matches: withAttribute('unitCode'),
  },
  { name: 'Codes_AttachmentMimeCode', pattern: PATTERN, elements: ['cbc:EmbeddedDocumentBinaryObject'], matches: withAttribute('mimeCode') },
  { name: 'Codes_EndpointID', pattern: PATTERN, elements: ['cbc:EndpointID'], matches: withAttribute('schemeID') },
  { name: 'Codes_DeliveryLocation', pattern: PATTERN, elements: ['cbc:ID'], matches: under('cac:DeliveryLocation', 'schemeID') },
];

/**
 * BR-CL-08 tests `contains(list, code)` on the list TEXT ' AAA AAB … ', for a code of three characters:
 * a substring test, so besides the codes it accepts the three-character pieces that straddle a
 * separator (' AA', 'AA ', 'A A'). The set of every three-character window of the text is that test.
 * The generated list keeps the artefact's order, which these windows depend on.
 */
const NOTE_SUBJECT_WINDOWS: ReadonlySet<string> = windows(` ${[...UNTDID_4451_UBL].join(' ')} `, 3);

function windows(text: string, size: number): ReadonlySet<string> {
  const found = new Set<string>();
  for (let i = 0; i + size <= text.length; i++) found.add(text.slice(i, i + size));
  return found;
}

/** XPath `substring-before()`: '' when `search` does not occur. */
function substringBefore(value: string, search: string): string {
  const at = value.indexOf(search);
  return at < 0 ? '' : value.slice(0, at);
}

/**
 * BR-CL-08: a note whose text holds `#XYZ#` (three characters between its first two '#') carries a subject
 * code, which must be in the list; any other note passes.
 */
function noteSubjectListed(note: XmlElement): boolean {
  const subject = substringBefore(substringAfter(stringValue(note), '#'), '#');
  return stringLength(subject) !== 3 || NOTE_SUBJECT_WINDOWS.has(subject);
}

/** The code-list assertions of UBL: one per official assert. */
export const UBL_CODE_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-CL-08', 'Note', noteSubjectListed),
  fatal('BR-CL-01', 'Codes_DocumentTypeCode', (code) =>
    listed(code.name === 'cbc:InvoiceTypeCode' ? UNTDID_1001_INVOICE : UNTDID_1001_CREDIT_NOTE, stringValue(code)),
  ),
  // No [@currencyID] in this context: an amount without a currency fails.
  fatal('BR-CL-03', 'Codes_Amount', listedAttribute(ISO_4217, 'currencyID')),
  fatal('BR-CL-04', 'Codes_DocumentCurrencyCode', listedValue(ISO_4217)),
  fatal('BR-CL-05', 'Codes_TaxCurrencyCode', listedValue(ISO_4217)),
  fatal('BR-CL-06', 'Codes_VatPointDateCode', listedValue(UNTDID_2005_VAT_POINT)),
  fatal('BR-CL-07', 'Codes_InvoicedObjectIdentifier', listedAttribute(UNTDID_1153, 'schemeID')),
  // SEPA (a creditor identifier) is also accepted for the seller's and the payee's identifiers.
  fatal(
    'BR-CL-10',
    'Codes_PartyIdentifier',
    (id) =>
      attributeListed(ISO_6523_ICD, id, 'schemeID') ||
      (normalizeSpace(id.attributes['schemeID'] ?? '') === 'SEPA' &&
        (hasAncestor(id, 'cac:AccountingSupplierParty') || hasAncestor(id, 'cac:PayeeParty'))),
  ),
  fatal('BR-CL-11', 'Codes_LegalRegistration', listedAttribute(ISO_6523_ICD, 'schemeID')),
  fatal('BR-CL-13', 'Codes_ItemClassification', listedAttribute(UNTDID_7143, 'listID')),
  fatal('BR-CL-14', 'Codes_Country', listedValue(ISO_3166_1_UBL)),
  fatal('BR-CL-15', 'Codes_OriginCountry', listedValue(ISO_3166_1_UBL)),
  fatal('BR-CL-16', 'Codes_PaymentMeansCode', listedValue(UNTDID_4461)),
  fatal('BR-CL-17', 'Codes_TaxCategory', listedValue(UNTDID_5305)),
  fatal('BR-CL-18', 'Codes_ClassifiedTaxCategory', listedValue(UNTDID_5305)),
  fatal('BR-CL-19', 'Codes_AllowanceReasonCode', listedValue(UNTDID_5189)),
  fatal('BR-CL-20', 'Codes_ChargeReasonCode', listedValue(UNTDID_7161)),
  fatal('BR-CL-21', 'Codes_StandardItemIdentifier', listedAttribute(ISO_6523_ICD, 'schemeID')),
  // The code is compared in upper case: 'vatex-eu-ae' is accepted.
  fatal('BR-CL-22', 'Codes_TaxExemptionReasonCode', (code) => listed(VATEX, stringValue(code).toUpperCase())),
  fatal('BR-CL-23', 'Codes_Quantity', listedAttribute(UNECE_REC_20_21, 'unitCode')),
  // Compared as is, without normalising spaces.
  fatal('BR-CL-24', 'Codes_AttachmentMimeCode', (object) => MIME_TYPES.has(object.attributes['mimeCode'] ?? '')),
  fatal('BR-CL-25', 'Codes_EndpointID', listedAttribute(EAS, 'schemeID')),
  fatal('BR-CL-26', 'Codes_DeliveryLocation', listedAttribute(ISO_6523_ICD, 'schemeID')),
];
