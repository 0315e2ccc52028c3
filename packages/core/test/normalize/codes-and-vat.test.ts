import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeInvoice } from '@einvoice-hub/core';
import { buildInvoice, changeAt } from './invoice-builder.js';

describe('normalization rule 2: country and currency codes in uppercase', () => {
  it('uppercases every country code and both currency codes, naming the business term', () => {
    const invoice = buildInvoice('invoice-allowances-charges', (draft) => {
      draft.currencyCode = 'eur';
      draft.vatAccountingCurrencyCode = 'Eur';
      if (draft.seller?.address) draft.seller.address.countryCode = 'fr';
      if (draft.buyer?.address) draft.buyer.address.countryCode = 'Fr';
      if (draft.delivery?.address) draft.delivery.address.countryCode = 'fR';
      draft.sellerTaxRepresentative = { name: 'Rep', vatId: 'BE0477472701', address: { countryCode: 'be' } };
      const item = draft.lines?.[0]?.item;
      if (item) item.originCountryCode = 'it';
    });
    const result = normalizeInvoice(invoice, {});
    const expected = [
      ['currencyCode', 'BT-5', 'EUR'],
      ['vatAccountingCurrencyCode', 'BT-6', 'EUR'],
      ['seller.address.countryCode', 'BT-40', 'FR'],
      ['buyer.address.countryCode', 'BT-55', 'FR'],
      ['sellerTaxRepresentative.address.countryCode', 'BT-69', 'BE'],
      ['delivery.address.countryCode', 'BT-80', 'FR'],
      ['lines[0].item.originCountryCode', 'BT-159', 'IT'],
    ] as const;
    for (const [path, term, to] of expected) {
      const change = changeAt(result, path);
      assert.deepEqual([change.terms, change.to], [[term], to], path);
    }
    assert.equal(result.changes.length, expected.length);
    assert.equal(result.invoice.delivery?.address?.countryCode, 'FR');
  });

  it('touches only values with the shape of a code, and only their ASCII letters', () => {
    const invoice = buildInvoice('invoice-standard-rated', (draft) => {
      draft.currencyCode = 'ßek';
      draft.vatAccountingCurrencyCode = 'euro';
      if (draft.buyer?.address) draft.buyer.address.countryCode = 'Sweden';
    });
    const result = normalizeInvoice(invoice, {});
    assert.deepEqual(result.changes, [], 'left to validation, which names the code list');
    assert.equal(result.invoice.currencyCode, 'ßek', 'no locale rule expands ß to SS');
  });
});

describe('normalization rule 3: VAT identifiers with their country prefix', () => {
  it("prefixes the seller's, buyer's and tax representative's VAT identifiers with their own country", () => {
    const invoice = buildInvoice('invoice-factur-x-reverse-charge', (draft) => {
      if (draft.seller) draft.seller.vatId = '40303265045';
      if (draft.buyer) draft.buyer.vatId = '0477472701';
      draft.sellerTaxRepresentative = { name: 'Rep', vatId: '123456789', address: { countryCode: 'DE' } };
    });
    const result = normalizeInvoice(invoice, {});
    assert.deepEqual(changeAt(result, 'seller.vatId'), {
      path: 'seller.vatId',
      terms: ['BT-31'],
      from: '40303265045',
      to: 'FR40303265045',
      reason: "added the VAT prefix FR of the seller's country FR",
    });
    assert.equal(changeAt(result, 'buyer.vatId').to, 'BE0477472701');
    assert.deepEqual(changeAt(result, 'buyer.vatId').terms, ['BT-48']);
    assert.equal(changeAt(result, 'sellerTaxRepresentative.vatId').to, 'DE123456789');
    assert.deepEqual(changeAt(result, 'sellerTaxRepresentative.vatId').terms, ['BT-63']);
    assert.equal(result.invoice.buyer?.vatId, 'BE0477472701');
  });

  it('uses EL, not GR, for Greece', () => {
    const invoice = buildInvoice('invoice-standard-rated', (draft) => {
      if (draft.seller) draft.seller.vatId = '094014201';
      if (draft.seller?.address) draft.seller.address.countryCode = 'gr';
    });
    const result = normalizeInvoice(invoice, {});
    assert.equal(result.invoice.seller?.vatId, 'EL094014201');
    assert.equal(changeAt(result, 'seller.vatId').reason, "added the VAT prefix EL of the seller's country GR");
  });

  it('takes the country after trimming and uppercasing it, and trims the identifier first', () => {
    const invoice = buildInvoice('invoice-standard-rated', (draft) => {
      if (draft.seller) draft.seller.vatId = ' 556677889901';
      if (draft.seller?.address) draft.seller.address.countryCode = ' se';
    });
    const result = normalizeInvoice(invoice, {});
    assert.deepEqual(
      result.changes.filter((change) => change.path === 'seller.vatId').map(({ from, to }) => [from, to]),
      [
        [' 556677889901', '556677889901'],
        ['556677889901', 'SE556677889901'],
      ],
    );
  });

  it('leaves a VAT identifier without prefix alone when the country is unknown or not a code', () => {
    const invoice = buildInvoice('invoice-standard-rated', (draft) => {
      if (draft.seller) draft.seller.vatId = '556677889901';
      if (draft.seller?.address) delete draft.seller.address.countryCode;
      if (draft.buyer) draft.buyer.vatId = '123';
      if (draft.buyer?.address) draft.buyer.address.countryCode = 'S1';
    });
    const result = normalizeInvoice(invoice, {});
    assert.deepEqual(result.changes, []);
    assert.equal(result.invoice.seller?.vatId, '556677889901');
  });

  it("uppercases the party's own prefix written in lowercase, keeps other prefixes and inner separators", () => {
    const invoice = buildInvoice('invoice-factur-x-reverse-charge', (draft) => {
      if (draft.seller) draft.seller.vatId = 'fr 40 303265045';
      if (draft.buyer) draft.buyer.vatId = 'nl123456789B01';
    });
    const result = normalizeInvoice(invoice, {});
    assert.equal(result.invoice.seller?.vatId, 'FR 40 303265045');
    assert.equal(changeAt(result, 'seller.vatId').reason, "wrote the VAT prefix of the seller's country FR in uppercase");
    assert.equal(result.invoice.buyer?.vatId, 'nl123456789B01', 'not the buyer country (BE): left to validation');
  });
});
