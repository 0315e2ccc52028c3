import { RULE_SET_NAMES, TARGETS } from '@einvoice-hub/core';
import { z } from 'zod';

/** The media types the stateless tools read: the document as given, XML or EN 16931 JSON. */
export const DOCUMENT_MEDIA_TYPES = ['application/xml', 'text/xml', 'application/json'] as const;

const documentBody = { type: 'string', description: 'A UBL 2.1 or CII D16B document, or the EN 16931 JSON form.' };

/** The request body of validate and convert, for the OpenAPI document (read as raw bytes). */
export const documentRequestBody = {
  content: Object.fromEntries(DOCUMENT_MEDIA_TYPES.map((type) => [type, { schema: type === 'application/json' ? { $ref: '#/components/schemas/Invoice' } : documentBody }])),
};

/** POST /v1/validate query. */
export const validateQuery = z.strictObject({
  rules: z
    .string()
    .default('en16931')
    .transform((text) => text.split(',').map((name) => name.trim()).filter((name) => name !== ''))
    .pipe(
      z
        .array(z.enum(RULE_SET_NAMES as [string, ...string[]], { error: `must list rule sets among ${RULE_SET_NAMES.join(', ')}` }))
        .min(1, 'must name at least one rule set'),
    )
    .describe(`Rule sets, comma-separated (available: ${RULE_SET_NAMES.join(', ')}).`),
});

/** POST /v1/convert query. */
export const convertQuery = z.strictObject({
  to: z.enum(TARGETS, { error: `must be one of ${TARGETS.join(', ')}` }).describe('The output form, as in `einvoice convert --to`.'),
});

/** The validator's report (the core's ValidationReport). */
export const validationReportSchema = z
  .object({
    valid: z.boolean().describe('True when no finding is fatal.'),
    syntax: z.enum(['ubl', 'cii']),
    ruleSets: z.array(z.string()),
    findings: z.array(z.object({ rule: z.string(), severity: z.enum(['fatal', 'warning']), message: z.string(), path: z.string(), terms: z.array(z.string()) })),
  })
  .describe('The validation report: valid unless a finding is fatal.');

/** The converted document, for the OpenAPI document. */
export const convertedResponse = {
  description: 'The converted document; `X-Conversion-Notes` counts what could not be carried over.',
  headers: { 'x-conversion-notes': { type: 'integer', description: 'How many diagnostics the conversion produced.' } },
  content: {
    'application/xml': { schema: { type: 'string' } },
    'application/json': { schema: { $ref: '#/components/schemas/Invoice' } },
  },
};
