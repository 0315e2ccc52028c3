import type { Finding } from '@einvoice-hub/core';
import { html, renderPage } from './html.js';

/** What a failure mail tells: which document, why it failed, and the link to correct it. */
export type FailureMailInput = {
  documentId: string;
  /** BT-1, when the invoice has one. */
  invoiceNumber?: string;
  /** The document's status (`failed`, `rejected`). */
  status: string;
  /** One sentence: the failure's reason, as logged. */
  reason: string;
  findings: readonly Pick<Finding, 'rule' | 'severity' | 'message' | 'path'>[];
  /** The signed correction link (`…/correct/<token>`). */
  correctionUrl: string;
  expiresAt: Date;
};

/** A message in plain text and HTML with the same content. */
export type FailureMail = { subject: string; text: string; html: string };

/** The findings listed in a mail; the correction page shows all of them. */
export const MAX_MAIL_FINDINGS = 20;

const MAX_SUBJECT_CHARS = 200;
const MAX_REASON_CHARS = 2_000;

/**
 * Composes the mail sent when a document fails after it was accepted: what went wrong, the findings, and
 * the correction link with its expiry. Everything from the invoice is escaped in the HTML and stripped of
 * control characters in the subject (no header injection); the link is only a link when it is http(s).
 */
export function composeFailureMail(input: FailureMailInput): FailureMail {
  const what = input.invoiceNumber ? `Invoice ${oneLine(input.invoiceNumber)}` : `Document ${input.documentId}`;
  const subject = truncate(`${what} needs a correction (${oneLine(input.status)})`, MAX_SUBJECT_CHARS);
  const outcome = statusSentence(input.status);
  const reason = truncate(input.reason, MAX_REASON_CHARS);
  const listed = [...input.findings].sort((a, b) => Number(b.severity === 'fatal') - Number(a.severity === 'fatal')).slice(0, MAX_MAIL_FINDINGS);
  const more = input.findings.length - listed.length;
  const until = formatUtc(input.expiresAt);

  const text = [
    `${what} (document ${input.documentId}) ${outcome}.`,
    '',
    'What went wrong:',
    reason,
    ...(listed.length > 0 ? ['', 'Findings:', ...listed.map((f) => `- ${f.rule} (${f.severity}): ${f.message} [${f.path}]`)] : []),
    ...(more > 0 ? [`… and ${more} more on the correction page.`] : []),
    '',
    `Correct the invoice and resubmit it here (the link works until ${until}):`,
    input.correctionUrl,
    '',
    'The corrected invoice becomes a new revision of the same document; its log keeps the whole history.',
    '',
  ].join('\n');

  const link = isWebUrl(input.correctionUrl) ? html`<a href="${input.correctionUrl}">Correct and resubmit the invoice</a>` : html`<code>${input.correctionUrl}</code>`;
  const body = html`<h1>${subject}</h1>
<p>${what} (document <code>${input.documentId}</code>) ${outcome}.</p>
<h2>What went wrong</h2>
<p>${reason}</p>
${listed.length > 0
  ? html`<table><thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Message</th><th scope="col">Location</th></tr></thead><tbody>
${listed.map((f) => html`<tr><td>${f.rule}</td><td class="${f.severity === 'fatal' ? 'fatal' : 'warning'}">${f.severity}</td><td>${f.message}</td><td><code>${f.path}</code></td></tr>\n`)}</tbody></table>`
  : ''}
${more > 0 ? html`<p>… and ${more} more on the correction page.</p>` : ''}
<p>${link} — the link works until ${until}.</p>
<p>The corrected invoice becomes a new revision of the same document; its log keeps the whole history.</p>`;
  return { subject, text, html: renderPage(subject, body) };
}

function statusSentence(status: string): string {
  if (status === 'failed') return 'failed during processing';
  if (status === 'rejected') return 'was rejected by its recipient';
  return `is ${oneLine(status)}`;
}

/** Control characters (CR, LF …) become spaces: a subject is one header line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** `2026-03-01 12:00 UTC`: unambiguous for a reader in any time zone. */
function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
