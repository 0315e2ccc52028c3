import { z } from 'zod';
import { binaryObjectSchema, textSchema } from './primitives.js';

/** BG-24 ADDITIONAL SUPPORTING DOCUMENTS: a document that backs the invoice. */
export const supportingDocumentSchema = z
  .object({
    /** BT-122 Supporting document reference (1..1). */
    reference: textSchema.optional().describe('BT-122 Supporting document reference (1..1).'),
    /** BT-123 Supporting document description (0..1). */
    description: textSchema.optional().describe('BT-123 Supporting document description (0..1).'),
    /** BT-124 External document location, a URL (0..1). */
    externalLocation: textSchema.optional().describe('BT-124 External document location, a URL (0..1).'),
    /** BT-125 Attached document, with BT-125-1 MIME code and BT-125-2 filename (0..1). */
    attachment: binaryObjectSchema.optional().describe('BT-125 Attached document, with BT-125-1 MIME code and BT-125-2 filename (0..1).'),
  })
  .strict();
/** BG-24 ADDITIONAL SUPPORTING DOCUMENTS. */
export type SupportingDocument = z.infer<typeof supportingDocumentSchema>;
