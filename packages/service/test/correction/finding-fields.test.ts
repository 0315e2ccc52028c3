import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readInvoiceJson, validateDocument, writeInvoice, type Finding } from '@einvoice-hub/core';
import { findingLineIndex, matchFindings, termRequestsOf } from '../../src/correction/finding-fields.js';
import { listInvoiceFields } from '../../src/correction/invoice-form.js';
import { fixtureInvoice } from '../worker/documents.js';

/** A two-line invoice without BT-1, without BT-130 in line 1, and a zero VAT rate in line 2 (category S). */
function brokenInvoice(): Record<string, unknown> {
  const invoice = fixtureInvoice();
  delete invoice['number'];
  const lines = invoice['lines'] as Record<string, unknown>[];
  lines.push({ ...structuredClone(lines[0]!), id: '2', vat: { categoryCode: 'S', rate: '0' } });
  delete lines[0]!['unitCode'];
  return invoice;
}

/** The real findings of the invoice written in `syntax`. */
function findingsOf(invoice: Record<string, unknown>, syntax: 'ubl' | 'cii'): Finding[] {
  const read = readInvoiceJson(invoice);
  assert.ok(read.ok);
  return validateDocument(new TextEncoder().encode(writeInvoice(read.invoice, syntax).output), { rules: ['en16931'] }).findings;
}

for (const syntax of ['ubl', 'cii'] as const) {
  describe(`findings of a ${syntax.toUpperCase()} e-invoice tied to form fields`, () => {
    const invoice = brokenInvoice();
    const findings = findingsOf(invoice, syntax);
    const byRule = (rule: string) => findings.findIndex((f) => f.rule === rule);

    it('locates line findings in their line', () => {
      assert.equal(findingLineIndex(findings[byRule('BR-23')]!), 0);
      assert.equal(findingLineIndex(findings[byRule('BR-S-05')]!), 1);
      assert.equal(findingLineIndex(findings[byRule('BR-02')]!), undefined);
    });

    it('offers the missing terms as fields, and matches every finding to the fields of its terms', () => {
      const fields = listInvoiceFields(invoice, { offer: termRequestsOf(findings) });
      const { fieldsOfFinding, findingsOfField } = matchFindings(fields, findings);
      assert.deepEqual(fieldsOfFinding[byRule('BR-02')], ['number']);
      assert.deepEqual(fieldsOfFinding[byRule('BR-23')], ['lines[0].unitCode']);
      assert.deepEqual(fieldsOfFinding[byRule('BR-S-05')], ['lines[1].vat.categoryCode', 'lines[1].vat.rate']);
      // A sum rule located at the totals concerns the total and every line's net amount.
      assert.deepEqual(fieldsOfFinding[byRule('BR-CO-10')], ['totals.lineNetTotal', 'lines[0].netAmount', 'lines[1].netAmount']);
      assert.deepEqual(findingsOfField.get('number'), [byRule('BR-02')]);
      assert.equal(findingsOfField.get('lines[0].vat.rate'), undefined);
    });
  });
}

describe('termRequestsOf', () => {
  it('asks for business terms only (a group would offer all of its fields), once per term and line', () => {
    const finding = (terms: string[], path: string): Finding => ({ rule: 'R', severity: 'fatal', message: 'm', path, terms });
    assert.deepEqual(
      termRequestsOf([finding(['BG-25', 'BT-130'], '/Invoice/cac:InvoiceLine[3]'), finding(['BT-130'], '/Invoice/cac:InvoiceLine[3]'), finding(['BT-1'], '/Invoice')]),
      [{ term: 'BT-130', line: 2 }, { term: 'BT-1' }],
    );
  });
});
