import { documentKindOf, readInvoiceJson } from '@einvoice-hub/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canonicalJson } from '../api/canonical-json.js';
import { problemOfError } from '../api/problem.js';
import { findDocumentRevision, resubmitDocument } from '../documents/document-revision.repository.js';
import { findDocumentById } from '../documents/document.repository.js';
import { sha256Hex } from '../storage/sha256.js';
import { loadInvoiceJson, openCorrectionCase, openCorrectionLink, type CorrectionCase, type CorrectionDeps, type CorrectionLink } from './correction-case.js';
import { notice, renderCorrectionForm, renderSubmitted, type RenderedPage } from './correction-page.js';
import { MAX_CORRECTION_TOKEN_LENGTH } from './correction-token.js';
import { termRequestsOf } from './finding-fields.js';
import { FORM_MEDIA_TYPE, parseFormBody } from './form-body.js';
import { applyInvoiceEdits, listInvoiceFields } from './invoice-form.js';

/** The path of a correction link; the mail's URL is the service's public base URL followed by it. */
export function correctionPath(token: string): string {
  return `/correct/${token}`;
}

const DEFAULT_MAX_FORM_BYTES = 2 * 1024 * 1024;
const HTML_MEDIA_TYPE = 'text/html; charset=utf-8';

// The pages show invoice data to whoever holds the link: never cached, never framed, never referred
// onwards (the token is in the URL), and nothing but inline styles may load.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

// `/correct/<token>` and `/correct/<token>/submitted`. A wildcard route, not `:token`: the router caps a
// parameter at 100 characters and a token is longer.
const TARGET = new RegExp(`^([A-Za-z0-9_.-]{1,${MAX_CORRECTION_TOKEN_LENGTH}})(/submitted)?$`);

/**
 * The correction pages, outside the API key scope (the signed token in the URL is the credential):
 * `GET /correct/:token` shows the form, `POST /correct/:token` resubmits, `GET /correct/:token/submitted`
 * confirms. Registered in their own scope: form bodies, HTML errors and the security headers stay here.
 */
export async function registerCorrectionRoutes(app: FastifyInstance, deps: CorrectionDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string', bodyLimit: deps.maxFormBytes ?? DEFAULT_MAX_FORM_BYTES }, (_request, body, done) => {
      try {
        done(null, parseFormBody(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.headers(SECURITY_HEADERS);
      return payload;
    });
    scope.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
      const { problem, fault } = problemOfError(error);
      if (fault) request.log.error({ err: error }, 'correction page failed');
      const message = fault ? 'Something went wrong on our side; it has been logged. Please try again later.' : problem.detail;
      return send(reply, notice(problem.status, problem.title, message));
    });
    // logLevel warn: the request log lines would write the URL, and the URL holds the token. Hidden from
    // the OpenAPI document: these are pages for people, not API operations.
    const options = { logLevel: 'warn', schema: { hide: true } } as const;
    scope.get('/correct/*', options, async (request, reply) => {
      const target = targetOf(request);
      if (!target) return send(reply, notFound());
      if (target.submitted) return showSubmitted(deps, target.token, reply);
      const opened = await openCorrectionCase(deps, target.token);
      if ('refusal' in opened) return send(reply, opened.refusal);
      return send(reply, { status: 200, html: renderCase(opened, opened.invoice) });
    });
    scope.post('/correct/*', options, async (request, reply) => {
      const target = targetOf(request);
      if (!target || target.submitted) return send(reply, notFound());
      if (!(request.body instanceof Map)) {
        return send(reply, notice(415, 'Unsupported form', `The correction form is posted as ${FORM_MEDIA_TYPE}.`));
      }
      return resubmit(deps, target.token, request.body as Map<string, string>, reply);
    });
  });
}

/** Applies the posted edits, re-validates, stores the corrected invoice and submits it as the next revision. */
async function resubmit(deps: CorrectionDeps, token: string, edits: ReadonlyMap<string, string>, reply: FastifyReply): Promise<FastifyReply> {
  const opened = await openCorrectionCase(deps, token);
  if ('refusal' in opened) return refuseUnlessRepeated(deps, token, edits, reply, opened.refusal);
  const edited = applyInvoiceEdits(opened.invoice, edits);
  if (!edited.ok) {
    const list = edited.refused.map((r) => `${r.path} ${r.message}`).join('; ');
    return send(reply, notice(400, 'The form does not match this invoice', `Nothing was submitted. ${list}.`));
  }
  const problems = await problemsOf(deps, opened, edited.invoice);
  if (problems.length > 0) return send(reply, { status: 422, html: renderCase(opened, edited.invoice, problems) });

  const { sha256 } = await deps.blobs.put(new TextEncoder().encode(canonicalJson(edited.invoice)));
  const { tenantId, documentId, revision } = opened.claims;
  const result = await resubmitDocument(deps.db, deps.queue, { tenantId, documentId, fromRevision: revision, inputSha256: sha256, source: 'correction' });
  // Lost a race with another post of this form (checked above, committed since): maybe the same one.
  if ('conflict' in result) return refuseUnlessRepeated(deps, token, edits, reply, notice(409, 'This invoice was not resubmitted', result.conflict));
  // Relative to /correct/<token>: the page works behind a proxy that mounts the service under a prefix.
  return redirect(reply, `${token}/submitted`);
}

