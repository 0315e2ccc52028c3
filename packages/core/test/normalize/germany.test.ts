import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasValidLeitwegIdCheckDigits, looksLikeLeitwegId, normalizeInvoice, type Invoice } from '@einvoice-hub/core';
import { buildGermanInvoice, changeAt, problemAt, validLeitwegId, wrongLeitwegId } from './invoice-builder.js';

function useMixedCaseEmails(draft: Invoice): void {
  if (draft.seller?.contact) draft.seller.contact.email = 'Erika.Muster@Muster-Software.example';
  if (draft.seller?.electronicAddress) draft.seller.electronicAddress.id = 'Rechnung@Muster-Software.EXAMPLE';
  if (draft.buyer) {
    draft.buyer.contact = { name: 'Poststelle', email: 'Poststelle@Musterstadt.example' };
    draft.buyer.electronicAddress = { id: 'EINGANG@Musterstadt.example', schemeId: 'em' };
  }
}

describe('normalization rule 4: German e-mail addresses', () => {
  it('lowercases the contact e-mails and the EM electronic addresses in Germany', () => {
    const result = normalizeInvoice(buildGermanInvoice(useMixedCaseEmails), { country: 'DE' });
    const expected = [
      ['seller.contact.email', 'BT-43', 'erika.muster@muster-software.example'],
      ['buyer.contact.email', 'BT-58', 'poststelle@musterstadt.example'],
      ['seller.electronicAddress.id', 'BT-34', 'rechnung@muster-software.example'],
      ['buyer.electronicAddress.id', 'BT-49', 'eingang@musterstadt.example'],
    ] as const;
    for (const [path, term, to] of expected) {
      const change = changeAt(result, path);
      assert.deepEqual([change.terms, change.to, change.reason], [[term], to, 'wrote the e-mail address in lowercase'], path);
    }
    assert.equal(result.changes.length, expected.length);
  });

  it('accepts the country of the context in any case', () => {
    const result = normalizeInvoice(buildGermanInvoice(useMixedCaseEmails), { country: ' de' });
    assert.equal(result.invoice.seller?.contact?.email, 'erika.muster@muster-software.example');
  });

  it('leaves e-mail addresses alone outside Germany', () => {
    for (const country of [undefined, 'FR', 'IT']) {
      const result = normalizeInvoice(buildGermanInvoice(useMixedCaseEmails), { country });
      assert.deepEqual(result.changes, [], String(country));
      assert.equal(result.invoice.seller?.contact?.email, 'Erika.Muster@Muster-Software.example');
    }
  });

  it('does not lowercase an electronic address of another scheme', () => {
    const result = normalizeInvoice(
      buildGermanInvoice((draft) => {
        if (draft.seller) draft.seller.electronicAddress = { id: 'DE:Ab-12', schemeId: '9930' };
      }),
      { country: 'DE' },
    );
    assert.equal(result.invoice.seller?.electronicAddress?.id, 'DE:Ab-12');
  });
});

describe('normalization rule 4: Leitweg-ID', () => {
  it('computes check digits the same way as an independent BigInt computation, on known Leitweg-IDs', () => {
    // Published examples: KoSIT's worked example, and the test and federal IDs used by e-rechnung portals.
    for (const known of ['04011000-1234512345-06', '992-90009-96', '04011000-900X999-08']) {
      const withoutCheck = known.slice(0, -3);
      assert.equal(validLeitwegId(withoutCheck), known, 'the test helper agrees with the published check digits');
      assert.ok(hasValidLeitwegIdCheckDigits(known), known);
      assert.ok(!hasValidLeitwegIdCheckDigits(wrongLeitwegId(withoutCheck)), `${known} with other check digits`);
    }
  });

  it('accepts a right Leitweg-ID in BT-10 and writes its letters in uppercase', () => {
    const leitwegId = validLeitwegId('09564000-NUE0001');
    const result = normalizeInvoice(
      buildGermanInvoice((draft) => {
        draft.buyerReference = leitwegId.toLowerCase();
      }),
      { country: 'DE' },
    );
    assert.deepEqual(result.problems, []);
    assert.equal(result.invoice.buyerReference, leitwegId);
    assert.deepEqual(changeAt(result, 'buyerReference'), {
      path: 'buyerReference',
      terms: ['BT-10'],
      from: leitwegId.toLowerCase(),
      to: leitwegId,
      reason: 'wrote the Leitweg-ID in uppercase',
    });
  });

  it('fails a BT-10 with the shape of a Leitweg-ID and wrong check digits', () => {
    const wrong = wrongLeitwegId('04011000-1234512345');
    const result = normalizeInvoice(
      buildGermanInvoice((draft) => {
        draft.buyerReference = wrong;
      }),
      { country: 'DE' },
    );
    const problem = problemAt(result, 'buyerReference');
    assert.deepEqual([problem.terms, problem.value, problem.check], [['BT-10'], wrong, 'leitweg-id-check-digits']);
    assert.match(problem.message, /check digits/);
    assert.equal(result.problems.length, 1);
  });

  it('does not fail ordinary buyer references that are not Leitweg-IDs', () => {
    const references = ['PO-77', '4500012345', 'KST 4711', '2024-01', '2024-01-15', '05-12', '12345-67', '17-ABC-12', 'Avd. 4411', '04011000'];
    for (const reference of references) {
      assert.equal(looksLikeLeitwegId(reference), false, reference);
      const result = normalizeInvoice(
        buildGermanInvoice((draft) => {
          draft.buyerReference = reference;
        }),
        { country: 'DE' },
      );
      assert.deepEqual([result.changes, result.problems], [[], []], reference);
    }
  });

  it('recognises the Leitweg-ID shapes of Land, Kreis, Gemeinde and Bund', () => {
    for (const coarse of ['04011000', '992', '05', '053', '05315', '053150000', '053150000000']) {
      assert.ok(looksLikeLeitwegId(validLeitwegId(`${coarse}-1A`)), coarse);
    }
    assert.ok(looksLikeLeitwegId(validLeitwegId('04011000')), 'Gemeinde level without Feinadressierung');
    assert.ok(!looksLikeLeitwegId(validLeitwegId('1234-1A')), 'no Grobadressierung has 4 digits');
    assert.ok(!looksLikeLeitwegId(validLeitwegId(`04011000-${'A'.repeat(31)}`)), 'Feinadressierung has at most 30 characters');
  });

  it('checks an electronic address with scheme 0204, which is a Leitweg-ID by declaration', () => {
    const wrong = wrongLeitwegId('04011000-12345');
    const result = normalizeInvoice(
      buildGermanInvoice((draft) => {
        if (draft.buyer?.electronicAddress) draft.buyer.electronicAddress.id = wrong;
      }),
      { country: 'DE' },
    );
    const problem = problemAt(result, 'buyer.electronicAddress.id');
    assert.deepEqual([problem.terms, problem.check], [['BT-49'], 'leitweg-id-check-digits']);

    const malformed = normalizeInvoice(
      buildGermanInvoice((draft) => {
        if (draft.buyer?.electronicAddress) draft.buyer.electronicAddress.id = 'Stadt Musterstadt';
      }),
      { country: 'DE' },
    );
    assert.equal(problemAt(malformed, 'buyer.electronicAddress.id').check, 'leitweg-id-format');
  });

  it('checks no Leitweg-ID outside Germany', () => {
    const result = normalizeInvoice(
      buildGermanInvoice((draft) => {
        draft.buyerReference = wrongLeitwegId('04011000-1234512345');
      }),
      { country: 'AT' },
    );
    assert.deepEqual(result.problems, []);
  });
});
