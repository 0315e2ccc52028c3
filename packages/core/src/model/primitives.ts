import { z } from 'zod';
import { DATE_PATTERN, DECIMAL_PATTERN } from './lexical.js';

export { DATE_PATTERN, DECIMAL_PATTERN } from './lexical.js';

/**
 * Primitive value types of the EN 16931 semantic model (EN 16931-1 §6.5: Amount, Price, Quantity,
 * Percentage, Date, Code, Identifier, Text, Document reference, Binary object).
 *
 * Numbers are kept as their lexical decimal text ("100.00" stays "100.00"): a binary float would lose
 * precision and trailing zeros, and a reformatted number would change the document. Arithmetic goes
 * through `decimal.ts` (decimal.js), never through `Number`.
 */

/** A decimal number kept as text, exactly as received: Amount, Price, Quantity or Percentage. */
export const decimalSchema = z
  .string()
  .regex(DECIMAL_PATTERN, 'must be a decimal number written as a string, e.g. "1250.00" (no exponent, no thousands separator)');
/** A decimal number kept as text, exactly as received (see {@link decimalSchema}). */
export type Decimal = z.infer<typeof decimalSchema>;

/** A calendar date `YYYY-MM-DD`. */
export const dateSchema = z.string().regex(DATE_PATTERN, 'must be a date written YYYY-MM-DD, e.g. "2026-03-31"');
/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof dateSchema>;

/**
 * Free text. Empty text is allowed: documents do contain empty elements (the schema accepts them), the
 * model must hold them to convert without loss, and the rules report a required term that is empty.
 */
export const textSchema = z.string();

/** A code from a code list (the list is checked by the rules, not by the model). */
export const codeSchema = z.string();

/** An identifier with an optional identification scheme (EN 16931 "Identifier" type). */
export const identifierSchema = z
  .object({
    /** The identifier value. */
    id: textSchema.describe('The identifier value.'),
    /** The identification scheme identifier, e.g. an ISO 6523 ICD code such as "0088". */
    schemeId: codeSchema.optional().describe('The identification scheme identifier, e.g. an ISO 6523 ICD code such as "0088".'),
  })
  .strict();
/** An identifier with an optional identification scheme. */
export type Identifier = z.infer<typeof identifierSchema>;

/** A binary object: base64 content with its MIME code and file name (EN 16931 "Binary object"). */
export const binaryObjectSchema = z
  .object({
    /** The content, base64-encoded, as it appears in the document. */
    content: z.string().describe('The content, base64-encoded, as it appears in the document.'),
    /** MIME code of the attached document, e.g. "application/pdf". */
    mimeCode: codeSchema.describe('MIME code of the attached document, e.g. "application/pdf".'),
    /** File name of the attached document. */
    filename: textSchema.describe('File name of the attached document.'),
  })
  .strict();
/** A binary object: base64 content with its MIME code and file name. */
export type BinaryObject = z.infer<typeof binaryObjectSchema>;
