import type { XmlElement } from '../../../xml/xml-element.js';
import type { DocumentIndex } from '../../document-index.js';
import { stringValue, valueIs } from '../../xpath.js';
import {
  absenceTest,
  absent,
  absoluteContext,
  absoluteMatcher,
  anywhereContext,
  custom,
  familyContext,
  group,
  hasAncestor,
  INVOICE,
  LINE,
  matchingContext,
  type SyntaxGroup,
} from './cii-syntax-table.js';

/**
 * The CII data type rules (CII-DT-*): attributes of identifiers, codes, amounts and quantities the EN 16931
 * subset does not use, the parts of referenced documents, tax elements, periods and addresses it leaves
 * out, and the date format 102. Most contexts here match elements by name suffix anywhere in the document.
 */

/** `not(path) or allowed`: the path may only appear where `allowed` holds. */
function onlyWhere(path: string, allowed: (element: XmlElement) => boolean): (element: XmlElement) => boolean {
  const isAbsent = absenceTest(path);
  return (element) => isAbsent(element) || allowed(element);
}

/** The four identifiers of the union context, which take no scheme attribute at all. */
const UNSCHEMED_IDENTIFIERS = [
  `${INVOICE}/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID`,
  `${INVOICE}/rsm:ExchangedDocument/ram:ID`,
  `${LINE}/ram:AssociatedDocumentLineDocument/ram:LineID`,
  `${LINE}/ram:SpecifiedTradeProduct/ram:SellerAssignedID`,
].map(absoluteMatcher);

/** BT-24, BT-1, BT-126 and BT-155: the union of four absolute paths. */
export const PLAIN_IDENTIFIER: SyntaxGroup = group(
  matchingContext(
    'plain-identifier',
    [...new Set(UNSCHEMED_IDENTIFIERS.map((path) => path.element))],
    (element) => UNSCHEMED_IDENTIFIERS.some((path) => path.element === element.name && path.matches(element)),
  ),
  'this identifier (BT-1, BT-24, BT-126 or BT-155, which take no scheme)',
  [
    absent('fatal', [
      ['CII-DT-001', '@schemeName'],
      ['CII-DT-002', '@schemeAgencyName'],
      ['CII-DT-003', '@schemeDataURI'],
      ['CII-DT-004', '@schemeURI'],
      ['CII-DT-005', '@schemeID'],
      ['CII-DT-006', '@schemeAgencyID'],
      ['CII-DT-007', '@schemeVersionID'],
    ]),
  ],
);

/** `//ram:*[ends-with(name(), 'ID')]`. */
export const IDENTIFIER: SyntaxGroup = group(
  familyContext('identifier', 'identifier'),
  'an identifier (ram:*ID)',
  [
    absent('fatal', [
      ['CII-DT-101', '@schemeName'],
      ['CII-DT-102', '@schemeAgencyName'],
      ['CII-DT-103', '@schemeDataURI'],
      ['CII-DT-104', '@schemeURI'],
    ]),
  ],
);

/** `//ram:TypeCode`. */
export const TYPE_CODE: SyntaxGroup = group(anywhereContext('type-code', 'ram:TypeCode'), 'a type code (ram:TypeCode)', [
    absent('fatal', [
      ['CII-DT-008', '@name'],
      ['CII-DT-009', '@listURI'],
    ]),
]);

/**
 * `/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode`. As in the official artefacts this context
 * never checks anything: every ram:TypeCode is already taken by the `//ram:TypeCode` context before it.
 */
export const INVOICE_TYPE_CODE: SyntaxGroup = group(
  absoluteContext('invoice-type-code', `${INVOICE}/rsm:ExchangedDocument/ram:TypeCode`),
  'the Invoice type code (BT-3)',
  [
    absent('fatal', [
      ['CII-DT-010', '@listID'],
      ['CII-DT-011', '@listAgencyID'],
      ['CII-DT-012', '@listVersionID'],
    ]),
  ],
);

/** `.../ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode`. */
export const LINE_VAT_CATEGORY: SyntaxGroup = group(
  absoluteContext('line-vat-category', `${LINE}/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode`),
  'the Invoiced item VAT category code (BT-151)',
  [
    absent('warning', [
      ['CII-DT-045', '@listID'],
      ['CII-DT-046', '@listAgencyID'],
      ['CII-DT-047', '@listVersionID'],
      ['CII-DT-048', '@listURI'],
    ]),
  ],
);

