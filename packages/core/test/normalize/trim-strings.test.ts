import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeInvoice } from '@einvoice-hub/core';
import { buildInvoice, changeAt } from './invoice-builder.js';

describe('normalization rule 1: whitespace around values', () => {
  it('trims text, identifiers, codes, decimals and dates at every depth, with path and business term', () => {
    const invoice = buildInvoice('invoice-allowances-charges', (draft) => {
      draft.issueDate = ' 2026-03-01';
      if (draft.seller) draft.seller.name = '  Atelier Lumière SARL ';
      const identifier = draft.seller?.identifiers?.[0];
      if (identifier) identifier.schemeId = '0009 ';
      if (draft.totals) draft.totals.amountDue = ' 1234.50 ';
      const line = draft.lines?.[0];
      if (line) line.note = '\nfragile\n';
      if (line?.item?.classifications?.[0]) line.item.classifications[0].id = ' 9403 ';
      if (draft.allowances?.[0]) draft.allowances[0].reason = 'Remise fidélité\u00a0';
    });
    const result = normalizeInvoice(invoice, {});
    const expected = [
      ['issueDate', 'BT-2', ' 2026-03-01', '2026-03-01'],
      ['seller.name', 'BT-27', '  Atelier Lumière SARL ', 'Atelier Lumière SARL'],
      ['seller.identifiers[0].schemeId', 'BT-29-1', '0009 ', '0009'],
      ['totals.amountDue', 'BT-115', ' 1234.50 ', '1234.50'],
      ['lines[0].note', 'BT-127', '\nfragile\n', 'fragile'],
      ['lines[0].item.classifications[0].id', 'BT-158', ' 9403 ', '9403'],
      ['allowances[0].reason', 'BT-97', 'Remise fidélité\u00a0', 'Remise fidélité'],
    ] as const;
    for (const [path, term, from, to] of expected) {
      assert.deepEqual(changeAt(result, path), { path, terms: [term], from, to, reason: 'removed the whitespace around the value' });
    }
    assert.equal(result.changes.length, expected.length);
    assert.equal(result.invoice.totals?.amountDue, '1234.50', 'the decimal keeps its digits, only the blanks go');
    assert.equal(result.invoice.lines?.[0]?.item?.classifications?.[0]?.id, '9403');
  });

  it('keeps blank values as they are, so a required term still reads as given-but-empty', () => {
    const invoice = buildInvoice('invoice-standard-rated', (draft) => {
      draft.projectReference = '   ';
      if (draft.lines?.[0]?.item) draft.lines[0].item.name = ' ';
    });
    const result = normalizeInvoice(invoice, {});
    assert.deepEqual(result.changes, []);
    assert.equal(result.invoice.projectReference, '   ');
    assert.equal(result.invoice.lines?.[0]?.item?.name, ' ');
  });

  it('leaves attachment content alone: base64Binary ignores whitespace and the content can be huge', () => {
    const content = '\n  JVBERi0xLjQK\n  ';
    const invoice = buildInvoice('invoice-standard-rated', (draft) => {
      draft.supportingDocuments = [{ reference: ' ATT-1', attachment: { content, mimeCode: 'application/pdf ', filename: 'a.pdf' } }];
    });
    const result = normalizeInvoice(invoice, {});
    assert.equal(result.invoice.supportingDocuments?.[0]?.attachment?.content, content);
    assert.deepEqual(
      result.changes.map((change) => [change.path, change.terms]),
      [
        ['supportingDocuments[0].reference', ['BT-122']],
        ['supportingDocuments[0].attachment.mimeCode', ['BT-125-1']],
      ],
    );
  });
});
