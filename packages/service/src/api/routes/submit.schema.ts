import { DOCUMENT_KINDS, TARGETS } from '@einvoice-hub/core';
import { z } from 'zod';
import { DOCUMENT_STATUSES } from '../../documents/document.types.js';
import { problemReference } from '../problem.js';
import { documentationOnlySchema, showSchemaAs } from '../zod-schemas.js';

/** Most documents one batch request may carry. */
export const MAX_BATCH_ITEMS = 1000;

/** The context sent with an invoice: it selects the processing. Other keys are kept as given. */
export const documentContextSchema = z
  .looseObject({
    format: z
      .enum(TARGETS, { error: `must be one of ${TARGETS.join(', ')}` })
      .optional()
      .describe('The target format, as in `einvoice convert --to`; the built-in flow of that format runs unless a more specific flow matches.'),
    flow: z.string({ error: 'must be a string' }).max(100).optional().describe('Runs this published flow, whatever else the context says.'),
    country: z
      .string({ error: 'must be a string' })
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as "DE"')
      .optional(),
    documentType: z.enum(DOCUMENT_KINDS, { error: `must be one of ${DOCUMENT_KINDS.join(', ')}` }).optional(),
  }, { error: 'must be an object' })
  .describe('Selects the flow that processes the document: the target format, the country, the document type, or a flow by name; any other keys are stored as given and can be matched by flows.');

/** The EN 16931 JSON form of an invoice; shown in OpenAPI as the `Invoice` component (the core's JSON Schema). */
const invoiceField = showSchemaAs(z.record(z.string(), z.unknown()), { $ref: '#/components/schemas/Invoice' });

/** The envelope of one submitted document: validated in the handler, field by field, with precise codes. */
export const submitDocumentEnvelope = z.strictObject({ context: z.unknown().optional(), invoice: z.unknown().optional() }, { error: 'must be an object with "context" and "invoice"' });

/** POST /v1/documents body (documents the API; the handler validates it). */
export const submitDocumentBody = documentationOnlySchema(z.object({ context: documentContextSchema, invoice: invoiceField }));

/** The Idempotency-Key header: the same key and body give the same document; the same key with another body is a 409. */
export const idempotencyKeySchema = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/** POST /v1/documents headers. */
export const submitDocumentHeaders = z.looseObject({
  'idempotency-key': idempotencyKeySchema.optional().describe('Makes retries safe: the same key and body give the same document; the same key with another body is a 409.'),
});

/** The answer to an accepted document. */
export const acceptedDocumentSchema = z
  .object({
    id: z.string(),
    status: z.enum(DOCUMENT_STATUSES),
    context: z.record(z.string(), z.unknown()),
    createdAt: z.string().describe('ISO 8601 timestamp.'),
    href: z.string().describe('Where the document\'s status, log and artifacts are.'),
  })
  .describe('Accepted: the document and its processing job are stored durably.');

/** One item of a batch: a document, and optionally its own idempotency key. */
const batchItemSchema = z.object({ context: documentContextSchema, invoice: invoiceField, idempotencyKey: idempotencyKeySchema.optional() });

/** POST /v1/documents/batch body (documents the API; the handler validates each item on its own). */
export const batchBody = documentationOnlySchema(
  z.object({ documents: z.array(batchItemSchema).min(1).max(MAX_BATCH_ITEMS).describe(`1 to ${MAX_BATCH_ITEMS} documents; more is a 413 too-many-items.`) }),
);

/** The result of one batch item, by its index in the request. */
export const batchItemResultSchema = z.object({
  index: z.number().int(),
  status: z.union([z.literal(202), z.literal(400), z.literal(409)]),
  id: z.string().optional(),
  problem: problemReference.optional(),
});

/** The answer to a batch: one result per item, in request order. */
export const batchResponseSchema = z.object({ results: z.array(batchItemResultSchema) }).describe('One result per item, in request order.');