const isAdditionalDocument = (element: XmlElement): boolean => element.name === 'ram:AdditionalReferencedDocument';
/** `self::ram:AdditionalReferencedDocument and ram:TypeCode = 'code'` (any type code, as written). */
const isAdditionalDocumentOfType = (element: XmlElement, code: string): boolean => isAdditionalDocument(element) && valueIs(element, 'ram:TypeCode', code);
const isSupportingDocument = (element: XmlElement): boolean => isAdditionalDocumentOfType(element, '916');

/** `//ram:*[ends-with(name(), 'ReferencedDocument')]`. */
export const REFERENCED_DOCUMENT: SyntaxGroup = group(
  familyContext('referenced-document', 'referenced-document'),
  'a referenced document (ram:*ReferencedDocument)',
  [
    custom(
      'CII-DT-015',
      'fatal',
      ['BT-124'],
      onlyWhere('ram:URIID', isSupportingDocument),
      'ram:URIID, the External document location (BT-124), is only allowed in a supporting document (ram:AdditionalReferencedDocument with ram:TypeCode 916); remove it from this referenced document.',
    ),
    absent('fatal', [
      ['CII-DT-016', 'ram:StatusCode'],
      ['CII-DT-017', 'ram:CopyIndicator'],
    ]),
    custom(
      'CII-DT-018',
      'fatal',
      ['BT-17', 'BT-18', 'BG-24'],
      // `not(ram:TypeCode) or (self::ARD) and (ram:TypeCode = '50' or ... '130' or ... '916')`: `and` binds first.
      onlyWhere(
        'ram:TypeCode',
        (element) => isAdditionalDocumentOfType(element, '50') || isAdditionalDocumentOfType(element, '130') || isSupportingDocument(element),
      ),
      'A referenced document may only carry a ram:TypeCode when it is a ram:AdditionalReferencedDocument with code 50 (Tender or lot reference, BT-17), 130 (Invoiced object identifier, BT-18) or 916 (supporting document, BG-24); remove the type code or use one of these.',
    ),
    absent('fatal', [
      ['CII-DT-019', 'ram:GlobalID'],
      ['CII-DT-020', 'ram:RevisionID'],
    ]),
    custom(
      'CII-DT-021',
      'fatal',
      ['BT-123'],
      onlyWhere('ram:Name', isSupportingDocument),
      'ram:Name, the Supporting document description (BT-123), is only allowed in a supporting document (ram:AdditionalReferencedDocument with ram:TypeCode 916); remove it from this referenced document.',
    ),
    custom(
      'CII-DT-022',
      'fatal',
      ['BT-125'],
      onlyWhere('ram:AttachmentBinaryObject', isSupportingDocument),
      'ram:AttachmentBinaryObject, the Attached document (BT-125), is only allowed in a supporting document (ram:AdditionalReferencedDocument with ram:TypeCode 916); remove it from this referenced document.',
    ),
    absent('fatal', [
      ['CII-DT-023', 'ram:Information'],
    ]),
    custom(
      'CII-DT-024',
      'fatal',
      ['BT-18-1'],
      onlyWhere('ram:ReferenceTypeCode', (element) => isAdditionalDocumentOfType(element, '130')),
      'ram:ReferenceTypeCode, the scheme of the Invoiced object identifier (BT-18-1), is only allowed in a ram:AdditionalReferencedDocument with ram:TypeCode 130; remove it from this referenced document.',
    ),
    absent('fatal', [
      ['CII-DT-025', 'ram:SectionName'],
      ['CII-DT-026', 'ram:PreviousRevisionID'],
    ]),
    custom(
      'CII-DT-027',
      'fatal',
      ['BT-26'],
      onlyWhere('ram:FormattedIssueDateTime', (element) => element.name === 'ram:InvoiceReferencedDocument'),
      'ram:FormattedIssueDateTime is only allowed in a preceding invoice reference (ram:InvoiceReferencedDocument, Preceding invoice issue date BT-26); remove it from this referenced document.',
    ),
    absent('fatal', [
      ['CII-DT-028', 'ram:EffectiveSpecifiedPeriod'],
      ['CII-DT-029', 'ram:IssuerTradeParty'],
      ['CII-DT-030', 'ram:AttachedSpecifiedBinaryFile'],
    ]),
  ],
);

/** `//ram:*[ends-with(name(), 'Amount') and not(self::ram:TaxTotalAmount)]`. */
export const AMOUNT: SyntaxGroup = group(
  familyContext('amount', 'amount'),
  'an amount (ram:*Amount other than ram:TaxTotalAmount)',
  [
    absent('fatal', [
      ['CII-DT-031', '@currencyID'],
      ['CII-DT-032', '@currencyCodeListVersionID'],
    ]),
  ],
);

const BILLED_QUANTITY = absoluteMatcher(`${LINE}/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity`);

