import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRuleSet } from '../../src/rules/compile.js';
import { DocumentIndex } from '../../src/rules/document-index.js';
import { runRuleSets } from '../../src/rules/engine.js';
import { CORE_DEFINITIONS } from '../../src/rules/en16931/definitions/core.js';
import { UBL_MODEL_ASSERTIONS, UBL_MODEL_CONTEXTS } from '../../src/rules/en16931/ubl/ubl-model.js';
import { readXml } from '../../src/xml/xml-read.js';

/**
 * The XPath subtleties of the UBL binding of the core rules that the official unit tests do not pin down:
 * existential comparisons, xs:double vs xs:decimal arithmetic, rounding of halves, dates with time zones,
 * the order of contexts. The core binding runs alone here, so these tests do not depend on other rule files.
 */
const ruleSet = compileRuleSet({
  name: 'ubl-model',
  syntax: 'ubl',
  contexts: UBL_MODEL_CONTEXTS,
  assertions: UBL_MODEL_ASSERTIONS,
  definitions: CORE_DEFINITIONS,
});

const NAMESPACES = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
};

/** A UBL document with `body` inside the root element. */
function ubl(body: string, root: keyof typeof NAMESPACES = 'Invoice'): string {
  return `<${root} xmlns="${NAMESPACES[root]}"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">${body}</${root}>`;
}

/** The findings of the core binding on a document. */
function findings(xml: string): { rule: string; path: string; severity: string }[] {
  const root = readXml(xml);
  return runRuleSets(new DocumentIndex(root, 'ubl'), [ruleSet]).map((f) => ({ rule: f.rule, path: f.path, severity: f.severity }));
}

/** True when `rule` fires on the document. */
function fires(xml: string, rule: string): boolean {
  return findings(xml).some((f) => f.rule === rule);
}

const line = (inner: string) => `<cac:InvoiceLine>${inner}</cac:InvoiceLine>`;
const totals = (inner: string) => `<cac:LegalMonetaryTotal>${inner}</cac:LegalMonetaryTotal>`;

describe('UBL core binding: contexts', () => {
  it('checks an invoice period inside a line only as a line period (first matching context wins)', () => {
    const period = '<cac:InvoicePeriod><cbc:StartDate>2024-02-01</cbc:StartDate><cbc:EndDate>2024-01-01</cbc:EndDate></cac:InvoicePeriod>';
    const onLine = findings(ubl(line(period)));
    assert.ok(onLine.some((f) => f.rule === 'BR-30'));
    assert.ok(!onLine.some((f) => f.rule === 'BR-29'));
    assert.ok(fires(ubl(period), 'BR-29'));
  });

  it('reads the charge indicator as xs:boolean (whitespace, 1/0), and an unreadable one matches neither context', () => {
    const charge = (indicator: string) => ubl(`<cac:AllowanceCharge><cbc:ChargeIndicator>${indicator}</cbc:ChargeIndicator></cac:AllowanceCharge>`);
    assert.ok(fires(charge(' true '), 'BR-36'));
    assert.ok(fires(charge('1'), 'BR-36'));
    assert.ok(fires(charge('0'), 'BR-31'));
    const neither = findings(charge('yes')).map((f) => f.rule);
    assert.ok(!neither.includes('BR-31') && !neither.includes('BR-36'));
  });

  it('applies the document level allowance rules only to children of the root, line ones only inside lines', () => {
    const allowance = '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator></cac:AllowanceCharge>';
    const rules = findings(ubl(line(allowance))).map((f) => f.rule);
    assert.ok(rules.includes('BR-41') && !rules.includes('BR-31'));
  });

  it('needs the UBL namespace on the root for the invoice-level rules', () => {
    assert.ok(fires(ubl(''), 'BR-01'));
    assert.ok(fires(ubl('', 'CreditNote'), 'BR-01'));
    assert.ok(!fires('<Invoice/>', 'BR-01'));
    assert.ok(!fires('<Invoice xmlns="urn:example"/>', 'BR-01'));
  });
});

