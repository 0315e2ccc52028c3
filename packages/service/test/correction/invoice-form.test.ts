import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readInvoiceJson } from '@einvoice-hub/core';
import { applyInvoiceEdits, listInvoiceFields, type InvoiceField } from '../../src/correction/invoice-form.js';
import { fixtureInvoice } from '../worker/documents.js';

const field = (fields: readonly InvoiceField[], path: string) => fields.find((f) => f.path === path);
const edits = (entries: Record<string, string>) => new Map(Object.entries(entries));

/** The xrechnung fixture with two lines (the second a copy of the first). */
function twoLineInvoice(): Record<string, unknown> {
  const invoice = fixtureInvoice();
  const lines = invoice['lines'] as Record<string, unknown>[];
  lines.push({ ...structuredClone(lines[0]!), id: '2' });
  return invoice;
}

describe('listInvoiceFields', () => {
  it('lists every scalar value with its path, business term label and term id', () => {
    const fields = listInvoiceFields(fixtureInvoice());
    assert.deepEqual(field(fields, 'seller.vatId'), {
      path: 'seller.vatId',
      label: 'BT-31 Seller VAT identifier',
      value: 'DE123456789',
      terms: ['BT-31'],
      group: { path: 'seller', label: 'BG-4 SELLER' },
    });
    assert.equal(field(fields, 'lines[0].quantity')?.label, 'BT-129 Invoiced quantity');
    assert.equal(field(fields, 'lines[0].quantity')?.value, '12');
    assert.deepEqual(field(fields, 'lines[0].price.netPrice')?.group, { path: 'lines[0].price', label: 'BG-29 PRICE DETAILS' });
    // Shared schemas resolve to the term of the group that uses them.
    assert.deepEqual(field(fields, 'buyer.address.line1')?.terms, ['BT-50']);
    assert.deepEqual(field(fields, 'seller.address.countryCode')?.terms, ['BT-40']);
    assert.equal(field(fields, 'lines[0].period.startDate')?.label, 'BT-134 Invoice line period start date');
    // An identifier's value and scheme carry the identifier's term and sub-term, in the enclosing group.
    assert.deepEqual(field(fields, 'seller.electronicAddress.schemeId'), {
      path: 'seller.electronicAddress.schemeId',
      label: 'BT-34-1 Seller electronic address scheme',
      value: 'EM',
      terms: ['BT-34-1'],
      group: { path: 'seller', label: 'BG-4 SELLER' },
    });
    assert.equal(field(fields, 'paymentInstructions[0].creditTransfers[0].accountId')?.hint, 'e.g. an IBAN');
    // Only values that are there: no empty fields without a reason.
    assert.equal(field(fields, 'buyer.vatId'), undefined);
    assert.ok(fields.every((f) => f.value !== '' && !f.absent));
  });

  it('offers empty fields for requested terms the invoice lacks, in existing lines only', () => {
    const invoice = twoLineInvoice();
    delete invoice['number'];
    for (const line of invoice['lines'] as Record<string, unknown>[]) delete line['unitCode'];
    const fields = listInvoiceFields(invoice, { offer: [{ term: 'BT-1' }, { term: 'BT-130', line: 1 }, { term: 'BT-43' }] });
    assert.deepEqual(field(fields, 'number'), { path: 'number', label: 'BT-1 Invoice number', value: '', terms: ['BT-1'], absent: true, group: { path: '', label: 'BG-0 INVOICE' } });
    assert.equal(field(fields, 'lines[0].unitCode'), undefined, 'the finding was about line 2 only');
    assert.equal(field(fields, 'lines[1].unitCode')?.absent, true);
    // BT-43 is in the seller's contact, which exists; no BG-9 buyer contact field is invented for it.
    assert.equal(field(fields, 'seller.contact.email')?.absent, undefined);
    assert.equal(field(fields, 'buyer.contact.email'), undefined);
    assert.equal(field(fields, 'precedingInvoices[0].reference'), undefined, 'no list entry is invented');
  });

  it('shows the kind as a choice, and never offers a base64 attachment for editing', () => {
    const invoice = { ...fixtureInvoice(), kind: 'invoice', supportingDocuments: [{ reference: 'R1', attachment: { content: 'JVBERi0=', mimeCode: 'application/pdf', filename: 'a.pdf' } }] };
    const fields = listInvoiceFields(invoice, { offer: [{ term: 'BT-125' }] });
    assert.deepEqual(field(fields, 'kind')?.options, ['invoice', 'credit-note']);
    assert.equal(field(fields, 'supportingDocuments[0].attachment.content'), undefined);
    assert.equal(field(fields, 'supportingDocuments[0].attachment.filename')?.label, 'BT-125-2 Attached document filename');
    assert.deepEqual(applyInvoiceEdits(invoice, edits({ 'supportingDocuments[0].attachment.content': 'AAAA' })), {
      ok: false,
      refused: [{ path: 'supportingDocuments[0].attachment.content', message: 'cannot be edited in the form' }],
    });
  });
});