/** `exists(/rsm:CrossIndustryInvoice/.../ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode)`, once per document. */
function someBilledQuantityHasUnit(doc: DocumentIndex): boolean {
  return doc.once('cii-syntax:billed-quantity-unit', () => {
    for (const quantity of doc.all('ram:BilledQuantity')) if (quantity.attributes['unitCode'] !== undefined && BILLED_QUANTITY.matches(quantity)) return true;
    return false;
  });
}

/** `//ram:*[ends-with(name(), 'Quantity')]`. */
export const QUANTITY: SyntaxGroup = group(
  familyContext('quantity', 'quantity'),
  'a quantity (ram:*Quantity)',
  [
    custom(
      'CII-DT-033',
      'fatal',
      ['BT-130'],
      (element, doc) => element.attributes['unitCode'] === undefined || someBilledQuantityHasUnit(doc),
      'A quantity may only carry a unitCode attribute when the invoice lines give their Invoiced quantity unit of measure code (BT-130) on ram:BilledQuantity; remove the unitCode here or give it on the billed quantities.',
    ),
    absent('fatal', [
      ['CII-DT-034', '@unitCodeListID'],
      ['CII-DT-035', '@unitCodeListAgencyID'],
      ['CII-DT-036', '@unitCodeListAgencyName'],
    ]),
  ],
);

const inHeaderSettlement = (element: XmlElement): boolean => hasAncestor(element, 'ram:ApplicableHeaderTradeSettlement');
const isApplicableTradeTax = (element: XmlElement): boolean => element.name === 'ram:ApplicableTradeTax';

/** `//ram:*[ends-with(name(), 'TradeTax')]`. */
export const TRADE_TAX: SyntaxGroup = group(
  familyContext('trade-tax', 'trade-tax'),
  'a tax element (ram:*TradeTax)',
  [
    custom(
      'CII-DT-037',
      'fatal',
      [],
      onlyWhere('ram:TypeCode', (element) => valueIs(element, 'ram:TypeCode', 'VAT')),
      'The tax type code (ram:TypeCode) of a tax element must be VAT: EN 16931 invoices carry value added tax only.',
    ),
    absent('warning', [
      ['CII-DT-038', 'ram:CalculatedRate'],
      ['CII-DT-039', 'ram:CalculationSequenceNumeric'],
      ['CII-DT-040', 'ram:BasisQuantity'],
    ]),
    custom(
      'CII-DT-041',
      'warning',
      ['BT-116'],
      onlyWhere('ram:BasisAmount', inHeaderSettlement),
      'ram:BasisAmount, the VAT category taxable amount (BT-116), belongs only in the VAT breakdown of ram:ApplicableHeaderTradeSettlement; remove it from this tax element.',
    ),
    absent('warning', [
      ['CII-DT-042', 'ram:UnitBasisAmount'],
      ['CII-DT-043', 'ram:LineTotalBasisAmount'],
      ['CII-DT-044', 'ram:AllowanceChargeBasisAmount'],
      ['CII-DT-049', 'ram:CurrencyCode'],
      ['CII-DT-050', 'ram:Jurisdiction'],
      ['CII-DT-051', 'ram:CustomsDutyIndicator'],
    ]),
    custom(
      'CII-DT-052',
      'warning',
      ['BT-121'],
      onlyWhere('ram:ExemptionReasonCode', isApplicableTradeTax),
      'ram:ExemptionReasonCode, the VAT exemption reason code (BT-121), is only used in ram:ApplicableTradeTax; remove it from this tax element.',
    ),
    custom(
      'CII-DT-098',
      'warning',
      ['BT-120'],
      onlyWhere('ram:ExemptionReason', isApplicableTradeTax),
      'ram:ExemptionReason, the VAT exemption reason text (BT-120), is only used in ram:ApplicableTradeTax; remove it from this tax element.',
    ),
    absent('warning', [
      ['CII-DT-053', 'ram:TaxBasisAllowanceRate'],
    ]),
    custom(
      'CII-DT-054',
      'warning',
      ['BT-7'],
      onlyWhere('ram:TaxPointDate', inHeaderSettlement),
      'ram:TaxPointDate, the Value added tax point date (BT-7), belongs only in the VAT breakdown of ram:ApplicableHeaderTradeSettlement; remove it from this tax element.',
    ),
    absent('warning', [
      ['CII-DT-055', 'ram:Type'],
      ['CII-DT-056', 'ram:InformationAmount'],
      ['CII-DT-057', 'ram:CategoryName'],
    ]),
    custom(
      'CII-DT-058',
      'warning',
      ['BT-8'],
      onlyWhere('ram:DueDateTypeCode', inHeaderSettlement),
      'ram:DueDateTypeCode, the Value added tax point date code (BT-8), belongs only in the VAT breakdown of ram:ApplicableHeaderTradeSettlement; remove it from this tax element.',
    ),
    absent('warning', [
      ['CII-DT-059', 'ram:RateApplicablePercent/@format'],
      ['CII-DT-060', 'ram:SpecifiedTradeAccountingAccount'],
      ['CII-DT-061', 'ram:ServiceSupplyTradeCountry'],
      ['CII-DT-062', 'ram:BuyerRepayableTaxSpecifiedTradeAccountingAccount'],
      ['CII-DT-063', 'ram:SellerPayableTaxSpecifiedTradeAccountingAccount'],
      ['CII-DT-064', 'ram:SellerRefundableTaxSpecifiedTradeAccountingAccount'],
      ['CII-DT-065', 'ram:BuyerDeductibleTaxSpecifiedTradeAccountingAccount'],
      ['CII-DT-066', 'ram:BuyerNonDeductibleTaxSpecifiedTradeAccountingAccount'],
      ['CII-DT-067', 'ram:PlaceApplicableTradeLocation'],
    ]),
  ],
);

