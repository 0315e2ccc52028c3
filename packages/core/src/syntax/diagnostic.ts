/** What a diagnostic of reading or writing a document is about. */
export const DIAGNOSTIC_CODES = ['unknown-element', 'repeated-element', 'invalid-value', 'not-representable'] as const;
/** What a diagnostic of reading or writing a document is about. */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/**
 * Something a codec could not carry over faithfully: an element it does not understand, a repeated
 * element where the model keeps one value, a value in the wrong form, or a term the target syntax cannot
 * express. Diagnostics are data: reading goes on and keeps everything it can.
 */
export type Diagnostic = {
  code: DiagnosticCode;
  /** XPath-like location in the source document (reading) or the business term (writing). */
  path: string;
  message: string;
  /** 1-based position of the element in the source, when reading. */
  line?: number;
  column?: number;
};
