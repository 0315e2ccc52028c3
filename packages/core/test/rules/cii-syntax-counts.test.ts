import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cii, type CiiSlots, syntaxFindings, vatTax } from './cii-syntax-fixture.js';

/**
 * The CII-SR rules that count or combine elements: "exactly once", "at most once", "either ID or global
 * ID", and the document-wide comparisons of payment means and VAT point date codes.
 */

const FALSE = '<ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>';
const indicator = (value: string) => `<ram:ChargeIndicator><udt:Indicator>${value}</udt:Indicator></ram:ChargeIndicator>`;
const grossPrice = (allowance: string) =>
  `<ram:GrossPriceProductTradePrice><ram:ChargeAmount>110.00</ram:ChargeAmount><ram:AppliedTradeAllowanceCharge>${allowance}</ram:AppliedTradeAllowanceCharge></ram:GrossPriceProductTradePrice>`;
const note = (inner: string) => `<ram:IncludedNote>${inner}</ram:IncludedNote>`;
const characteristic = (inner: string) => `<ram:ApplicableProductCharacteristic>${inner}</ram:ApplicableProductCharacteristic>`;
const reference = (typeCode: string, inner = '') =>
  `<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>R</ram:IssuerAssignedID><ram:TypeCode>${typeCode}</ram:TypeCode>${inner}</ram:AdditionalReferencedDocument>`;
const contact = (inner: string) => `<ram:DefinedTradeContact>${inner}</ram:DefinedTradeContact>`;
const uri = '<ram:URIUniversalCommunication><ram:URIID schemeID="EM">a@b.c</ram:URIID></ram:URIUniversalCommunication>';
const means = (typeCode: string, inner = '') => `<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>${typeCode}</ram:TypeCode>${inner}</ram:SpecifiedTradeSettlementPaymentMeans>`;
const iban = '<ram:PayeePartyCreditorFinancialAccount><ram:IBANID>FR7630006000011234567890189</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>';
const headerTax = (inner: string) =>
  `<ram:ApplicableTradeTax><ram:CalculatedAmount>20.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>100.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode>${inner}<ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>`;