describe('applyInvoiceEdits', () => {
  it('round-trips: posting every field unchanged changes nothing', () => {
    const invoice = fixtureInvoice();
    const posted = new Map(listInvoiceFields(invoice).map((f) => [f.path, f.value]));
    const result = applyInvoiceEdits(invoice, posted);
    assert.ok(result.ok);
    assert.deepEqual(result.changed, []);
    assert.deepEqual(result.invoice, fixtureInvoice());
  });

  it('changes a copy: the edited values, and nothing else', () => {
    const invoice = twoLineInvoice();
    const result = applyInvoiceEdits(invoice, edits({ 'lines[1].quantity': '13', 'seller.vatId': 'DE999999999', 'lines[0].quantity': '12' }));
    assert.ok(result.ok);
    assert.deepEqual(result.changed, ['lines[1].quantity', 'seller.vatId']);
    const lines = result.invoice['lines'] as { quantity: string }[];
    assert.deepEqual(lines.map((l) => l.quantity), ['12', '13']);
    assert.equal((result.invoice['seller'] as { vatId: string }).vatId, 'DE999999999');
    assert.deepEqual(invoice, twoLineInvoice(), 'the input is untouched');
  });

  it('creates absent values (and their groups), and removes emptied ones (and groups left empty)', () => {
    const invoice = fixtureInvoice();
    delete invoice['number'];
    const result = applyInvoiceEdits(invoice, edits({ number: 'RE-1', 'buyer.contact.email': 'ap@example.com', 'seller.contact.name': '', 'seller.contact.telephone': '', 'seller.contact.email': '' }));
    assert.ok(result.ok);
    assert.equal(result.invoice['number'], 'RE-1');
    assert.deepEqual((result.invoice['buyer'] as Record<string, unknown>)['contact'], { email: 'ap@example.com' });
    assert.equal(Object.hasOwn(result.invoice['seller'] as object, 'contact'), false, 'the emptied contact is gone');
    assert.equal(readInvoiceJson(result.invoice).ok, true);
  });

  it('keeps line breaks as LF (browsers post CRLF)', () => {
    const result = applyInvoiceEdits(fixtureInvoice(), edits({ 'notes[0].text': 'first line\r\nsecond line' }));
    assert.ok(result.ok);
    assert.equal((result.invoice['notes'] as { text: string }[])[0]!.text, 'first line\nsecond line');
  });

  it('refuses paths the model or the invoice does not have, all or nothing', () => {
    const invoice = fixtureInvoice();
    const result = applyInvoiceEdits(
      invoice,
      edits({ 'seller.vatId': 'DE1', 'seller.nmae': 'x', 'lines[5].quantity': '1', 'lines.0.quantity': '1', seller: 'x', 'lines[0]': 'x', 'number[0]': 'x', 'lines[01].id': 'x', '': 'x' }),
    );
    assert.deepEqual(result, {
      ok: false,
      refused: [
        { path: 'seller.nmae', message: 'is not a field of the EN 16931 invoice' },
        { path: 'lines[5].quantity', message: 'names a list entry the invoice does not have' },
        { path: 'lines.0.quantity', message: 'is not a field path' },
        { path: 'seller', message: 'names a group, not a field' },
        { path: 'lines[0]', message: 'names a group, not a field' },
        { path: 'number[0]', message: 'is not a field of the invoice (no list here)' },
        { path: 'lines[01].id', message: 'is not a field path' },
        { path: '', message: 'is not a field path' },
      ],
    });
    assert.deepEqual(invoice, fixtureInvoice());
  });

  it('refuses every path through __proto__, constructor or prototype, and pollutes nothing', () => {
    const attempts = ['__proto__.polluted', 'constructor.prototype.polluted', 'seller.__proto__.polluted', 'lines[0].constructor', 'prototype', 'seller.constructor.name'];
    for (const path of attempts) {
      const result = applyInvoiceEdits(fixtureInvoice(), edits({ [path]: 'yes' }));
      assert.deepEqual(result, { ok: false, refused: [{ path, message: 'names a reserved property' }] }, path);
    }
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  it('leaves checking values to the reader, which names every problem by path', () => {
    const result = applyInvoiceEdits(fixtureInvoice(), edits({ 'lines[0].quantity': 'twelve', issueDate: '27.02.2026' }));
    assert.ok(result.ok);
    const read = readInvoiceJson(result.invoice);
    assert.equal(read.ok, false);
    assert.deepEqual(!read.ok && read.problems.map((p) => p.path).sort(), ['issueDate', 'lines[0].quantity']);
  });

  it('bounds the size of a value', () => {
    const result = applyInvoiceEdits(fixtureInvoice(), edits({ paymentTerms: 'x'.repeat(10_001) }));
    assert.deepEqual(result, { ok: false, refused: [{ path: 'paymentTerms', message: 'is longer than 10000 characters' }] });
  });
});