describe('UBL core binding: comparisons and arithmetic', () => {
  it('BR-27 compares prices as xs:double, existentially; a missing or unreadable price fails', () => {
    const priced = (amounts: string[]) => ubl(line(`<cac:Price>${amounts.map((a) => `<cbc:PriceAmount>${a}</cbc:PriceAmount>`).join('')}</cac:Price>`));
    assert.ok(!fires(priced([' 1.5E2 ']), 'BR-27'));
    assert.ok(!fires(priced(['-1', '0']), 'BR-27'));
    assert.ok(fires(priced(['-0.01']), 'BR-27'));
    assert.ok(fires(priced(['abc']), 'BR-27'));
    assert.ok(fires(ubl(line('')), 'BR-27'));
  });

  it('BR-CO-10 sums line amounts as decimals and rounds halves towards positive infinity', () => {
    const doc = (sum: string, amounts: string[]) =>
      ubl(totals(`<cbc:LineExtensionAmount>${sum}</cbc:LineExtensionAmount>`) + amounts.map((a) => line(`<cbc:LineExtensionAmount>${a}</cbc:LineExtensionAmount>`)).join(''));
    assert.ok(!fires(doc('0.3', ['0.1', '0.2']), 'BR-CO-10'));
    assert.ok(!fires(doc('10.01', ['10.004', '0.001']), 'BR-CO-10'));
    assert.ok(fires(doc('10.00', ['10.004', '0.001']), 'BR-CO-10'));
    assert.ok(!fires(doc('-10.00', ['-10.005']), 'BR-CO-10'));
    assert.ok(fires(doc('-10.01', ['-10.005']), 'BR-CO-10'));
  });

  it('BR-CO-10 counts credit note lines and invoice lines alike', () => {
    const doc = ubl(
      totals('<cbc:LineExtensionAmount>30</cbc:LineExtensionAmount>') +
        '<cac:CreditNoteLine><cbc:LineExtensionAmount>10</cbc:LineExtensionAmount></cac:CreditNoteLine>' +
        line('<cbc:LineExtensionAmount>20</cbc:LineExtensionAmount>'),
      'CreditNote',
    );
    assert.ok(!fires(doc, 'BR-CO-10'));
  });

  it('BR-CO-11 holds when there are neither allowances nor a sum, and fails on a sum without allowances', () => {
    assert.ok(!fires(ubl(totals('')), 'BR-CO-11'));
    assert.ok(!fires(ubl(totals('<cbc:AllowanceTotalAmount>0</cbc:AllowanceTotalAmount>')), 'BR-CO-11'));
    assert.ok(fires(ubl(totals('<cbc:AllowanceTotalAmount>1</cbc:AllowanceTotalAmount>')), 'BR-CO-11'));
  });

  it('BR-CO-16 compares (due - rounding) and (with VAT - paid), each rounded to 2 decimals', () => {
    const doc = (inner: string) => ubl(totals(inner));
    const base = '<cbc:TaxInclusiveAmount>100.00</cbc:TaxInclusiveAmount><cbc:PrepaidAmount>20.00</cbc:PrepaidAmount>';
    assert.ok(!fires(doc(`${base}<cbc:PayableRoundingAmount>0.01</cbc:PayableRoundingAmount><cbc:PayableAmount>80.01</cbc:PayableAmount>`), 'BR-CO-16'));
    assert.ok(fires(doc(`${base}<cbc:PayableAmount>80.01</cbc:PayableAmount>`), 'BR-CO-16'));
    assert.ok(!fires(doc('<cbc:TaxInclusiveAmount>5</cbc:TaxInclusiveAmount><cbc:PayableAmount>5.00</cbc:PayableAmount>'), 'BR-CO-16'));
  });

  it('BR-CO-17 accepts a VAT amount within 1 of the computed one and needs 0 when the rate rounds to 0', () => {
    const subtotal = (taxable: string, tax: string, percent?: string) =>
      ubl(`<cac:TaxTotal><cac:TaxSubtotal><cbc:TaxableAmount>${taxable}</cbc:TaxableAmount><cbc:TaxAmount>${tax}</cbc:TaxAmount>
        <cac:TaxCategory><cbc:ID>S</cbc:ID>${percent === undefined ? '' : `<cbc:Percent>${percent}</cbc:Percent>`}
        <cac:TaxScheme><cbc:ID> vat </cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>`);
    assert.ok(!fires(subtotal('100', '19.99', '19'), 'BR-CO-17'));
    assert.ok(fires(subtotal('100', '20.00', '19'), 'BR-CO-17'));
    assert.ok(!fires(subtotal('-100', '-19', '19'), 'BR-CO-17'));
    assert.ok(!fires(subtotal('100', '0.49', '0.4'), 'BR-CO-17'));
    assert.ok(fires(subtotal('100', '0.50', '0.4'), 'BR-CO-17'));
    assert.ok(!fires(subtotal('100', '0'), 'BR-CO-17'));
  });

  it('BR-CO-15 needs exactly one VAT total in the document currency', () => {
    const doc = (amounts: string) =>
      ubl(`<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>${amounts}` +
        totals('<cbc:TaxExclusiveAmount>100</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount>119</cbc:TaxInclusiveAmount>'));
    const total = (currency: string, amount: string) => `<cac:TaxTotal><cbc:TaxAmount currencyID="${currency}">${amount}</cbc:TaxAmount></cac:TaxTotal>`;
    assert.ok(!fires(doc(total('EUR', '19') + total('SEK', '200')), 'BR-CO-15'));
    assert.ok(fires(doc(total('EUR', '19') + total('EUR', '19')), 'BR-CO-15'));
    assert.ok(fires(doc(total('SEK', '19')), 'BR-CO-15'));
  });

  it('BR-DEC-13 never fires in UBL: its predicate looks for the currency code under the amount', () => {
    const doc = ubl('<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cac:TaxTotal><cbc:TaxAmount currencyID="EUR">1.123</cbc:TaxAmount></cac:TaxTotal>');
    assert.ok(!fires(doc, 'BR-DEC-13'));
  });
});

