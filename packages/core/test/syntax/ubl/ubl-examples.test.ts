import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { readXml, ublCodec } from '@einvoice-hub/core';
import { exampleFiles, unitFiles } from '../../support/shared.js';
import { validateAgainstXsd } from '../../support/xsd.js';

describe('UBL 2.1: the official EN 16931 examples', () => {
  for (const file of exampleFiles('ubl')) {
    it(`${basename(file)}: reads completely, writes XSD-valid UBL, reads back the same`, () => {
      const parsed = ublCodec.parse(readXml(readFileSync(file)));
      assert.deepEqual(parsed.diagnostics, [], 'every element of the example is understood');
      assert.ok(parsed.invoice.number, 'BT-1 read');
      const written = ublCodec.serialize(parsed.invoice);
      assert.deepEqual(written.diagnostics, []);
      const schema = parsed.invoice.kind === 'credit-note' ? 'ubl-credit-note' : 'ubl-invoice';
      assert.deepEqual(validateAgainstXsd(written.xml, schema), []);
      assert.deepEqual(ublCodec.parse(readXml(written.xml)).invoice, parsed.invoice);
    });
  }
});

describe('UBL 2.1: the official unit-test fragments', () => {
  it('reads every UBL fragment without throwing', () => {
    const files = [...unitFiles('Invoice-unit-UBL'), ...unitFiles('CreditNote-unit-UBL')];
    assert.ok(files.length > 500, `found ${files.length} fragments`);
    for (const file of files) {
      const root = readXml(readFileSync(file));
      assert.ok(ublCodec.detect(root), `${basename(file)} is UBL`);
      const parsed = ublCodec.parse(root);
      assert.equal(typeof parsed.invoice, 'object');
    }
  });
});

describe('UBL 2.1: mappings with a twist', () => {
  const ubl = (body: string, root = 'Invoice') =>
    `<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">${body}</${root}>`;

  it('reads BT-21 from the "#CODE#" prefix of a note and writes it back', () => {
    const parsed = ublCodec.parse(readXml(ubl('<cbc:Note>#AAI#Reverse charge\napplies</cbc:Note><cbc:Note>plain</cbc:Note>')));
    assert.deepEqual(parsed.invoice.notes, [{ subjectCode: 'AAI', text: 'Reverse charge\napplies' }, { text: 'plain' }]);
    assert.match(ublCodec.serialize(parsed.invoice).xml, /<cbc:Note>#AAI#Reverse charge\napplies<\/cbc:Note>/);
  });

  it('translates BT-8 between the UBL codes and the model (CII) codes', () => {
    const parsed = ublCodec.parse(readXml(ubl('<cac:InvoicePeriod><cbc:DescriptionCode>35</cbc:DescriptionCode></cac:InvoicePeriod>')));
    assert.equal(parsed.invoice.vatPointDateCode, '29');
    assert.match(ublCodec.serialize(parsed.invoice).xml, /<cbc:DescriptionCode>35<\/cbc:DescriptionCode>/);
  });

  it('splits BT-110 and BT-111 by currency', () => {
    const parsed = ublCodec.parse(
      readXml(
        ubl(
          '<cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>' +
            '<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">9.50</cbc:TaxAmount></cac:TaxTotal>' +
            '<cac:TaxTotal><cbc:TaxAmount currencyID="SEK">100.00</cbc:TaxAmount></cac:TaxTotal>',
        ),
      ),
    );
    assert.deepEqual(parsed.invoice.totals, { vatTotal: '100.00', vatTotalInAccountingCurrency: '9.50' });
  });

  it('reads BT-90 from a SEPA party identifier into the direct debit', () => {
    const parsed = ublCodec.parse(
      readXml(
        ubl(
          '<cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification></cac:Party></cac:AccountingSupplierParty>' +
            '<cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode><cac:PaymentMandate><cbc:ID>M-1</cbc:ID></cac:PaymentMandate></cac:PaymentMeans>',
        ),
      ),
    );
    assert.deepEqual(parsed.invoice.paymentInstructions, [{ meansCode: '59', directDebit: { mandateReference: 'M-1', creditorId: 'DE98ZZZ09999999999' } }]);
    assert.equal(parsed.invoice.seller?.identifiers, undefined);
  });

  it('reports elements it does not understand, with their location, and keeps reading', () => {
    const parsed = ublCodec.parse(readXml(ubl('<cbc:ID>1</cbc:ID><cbc:ID>2</cbc:ID>\n<cbc:UUID>u</cbc:UUID><cbc:IssueDate>2026-01-01</cbc:IssueDate>')));
    assert.equal(parsed.invoice.number, '1');
    assert.equal(parsed.invoice.issueDate, '2026-01-01');
    assert.deepEqual(
      parsed.diagnostics.map((d) => [d.code, d.path, d.line]),
      [
        ['repeated-element', '/Invoice/cbc:ID[2]', 1],
        ['unknown-element', '/Invoice/cbc:UUID', 2],
      ],
    );
  });

  it('writes a credit note as a UBL CreditNote, BT-9 in the payment means', () => {
    const written = ublCodec.serialize({ typeCode: '381', dueDate: '2026-02-01', paymentInstructions: [{ meansCode: '30' }] });
    const root = readXml(written.xml);
    assert.equal(root.local, 'CreditNote');
    const parsed = ublCodec.parse(root);
    assert.equal(parsed.invoice.kind, 'credit-note');
    assert.equal(parsed.invoice.dueDate, '2026-02-01');
  });
});
