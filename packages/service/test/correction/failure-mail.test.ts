import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '@einvoice-hub/core';
import { composeFailureMail, MAX_MAIL_FINDINGS, type FailureMailInput } from '../../src/correction/failure-mail.js';

const finding = (rule: string, severity: Finding['severity'] = 'fatal', message = `${rule} is broken`): Finding => ({ rule, severity, message, path: '/Invoice', terms: [] });

function input(overrides: Partial<FailureMailInput> = {}): FailureMailInput {
  return {
    documentId: '6f1c5a3e-9a55-4b7e-8c1e-2f4b9d0c1a22',
    invoiceNumber: 'RE-2026-00042',
    status: 'failed',
    reason: 'Failed: The e-invoice breaks 1 EN 16931 rule: BR-CO-10',
    findings: [finding('BR-CO-10', 'fatal', 'Sum of Invoice line net amount (BT-106) = Σ BT-131')],
    correctionUrl: 'https://hub.example/correct/abc.def',
    expiresAt: new Date('2026-03-08T12:00:00Z'),
    ...overrides,
  };
}

describe('composeFailureMail', () => {
  it('says which invoice failed, why, and where to correct it until when, in text and HTML', () => {
    const mail = composeFailureMail(input());
    assert.equal(mail.subject, 'Invoice RE-2026-00042 needs a correction (failed)');
    assert.match(mail.text, /^Invoice RE-2026-00042 \(document 6f1c5a3e-9a55-4b7e-8c1e-2f4b9d0c1a22\) failed during processing\.$/m);
    assert.match(mail.text, /^Failed: The e-invoice breaks 1 EN 16931 rule: BR-CO-10$/m);
    assert.match(mail.text, /^- BR-CO-10 \(fatal\): Sum of Invoice line net amount \(BT-106\) = Σ BT-131 \[\/Invoice\]$/m);
    assert.match(mail.text, /the link works until 2026-03-08 12:00 UTC\):\nhttps:\/\/hub\.example\/correct\/abc\.def\n/);
    assert.match(mail.html, /<a href="https:\/\/hub\.example\/correct\/abc\.def">Correct and resubmit the invoice<\/a> — the link works until 2026-03-08 12:00 UTC/);
    assert.match(mail.html, /<td>BR-CO-10<\/td><td class="fatal">fatal<\/td>/);
  });

  it('names the document when the invoice has no number, and a rejection as such', () => {
    const { invoiceNumber: _number, ...withoutNumber } = input({ status: 'rejected' });
    const mail = composeFailureMail(withoutNumber);
    assert.equal(mail.subject, 'Document 6f1c5a3e-9a55-4b7e-8c1e-2f4b9d0c1a22 needs a correction (rejected)');
    assert.match(mail.text, /was rejected by its recipient\./);
  });

  it('escapes invoice data in the HTML and keeps the subject on one line', () => {
    const mail = composeFailureMail(input({ invoiceNumber: 'RE-1\r\nBcc: victim@example.com', reason: '<script>alert(1)</script>', findings: [finding('BR-02', 'fatal', '<img src=x onerror=alert(1)>')] }));
    assert.equal(mail.subject, 'Invoice RE-1 Bcc: victim@example.com needs a correction (failed)');
    assert.doesNotMatch(mail.subject, /[\r\n]/);
    assert.equal(mail.html.includes('<script'), false);
    assert.equal(mail.html.includes('<img'), false);
    assert.ok(mail.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('links only web addresses', () => {
    const mail = composeFailureMail(input({ correctionUrl: 'javascript:alert(1)' }));
    assert.equal(mail.html.includes('href="javascript:'), false);
    assert.match(mail.html, /<code>javascript:alert\(1\)<\/code>/);
  });

  it(`lists at most ${MAX_MAIL_FINDINGS} findings, fatal ones first, and says how many more there are`, () => {
    const findings = [finding('W-1', 'warning'), ...Array.from({ length: 24 }, (_, i) => finding(`BR-${i + 1}`))];
    const mail = composeFailureMail(input({ findings }));
    const listed = mail.text.split('\n').filter((line) => line.startsWith('- '));
    assert.equal(listed.length, MAX_MAIL_FINDINGS);
    assert.ok(listed.every((line) => line.includes('(fatal)')), 'the warning is not among the first 20');
    assert.match(mail.text, /… and 5 more on the correction page\./);
    assert.match(mail.html, /… and 5 more on the correction page\./);
  });
});
