import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_REPORTED_LENGTH, normalizeInvoice, readInvoiceJson, type Invoice } from '@einvoice-hub/core';
import { FIXTURES, buildGermanInvoice, buildInvoice, changeAt, useValidLeitwegId } from './invoice-builder.js';

/** Freezes every object and list of a value, so any write to it throws (ES modules are strict code). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const entry of Object.values(value)) deepFreeze(entry);
    Object.freeze(value);
  }
  return value;
}

/** An invoice with mistakes for every rule, so that every rule would have something to write. */
function buildMessyInvoice(): Invoice {
  return buildGermanInvoice((invoice) => {
    invoice.number = ' RE-2026-00042 ';
    invoice.currencyCode = 'eur';
    invoice.buyerReference = ` ${invoice.buyerReference ?? ''}`;
    if (invoice.seller?.address) invoice.seller.address.countryCode = 'de ';
    if (invoice.seller) invoice.seller.vatId = '123456789';
    if (invoice.seller?.contact) invoice.seller.contact.email = 'Erika@Muster-Software.example';
    const line = invoice.lines?.[0];
    if (line) line.note = '\tSee contract\n';
  });
}

describe('normalizeInvoice', () => {
  it('finds nothing to change in the clean fixtures', () => {
    for (const fixture of FIXTURES) {
      const invoice = buildInvoice(fixture, (draft) => {
        if (draft.seller?.address?.countryCode === 'DE') useValidLeitwegId(draft);
      });
      // The country of the seller selects the national conventions, as a flow for that seller would.
      const result = normalizeInvoice(invoice, { country: invoice.seller?.address?.countryCode });
      assert.deepEqual(result.changes, [], fixture);
      assert.deepEqual(result.problems, [], fixture);
      assert.deepEqual(result.invoice, invoice, fixture);
    }
  });

  it('never mutates its input, and shares no object with it', () => {
    const input = deepFreeze(buildMessyInvoice());
    const before = JSON.stringify(input);
    const result = normalizeInvoice(input, { country: 'DE' });
    assert.ok(result.changes.length >= 6, `the messy invoice was repaired (${result.changes.length} changes)`);
    assert.equal(JSON.stringify(input), before);
    assert.notEqual(result.invoice, input);
    assert.notEqual(result.invoice.seller, input.seller);
    assert.notEqual(result.invoice.seller?.contact, input.seller?.contact);
    assert.notEqual(result.invoice.lines?.[0], input.lines?.[0]);
  });

  it('returns a copy that is still a valid invoice of the JSON form', () => {
    const result = normalizeInvoice(buildMessyInvoice(), { country: 'DE' });
    const reread = readInvoiceJson(JSON.parse(JSON.stringify(result.invoice)));
    assert.ok(reread.ok, JSON.stringify(reread));
    assert.equal(result.invoice.number, 'RE-2026-00042');
    assert.equal(result.invoice.seller?.vatId, 'DE123456789');
  });

  it('records each rule as its own change, the later one starting from the earlier result', () => {
    const invoice = buildInvoice('invoice-standard-rated', (draft) => {
      draft.currencyCode = ' sek ';
    });
    const result = normalizeInvoice(invoice, {});
    const changes = result.changes.filter((change) => change.path === 'currencyCode');
    assert.deepEqual(
      changes.map(({ from, to }) => [from, to]),
      [
        [' sek ', 'sek'],
        ['sek', 'SEK'],
      ],
    );
    assert.ok(changes.every((change) => change.terms[0] === 'BT-5' && change.reason.length > 0));
  });

  it('shortens very long values in its reports, but not in the invoice', () => {
    const note = `${'x'.repeat(10_000)} `;
    const invoice = buildInvoice('invoice-standard-rated', (draft) => {
      draft.paymentTerms = note;
    });
    const result = normalizeInvoice(invoice, {});
    const change = changeAt(result, 'paymentTerms');
    assert.equal(result.invoice.paymentTerms, note.trim());
    assert.ok(change.from.length < MAX_REPORTED_LENGTH + 40, `reported ${change.from.length} characters`);
    assert.match(change.from, /… \(10001 characters\)$/);
    assert.deepEqual(change.terms, ['BT-20']);
  });
});
