import { DocumentReadError, readInvoice, writeInvoice, type Finding } from '@einvoice-hub/core';
import type { Database } from '../db/database.js';
import { listLog } from '../documents/document-log.repository.js';
import { CORRECTABLE_STATUSES, findCurrentRevision, type CurrentRevision } from '../documents/document-revision.repository.js';
import { loadDocumentInput } from '../documents/received-input.repository.js';
import type { LogEntry } from '../documents/document.types.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { BlobStore } from '../storage/blob-store.js';
import { notice, renderLinkProblem, type FailureView, type RenderedPage } from './correction-page.js';
import { verifyCorrectionToken, type CorrectionClaims } from './correction-token.js';

/** What the correction pages need: the stores, the queue for resubmissions, the link key and a clock. */
export type CorrectionDeps = {
  db: Database;
  blobs: BlobStore;
  queue: JobQueue;
  /** The key that signs correction links (`deriveCorrectionKey(masterKey)`). */
  correctionKey: Uint8Array;
  /** The clock that decides whether a link has expired (tests move it). */
  now?: () => Date;
  /** The largest form post accepted, in bytes (default 2 MiB). */
  maxFormBytes?: number;
};

/** A link that checked out: whose document, at which revision, and its state now. */
export type CorrectionLink = { claims: CorrectionClaims; current: CurrentRevision };

/** A correctable document: the link, its current invoice in the JSON form, and what went wrong. */
export type CorrectionCase = CorrectionLink & { invoice: Record<string, unknown>; failure: FailureView };

/** Checks a link's token and finds its document (another tenant's document is as absent as a missing one). */
export async function openCorrectionLink(deps: CorrectionDeps, token: string): Promise<CorrectionLink | { refusal: RenderedPage }> {
  const claims = verifyCorrectionToken(token, deps.correctionKey, deps.now?.() ?? new Date());
  if ('error' in claims) return { refusal: renderLinkProblem(claims.error) };
  const current = await findCurrentRevision(deps.db, claims.tenantId, claims.documentId);
  if (!current) return { refusal: notice(404, 'This document no longer exists', 'The document this link was sent for cannot be found.') };
  return { claims, current };
}

/** Why a link's document cannot be corrected now (a newer revision, or a status with nothing to correct); undefined when it can. */
export function refusalOfStaleLink(link: CorrectionLink): RenderedPage | undefined {
  const { claims, current } = link;
  if (current.revision !== claims.revision) {
    return notice(
      409,
      'This invoice has already been corrected',
      `This link was sent for revision ${claims.revision}; the document is at revision ${current.revision} now, which is ${current.status}. Use the link of the latest message about it, if there is one.`,
    );
  }
  if (!CORRECTABLE_STATUSES.includes(current.status)) {
    return notice(409, 'There is nothing to correct now', `The document is ${current.status}; only a ${CORRECTABLE_STATUSES.join(' or ')} document can be corrected.`);
  }
  return undefined;
}

/** Opens a correctable document: the link checked, the document still at the link's revision and correctable. */
export async function openCorrectionCase(deps: CorrectionDeps, token: string): Promise<CorrectionCase | { refusal: RenderedPage }> {
  const link = await openCorrectionLink(deps, token);
  if ('refusal' in link) return link;
  const stale = refusalOfStaleLink(link);
  if (stale) return { refusal: stale };
  const invoice = await loadInvoiceJson(deps, link.claims.tenantId, link.current.inputSha256);
  if ('error' in invoice) return { refusal: notice(409, 'This invoice cannot be corrected here', invoice.error) };
  const failure = await loadFailure(deps.db, link.claims, link.current);
  return { ...link, invoice: invoice.json, failure };
}

/**
 * A stored input as the EN 16931 JSON form. The API stores JSON, but an input may also be UBL or CII:
 * every form is read into the model and written back as JSON, so the form always edits the same shape.
 */
export async function loadInvoiceJson(deps: { db: Database; blobs: BlobStore }, tenantId: string, sha256: string): Promise<{ json: Record<string, unknown> } | { error: string }> {
  const bytes = await loadDocumentInput(deps, tenantId, sha256);
  try {
    const read = readInvoice(bytes);
    return { json: JSON.parse(writeInvoice(read.invoice, 'json').output) as Record<string, unknown> };
  } catch (error) {
    if (!(error instanceof DocumentReadError)) throw error;
    return { error: `The invoice cannot be read: ${error.message}` };
  }
}

/**
 * What went wrong with the current revision: the messages of its error log lines and their findings
 * (fatal first, each once). The log has no revision column; a revision's lines are those written since it
 * was submitted — its revision row and its 'correction' log line are written in one transaction.
 */
export async function loadFailure(db: Database, claims: CorrectionClaims, current: CurrentRevision): Promise<FailureView> {
  const log = await listLog(db, claims.tenantId, claims.documentId);
  const errors = linesOfRevision(log, current).filter((entry) => entry.level === 'error');
  const findings = new Map<string, Finding>();
  for (const finding of errors.flatMap((entry) => entry.findings ?? [])) findings.set(`${finding.rule}\u0000${finding.path}\u0000${finding.message}`, finding);
  const sorted = [...findings.values()].sort((a, b) => Number(b.severity === 'fatal') - Number(a.severity === 'fatal'));
  return { reasons: [...new Set(errors.map((entry) => entry.message))], findings: sorted };
}

function linesOfRevision(log: readonly LogEntry[], current: CurrentRevision): readonly LogEntry[] {
  if (current.revision === 1) return log;
  const since = current.submittedAt;
  if (since) return log.filter((entry) => entry.at.getTime() >= since.getTime());
  // Without a revision row: everything after the last correction line.
  const last = log.map((entry) => entry.step).lastIndexOf('correction');
  return last < 0 ? log : log.slice(last + 1);
}
