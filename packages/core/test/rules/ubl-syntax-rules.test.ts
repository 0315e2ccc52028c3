import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readXml } from '../../src/xml/xml-read.js';
import { compileRuleSet } from '../../src/rules/compile.js';
import { DocumentIndex } from '../../src/rules/document-index.js';
import { runRuleSets } from '../../src/rules/engine.js';
import { UBL_SYNTAX_ASSERTIONS, UBL_SYNTAX_CONTEXTS, UBL_SYNTAX_DEFINITIONS } from '../../src/rules/en16931/ubl/ubl-syntax.js';

/**
 * The XPath details of the hand-written UBL-SR, UBL-DT and conditional UBL-CR rules that the official unit
 * tests do not reach: general comparisons over node-sets, upper-case(), name() suffixes, first-match contexts.
 */

const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const ROOT_NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
};

const syntaxRules = compileRuleSet({
  name: 'ubl-syntax',
  syntax: 'ubl',
  contexts: UBL_SYNTAX_CONTEXTS,
  assertions: UBL_SYNTAX_ASSERTIONS,
  definitions: UBL_SYNTAX_DEFINITIONS,
});

/** The findings of rule `id` on a document with `body` under its root, as `severity path` strings. */
function findings(id: string, body: string, root: 'Invoice' | 'CreditNote' = 'Invoice'): string[] {
  const xml = `<${root} xmlns="${ROOT_NS[root]}" xmlns:cac="${CAC}" xmlns:cbc="${CBC}">${body}</${root}>`;
  return runRuleSets(new DocumentIndex(readXml(xml), 'ubl'), [syntaxRules])
    .filter((f) => f.rule === id)
    .map((f) => `${f.severity} ${f.path}`);
}

const fires = (id: string, body: string, root?: 'Invoice' | 'CreditNote') => findings(id, body, root).length > 0;

const taxScheme = (scheme: string | undefined, companyId = 'DE123') =>
  `<cac:PartyTaxScheme><cbc:CompanyID>${companyId}</cbc:CompanyID>${scheme === undefined ? '' : `<cac:TaxScheme>${scheme}</cac:TaxScheme>`}</cac:PartyTaxScheme>`;
const seller = (inner: string) => `<cac:AccountingSupplierParty><cac:Party>${inner}</cac:Party></cac:AccountingSupplierParty>`;

describe('UBL-DT-01 amounts context', () => {
  it('takes every element whose name ends with Amount, except prices and what a discounted price holds', () => {
    assert.deepEqual(findings('UBL-DT-01', '<cac:LegalMonetaryTotal><cbc:PayableAmount>1.005</cbc:PayableAmount></cac:LegalMonetaryTotal>'), [
      'fatal /Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount',
    ]);
    assert.equal(fires('UBL-DT-01', '<cac:InvoiceLine><cac:Price><cbc:PriceAmount>1.12345</cbc:PriceAmount></cac:Price></cac:InvoiceLine>'), false);
    // Under a cac:Price that has an allowance, every amount is excluded; without one, they are checked.
    const discounted = '<cac:Price><cac:AllowanceCharge><cbc:Amount>0.125</cbc:Amount><cbc:BaseAmount>1.125</cbc:BaseAmount></cac:AllowanceCharge></cac:Price>';
    assert.equal(fires('UBL-DT-01', `<cac:InvoiceLine>${discounted}</cac:InvoiceLine>`), false);
    assert.equal(fires('UBL-DT-01', '<cac:InvoiceLine><cac:Price><cbc:BaseAmount>1.125</cbc:BaseAmount></cac:Price></cac:InvoiceLine>'), true);
    // A document-level allowance is no price allowance.
    assert.equal(fires('UBL-DT-01', '<cac:AllowanceCharge><cbc:Amount>0.125</cbc:Amount></cac:AllowanceCharge>'), true);
  });

  it('reads the name whatever prefix the document uses, and in any namespace', () => {
    const other = `<x:Invoice xmlns:x="${ROOT_NS.Invoice}" xmlns:b="${CBC}" xmlns:f="urn:foreign"><b:TaxAmount>1.234</b:TaxAmount><f:OwnAmount>1.234</f:OwnAmount></x:Invoice>`;
    const fired = runRuleSets(new DocumentIndex(readXml(other), 'ubl'), [syntaxRules]).filter((f) => f.rule === 'UBL-DT-01');
    assert.deepEqual(
      fired.map((f) => f.path),
      ['/Invoice/cbc:TaxAmount', '/Invoice/{urn:foreign}OwnAmount'],
    );
  });

  it('counts every character after the first point of the string value', () => {
    const amount = (value: string) => fires('UBL-DT-01', `<cbc:Amount>${value}</cbc:Amount>`);
    assert.equal(amount('12.34'), false);
    assert.equal(amount('12'), false);
    assert.equal(amount('12.'), false);
    assert.equal(amount('12.340'), true);
    assert.equal(amount('1.2.3'), true);
    // No whitespace trimming: a trailing space counts as a decimal.
    assert.equal(amount('1.50 '), true);
  });
});

