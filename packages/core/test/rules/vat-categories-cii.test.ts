import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CII_VAT_ASSERTIONS, CII_VAT_CONTEXTS } from '../../src/rules/en16931/cii/cii-vat.js';
import { compileRuleSet } from '../../src/rules/compile.js';
import { DocumentIndex } from '../../src/rules/document-index.js';
import { runRuleSets } from '../../src/rules/engine.js';
import { VAT_DEFINITIONS } from '../../src/rules/en16931/definitions/vat-categories.js';
import { readXml } from '../../src/xml/xml-read.js';

/**
 * The CII VAT category rules have no official unit tests: these pin down their XPath subtleties — xs:double
 * comparisons of xs:decimal sums, rounding, the contexts that skip the VAT type check, and the official rules
 * that cannot fail. Expected results were checked against the official Schematron run by Saxon. The VAT rules
 * run alone here, with a stand-in for the root context the model rules declare.
 */
const ruleSet = compileRuleSet({
  name: 'cii-vat',
  syntax: 'cii',
  contexts: [
    { name: 'Invoice', pattern: 'model', elements: ['rsm:CrossIndustryInvoice'], matches: (e) => e.parent === undefined },
    ...CII_VAT_CONTEXTS,
  ],
  assertions: CII_VAT_ASSERTIONS,
  definitions: VAT_DEFINITIONS,
});

type Tax = { code: string; rate?: string; type?: string; extra?: string };

function tax(tag: string, { code, rate, type = 'VAT', extra = '' }: Tax): string {
  const percent = rate === undefined ? '' : `<ram:RateApplicablePercent>${rate}</ram:RateApplicablePercent>`;
  return `<ram:${tag}>${extra}<ram:TypeCode>${type}</ram:TypeCode><ram:CategoryCode>${code}</ram:CategoryCode>${percent}</ram:${tag}>`;
}

function line(amount: string, t: Tax): string {
  return `<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeSettlement>${tax('ApplicableTradeTax', t)}` +
    `<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>${amount}</ram:LineTotalAmount>` +
    '</ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>';
}

function breakdown(basis: string, calculated: string, t: Tax): string {
  const amounts = `<ram:CalculatedAmount>${calculated}</ram:CalculatedAmount><ram:BasisAmount>${basis}</ram:BasisAmount>`;
  return tax('ApplicableTradeTax', { ...t, extra: amounts + (t.extra ?? '') });
}

const SELLER = '<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:SpecifiedTaxRegistration>' +
  '<ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>';

/** A CII invoice with lines, the header agreement (seller) and the header settlement's content. */
function cii({ lines = '', agreement = SELLER, settlement = '' }: { lines?: string; agreement?: string; settlement?: string }): string {
  return '<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"' +
    ' xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"' +
    ' xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">' +
    `<rsm:SupplyChainTradeTransaction>${lines}${agreement}<ram:ApplicableHeaderTradeSettlement>${settlement}` +
    '</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>';
}

/** The rule ids that fire on a document. */
function fired(xml: string): Set<string> {
  return new Set(runRuleSets(new DocumentIndex(readXml(xml), 'cii'), [ruleSet]).map((f) => f.rule));
}

const REASON = '<ram:ExemptionReason>Exempt</ram:ExemptionReason>';

