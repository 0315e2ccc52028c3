import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCodiceFiscaleFault, normalizeInvoice } from '@einvoice-hub/core';
import { buildItalianInvoice, changeAt, problemAt } from './invoice-builder.js';

describe('normalization rule 5: Italian identifiers', () => {
  it('finds nothing to repair in a correct Italian invoice', () => {
    const result = normalizeInvoice(buildItalianInvoice(), { country: 'IT' });
    assert.deepEqual([result.changes, result.problems], [[], []]);
  });

  it('uppercases the codice destinatario (0205) and the codice fiscale (0210)', () => {
    const result = normalizeInvoice(
      buildItalianInvoice((draft) => {
        if (draft.buyer?.electronicAddress) draft.buyer.electronicAddress.id = 'abc1234';
        if (draft.buyer?.identifier) draft.buyer.identifier.id = 'rssmra80a01h501u';
      }),
      { country: 'IT' },
    );
    assert.deepEqual(changeAt(result, 'buyer.electronicAddress.id'), {
      path: 'buyer.electronicAddress.id',
      terms: ['BT-49'],
      from: 'abc1234',
      to: 'ABC1234',
      reason: 'wrote the codice destinatario in uppercase',
    });
    assert.equal(changeAt(result, 'buyer.identifier.id').to, 'RSSMRA80A01H501U');
    assert.deepEqual(changeAt(result, 'buyer.identifier.id').terms, ['BT-46']);
    assert.deepEqual(result.problems, []);
  });

  it('fails a codice destinatario that is not 7 letters and digits, and an IPA code that is not 6', () => {
    const result = normalizeInvoice(
      buildItalianInvoice((draft) => {
        if (draft.buyer?.electronicAddress) draft.buyer.electronicAddress.id = 'UFE3HR';
        if (draft.seller) draft.seller.electronicAddress = { id: 'ufe3hr0', schemeId: '0201' };
      }),
      { country: 'IT' },
    );
    const destinatario = problemAt(result, 'buyer.electronicAddress.id');
    assert.deepEqual([destinatario.terms, destinatario.value, destinatario.check], [['BT-49'], 'UFE3HR', 'codice-destinatario-format']);
    const ipa = problemAt(result, 'seller.electronicAddress.id');
    assert.deepEqual([ipa.terms, ipa.value, ipa.check], [['BT-34'], 'UFE3HR0', 'ipa-code-format']);
  });

  it('accepts a 6-character IPA code for a public buyer', () => {
    const result = normalizeInvoice(
      buildItalianInvoice((draft) => {
        if (draft.buyer) draft.buyer.electronicAddress = { id: 'ufe3hr', schemeId: '0201' };
      }),
      { country: 'IT' },
    );
    assert.deepEqual(result.problems, []);
    assert.equal(changeAt(result, 'buyer.electronicAddress.id').reason, 'wrote the IPA code in uppercase');
  });

  it('checks the codice fiscale wherever a party identifier carries scheme 0210', () => {
    const result = normalizeInvoice(
      buildItalianInvoice((draft) => {
        if (draft.seller) draft.seller.identifiers = [{ id: '00743110158', schemeId: '0210' }];
        if (draft.buyer) draft.buyer.legalRegistrationId = { id: 'RSSMRA80A01H501X', schemeId: '0210' };
        if (draft.buyer?.identifier) draft.buyer.identifier.id = 'RSSMRA80A01H501';
      }),
      { country: 'IT' },
    );
    const expected = [
      ['seller.identifiers[0].id', 'BT-29', 'codice-fiscale-check-digit'],
      ['buyer.legalRegistrationId.id', 'BT-47', 'codice-fiscale-check-character'],
      ['buyer.identifier.id', 'BT-46', 'codice-fiscale-format'],
    ] as const;
    for (const [path, term, check] of expected) {
      const problem = problemAt(result, path);
      assert.deepEqual([problem.terms, problem.check], [[term], check], path);
    }
    assert.equal(result.problems.length, expected.length);
  });

  it('knows the control character of persons and the check digit of companies', () => {
    // Verified by hand with the official odd/even tables and the Luhn rule.
    for (const valid of ['RSSMRA80A01H501U', 'BNCLRA85T41F205Y', 'RSSMRA80A01H50MM', '00743110157', '12345678903']) {
      assert.equal(findCodiceFiscaleFault(valid), undefined, valid);
    }
    assert.equal(findCodiceFiscaleFault('RSSMRA80A01H501V'), 'codice-fiscale-check-character');
    assert.equal(findCodiceFiscaleFault('RSSMRA80Z01H501U'), 'codice-fiscale-format', 'Z is no month');
    assert.equal(findCodiceFiscaleFault('12345678904'), 'codice-fiscale-check-digit');
    assert.equal(findCodiceFiscaleFault('1234567890'), 'codice-fiscale-format');
  });

  it('applies the Italian checks only in Italy', () => {
    const result = normalizeInvoice(
      buildItalianInvoice((draft) => {
        if (draft.buyer?.electronicAddress) draft.buyer.electronicAddress.id = 'abc';
        if (draft.buyer?.identifier) draft.buyer.identifier.id = 'rssmra';
      }),
      { country: 'DE' },
    );
    assert.deepEqual([result.changes, result.problems], [[], []]);
  });
});