/** `//ram:BillingSpecifiedPeriod`. */
export const BILLING_PERIOD: SyntaxGroup = group(
  anywhereContext('billing-period', 'ram:BillingSpecifiedPeriod'),
  'an invoicing period (ram:BillingSpecifiedPeriod)',
  [
    absent('fatal', [
      ['CII-DT-068', 'ram:StartDateTime/udt:DateTime'],
      ['CII-DT-069', 'ram:DurationMeasure'],
      ['CII-DT-070', 'ram:InclusiveIndicator'],
      ['CII-DT-071', 'ram:Description'],
      ['CII-DT-072', 'ram:EndDateTime/udt:DateTime'],
      ['CII-DT-073', 'ram:CompleteDateTime'],
      ['CII-DT-074', 'ram:OpenIndicator'],
      ['CII-DT-075', 'ram:SeasonCode'],
      ['CII-DT-076', 'ram:ID'],
      ['CII-DT-077', 'ram:Name'],
      ['CII-DT-078', 'ram:SequenceNumeric'],
      ['CII-DT-079', 'ram:StartDateFlexibilityCode'],
      ['CII-DT-080', 'ram:ContinuousIndicator'],
      ['CII-DT-081', 'ram:PurposeCode'],
    ]),
  ],
);

/** `//ram:PostalTradeAddress`. */
export const POSTAL_ADDRESS: SyntaxGroup = group(anywhereContext('postal-address', 'ram:PostalTradeAddress'), 'an address (ram:PostalTradeAddress)', [
    absent('fatal', [
      ['CII-DT-082', 'ram:ID'],
      ['CII-DT-083', 'ram:PostOfficeBox'],
      ['CII-DT-084', 'ram:BuildingName'],
      ['CII-DT-086', 'ram:LineFour'],
      ['CII-DT-087', 'ram:LineFive'],
      ['CII-DT-088', 'ram:StreetName'],
      ['CII-DT-089', 'ram:CitySubDivisionName'],
      ['CII-DT-090', 'ram:CountryName'],
      ['CII-DT-091', 'ram:CountrySubDivisionID'],
      ['CII-DT-092', 'ram:AttentionOf'],
      ['CII-DT-093', 'ram:CareOf'],
      ['CII-DT-094', 'ram:BuildingNumber'],
      ['CII-DT-095', 'ram:DepartmentName'],
      ['CII-DT-096', 'ram:AdditionalStreetName'],
    ]),
]);

/**
 * CII-DT-097: `matches(., '^\s*(\d{4})(1[0-2]|0[1-9]){1}(3[01]|[12][0-9]|0[1-9]){1}\s*$')`. In XPath regular
 * expressions `\s` is only space, tab, CR and LF, and `\d` is any Unicode decimal digit.
 */
const DATE_102 = /^[ \t\r\n]*\p{Nd}{4}(?:1[0-2]|0[1-9])(?:3[01]|[12][0-9]|0[1-9])[ \t\r\n]*$/u;

/** `//udt:DateTimeString[@format = '102']`. */
export const DATE_STRING: SyntaxGroup = group(
  matchingContext('date-102', ['udt:DateTimeString'], (element) => element.attributes['format'] === '102'),
  'a date with format 102 (udt:DateTimeString)',
  [
    custom(
      'CII-DT-097',
      'fatal',
      [],
      (element) => DATE_102.test(stringValue(element)),
      'A date with format="102" must be written as YYYYMMDD (four-digit year, month 01-12, day 01-31), e.g. 20240131.',
    ),
  ],
);
