import { z } from 'zod';
import { DOCUMENT_STATUSES } from '../../documents/document.types.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const timestamp = z
  .string()
  .regex(TIMESTAMP, 'must be an ISO 8601 date or date-time with offset')
  .refine((text) => !Number.isNaN(new Date(text).getTime()), 'is not a real date')
  .transform((text) => new Date(text));

/** GET /v1/jobs query. */
export const listJobsQuery = z.strictObject({
  flow: z.string().max(100).optional().describe('Only runs of this flow.'),
  status: z.enum(DOCUMENT_STATUSES, { error: `must be one of ${DOCUMENT_STATUSES.join(', ')}` }).optional(),
  from: timestamp.optional().describe('Runs of documents received at or after this instant.'),
  to: timestamp.optional().describe('Runs of documents received before this instant.'),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(500).default(100),
});

/** One generation job: a document revision run by a flow, with the files it produced. */
export const jobListSchema = z.object({
  items: z.array(
    z.object({
      documentId: z.string(),
      revision: z.number().int(),
      flow: z.object({ name: z.string(), version: z.number().int() }),
      status: z.string(),
      receivedAt: z.string(),
      updatedAt: z.string(),
      files: z.array(z.object({ name: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string(), href: z.string() })),
    }),
  ),
});

/** POST /v1/documents/{id}/status body: the receiver's verdict, for await-status steps that wait for a callback. */
export const statusCallbackBody = z.strictObject({
  status: z.enum(['accepted', 'rejected'], { error: 'must be "accepted" or "rejected"' }),
  reason: z.string().max(2000).optional(),
});

/** PUT /v1/tenant body. */
export const tenantSettingsBody = z.strictObject({
  contactEmail: z.email('must be an e-mail address').nullable().describe('Where notifications go when an invoice names no seller contact e-mail.'),
});