describe('UBL-DT binary objects and the name attribute', () => {
  it('requires mimeCode and filename on any element named *BinaryObject', () => {
    assert.deepEqual(findings('UBL-DT-06', '<cbc:EmbeddedDocumentBinaryObject filename="a.pdf">AA==</cbc:EmbeddedDocumentBinaryObject>'), [
      'fatal /Invoice/cbc:EmbeddedDocumentBinaryObject',
    ]);
    assert.equal(fires('UBL-DT-07', '<cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf">AA==</cbc:EmbeddedDocumentBinaryObject>'), true);
    assert.equal(fires('UBL-DT-06', '<cbc:OtherBinaryObject mimeCode="" filename="">AA==</cbc:OtherBinaryObject>'), false);
  });

  it('allows the name attribute on cbc:PaymentMeansCode only', () => {
    assert.equal(fires('UBL-DT-18', '<cac:PaymentMeans><cbc:PaymentMeansCode name="Transfer">30</cbc:PaymentMeansCode></cac:PaymentMeans>'), false);
    assert.equal(fires('UBL-DT-18', '<cac:InvoiceLine><cac:Item><cbc:Name name="x">a</cbc:Name></cac:Item></cac:InvoiceLine>'), true);
  });
});

describe('UBL-SR general comparisons', () => {
  it('UBL-SR-12/13: tax schemes compared upper-cased; a scheme without ID is not VAT, a party tax scheme without scheme is neither', () => {
    assert.equal(fires('UBL-SR-12', seller(taxScheme('<cbc:ID>VAT</cbc:ID>') + taxScheme('<cbc:ID>vat</cbc:ID>'))), true);
    assert.equal(fires('UBL-SR-13', seller(taxScheme('<cbc:ID>VAT</cbc:ID>') + taxScheme('<cbc:ID>vat</cbc:ID>'))), false);
    assert.equal(fires('UBL-SR-13', seller(taxScheme('') + taxScheme('<cbc:ID>FC</cbc:ID>'))), true);
    assert.equal(fires('UBL-SR-12', seller(taxScheme(undefined) + taxScheme(undefined))), false);
    assert.equal(fires('UBL-SR-13', seller(taxScheme(undefined) + taxScheme(undefined))), false);
    // Two tax schemes under one party tax scheme: `= 'VAT'` holds if one is VAT, `!= 'VAT'` if one is not.
    const both = `<cac:PartyTaxScheme><cbc:CompanyID>1</cbc:CompanyID><cbc:CompanyID>2</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme><cac:TaxScheme><cbc:ID>FC</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>`;
    assert.equal(fires('UBL-SR-12', seller(both)), true);
    assert.equal(fires('UBL-SR-13', seller(both)), true);
  });

  it('UBL-SR-19: a payee name must exist and differ from some Seller name', () => {
    const payee = (name: string) => `<cac:PayeeParty>${name}</cac:PayeeParty>`;
    const sellerName = (...names: string[]) =>
      seller(`<cac:PartyLegalEntity>${names.map((n) => `<cbc:RegistrationName>${n}</cbc:RegistrationName>`).join('')}</cac:PartyLegalEntity>`);
    const named = (n: string) => `<cac:PartyName><cbc:Name>${n}</cbc:Name></cac:PartyName>`;
    assert.equal(fires('UBL-SR-19', sellerName('Acme') + payee(named('Factor'))), false);
    assert.equal(fires('UBL-SR-19', sellerName('Acme') + payee(named('Acme'))), true);
    assert.equal(fires('UBL-SR-19', sellerName('Acme') + payee('')), true);
    assert.equal(fires('UBL-SR-19', payee(named('Factor'))), true);
    // Existential: one differing pair is enough.
    assert.equal(fires('UBL-SR-19', sellerName('Acme', 'Other') + payee(named('Acme'))), false);
  });

  it('UBL-SR-20: payee identifiers count unless their scheme is SEPA in any case', () => {
    const payee = (ids: string) =>
      `${seller('<cac:PartyLegalEntity><cbc:RegistrationName>Acme</cbc:RegistrationName></cac:PartyLegalEntity>')}<cac:PayeeParty>${ids}<cac:PartyName><cbc:Name>F</cbc:Name></cac:PartyName></cac:PayeeParty>`;
    const id = (scheme?: string) => `<cac:PartyIdentification><cbc:ID${scheme === undefined ? '' : ` schemeID="${scheme}"`}>1</cbc:ID></cac:PartyIdentification>`;
    assert.equal(fires('UBL-SR-20', payee(id('sepa') + id())), false);
    assert.equal(fires('UBL-SR-20', payee(id() + id('0088'))), true);
  });

  it('UBL-SR-29: SEPA creditor identifiers are counted in the whole document, upper-cased', () => {
    const id = (scheme: string) => `<cac:PartyIdentification><cbc:ID schemeID="${scheme}">1</cbc:ID></cac:PartyIdentification>`;
    assert.equal(fires('UBL-SR-29', `${seller(id('SEPA'))}<cac:PayeeParty>${id('Sepa')}</cac:PayeeParty>`), true);
    assert.equal(fires('UBL-SR-29', `${seller(id('SEPA'))}<cac:PayeeParty>${id('0088')}</cac:PayeeParty>`), false);
  });

  it('UBL-SR-44/47: all values must be equal, compared as exact strings', () => {
    const means = (...codes: string[]) => codes.map((c) => `<cac:PaymentMeans><cbc:PaymentMeansCode>${c}</cbc:PaymentMeansCode><cbc:PaymentID>${c}</cbc:PaymentID></cac:PaymentMeans>`).join('');
    assert.equal(fires('UBL-SR-47', means('30', '30', '30')), false);
    assert.equal(fires('UBL-SR-47', means('30', '30 ')), true);
    assert.equal(fires('UBL-SR-44', means('58', '58')), false);
    assert.equal(fires('UBL-SR-44', means('58', '31')), true);
  });

  it('UBL-SR-43: a scheme identifier only on an invoiced object (130), or 50 in a credit note', () => {
    const ref = (type: string | undefined, scheme: boolean) =>
      `<cac:AdditionalDocumentReference><cbc:ID${scheme ? ' schemeID="AAA"' : ''}>1</cbc:ID>${type === undefined ? '' : `<cbc:DocumentTypeCode>${type}</cbc:DocumentTypeCode>`}</cac:AdditionalDocumentReference>`;
    assert.equal(fires('UBL-SR-43', ref('130', true)), false);
    assert.equal(fires('UBL-SR-43', ref(undefined, false)), false);
    assert.equal(fires('UBL-SR-43', ref(undefined, true)), true);
    assert.equal(fires('UBL-SR-43', ref('50', true)), true);
    assert.equal(fires('UBL-SR-43', ref('50', true), 'CreditNote'), false);
    // A document type code other than 130 (or 50 in a credit note) fails even without a scheme identifier.
    assert.equal(fires('UBL-SR-43', ref('916', false)), true);
  });

  it('UBL-SR-30/31: allowance and charge contexts follow the boolean cast of the charge indicator', () => {
    const ac = (indicator: string) =>
      `<cac:AllowanceCharge><cbc:ChargeIndicator>${indicator}</cbc:ChargeIndicator><cbc:AllowanceChargeReason>a</cbc:AllowanceChargeReason><cbc:AllowanceChargeReason>b</cbc:AllowanceChargeReason></cac:AllowanceCharge>`;
    assert.equal(fires('UBL-SR-30', ac(' false ')), true);
    assert.equal(fires('UBL-SR-30', ac('0')), true);
    assert.equal(fires('UBL-SR-31', ac('1')), true);
    // Not a boolean: neither context matches.
    assert.equal(fires('UBL-SR-30', ac('no')) || fires('UBL-SR-31', ac('no')), false);
  });

  it('UBL-SR-48: exactly one classified tax category per line', () => {
    const line = (n: number) => `<cac:InvoiceLine><cac:Item>${'<cac:ClassifiedTaxCategory/>'.repeat(n)}</cac:Item></cac:InvoiceLine>`;
    assert.equal(fires('UBL-SR-48', line(1)), false);
    assert.equal(fires('UBL-SR-48', line(0)), true);
    assert.equal(fires('UBL-SR-48', line(2)), true);
  });
});