describe('UBL core binding: dates, identifiers, parties', () => {
  it('BR-29 compares dates as instants, time zones included', () => {
    const period = (start: string, end: string) =>
      ubl(`<cac:InvoicePeriod><cbc:StartDate>${start}</cbc:StartDate><cbc:EndDate>${end}</cbc:EndDate></cac:InvoicePeriod>`);
    assert.ok(!fires(period('2024-01-02+14:00', '2024-01-01-10:00'), 'BR-29'));
    assert.ok(fires(period('2024-01-02+13:00', '2024-01-01-10:00'), 'BR-29'));
    assert.ok(!fires(period('2024-01-01', '2024-01-01'), 'BR-29'));
    assert.ok(fires(period('2024-02-30', '2024-03-01'), 'BR-29'));
  });

  it('BR-CO-09 searches the first two characters in the prefix list, so short identifiers pass', () => {
    const vatId = (id: string) => ubl(`<cac:PartyTaxScheme><cbc:CompanyID>${id}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>`);
    assert.ok(!fires(vatId('EL123456789'), 'BR-CO-09'));
    assert.ok(!fires(vatId('D'), 'BR-CO-09'));
    assert.ok(fires(vatId('de123'), 'BR-CO-09'));
    assert.ok(fires(vatId('QQ1'), 'BR-CO-09'));
  });

  it('BR-17 fails when the payee shares a name or an identifier with the seller', () => {
    const doc = (payee: string) =>
      ubl(`<cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification><cbc:ID>S1</cbc:ID></cac:PartyIdentification>
        <cac:PartyName><cbc:Name>Seller</cbc:Name></cac:PartyName></cac:Party></cac:AccountingSupplierParty><cac:PayeeParty>${payee}</cac:PayeeParty>`);
    assert.ok(!fires(doc('<cac:PartyName><cbc:Name>Factor</cbc:Name></cac:PartyName>'), 'BR-17'));
    assert.ok(fires(doc('<cac:PartyName><cbc:Name>Seller</cbc:Name></cac:PartyName>'), 'BR-17'));
    assert.ok(fires(doc('<cac:PartyIdentification><cbc:ID>S1</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>Other</cbc:Name></cac:PartyName>'), 'BR-17'));
  });

  it('BR-B-01 allows split payment only when every country code in the document is IT', () => {
    const doc = (countries: string[]) =>
      ubl(countries.map((c) => `<cac:Country><cbc:IdentificationCode>${c}</cbc:IdentificationCode></cac:Country>`).join('') +
        line('<cac:Item><cac:ClassifiedTaxCategory><cbc:ID>B</cbc:ID></cac:ClassifiedTaxCategory></cac:Item>'));
    assert.ok(!fires(doc(['IT', 'IT']), 'BR-B-01'));
    assert.ok(fires(doc(['IT', 'FR']), 'BR-B-01'));
  });

  it('reports card numbers longer than 10 characters as a warning', () => {
    const card = (pan: string) => ubl(`<cac:PaymentMeans><cac:CardAccount><cbc:PrimaryAccountNumberID>${pan}</cbc:PrimaryAccountNumberID></cac:CardAccount></cac:PaymentMeans>`);
    assert.deepEqual(findings(card('123456 7890')).filter((f) => f.rule === 'BR-51').map((f) => f.severity), ['warning']);
    assert.ok(!fires(card('  1234567890  '), 'BR-51'));
  });
});