/**
 * Every problem of the corrected invoice: the JSON form's (by path), and a kind (BT-3) that no longer
 * matches the kind the document was submitted as — the API refuses that mismatch, so the form does too.
 */
async function problemsOf(deps: CorrectionDeps, opened: CorrectionCase, invoice: Record<string, unknown>): Promise<{ path: string; message: string }[]> {
  const checked = readInvoiceJson(invoice);
  if (!checked.ok) return checked.problems;
  const document = await findDocumentById(deps.db, opened.claims.tenantId, opened.claims.documentId);
  const declared = document?.context.documentType;
  const actual = documentKindOf(checked.invoice);
  if (declared === undefined || declared === actual) return [];
  const words = (kind: string) => (kind === 'credit-note' ? 'a credit note' : `an ${kind}`);
  return [{ path: 'typeCode', message: `makes the document ${words(actual)}, but it was submitted as ${words(declared)}` }];
}

/** Sends `page`, unless the post repeats the submission already made through this link (then: its confirmation). */
async function refuseUnlessRepeated(deps: CorrectionDeps, token: string, edits: ReadonlyMap<string, string>, reply: FastifyReply, page: RenderedPage): Promise<FastifyReply> {
  const link = await openCorrectionLink(deps, token);
  if (!('refusal' in link) && (await isRepeatedSubmission(deps, link, edits))) return redirect(reply, `${token}/submitted`);
  return send(reply, page);
}

/**
 * A post that arrives after this link's correction was submitted (a double click, a reload) with the
 * same result is not an error: the person is shown what became of their submission.
 */
async function isRepeatedSubmission(deps: CorrectionDeps, link: CorrectionLink, edits: ReadonlyMap<string, string>): Promise<boolean> {
  const { claims, current } = link;
  if (current.revision !== claims.revision + 1) return false;
  const [base, next] = await Promise.all([
    findDocumentRevision(deps.db, claims.tenantId, claims.documentId, claims.revision),
    findDocumentRevision(deps.db, claims.tenantId, claims.documentId, current.revision),
  ]);
  if (!base || next?.source !== 'correction') return false;
  const invoice = await loadInvoiceJson(deps, claims.tenantId, base.inputSha256);
  if ('error' in invoice) return false;
  const edited = applyInvoiceEdits(invoice.json, edits);
  return edited.ok && sha256Hex(new TextEncoder().encode(canonicalJson(edited.invoice))) === next.inputSha256;
}

async function showSubmitted(deps: CorrectionDeps, token: string, reply: FastifyReply): Promise<FastifyReply> {
  const link = await openCorrectionLink(deps, token);
  if ('refusal' in link) return send(reply, link.refusal);
  const { claims, current } = link;
  // Nothing submitted through this link yet: back to the form (relative to /correct/<token>/submitted).
  if (current.revision <= claims.revision) return redirect(reply, `../${token}`);
  return send(reply, { status: 200, html: renderSubmitted({ documentId: claims.documentId, revision: claims.revision + 1, status: current.status }) });
}

/** The form for a case, showing `invoice` (the stored one, or the edited one with its problems). */
function renderCase(opened: CorrectionCase, invoice: Record<string, unknown>, errors?: readonly { path: string; message: string }[]): string {
  const number = invoice['number'];
  return renderCorrectionForm({
    documentId: opened.claims.documentId,
    ...(typeof number === 'string' && number !== '' ? { invoiceNumber: number } : {}),
    status: opened.current.status,
    revision: opened.current.revision,
    failure: opened.failure,
    fields: listInvoiceFields(invoice, { offer: termRequestsOf(opened.failure.findings) }),
    ...(errors ? { errors } : {}),
  });
}

function targetOf(request: FastifyRequest): { token: string; submitted: boolean } | undefined {
  const match = TARGET.exec((request.params as Record<string, string | undefined>)['*'] ?? '');
  return match ? { token: match[1]!, submitted: match[2] !== undefined } : undefined;
}

function notFound(): RenderedPage {
  return notice(404, 'Page not found', 'There is no page at this address. Check that the whole link was copied from the e-mail.');
}

function send(reply: FastifyReply, page: RenderedPage): FastifyReply {
  return reply.code(page.status).type(HTML_MEDIA_TYPE).send(page.html);
}

function redirect(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).send();
}
