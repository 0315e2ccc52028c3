import { z } from 'zod';
import { DOCUMENT_STATUSES } from '../../documents/document.types.js';
import { decodeCursor } from '../cursor.js';

/** Largest page of a listing. */
export const MAX_PAGE_SIZE = 500;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** An ISO 8601 date (UTC midnight) or date-time with an offset. */
const timestampParam = z
  .string()
  .regex(TIMESTAMP, 'must be an ISO 8601 date or date-time with offset, e.g. 2026-03-01 or 2026-03-01T12:00:00Z')
  .refine((text) => !Number.isNaN(new Date(text).getTime()), 'is not a real date')
  .transform((text) => new Date(text));

/** GET /v1/documents query. */
export const listDocumentsQuery = z.strictObject({
  status: z.enum(DOCUMENT_STATUSES, { error: `must be one of ${DOCUMENT_STATUSES.join(', ')}` }).optional(),
  createdFrom: timestampParam.optional().describe('Documents created at or after this instant.'),
  createdTo: timestampParam.optional().describe('Documents created before this instant.'),
  cursor: z
    .string()
    .transform((text, ctx) => {
      const cursor = decodeCursor(text);
      if (!cursor) ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API (use nextCursor as given)' });
      return cursor ?? z.NEVER;
    })
    .optional()
    .describe('The nextCursor of the previous page.'),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(50),
});

const logEntrySchema = z.object({
  at: z.string(),
  step: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  findings: z.array(z.object({ rule: z.string(), severity: z.enum(['fatal', 'warning']), message: z.string(), path: z.string(), terms: z.array(z.string()) })).optional(),
});

const artifactSchema = z.object({ name: z.string(), revision: z.number().int(), mediaType: z.string(), size: z.number().int(), sha256: z.string(), href: z.string() });

const documentFields = {
  id: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  context: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  externalIds: z.record(z.string(), z.string()).describe('Ids given by authorities and networks.'),
  revision: z.number().int().describe('The revision processed last: 1 as received, one more per correction.'),
  flow: z.object({ name: z.string(), version: z.number().int() }).nullable().describe('The flow and version the document runs; null until processing chose it.'),
};

/** A document with its log and artifacts. */
export const documentDetailSchema = z.object({ ...documentFields, log: z.array(logEntrySchema), artifacts: z.array(artifactSchema) }).describe('The document, its log and its artifacts.');

/** A page of documents, newest first. */
export const documentListSchema = z
  .object({
    items: z.array(z.object({ ...documentFields, href: z.string() })),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  })
  .describe('A page of documents, newest first.');

/** Path of a document. */
export const documentParams = z.object({ id: z.string() });

/** Path of an artifact. */
export const artifactParams = z.object({ id: z.string(), name: z.string() });

/** Query of an artifact: the revision, by default the latest that has the file. */
export const artifactQuery = z.strictObject({ revision: z.coerce.number({ error: 'must be a number' }).int().min(1).optional() });
