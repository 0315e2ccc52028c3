/**
 * Every error the service reports on purpose, with a stable code. The API maps codes to HTTP statuses in
 * one table (`error-status.ts`) and answers RFC 9457 problem+json; anything else is a 500 that leaks nothing.
 */
export const ERROR_CODES = [
  'bad-request',
  'invalid-invoice',
  'invalid-context',
  'unreadable-document',
  'unauthorized',
  'not-found',
  'idempotency-conflict',
  'payload-too-large',
  'unsupported-media-type',
  'too-many-items',
  'invalid-flow',
  'flow-conflict',
  'secret-not-found',
  'secret-wrong-kind',
  'invalid-certificate',
  'not-ready',
  'internal',
] as const;
/** A stable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error with a documented code, a message for people, optional structured details and its cause. */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}

/** The resource does not exist for this tenant (whether or not it exists for another). */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  constructor(message: string) {
    super('not-found', message);
  }
}

/** Turns any thrown value into an Error, keeping the original as `cause`. */
export function coerceError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value), { cause: value });
}