describe('conditional UBL-CR rules', () => {
  it('UBL-CR-002: the UBL version may be given when one of them is exactly 2.1', () => {
    assert.equal(fires('UBL-CR-002', '<cbc:UBLVersionID>2.1</cbc:UBLVersionID>'), false);
    assert.equal(fires('UBL-CR-002', '<cbc:UBLVersionID> 2.1</cbc:UBLVersionID>'), true);
    assert.equal(fires('UBL-CR-002', '<cbc:UBLVersionID>2.0</cbc:UBLVersionID><cbc:UBLVersionID>2.1</cbc:UBLVersionID>'), false);
  });

  it('UBL-CR-412: a payment means due date is for credit notes only', () => {
    const body = '<cac:PaymentMeans><cbc:PaymentDueDate>2024-01-01</cbc:PaymentDueDate></cac:PaymentMeans>';
    assert.deepEqual(findings('UBL-CR-412', body), ['warning /Invoice']);
    assert.equal(fires('UBL-CR-412', body, 'CreditNote'), false);
  });

  it('UBL-CR-665/666/673: what an invoiced object reference may hold, anywhere in the document', () => {
    const ref = (types: string[], inner: string) =>
      `<cac:AdditionalDocumentReference><cbc:ID schemeID="AAA">1</cbc:ID>${types.map((t) => `<cbc:DocumentTypeCode>${t}</cbc:DocumentTypeCode>`).join('')}${inner}</cac:AdditionalDocumentReference>`;
    assert.equal(fires('UBL-CR-665', ref(['130'], '')), false);
    assert.equal(fires('UBL-CR-665', ref([], '')), true);
    // `!= '130'` is existential: a second, other code makes it true.
    assert.equal(fires('UBL-CR-665', ref(['130', '916'], '')), true);
    assert.deepEqual(findings('UBL-CR-666', ref(['130'], '<cac:Attachment/>')), ['fatal /Invoice']);
    assert.equal(fires('UBL-CR-666', ref(['916'], '<cac:Attachment/>')), false);
    assert.equal(fires('UBL-CR-673', `<cac:BillingReference>${ref(['130'], '<cbc:DocumentDescription>d</cbc:DocumentDescription>')}</cac:BillingReference>`), true);
  });
});

