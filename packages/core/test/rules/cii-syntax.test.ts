import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AbsenceScanner } from '../../src/rules/en16931/cii/cii-syntax-paths.js';
import { CII_SYNTAX_ASSERTIONS, CII_SYNTAX_CONTEXTS, CII_SYNTAX_DEFINITIONS } from '../../src/rules/en16931/cii/cii-syntax.js';
import type { XmlElement } from '../../src/xml/xml-element.js';
import { readXml } from '../../src/xml/xml-read.js';
import { SHARED } from '../support/shared.js';
import { cii, type CiiSlots, syntaxFindingPaths, syntaxFindings } from './cii-syntax-fixture.js';

type OfficialRule = { id: string; flag: string; syntax: string; context: string };

const OFFICIAL: OfficialRule[] = (
  JSON.parse(readFileSync(join(SHARED, 'rules', 'en16931-rules.json'), 'utf8')) as { rules: OfficialRule[] }
).rules.filter((r) => r.syntax === 'CII' && /^CII-(SR|DT)-/.test(r.id));

describe('CII syntax rules: the transcription is whole', () => {
  it('has every official CII-SR / CII-DT assertion, in the official order, with the official flag', () => {
    assert.equal(OFFICIAL.length, 583);
    assert.deepEqual(
      CII_SYNTAX_ASSERTIONS.map((a) => `${a.rule} ${a.flag}`),
      OFFICIAL.map((r) => `${r.id} ${r.flag}`),
    );
  });

  it('binds each assertion to the context of its official rule context, contexts in the official order', () => {
    const officialContexts = [...new Set(OFFICIAL.map((r) => r.context))];
    assert.equal(CII_SYNTAX_CONTEXTS.length, officialContexts.length);
    const nameOf = new Map(officialContexts.map((context, i) => [context, CII_SYNTAX_CONTEXTS[i]?.name]));
    assert.deepEqual(
      CII_SYNTAX_ASSERTIONS.map((a) => a.context),
      OFFICIAL.map((r) => nameOf.get(r.context)),
    );
    assert.ok(CII_SYNTAX_CONTEXTS.every((c) => c.pattern === 'syntax'));
  });

  it('defines each rule once, with a message of its own', () => {
    assert.equal(new Set(CII_SYNTAX_DEFINITIONS.map((d) => d.id)).size, CII_SYNTAX_DEFINITIONS.length);
    assert.equal(CII_SYNTAX_DEFINITIONS.length, 583);
    for (const definition of CII_SYNTAX_DEFINITIONS) assert.ok(definition.message.length > 30, definition.id);
  });

  it('phrases presence rules from one template naming the full path and where it is', () => {
    const message = (id: string) => CII_SYNTAX_DEFINITIONS.find((d) => d.id === id)?.message;
    assert.equal(
      message('CII-SR-120'),
      "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ID in the line's ram:SpecifiedLineTradeAgreement is not used by EN 16931 and should be removed.",
    );
    assert.equal(message('CII-DT-082'), 'ram:ID in an address (ram:PostalTradeAddress) is not used by EN 16931 and must be removed.');
    assert.match(message('CII-DT-059') ?? '', /^The @format attribute on ram:RateApplicablePercent in a tax element/);
  });
});

describe('CII syntax rules: the fixture invoice is clean', () => {
  it('gives no finding', () => {
    assert.deepEqual(syntaxFindings(cii()), []);
  });
});

const allowance = (inner: string) =>
  `<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>1.00</ram:ActualAmount>${inner}</ram:SpecifiedTradeAllowanceCharge>`;
const priceDiscount = (inner: string) =>
  `<ram:GrossPriceProductTradePrice><ram:ChargeAmount>110.00</ram:ChargeAmount><ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>10.00</ram:ActualAmount>${inner}</ram:AppliedTradeAllowanceCharge></ram:GrossPriceProductTradePrice>`;

