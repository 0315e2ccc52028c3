/** Why a document could not be read at all. */
export const READ_ERROR_CODES = [
  'input-too-large',
  'encoding-unsupported',
  'encoding-invalid',
  'xml-malformed',
  'xml-doctype-forbidden',
  'xml-too-deep',
  'document-unknown',
  'json-malformed',
  'json-invalid',
] as const;
/** Why a document could not be read at all. */
export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];

/** A document that cannot be read: too large, not well-formed, hostile, or of an unknown kind. */
export class DocumentReadError extends Error {
  override readonly name = 'DocumentReadError';
  /** Stable machine-readable reason. */
  readonly code: ReadErrorCode;
  /** 1-based line of the problem in the source, when known. */
  readonly line: number | undefined;
  /** 1-based column of the problem in the source, when known. */
  readonly column: number | undefined;
  /** Further structured details (e.g. the problems of a JSON invoice). */
  readonly details: unknown;

  constructor(options: { code: ReadErrorCode; message: string; line?: number; column?: number; details?: unknown; cause?: unknown }) {
    const where = options.line !== undefined ? ` (line ${options.line}, column ${options.column ?? 1})` : '';
    super(`${options.message}${where}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.line = options.line;
    this.column = options.column;
    this.details = options.details;
  }
}
