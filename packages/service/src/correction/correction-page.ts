import type { Finding } from '@einvoice-hub/core';
import type { CorrectionTokenError } from './correction-token.js';
import { matchFindings } from './finding-fields.js';
import { html, renderPage, type SafeHtml } from './html.js';
import type { InvoiceField } from './invoice-form.js';

/**
 * The pages of the correction link, rendered on the server as plain HTML (no script: the
 * Content-Security-Policy forbids it). Every label is tied to its control (`label for`), so a person with
 * a screen reader — or a browser test — finds a field by its business term or by its path (`name`).
 */

/** What went wrong with the revision being corrected: the messages of its error log lines and their findings. */
export type FailureView = { reasons: readonly string[]; findings: readonly Finding[] };

/** Everything the correction form shows. */
export type CorrectionFormView = {
  documentId: string;
  invoiceNumber?: string;
  status: string;
  revision: number;
  failure: FailureView;
  fields: readonly InvoiceField[];
  /** Problems of the corrected invoice just posted (the 422 page), by JSON path. */
  errors?: readonly { path: string; message: string }[];
};

/** A page and the HTTP status to send it with. */
export type RenderedPage = { status: number; html: string };

/** The id of a field's control: `lines[0].quantity` → `f-lines-0-quantity` (paths never contain `-`, so ids are unique). */
export function fieldId(path: string): string {
  return `f-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

/** The correction form: the document, what went wrong (findings tied to fields), the fields, and "Resubmit". */
export function renderCorrectionForm(view: CorrectionFormView): string {
  const matches = matchFindings(view.fields, view.failure.findings);
  const labels = new Map(view.fields.map((field) => [field.path, field.label]));
  const title = view.invoiceNumber ? `Correct invoice ${view.invoiceNumber}` : `Correct document ${view.documentId}`;
  const body = html`
<h1>${title}</h1>
${facts(view)}
${view.errors && view.errors.length > 0 ? errorSummary(view.errors, labels) : ''}
<section aria-labelledby="what-went-wrong">
<h2 id="what-went-wrong">What went wrong</h2>
${view.failure.reasons.length > 0 ? html`<ul>${view.failure.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>` : html`<p>No reason was recorded.</p>`}
${view.failure.findings.length > 0 ? findingsTable(view.failure.findings, matches.fieldsOfFinding, labels) : ''}
</section>
<section aria-labelledby="invoice-fields">
<h2 id="invoice-fields">The invoice</h2>
<p>Change what is wrong and press <strong>Resubmit</strong>: the corrected invoice becomes revision ${view.revision + 1} of this
document and is processed again. Emptying a field removes the value.</p>
<form method="post" accept-charset="utf-8">
${groupsOf(view.fields).map((group) =>
  html`<fieldset><legend>${group.label}${group.path ? html` <span class="path">${group.path}</span>` : ''}</legend>
${group.fields.map((field) => fieldControl(field, (matches.findingsOfField.get(field.path) ?? []).map((i) => view.failure.findings[i]!), view.errors ?? []))}
</fieldset>
`,
)}
<button type="submit">Resubmit</button>
</form>
</section>`;
  return renderPage(title, body);
}

function facts(view: { documentId: string; invoiceNumber?: string; status: string; revision: number }): SafeHtml {
  return html`<dl class="facts">
<dt>Document</dt><dd><code>${view.documentId}</code></dd>
${view.invoiceNumber ? html`<dt>Invoice number</dt><dd>${view.invoiceNumber}</dd>` : ''}
<dt>Status</dt><dd>${view.status}</dd>
<dt>Revision</dt><dd>${view.revision}</dd>
</dl>`;
}

function errorSummary(errors: readonly { path: string; message: string }[], labels: ReadonlyMap<string, string>): SafeHtml {
  return html`<div class="alert" role="alert">
<h2>The corrected invoice is not valid yet</h2>
<p>Nothing was submitted. Fix ${errors.length === 1 ? 'this problem' : `these ${errors.length} problems`} and press Resubmit again:</p>
<ul>${errors.map((error) => {
    const label = labels.get(error.path);
    return label === undefined
      ? html`<li><code>${error.path}</code>: ${error.message}</li>`
      : html`<li><a href="#${fieldId(error.path)}">${label}</a> (<code>${error.path}</code>): ${error.message}</li>`;
  })}</ul>
</div>`;
}

function findingsTable(findings: readonly Finding[], fieldsOf: readonly string[][], labels: ReadonlyMap<string, string>): SafeHtml {
  return html`<table>
<caption>Findings</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Message</th><th scope="col">Location</th><th scope="col">Fields</th></tr></thead>
<tbody>
${findings.map(
  (finding, index) => html`<tr><td>${finding.rule}</td><td class="${finding.severity === 'fatal' ? 'fatal' : 'warning'}">${finding.severity}</td><td>${finding.message}</td><td><code>${finding.path}</code></td><td>${(fieldsOf[index] ?? []).map(
    (path, n) => html`${n > 0 ? ', ' : ''}<a href="#${fieldId(path)}">${labels.get(path) ?? path}</a>`,
  )}</td></tr>
`,
)}</tbody>
</table>`;
}

type FieldGroup = { path: string; label: string; fields: InvoiceField[] };

/** Consecutive fields of one business group share a fieldset. */
function groupsOf(fields: readonly InvoiceField[]): FieldGroup[] {
  const groups: FieldGroup[] = [];
  for (const field of fields) {
    const last = groups[groups.length - 1];
    if (last && last.path === field.group.path) last.fields.push(field);
    else groups.push({ ...field.group, fields: [field] });
  }
  return groups;
}

function fieldControl(field: InvoiceField, findings: readonly Finding[], errors: readonly { path: string; message: string }[]): SafeHtml {
  const id = fieldId(field.path);
  const own = errors.filter((error) => error.path === field.path);
  const flagged = findings.length > 0 || own.length > 0;
  const described = [field.hint ? `${id}-hint` : '', flagged ? `${id}-notes` : ''].filter(Boolean).join(' ');
  const attributes = html`id="${id}" name="${field.path}"${described ? html` aria-describedby="${described}"` : ''}${own.length > 0 ? html` aria-invalid="true"` : ''}`;
  return html`<div class="field${flagged ? ' flagged' : ''}">
<label for="${id}">${field.label} <span class="path">${field.path}</span></label>
${field.hint ? html`<p class="hint" id="${id}-hint">${field.hint}</p>` : ''}
${control(field, attributes)}
${flagged
  ? html`<div id="${id}-notes">${findings.map((f) => html`<p class="finding">${f.rule} (${f.severity}): ${f.message}</p>`)}${own.map((e) => html`<p class="error">${e.message}</p>`)}</div>`
  : ''}
</div>
`;
}

function control(field: InvoiceField, attributes: SafeHtml): SafeHtml {
  if (field.options) {
    // The current value stays selectable even when it is not allowed: the form never changes a value by itself.
    const options = [...new Set(['', field.value, ...field.options])];
    return html`<select ${attributes}>${options.map((option) => html`<option value="${option}"${option === field.value ? ' selected' : ''}>${option || '(none)'}</option>`)}</select>`;
  }
  // Text with line breaks (notes, payment terms) needs a textarea: an input would drop the breaks.
  if (field.value.includes('\n') || field.value.length > 100) {
    return html`<textarea ${attributes} rows="${Math.min(10, field.value.split('\n').length + 1)}">${field.value}</textarea>`;
  }
  return html`<input type="text" ${attributes} value="${field.value}">`;
}

/** The page of a refused link: 403 for a token that is not ours (or damaged), 410 for an expired one. */
export function renderLinkProblem(error: CorrectionTokenError): RenderedPage {
  if (error === 'expired') {
    return notice(410, 'This correction link has expired', 'Correction links work for a limited time. Ask for a new link, or correct the invoice where it was issued and send it again.');
  }
  return notice(403, 'This correction link is not valid', 'Check that the whole link was copied from the e-mail: the links are long, and some mail programs break them across lines.');
}

/** The page after a resubmission: which revision is being processed now. */
export function renderSubmitted(view: { documentId: string; invoiceNumber?: string; revision: number; status: string }): string {
  const title = `Submitted — revision ${view.revision} is being processed`;
  return renderPage(
    title,
    html`<h1>${title}</h1>
<div class="notice" role="status"><p>The corrected invoice${view.invoiceNumber ? html` ${view.invoiceNumber}` : ''} was received as revision ${view.revision} of
document <code>${view.documentId}</code> and is processed again. The document's log keeps every revision and what became of it.</p></div>
${facts({ documentId: view.documentId, ...(view.invoiceNumber ? { invoiceNumber: view.invoiceNumber } : {}), status: view.status, revision: view.revision })}`,
  );
}

/** A page with a heading and one message, for conflicts and errors. */
export function notice(status: number, title: string, message: string): RenderedPage {
  return { status, html: renderPage(title, html`<h1>${title}</h1>\n<div class="notice"><p>${message}</p></div>`) };
}