describe('CII VAT category rules', () => {
  it('BR-S-08: the basis equals the line totals rounded to 2 decimals, per rate, with no tolerance', () => {
    const lines = line('10.004', { code: 'S', rate: '20' }) + line('10.004', { code: 'S', rate: '20' }) + line('7', { code: 'S', rate: '10' });
    const doc = (basis: string) => cii({ lines, settlement: breakdown(basis, '4', { code: 'S', rate: '20' }) + breakdown('7', '0.7', { code: 'S', rate: '10' }) });
    assert.ok(!fired(doc('20.01')).has('BR-S-08'));
    assert.ok(fired(doc('20.00')).has('BR-S-08'));
  });

  it('BR-AF-08 and BR-AG-08 cannot fail: their rate is read from the settlement, which has none', () => {
    const doc = (code: string) => cii({ lines: line('100', { code, rate: '7' }), settlement: breakdown('55', '7', { code, rate: '7' }) });
    assert.ok(!fired(doc('L')).has('BR-AF-08'));
    assert.ok(!fired(doc('M')).has('BR-AG-08'));
    assert.ok(fired(doc('S')).has('BR-S-08'));
  });

  it('BR-AF-05: an IGIC line needs a rate above 0 in CII (0 or more in UBL); BR-AG-05 accepts 0', () => {
    assert.ok(fired(cii({ lines: line('10', { code: 'L', rate: '0' }) })).has('BR-AF-05'));
    assert.ok(!fired(cii({ lines: line('10', { code: 'M', rate: '0' }) })).has('BR-AG-05'));
  });

  it('BR-S-09: the rate is untyped, so |BT-116| × BT-119 is xs:double before rounding', () => {
    // 1.005 × 100 is 100.49999999999999 as a double: round gives 100, so 1.00 is expected and 2.005 is too far.
    const doc = (calculated: string) => cii({ lines: line('1.005', { code: 'S', rate: '100' }), settlement: breakdown('1.005', calculated, { code: 'S', rate: '100' }) });
    assert.ok(fired(doc('2.005')).has('BR-S-09'));
    assert.ok(!fired(doc('1.995')).has('BR-S-09'));
  });

  it('BR-E-08: the basis may differ from the sum by less than 1', () => {
    const doc = (amount: string) => cii({ lines: line(amount, { code: 'E', rate: '0' }), settlement: breakdown('100', '0', { code: 'E', rate: '0', extra: REASON }) });
    assert.ok(!fired(doc('100.99')).has('BR-E-08'));
    assert.ok(fired(doc('101')).has('BR-E-08'));
  });

  it('the S and Z breakdown contexts do not check the VAT type code; the E context does', () => {
    assert.ok(fired(cii({ settlement: breakdown('0', '0', { code: 'Z', rate: '0', type: 'GST', extra: REASON }) })).has('BR-Z-10'));
    assert.ok(!fired(cii({ settlement: breakdown('0', '0', { code: 'E', rate: '0', type: 'GST' }) })).has('BR-E-10'));
    assert.ok(fired(cii({ settlement: breakdown('0', '0', { code: 'E', rate: '0', type: 'vat' }) })).has('BR-E-10'));
  });

  it('BR-O-11 and BR-O-12: with a breakdown in O, no trade tax of another category anywhere', () => {
    const settlement = breakdown('10', '0', { code: 'O', extra: REASON });
    const noVatIds = '<ram:ApplicableHeaderTradeAgreement/>';
    const clean = fired(cii({ lines: line('10', { code: 'O' }), agreement: noVatIds, settlement }));
    assert.ok(!clean.has('BR-O-11') && !clean.has('BR-O-12') && !clean.has('BR-O-02'));
    const mixed = fired(cii({ lines: line('10', { code: 'O' }) + line('5', { code: 'S', rate: '20' }), agreement: noVatIds, settlement }));
    assert.ok(mixed.has('BR-O-11') && mixed.has('BR-O-12'));
    assert.ok(fired(cii({ lines: line('10', { code: 'O' }), settlement })).has('BR-O-02'));
  });

  it('BR-S-01 and BR-E-01 count trade taxes: S needs a breakdown beside its lines, E exactly one', () => {
    assert.ok(fired(cii({ lines: line('10', { code: 'S', rate: '20' }) })).has('BR-S-01'));
    assert.ok(!fired(cii({ lines: line('10', { code: 'S', rate: '20' }), settlement: breakdown('10', '2', { code: 'S', rate: '20' }) })).has('BR-S-01'));
    const exempt = breakdown('10', '0', { code: 'E', rate: '0', extra: REASON });
    assert.ok(!fired(cii({ lines: line('10', { code: 'E', rate: '0' }), settlement: exempt })).has('BR-E-01'));
    assert.ok(fired(cii({ lines: line('10', { code: 'E', rate: '0' }), settlement: exempt + exempt })).has('BR-E-01'));
  });
});