/** [expected findings, slots]: a sample of the "element X should not be present" rules of every area. */
const PRESENCE_CASES: [string[], Partial<CiiSlots>][] = [
  [['CII-SR-002 warning'], { context: '<ram:TestIndicator><udt:Indicator>true</udt:Indicator></ram:TestIndicator>' }],
  [['CII-SR-015 warning'], { document: '<ram:IssueDateTime><udt:DateTime>2024-01-31T00:00:00</udt:DateTime></ram:IssueDateTime>' }],
  [['CII-SR-027 warning'], { document: '<ram:IncludedNote><ram:Subject>S</ram:Subject><ram:Content>Note</ram:Content></ram:IncludedNote>' }],
  [['CII-SR-043 warning'], { lineDocument: '<ram:IncludedNote><ram:Subject>S</ram:Subject></ram:IncludedNote>' }],
  [['CII-SR-049 warning'], { product: '<ram:TradeName>Brand</ram:TradeName>' }],
  [
    ['CII-SR-067 warning'],
    { product: '<ram:ApplicableProductCharacteristic><ram:ID>1</ram:ID><ram:Description>Colour</ram:Description><ram:Value>Red</ram:Value></ram:ApplicableProductCharacteristic>' },
  ],
  [['CII-SR-120 warning'], { lineAgreement: priceDiscount('<ram:ID>D1</ram:ID>') }],
  [['CII-SR-142 warning'], { netPrice: '<ram:ChargeAmount>100.00</ram:ChargeAmount><ram:AppliedTradeAllowanceCharge/>' }],
  [['CII-SR-164 warning'], { lineDelivery: '<ram:ShipToTradeParty><ram:Name>X</ram:Name></ram:ShipToTradeParty>' }],
  [['CII-SR-186 warning'], { lineSettlement: allowance('<ram:CalculationPercent format="x">10</ram:CalculationPercent>') }],
  [['CII-SR-194 warning'], { lineSettlement: '<ram:SubtotalCalculatedTradeTax/>' }],
  [['CII-SR-224 warning'], { agreement: '<ram:SellerTradeParty><ram:SpecifiedLegalOrganization><ram:Name>N</ram:Name></ram:SpecifiedLegalOrganization></ram:SellerTradeParty>' }],
  [['CII-SR-322 warning'], { delivery: '<ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTime>x</udt:DateTime></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>' }],
  [
    ['CII-SR-372 warning'],
    {
      settlement:
        '<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>48</ram:TypeCode><ram:ApplicableTradeSettlementFinancialCard><ram:MicrochipIndicator><udt:Indicator>true</udt:Indicator></ram:MicrochipIndicator></ram:ApplicableTradeSettlementFinancialCard></ram:SpecifiedTradeSettlementPaymentMeans>',
    },
  ],
  [['CII-SR-390 warning'], { settlement: allowance('<ram:BasisQuantity>1</ram:BasisQuantity>') }],
  [['CII-SR-411 warning'], { totals: '<ram:InformationAmount>1.00</ram:InformationAmount>' }],
  [
    ['CII-SR-464 warning'],
    {
      settlement:
        '<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>49</ram:TypeCode><ram:PayerSpecifiedDebtorFinancialInstitution><ram:BICID>B</ram:BICID></ram:PayerSpecifiedDebtorFinancialInstitution></ram:SpecifiedTradeSettlementPaymentMeans>',
    },
  ],
  [['CII-SR-04 warning'], { context: '<ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>P1</ram:ID><ram:Value>V</ram:Value></ram:BusinessProcessSpecifiedDocumentContextParameter>' }],
  // `//*[ends-with(name(), 'DocumentContextParameter')]` takes elements of any namespace.
  [['CII-SR-04 warning'], { context: '<x:OwnDocumentContextParameter xmlns:x="urn:example"><ram:Value>V</ram:Value></x:OwnDocumentContextParameter>' }],
];

describe('CII syntax rules: elements the EN 16931 subset leaves out', () => {
  for (const [expected, slots] of PRESENCE_CASES) {
    it(`${expected.join(', ')}: ${Object.values(slots)[0]?.slice(0, 80)}`, () => {
      assert.deepEqual(syntaxFindings(cii(slots)), expected);
    });
  }

  it('reports the finding on the context element', () => {
    assert.deepEqual(syntaxFindingPaths(cii({ product: '<ram:TradeName>Brand</ram:TradeName>' })), [
      'CII-SR-049 /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct',
    ]);
  });

  it('checks an absolute context only at its exact place', () => {
    // A trade product outside an invoice line is not the line's item: CII-SR-049 does not apply to it.
    assert.deepEqual(syntaxFindings(cii({ agreement: '<ram:SpecifiedTradeProduct><ram:TradeName>Brand</ram:TradeName></ram:SpecifiedTradeProduct>' })), []);
    // A line item that is not a child of the transaction is not an invoice line.
    assert.deepEqual(syntaxFindings(cii({ delivery: '<ram:IncludedSupplyChainTradeLineItem><ram:ParentLineID>1</ram:ParentLineID></ram:IncludedSupplyChainTradeLineItem>' })), []);
  });

  it('checks every line', () => {
    const line = (product: string) => cii({ product }).match(/<ram:IncludedSupplyChainTradeLineItem>[\s\S]*<\/ram:IncludedSupplyChainTradeLineItem>/)?.[0] ?? '';
    const lines = line('') + line('<ram:BrandName>B</ram:BrandName>') + line('<ram:BrandName>B</ram:BrandName>');
    assert.deepEqual(syntaxFindings(cii({ lines })), ['CII-SR-058 warning', 'CII-SR-058 warning']);
  });
});

describe('AbsenceScanner: one look at an element answers all its absence rules', () => {
  const paths = ['ram:A', 'ram:B/ram:C', 'ram:B/@x', '@y', 'ram:B/ram:C'];
  const root = readXml(
    '<r xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">' +
      '<ram:E y="1"><ram:B x=""><ram:D/></ram:B><ram:B><ram:C/></ram:B></ram:E>' +
      '<ram:E><ram:A/><ram:B/></ram:E>' +
      '</r>',
  );
  const [first, second] = root.children as [XmlElement, XmlElement];
  const expected = new Map([
    [first, [true, false, false, false, false]],
    [second, [false, true, true, true, true]],
  ]);

  it('finds paths across repeated steps, attributes (even empty) on the element and below it, duplicate paths', () => {
    const scanner = new AbsenceScanner(paths);
    for (const [element, answers] of expected) {
      assert.deepEqual(
        paths.map((_, row) => scanner.passes(element, row, row === paths.length - 1)),
        answers,
      );
    }
  });

  it('gives the same answers whatever the order of the calls', () => {
    const scanner = new AbsenceScanner(paths);
    for (let round = 0; round < 2; round++) {
      for (let row = paths.length - 1; row >= 0; row--) {
        for (const [element, answers] of expected) assert.equal(scanner.passes(element, row, false), answers[row], `row ${row}`);
      }
    }
  });
});
