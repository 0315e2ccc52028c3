import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '@einvoice-hub/core';
import { fieldId, renderCorrectionForm, renderLinkProblem, renderSubmitted, type CorrectionFormView } from '../../src/correction/correction-page.js';
import { escapeHtml, html } from '../../src/correction/html.js';
import { listInvoiceFields } from '../../src/correction/invoice-form.js';
import { fixtureInvoice } from '../worker/documents.js';

const XSS = '<script>alert(1)</script>';
const br02: Finding = { rule: 'BR-02', severity: 'fatal', message: 'The Invoice number (BT-1) is missing', path: '/Invoice', terms: ['BT-1'] };

function view(overrides: Partial<CorrectionFormView> = {}): CorrectionFormView {
  const invoice = fixtureInvoice();
  delete invoice['number'];
  (invoice['seller'] as Record<string, unknown>)['name'] = XSS;
  (invoice['notes'] as Record<string, unknown>[])[0]!['text'] = 'line one\nline two';
  return {
    documentId: '6f1c5a3e-9a55-4b7e-8c1e-2f4b9d0c1a22',
    status: 'failed',
    revision: 1,
    failure: { reasons: [`Failed: the e-invoice breaks 1 EN 16931 rule: BR-02 ${XSS}`], findings: [br02, { ...br02, rule: 'BR-X', message: `bad ${XSS}`, terms: ['BT-27'] }] },
    fields: listInvoiceFields(invoice, { offer: [{ term: 'BT-1' }] }),
    ...overrides,
  };
}

/** The attributes of the element with this id. */
function elementWithId(page: string, id: string): string {
  const match = new RegExp(`<(input|textarea|select)[^>]*\\bid="${id.replace(/[[\]]/g, '\\$&')}"[^>]*>`).exec(page);
  assert.ok(match, `no control with id ${id}`);
  return match[0];
}

describe('the correction form', () => {
  const page = renderCorrectionForm(view());

  it('escapes every value from the invoice, the log and the findings', () => {
    assert.equal(page.includes('<script'), false);
    assert.ok(page.includes('value="&lt;script&gt;alert(1)&lt;/script&gt;"'), 'the seller name is in its field, escaped');
    assert.ok(page.includes('BR-02 &lt;script&gt;alert(1)&lt;/script&gt;'), 'the reason is escaped');
    assert.ok(page.includes('bad &lt;script&gt;'), 'the finding message is escaped');
  });

  it('labels every control (label for = id) and names it by its path', () => {
    const ids = [...page.matchAll(/<label for="([^"]+)">/g)].map((m) => m[1]!);
    assert.ok(ids.length > 40);
    for (const id of ids) assert.match(elementWithId(page, id), /\bname="[^"]+"/);
    assert.match(page, /<label for="f-seller-vatId">BT-31 Seller VAT identifier <span class="path">seller.vatId<\/span><\/label>/);
    assert.match(elementWithId(page, 'f-lines-0-quantity'), /name="lines\[0\]\.quantity" value="12"/);
    assert.equal(fieldId('lines[0].item.name'), 'f-lines-0-item-name');
  });

  it('offers the missing invoice number next to its finding, and links the finding to the field', () => {
    assert.match(elementWithId(page, 'f-number'), /name="number" aria-describedby="f-number-notes" value=""/);
    assert.match(page, /<p class="finding">BR-02 \(fatal\): The Invoice number \(BT-1\) is missing<\/p>/);
    assert.match(page, /<td>BR-02<\/td>.*<a href="#f-number">BT-1 Invoice number<\/a>/);
    assert.match(page, /<div class="field flagged">\n<label for="f-seller-name">/, 'a finding about BT-27 flags the seller name');
  });

  it('uses a textarea for text with line breaks and a choice for enumerations', () => {
    assert.match(page, /<textarea id="f-notes-0-text" name="notes\[0\]\.text" rows="3">line one\nline two<\/textarea>/);
    const kind = renderCorrectionForm(view({ fields: listInvoiceFields({ kind: 'credit-note' }) }));
    assert.match(kind, /<select id="f-kind" name="kind" aria-describedby="f-kind-hint"><option value="">\(none\)<\/option><option value="credit-note" selected>credit-note<\/option><option value="invoice">invoice<\/option><\/select>/);
  });

  it('has a Resubmit button in a form that posts to the page itself', () => {
    assert.match(page, /<form method="post" accept-charset="utf-8">/);
    assert.match(page, /<button type="submit">Resubmit<\/button>/);
    assert.match(page, /becomes revision 2 of this/);
  });

  it('shows the problems of a rejected edit next to their fields and in a summary', () => {
    const withErrors = renderCorrectionForm(view({ errors: [{ path: 'lines[0].quantity', message: 'must be a decimal number' }, { path: '(document)', message: `odd ${XSS}` }] }));
    assert.match(withErrors, /<div class="alert" role="alert">/);
    assert.match(withErrors, /<a href="#f-lines-0-quantity">BT-129 Invoiced quantity<\/a> \(<code>lines\[0\]\.quantity<\/code>\): must be a decimal number/);
    assert.match(elementWithId(withErrors, 'f-lines-0-quantity'), /aria-describedby="f-lines-0-quantity-notes" aria-invalid="true"/);
    assert.match(withErrors, /<p class="error">must be a decimal number<\/p>/);
    assert.ok(withErrors.includes('odd &lt;script&gt;'));
    assert.equal(withErrors.includes('<script'), false);
  });
});

describe('the other pages', () => {
  it('answer an expired link with 410 and an invalid one with 403', () => {
    assert.equal(renderLinkProblem('expired').status, 410);
    assert.match(renderLinkProblem('expired').html, /<h1>This correction link has expired<\/h1>/);
    for (const error of ['malformed', 'bad-signature'] as const) {
      assert.equal(renderLinkProblem(error).status, 403);
      assert.match(renderLinkProblem(error).html, /<h1>This correction link is not valid<\/h1>/);
    }
  });

  it('confirm a submission with the revision and the document id', () => {
    const page = renderSubmitted({ documentId: 'doc-1', revision: 2, status: 'received', invoiceNumber: XSS });
    assert.match(page, /<h1>Submitted — revision 2 is being processed<\/h1>/);
    assert.match(page, /<code>doc-1<\/code>/);
    assert.equal(page.includes('<script'), false);
  });
});

describe('html', () => {
  it('escapes interpolated text, attributes included, and keeps nested markup', () => {
    assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
    const title = `"><img src=x onerror=alert(1)>`;
    assert.equal(html`<a title="${title}">${html`<b>${'<i>'}</b>`}${[1, ' & ', null, false, undefined]}</a>`.markup, '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"><b>&lt;i&gt;</b>1 &amp; </a>');
  });
});
