import { readInvoice, type Finding, type Invoice } from '@einvoice-hub/core';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { createCorrectionToken } from '../correction/correction-token.js';
import { composeFailureMail } from '../correction/failure-mail.js';
import { findDocumentById } from '../documents/document.repository.js';
import { findDocumentRevision } from '../documents/document-revision.repository.js';
import { loadDocumentInput } from '../documents/received-input.repository.js';
import { listLog } from '../documents/document-log.repository.js';
import type { DocumentRecord } from '../documents/document.types.js';
import { stepKind, stepSettings } from '../flows/flow-definition.schema.js';
import { loadRecordedFlow } from '../flows/resolve-document-flow.js';
import { recordLog } from '../pipeline/document-processing.repository.js';
import type { PipelineDeps } from '../pipeline/step.js';
import type { NotifyJob } from '../queue/job-queue.js';

/** How notifications are sent: the service's mail server, the sender, and how correction links are made. */
export type NotifyDeps = PipelineDeps & {
  mail: { smtpUrl?: string; from: string };
  /** The address people reach the service at; correction links start with it. */
  publicUrl: () => string;
  correctionKey: Uint8Array;
  correctionLinkTtlSeconds: number;
  logger?: Logger;
};

/** Statuses whose mail carries a correction link. */
const CORRECTABLE = new Set(['failed', 'rejected']);

/**
 * Sends the mail a notify step asked for: to the seller contact of the invoice (`contact`, else the tenant's
 * default address) or to a fixed address. Failures get the reason, the findings and a signed, expiring link
 * to the correction page. The Message-ID is fixed per document revision, step and status, so a job run twice
 * sends a message the mail system can recognise as the same one. Without a mail server the log says so.
 */
export async function notifyDocument(deps: NotifyDeps, job: NotifyJob): Promise<void> {
  const document = await findDocumentById(deps.db, job.tenantId, job.documentId);
  if (!document || document.revision !== job.revision || document.flowName === null || document.flowVersion === null) return;
  const chosen = await loadRecordedFlow(deps.db, document, document.flowName, document.flowVersion);
  const step = chosen.ok ? chosen.flow.definition.steps[job.step] : undefined;
  if (!step || stepKind(step) !== 'notify') return;
  const settings = stepSettings(step, 'notify');
  const at = { tenantId: document.tenantId, documentId: document.id };
  const invoice = await readRevisionInvoice(deps, document);
  const to = settings.to === 'contact' ? (invoice?.seller?.contact?.email ?? (await tenantContact(deps, document.tenantId))) : settings.to;
  if (!to) {
    await recordLog(deps.db, at, [{ step: 'notify', level: 'warning', message: 'No notification sent: the invoice names no seller contact e-mail (BT-43) and the tenant has no contact address' }]);
    return;
  }
  if (!deps.mail.smtpUrl) {
    await recordLog(deps.db, at, [{ step: 'notify', level: 'warning', message: `No notification sent to ${to}: the service has no mail server configured (smtpUrl)` }]);
    return;
  }
  const message = await composeMessage(deps, document, job.status, invoice);
  const transport = nodemailer.createTransport(deps.mail.smtpUrl);
  try {
    await transport.sendMail({
      from: deps.mail.from,
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<notify.${document.id}.${document.revision}.${job.step}.${job.status}@einvoice-hub>`,
    });
  } finally {
    transport.close();
  }
  await recordLog(deps.db, at, [{ step: 'notify', level: 'info', message: `Notified ${to} (${job.status})` }]);
}

async function composeMessage(deps: NotifyDeps, document: DocumentRecord, status: string, invoice: Invoice | undefined): Promise<{ subject: string; text: string; html: string }> {
  const invoiceNumber = invoice?.number;
  if (!CORRECTABLE.has(status)) {
    const what = invoiceNumber ? `Invoice ${invoiceNumber}` : `Document ${document.id}`;
    const text = `${what} is ${status}.\n\nDocument id: ${document.id}\n`;
    return { subject: `${what}: ${status}`, text, html: `<p>${escape(what)} is ${escape(status)}.</p><p>Document id: ${escape(document.id)}</p>` };
  }
  const log = await listLog(deps.db, document.tenantId, document.id);
  const revisionStart = findLastIndex(log, (entry) => entry.step === 'processing' || entry.step === 'correction');
  const recent = log.slice(Math.max(0, revisionStart));
  const errors = recent.filter((entry) => entry.level === 'error');
  const reason = errors.filter((entry) => entry.step === 'result' || entry.message.startsWith('Failed') || entry.message.startsWith('Rejected')).at(-1)?.message ?? errors.at(-1)?.message ?? status;
  const findings: Finding[] = recent.flatMap((entry) => entry.findings ?? []);
  const expiresAt = new Date(Date.now() + deps.correctionLinkTtlSeconds * 1000);
  const token = createCorrectionToken({ tenantId: document.tenantId, documentId: document.id, revision: document.revision, expiresAt }, deps.correctionKey);
  return composeFailureMail({
    documentId: document.id,
    ...(invoiceNumber ? { invoiceNumber } : {}),
    status,
    reason,
    findings,
    correctionUrl: `${deps.publicUrl().replace(/\/$/, '')}/correct/${token}`,
    expiresAt,
  });
}

async function readRevisionInvoice(deps: PipelineDeps, document: DocumentRecord): Promise<Invoice | undefined> {
  const revision = await findDocumentRevision(deps.db, document.tenantId, document.id, document.revision);
  try {
    return readInvoice(await loadDocumentInput(deps, document.tenantId, revision?.inputSha256 ?? document.inputSha256)).invoice;
  } catch {
    return undefined;
  }
}

async function tenantContact(deps: PipelineDeps, tenantId: string): Promise<string | undefined> {
  const { rows } = await deps.db.query<{ contact_email: string | null }>('select contact_email from tenants where id = $1', [tenantId]);
  return rows[0]?.contact_email ?? undefined;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