/** [what it shows, expected findings, slots]. */
const CASES: [string, string[], Partial<CiiSlots>][] = [
  ['two business process parameters', ['CII-SR-003 warning'], { context: '<ram:BusinessProcessSpecifiedDocumentContextParameter/>'.repeat(2) }],
  ['no guideline parameter', ['CII-SR-009 fatal', 'CII-SR-010 fatal'], { guideline: '' }],
  ['a guideline parameter without ID', ['CII-SR-010 fatal'], { guideline: '<ram:GuidelineSpecifiedDocumentContextParameter/>' }],
  [
    'two guideline parameters: two of them, and two IDs in all',
    ['CII-SR-009 fatal', 'CII-SR-010 fatal'],
    { context: '<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>x</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>' },
  ],
  ['two invoice type codes', ['CII-SR-014 fatal'], { document: '<ram:TypeCode>381</ram:TypeCode>' }],
  ['a note with two contents', ['CII-SR-030 warning'], { document: note('<ram:Content>a</ram:Content><ram:Content>b</ram:Content>') }],
  ['two notes with one content each is fine', [], { document: note('<ram:Content>a</ram:Content>') + note('<ram:Content>b</ram:Content>') }],
  ['two line notes, two contents in all', ['CII-SR-039 warning', 'CII-SR-040 warning'], { lineDocument: note('<ram:Content>a</ram:Content>').repeat(2) }],
  ['a standard identifier without scheme', ['CII-SR-046 fatal'], { product: '<ram:GlobalID>123</ram:GlobalID>' }],
  [
    'two standard identifiers, one with a scheme: the existential test passes',
    [],
    { product: '<ram:GlobalID>123</ram:GlobalID><ram:GlobalID schemeID="0160">456</ram:GlobalID>' },
  ],
  ['a country of origin without ID', ['CII-SR-090 fatal'], { product: '<ram:OriginTradeCountry/>' }],
  ['a country of origin with two IDs', ['CII-SR-090 fatal'], { product: '<ram:OriginTradeCountry><ram:ID>FR</ram:ID><ram:ID>DE</ram:ID></ram:OriginTradeCountry>' }],
  ['a country of origin with one ID', [], { product: '<ram:OriginTradeCountry><ram:ID>FR</ram:ID></ram:OriginTradeCountry>' }],
  ['an item attribute without name, with two values', ['CII-SR-069 fatal', 'CII-SR-072 fatal'], { product: characteristic('<ram:Value>a</ram:Value><ram:Value>b</ram:Value>') }],
  ['no net price amount', ['CII-SR-439 fatal'], { netPrice: '' }],
  ['two net price amounts', ['CII-SR-439 fatal', 'CII-SR-441 fatal'], { netPrice: '<ram:ChargeAmount>1</ram:ChargeAmount><ram:ChargeAmount>2</ram:ChargeAmount>' }],
  ['a price discount', [], { lineAgreement: grossPrice(`${FALSE}<ram:ActualAmount>10.00</ram:ActualAmount>`) }],
  ['a price discount flagged 0, blanks around', [], { lineAgreement: grossPrice(`${indicator(' 0 ')}<ram:ActualAmount>10.00</ram:ActualAmount>`) }],
  ['a price charge', ['CII-SR-119 warning'], { lineAgreement: grossPrice(`${indicator('true')}<ram:ActualAmount>10.00</ram:ActualAmount>`) }],
  ['an indicator that is not a boolean', ['CII-SR-119 warning'], { lineAgreement: grossPrice(`${indicator('no')}<ram:ActualAmount>10.00</ram:ActualAmount>`) }],
  ['a price discount without amount', ['CII-SR-119 warning'], { lineAgreement: grossPrice(FALSE) }],
  ['a price discount amount without indicator', ['CII-SR-119 warning'], { lineAgreement: grossPrice('<ram:ActualAmount>10.00</ram:ActualAmount>') }],
  [
    'a price discount with two amounts',
    ['CII-SR-440 fatal'],
    { lineAgreement: grossPrice(`${FALSE}<ram:ActualAmount>10.00</ram:ActualAmount><ram:ActualAmount>1.00</ram:ActualAmount>`) },
  ],
  [
    'an allowance without indicator, with two rates, tax categories and amounts',
    ['CII-SR-463 fatal', 'CII-SR-471 fatal', 'CII-SR-472 fatal', 'CII-SR-473 fatal'],
    {
      settlement:
        '<ram:SpecifiedTradeAllowanceCharge><ram:RateApplicablePercent>1</ram:RateApplicablePercent><ram:RateApplicablePercent>2</ram:RateApplicablePercent>' +
        '<ram:ActualAmount>1</ram:ActualAmount><ram:ActualAmount>2</ram:ActualAmount>' +
        `${vatTax('S', '20').replace(/ApplicableTradeTax/g, 'CategoryTradeTax').repeat(2)}</ram:SpecifiedTradeAllowanceCharge>`,
    },
  ],
  ['a line without VAT', ['CII-SR-454 warning'], { lineTax: '' }],
  ['a line with two VAT elements', ['CII-SR-454 warning'], { lineTax: vatTax('S', '20') + vatTax('S', '20') }],
  [
    // ' 130 ' is the line object identifier once normalized (CII-SR-474) but not the code 130 of CII-DT-018.
    'two line object identifiers, one padded',
    ['CII-DT-018 fatal', 'CII-SR-474 warning'],
    { lineSettlement: reference('130') + reference(' 130 ') },
  ],
  ['buyer ID and global ID', ['CII-SR-450 warning'], { agreement: '<ram:BuyerTradeParty><ram:ID>1</ram:ID><ram:GlobalID schemeID="0088">2</ram:GlobalID></ram:BuyerTradeParty>' }],
  ['two seller contacts', ['CII-SR-455 fatal'], { agreement: `<ram:SellerTradeParty>${contact('<ram:PersonName>A</ram:PersonName>').repeat(2)}</ram:SellerTradeParty>` }],
  ['two buyer contacts', ['CII-SR-456 fatal'], { agreement: `<ram:BuyerTradeParty>${contact('').repeat(2)}</ram:BuyerTradeParty>` }],
  ['two tender references', ['CII-SR-457 warning'], { agreement: reference('50') + reference('50') }],
  [
    // `ram:TypeCode = '50'` compares the text as written: ' 50' is not a tender reference for CII-SR-457.
    'a tender reference and a padded one',
    ['CII-DT-018 fatal'],
    { agreement: reference('50') + reference(' 50') },
  ],
  ['two invoiced object identifiers', ['CII-SR-458 warning'], { agreement: reference('130') + reference('130') }],
  ['two seller electronic addresses', ['CII-SR-459 fatal'], { agreement: `<ram:SellerTradeParty>${uri}${uri}</ram:SellerTradeParty>` }],
  ['two buyer electronic addresses', ['CII-SR-460 fatal'], { agreement: `<ram:BuyerTradeParty>${uri}${uri}</ram:BuyerTradeParty>` }],
  [
    'seller contact person and department',
    ['CII-SR-465 warning'],
    { agreement: `<ram:SellerTradeParty>${contact('<ram:PersonName>A</ram:PersonName><ram:DepartmentName>B</ram:DepartmentName>')}</ram:SellerTradeParty>` },
  ],
  [
    'buyer contact person and department',
    ['CII-SR-466 warning'],
    { agreement: `<ram:BuyerTradeParty>${contact('<ram:PersonName>A</ram:PersonName><ram:DepartmentName>B</ram:DepartmentName>')}</ram:BuyerTradeParty>` },
  ],
  [
    // The count runs over the names of all supporting documents together.
    'two supporting documents with a description and an attachment each',
    ['CII-SR-475 warning', 'CII-SR-476 warning'],
    {
      agreement:
        reference('916', '<ram:Name>a</ram:Name><ram:AttachmentBinaryObject mimeCode="text/csv" filename="a.csv">YQ==</ram:AttachmentBinaryObject>') +
        reference('916', '<ram:Name>b</ram:Name><ram:AttachmentBinaryObject mimeCode="text/csv" filename="b.csv">Yg==</ram:AttachmentBinaryObject>'),
    },
  ],
  ['one supporting document with a description', [], { agreement: reference('916', '<ram:Name>a</ram:Name>') }],
  ['deliver-to ID and global ID', ['CII-SR-449 warning'], { delivery: '<ram:ShipToTradeParty><ram:ID>1</ram:ID><ram:GlobalID schemeID="0088">2</ram:GlobalID></ram:ShipToTradeParty>' }],
  ['payee ID and global ID', ['CII-SR-451 warning'], { settlement: '<ram:PayeeTradeParty><ram:ID>1</ram:ID><ram:GlobalID schemeID="0088">2</ram:GlobalID><ram:Name>P</ram:Name></ram:PayeeTradeParty>' }],
  ['payee ID only', [], { settlement: '<ram:PayeeTradeParty><ram:ID>1</ram:ID><ram:Name>P</ram:Name></ram:PayeeTradeParty>' }],
  [
    'two payment terms with a description each',
    ['CII-SR-452 warning', 'CII-SR-453 warning'],
    { settlement: '<ram:SpecifiedTradePaymentTerms><ram:Description>a</ram:Description></ram:SpecifiedTradePaymentTerms>'.repeat(2) },
  ],
  ['two VAT point dates', ['CII-SR-461 fatal'], { headerTax: headerTax('<ram:TaxPointDate><udt:DateString format="102">20240131</udt:DateString></ram:TaxPointDate>').repeat(2) }],
  ['two different VAT point date codes', ['CII-SR-462 fatal'], { headerTax: headerTax('<ram:DueDateTypeCode>5</ram:DueDateTypeCode>') + headerTax('<ram:DueDateTypeCode>29</ram:DueDateTypeCode>') }],
  ['the same VAT point date code twice', [], { headerTax: headerTax('<ram:DueDateTypeCode>5</ram:DueDateTypeCode>').repeat(2) }],
  ['payment means codes equal once normalized', [], { settlement: means('30', iban) + means(' 30 ', iban) }],
  ['different payment means codes', ['CII-SR-467 fatal'], { settlement: means('30', iban) + means('58', iban) }],
  [
    'different payment means texts',
    ['CII-SR-468 fatal'],
    { settlement: means('31', '<ram:Information>Transfer</ram:Information>') + means('31', '<ram:Information>Wire</ram:Information>') },
  ],
  ['two remittance informations', ['CII-SR-469 fatal'], { settlement: '<ram:PaymentReference>a</ram:PaymentReference><ram:PaymentReference>b</ram:PaymentReference>' }],
  ['a SEPA credit transfer without account', ['CII-SR-470 fatal'], { settlement: means(' 58 ') }],
  [
    'a credit transfer with a proprietary account',
    [],
    { settlement: means('30', '<ram:PayeePartyCreditorFinancialAccount><ram:ProprietaryID>123</ram:ProprietaryID></ram:PayeePartyCreditorFinancialAccount>') },
  ],
  ['another payment means without account', [], { settlement: means('31') }],
  ['two sums of line net amounts', ['CII-SR-477 fatal'], { totals: '<ram:LineTotalAmount>1</ram:LineTotalAmount><ram:LineTotalAmount>1</ram:LineTotalAmount>' }],
  ['two amounts due', ['CII-SR-487 fatal'], { totals: '<ram:DuePayableAmount>1</ram:DuePayableAmount>'.repeat(2) }],
  // One finding per rule and context element, however many elements the path finds.
  ['two information amounts', ['CII-SR-411 warning', 'CII-SR-483 fatal'], { totals: '<ram:InformationAmount>1</ram:InformationAmount>'.repeat(2) }],
];

describe('CII syntax rules: counts and combinations', () => {
  for (const [title, expected, slots] of CASES) {
    it(`${title}: ${expected.join(', ') || 'no finding'}`, () => {
      assert.deepEqual(syntaxFindings(cii(slots)), expected);
    });
  }
});
