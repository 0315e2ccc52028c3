import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cii, type CiiSlots, syntaxFindings } from './cii-syntax-fixture.js';

/** Every CII-DT rule: attributes, parts of referenced documents and tax elements, periods, addresses, dates. */

const SCHEME_ATTRIBUTES = ' schemeName="n" schemeAgencyName="a" schemeDataURI="d" schemeURI="u" schemeID="0088" schemeAgencyID="9" schemeVersionID="1"';
const PLAIN_ID_RULES = ['CII-DT-001', 'CII-DT-002', 'CII-DT-003', 'CII-DT-004', 'CII-DT-005', 'CII-DT-006', 'CII-DT-007'].map((id) => `${id} fatal`);
const fatal = (...ids: number[]) => ids.map((n) => `CII-DT-${String(n).padStart(3, '0')} fatal`);
const warning = (...ids: number[]) => ids.map((n) => `CII-DT-${String(n).padStart(3, '0')} warning`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const sorted = (list: string[]) => [...list].sort();

const reference = (name: string, inner: string) => `<ram:${name}><ram:IssuerAssignedID>R</ram:IssuerAssignedID>${inner}</ram:${name}>`;
const EVERY_DOCUMENT_PART =
  '<ram:URIID>u</ram:URIID><ram:StatusCode>1</ram:StatusCode><ram:CopyIndicator><udt:Indicator>true</udt:Indicator></ram:CopyIndicator>' +
  '<ram:TypeCode>1</ram:TypeCode><ram:GlobalID>g</ram:GlobalID><ram:RevisionID>r</ram:RevisionID><ram:Name>n</ram:Name>' +
  '<ram:AttachmentBinaryObject mimeCode="text/csv" filename="a.csv">YQ==</ram:AttachmentBinaryObject><ram:Information>i</ram:Information>' +
  '<ram:ReferenceTypeCode>AAA</ram:ReferenceTypeCode><ram:SectionName>s</ram:SectionName><ram:PreviousRevisionID>p</ram:PreviousRevisionID>' +
  '<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20240101</qdt:DateTimeString></ram:FormattedIssueDateTime>' +
  '<ram:EffectiveSpecifiedPeriod/><ram:IssuerTradeParty/><ram:AttachedSpecifiedBinaryFile/>';

const EVERY_TAX_PART =
  '<ram:CalculatedRate>1</ram:CalculatedRate><ram:CalculationSequenceNumeric>1</ram:CalculationSequenceNumeric><ram:BasisQuantity>1</ram:BasisQuantity>' +
  '<ram:BasisAmount>1</ram:BasisAmount><ram:UnitBasisAmount>1</ram:UnitBasisAmount><ram:LineTotalBasisAmount>1</ram:LineTotalBasisAmount>' +
  '<ram:AllowanceChargeBasisAmount>1</ram:AllowanceChargeBasisAmount><ram:CurrencyCode>EUR</ram:CurrencyCode><ram:Jurisdiction>j</ram:Jurisdiction>' +
  '<ram:CustomsDutyIndicator><udt:Indicator>false</udt:Indicator></ram:CustomsDutyIndicator><ram:ExemptionReasonCode>VATEX-EU-O</ram:ExemptionReasonCode>' +
  '<ram:ExemptionReason>r</ram:ExemptionReason><ram:TaxBasisAllowanceRate>1</ram:TaxBasisAllowanceRate>' +
  '<ram:TaxPointDate><udt:DateString format="102">20240131</udt:DateString></ram:TaxPointDate><ram:Type>t</ram:Type>' +
  '<ram:InformationAmount>1</ram:InformationAmount><ram:CategoryName>c</ram:CategoryName><ram:DueDateTypeCode>5</ram:DueDateTypeCode>' +
  '<ram:RateApplicablePercent format="x">20</ram:RateApplicablePercent><ram:SpecifiedTradeAccountingAccount/><ram:ServiceSupplyTradeCountry/>' +
  '<ram:BuyerRepayableTaxSpecifiedTradeAccountingAccount/><ram:SellerPayableTaxSpecifiedTradeAccountingAccount/>' +
  '<ram:SellerRefundableTaxSpecifiedTradeAccountingAccount/><ram:BuyerDeductibleTaxSpecifiedTradeAccountingAccount/>' +
  '<ram:BuyerNonDeductibleTaxSpecifiedTradeAccountingAccount/><ram:PlaceApplicableTradeLocation/>';

const headerAllowanceTax = (tax: string) =>
  `<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>1</ram:ActualAmount><ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode>${tax}</ram:CategoryTradeTax></ram:SpecifiedTradeAllowanceCharge>`;

const EVERY_PERIOD_PART =
  '<ram:StartDateTime><udt:DateTime>x</udt:DateTime></ram:StartDateTime><ram:DurationMeasure>1</ram:DurationMeasure>' +
  '<ram:InclusiveIndicator><udt:Indicator>true</udt:Indicator></ram:InclusiveIndicator><ram:Description>d</ram:Description>' +
  '<ram:EndDateTime><udt:DateTime>x</udt:DateTime></ram:EndDateTime><ram:CompleteDateTime/><ram:OpenIndicator/><ram:SeasonCode>s</ram:SeasonCode>' +
  '<ram:ID>1</ram:ID><ram:Name>n</ram:Name><ram:SequenceNumeric>1</ram:SequenceNumeric><ram:StartDateFlexibilityCode>1</ram:StartDateFlexibilityCode>' +
  '<ram:ContinuousIndicator/><ram:PurposeCode>p</ram:PurposeCode>';

const EVERY_ADDRESS_PART =
  '<ram:ID>1</ram:ID><ram:PostOfficeBox>1</ram:PostOfficeBox><ram:BuildingName>b</ram:BuildingName><ram:LineFour>4</ram:LineFour>' +
  '<ram:LineFive>5</ram:LineFive><ram:StreetName>s</ram:StreetName><ram:CitySubDivisionName>c</ram:CitySubDivisionName>' +
  '<ram:CountryName>France</ram:CountryName><ram:CountrySubDivisionID>x</ram:CountrySubDivisionID><ram:AttentionOf>a</ram:AttentionOf>' +
  '<ram:CareOf>c</ram:CareOf><ram:BuildingNumber>1</ram:BuildingNumber><ram:DepartmentName>d</ram:DepartmentName>' +
  '<ram:AdditionalStreetName>a</ram:AdditionalStreetName><ram:CountryID>FR</ram:CountryID>';

/** [what it shows, expected findings (any order), slots]. */
const CASES: [string, string[], Partial<CiiSlots>][] = [
  // CII-DT-001..007 on each of the four identifiers of the union context, which takes them before the
  // `//ram:*[ends-with(name(), 'ID')]` context of CII-DT-101..104.
  ['scheme attributes on the specification identifier', PLAIN_ID_RULES, { guidelineIdAttributes: SCHEME_ATTRIBUTES }],
  ['scheme attributes on the invoice number', PLAIN_ID_RULES, { invoiceIdAttributes: SCHEME_ATTRIBUTES }],
  ['scheme attributes on the line identifier', PLAIN_ID_RULES, { lineIdAttributes: SCHEME_ATTRIBUTES }],
  ['scheme attributes on the seller item identifier', PLAIN_ID_RULES, { sellerIdAttributes: SCHEME_ATTRIBUTES }],
  ['scheme attributes on another identifier', fatal(101, 102, 103, 104), { agreement: `<ram:BuyerTradeParty><ram:ID${SCHEME_ATTRIBUTES}>1</ram:ID></ram:BuyerTradeParty>` }],
  ['a scheme name on a country ID', fatal(101), { agreement: '<ram:BuyerTradeParty><ram:PostalTradeAddress><ram:CountryID schemeName="x">FR</ram:CountryID></ram:PostalTradeAddress></ram:BuyerTradeParty>' }],
  ['a scheme name on an identifier outside the ram namespace', [], { agreement: '<x:OwnID xmlns:x="urn:example" schemeName="n">1</x:OwnID>' }],
  ['name and list URI on the invoice type code', fatal(8, 9), { typeCodeAttributes: ' name="n" listURI="u"' }],
  ['a list URI on a tax type code', fatal(9), { lineTax: '<ram:ApplicableTradeTax><ram:TypeCode listURI="u">VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode></ram:ApplicableTradeTax>' }],
  // CII-DT-010..012 never fire: the invoice type code is taken by the `//ram:TypeCode` context first.
  ['list attributes on the invoice type code', [], { typeCodeAttributes: ' listID="1" listAgencyID="6" listVersionID="D16B"' }],
  ['language attributes on the root', fatal(13, 14), { rootAttributes: ' languageID="en" languageLocaleID="en-GB"' }],
  [
    'list attributes on a line VAT category code',
    warning(45, 46, 47, 48),
    { lineTax: '<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode listID="1" listAgencyID="2" listVersionID="3" listURI="4">S</ram:CategoryCode></ram:ApplicableTradeTax>' },
  ],
  [
    'list attributes on a document VAT category code',
    [],
    { headerTax: '<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode listID="1" listURI="4">S</ram:CategoryCode></ram:ApplicableTradeTax>' },
  ],
  ['every part of a contract reference', fatal(...range(15, 30)), { agreement: reference('ContractReferencedDocument', EVERY_DOCUMENT_PART) }],
  [
    'location, name and attachment of a supporting document',
    [],
    {
      agreement: reference(
        'AdditionalReferencedDocument',
        '<ram:URIID>u</ram:URIID><ram:TypeCode>916</ram:TypeCode><ram:Name>n</ram:Name><ram:AttachmentBinaryObject mimeCode="text/csv" filename="a.csv">YQ==</ram:AttachmentBinaryObject>',
      ),
    },
  ],
  [
    'location, name, attachment and scheme of an invoiced object reference',
    fatal(15, 21, 22),
    {
      agreement: reference(
        'AdditionalReferencedDocument',
        '<ram:URIID>u</ram:URIID><ram:TypeCode>130</ram:TypeCode><ram:Name>n</ram:Name><ram:AttachmentBinaryObject mimeCode="text/csv" filename="a.csv">YQ==</ram:AttachmentBinaryObject><ram:ReferenceTypeCode>AAA</ram:ReferenceTypeCode>',
      ),
    },
  ],
  ['a supporting document whose code is padded', fatal(15, 18), { agreement: reference('AdditionalReferencedDocument', '<ram:URIID>u</ram:URIID><ram:TypeCode>916 </ram:TypeCode>') }],
  ['a reference scheme on a supporting document', fatal(24), { agreement: reference('AdditionalReferencedDocument', '<ram:TypeCode>916</ram:TypeCode><ram:ReferenceTypeCode>AAA</ram:ReferenceTypeCode>') }],
  [
    'an issue date in a preceding invoice reference',
    [],
    { settlement: reference('InvoiceReferencedDocument', '<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20240101</qdt:DateTimeString></ram:FormattedIssueDateTime>') },
  ],
  ['a currency on an amount', fatal(31, 32), { totals: '<ram:LineTotalAmount currencyID="EUR" currencyCodeListVersionID="1">1</ram:LineTotalAmount>' }],
  ['a currency on the VAT total', [], { totals: '<ram:TaxTotalAmount currencyID="EUR" currencyCodeListVersionID="1">1</ram:TaxTotalAmount>' }],
  ['a unit code on a quantity when billed quantities have one', [], { lineAgreement: '<ram:GrossPriceProductTradePrice><ram:ChargeAmount>1</ram:ChargeAmount><ram:BasisQuantity unitCode="C62">1</ram:BasisQuantity></ram:GrossPriceProductTradePrice>' }],
  [
    'a unit code on a quantity when no billed quantity has one',
    fatal(33),
    { billedQuantityAttributes: '', lineAgreement: '<ram:GrossPriceProductTradePrice><ram:ChargeAmount>1</ram:ChargeAmount><ram:BasisQuantity unitCode="C62">1</ram:BasisQuantity></ram:GrossPriceProductTradePrice>' },
  ],
  ['unit code list attributes on the billed quantity', fatal(34, 35, 36), { billedQuantityAttributes: ' unitCode="C62" unitCodeListID="1" unitCodeListAgencyID="2" unitCodeListAgencyName="3"' }],
  ['a tax type other than VAT', fatal(37), { lineTax: '<ram:ApplicableTradeTax><ram:TypeCode>GST</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode></ram:ApplicableTradeTax>' }],
  ['a padded tax type (compared as written)', fatal(37), { lineTax: '<ram:ApplicableTradeTax><ram:TypeCode> VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode></ram:ApplicableTradeTax>' }],
  [
    'every part of a line VAT element',
    warning(...range(38, 44), ...range(49, 51), ...range(53, 67)),
    { lineTax: `<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode>${EVERY_TAX_PART}</ram:ApplicableTradeTax>` },
  ],
  [
    // In the document level allowance's tax category the header settlement is an ancestor (CII-DT-041, 054,
    // 058 allow it), but the element is not ram:ApplicableTradeTax (CII-DT-052, 098 do not).
    'every part of a document allowance tax category',
    warning(...range(38, 40), ...range(42, 44), ...range(49, 53), 98, 55, 56, 57, ...range(59, 67)),
    { settlement: headerAllowanceTax(EVERY_TAX_PART) },
  ],
  ['every part of an invoicing period', fatal(...range(68, 81)), { settlement: `<ram:BillingSpecifiedPeriod>${EVERY_PERIOD_PART}</ram:BillingSpecifiedPeriod>` }],
  ['every part of an address', fatal(82, 83, 84, ...range(86, 96)), { agreement: `<ram:SellerTradeParty><ram:PostalTradeAddress>${EVERY_ADDRESS_PART}</ram:PostalTradeAddress></ram:SellerTradeParty>` }],
];

describe('CII syntax rules: data types', () => {
  for (const [title, expected, slots] of CASES) {
    it(`${title}: ${expected.join(', ') || 'no finding'}`, () => {
      assert.deepEqual(syntaxFindings(cii(slots)), sorted(expected));
    });
  }
});

describe('CII-DT-097: dates with format 102 are YYYYMMDD', () => {
  const valid = ['20240131', ' 20240229\n', '\t19991201 ', '00000101', '٢٠٢٤0131'];
  const invalid = ['2024-01-31', '20241301', '20240001', '20240100', '20240132', '2024013', '202401310', '\u00a020240131', '20240131Z', ''];
  for (const date of valid) {
    it(`accepts ${JSON.stringify(date)}`, () => assert.deepEqual(syntaxFindings(cii({ issueDate: date })), []));
  }
  for (const date of invalid) {
    it(`rejects ${JSON.stringify(date)}`, () => assert.deepEqual(syntaxFindings(cii({ issueDate: date })), ['CII-DT-097 fatal']));
  }

  it('checks udt:DateTimeString with format 102 only', () => {
    const event = (date: string) => `<ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime>${date}</ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>`;
    assert.deepEqual(syntaxFindings(cii({ delivery: event('<udt:DateTimeString format="610">202401</udt:DateTimeString>') })), []);
    assert.deepEqual(syntaxFindings(cii({ delivery: event('<udt:DateTimeString format=" 102">2024</udt:DateTimeString>') })), []);
    assert.deepEqual(syntaxFindings(cii({ delivery: event('<qdt:DateTimeString format="102">2024</qdt:DateTimeString>') })), []);
    assert.deepEqual(syntaxFindings(cii({ delivery: event('<udt:DateTimeString format="102">2024</udt:DateTimeString>') })), ['CII-DT-097 fatal']);
  });
});