describe('UBL-syntax document element context', () => {
  it('is the document element only, not an Invoice nested inside it', () => {
    const nested = `<cac:InvoiceLine><cac:Item><Invoice xmlns="${ROOT_NS.Invoice}"><cbc:UUID>1</cbc:UUID></Invoice></cac:Item></cac:InvoiceLine>`;
    assert.equal(fires('UBL-CR-005', nested), false);
    assert.equal(fires('UBL-CR-005', '<cbc:UUID>1</cbc:UUID>'), true);
  });

  it('reports the document rules once, in official order', () => {
    const body = '<cbc:UUID>1</cbc:UUID><cbc:IssueTime>10:00</cbc:IssueTime><cac:Delivery/><cac:Delivery/><cbc:Note format="x">n</cbc:Note>';
    const xml = `<Invoice xmlns="${ROOT_NS.Invoice}" xmlns:cac="${CAC}" xmlns:cbc="${CBC}">${body}</Invoice>`;
    const atRoot = runRuleSets(new DocumentIndex(readXml(xml), 'ubl'), [syntaxRules]).filter((f) => f.path === '/Invoice');
    assert.deepEqual(
      atRoot.map((f) => f.rule),
      ['UBL-CR-005', 'UBL-CR-006', 'UBL-DT-12', 'UBL-SR-24'],
    );
  });
});
