import type { FastifyInstance } from 'fastify';
import type { DocumentRecord } from '../../documents/document.types.js';
import { AppError } from '../../errors/app-error.js';
import type { ApiDeps } from '../api-deps.js';
import { tenantOf } from '../auth.js';
import { createSubmissionStore, parseSubmission, type Submission } from '../document-submission.js';
import { documentHref } from '../document-view.js';
import { problemOfAppError, problemResponse } from '../problem.js';
import { problemsOf } from '../zod-schemas.js';
import {
  acceptedDocumentSchema,
  batchBody,
  batchResponseSchema,
  idempotencyKeySchema,
  MAX_BATCH_ITEMS,
  submitDocumentBody,
  submitDocumentHeaders,
} from './submit.schema.js';

type BatchResult = { index: number; status: 202 | 400 | 409; id?: string; problem?: ReturnType<typeof problemOfAppError> };

function toAccepted(doc: DocumentRecord) {
  return { id: doc.id, status: doc.status, context: doc.context, createdAt: doc.createdAt.toISOString(), href: documentHref(doc.id) };
}

/** POST /v1/documents and POST /v1/documents/batch: accepting invoices for processing. */
export function registerSubmitRoutes(scope: FastifyInstance, deps: ApiDeps): void {
  const storeSubmissions = createSubmissionStore(deps);
  scope.post(
    '/v1/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Submit an invoice for processing',
        description: 'Stores the invoice and its processing job in one transaction and answers 202 with a Location header.',
        headers: submitDocumentHeaders,
        body: submitDocumentBody,
        response: { 202: acceptedDocumentSchema, 400: problemResponse, 401: problemResponse, 409: problemResponse, 413: problemResponse, 415: problemResponse },
      },
    },
    async (request, reply) => {
      const tenant = tenantOf(request);
      const idempotencyKey = (request.headers as { 'idempotency-key'?: string })['idempotency-key'];
      const [outcome] = await storeSubmissions(tenant.id, [parseSubmission(request.body, idempotencyKey)]);
      if (!outcome) throw new AppError('internal', 'No outcome for a submission');
      if (outcome.kind === 'conflict') throw outcome.error;
      return reply.code(202).header('location', documentHref(outcome.document.id)).send(toAccepted(outcome.document));
    },
  );

  scope.post(
    '/v1/documents/batch',
    {
      schema: {
        tags: ['documents'],
        summary: `Submit up to ${MAX_BATCH_ITEMS} invoices at once`,
        description: 'Each item is checked on its own; every accepted item is stored and queued in one transaction. One result per item.',
        body: batchBody,
        response: { 200: batchResponseSchema, 400: problemResponse, 401: problemResponse, 413: problemResponse, 415: problemResponse },
      },
    },
    async (request) => {
      const tenant = tenantOf(request);
      const items = batchItemsOf(request.body);
      const results: BatchResult[] = [];
      const accepted: { index: number; submission: Submission }[] = [];
      for (const [index, item] of items.entries()) {
        try {
          accepted.push({ index, submission: parseBatchItem(item) });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results[index] = { index, status: 400, problem: problemOfAppError(error) };
        }
      }
      const outcomes = accepted.length > 0 ? await storeSubmissions(tenant.id, accepted.map((a) => a.submission)) : [];
      for (const [i, outcome] of outcomes.entries()) {
        const index = accepted[i]!.index;
        results[index] =
          outcome.kind === 'accepted' ? { index, status: 202, id: outcome.document.id } : { index, status: 409, problem: problemOfAppError(outcome.error) };
      }
      return { results };
    },
  );
}

/** The `documents` array of a batch body; a wrong shape is a 400, too many items a 413. */
function batchItemsOf(body: unknown): unknown[] {
  const documents = typeof body === 'object' && body !== null ? (body as { documents?: unknown }).documents : undefined;
  if (!Array.isArray(documents) || documents.length === 0) {
    const message = `must be an array of 1 to ${MAX_BATCH_ITEMS} documents`;
    throw new AppError('bad-request', `documents: ${message}`, { details: [{ path: 'documents', message }] });
  }
  if (documents.length > MAX_BATCH_ITEMS) {
    throw new AppError('too-many-items', `A batch holds at most ${MAX_BATCH_ITEMS} documents; this one has ${documents.length}. Split it.`);
  }
  return documents;
}

/** One batch item: `{ context, invoice, idempotencyKey? }`. */
function parseBatchItem(item: unknown): Submission {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return parseSubmission(item);
  const { idempotencyKey, ...rest } = item as { idempotencyKey?: unknown };
  if (idempotencyKey === undefined) return parseSubmission(rest);
  const key = idempotencyKeySchema.safeParse(idempotencyKey);
  if (!key.success) {
    const problems = problemsOf(key.error, 'idempotencyKey');
    throw new AppError('bad-request', `idempotencyKey: ${problems.map((p) => p.message).join('; ')}`, { details: problems });
  }
  return parseSubmission(rest, key.data);
}
