import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentReadError } from '@einvoice-hub/core';
import { z } from 'zod';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors/app-error.js';
import { ERROR_STATUS } from '../errors/error-status.js';
import { showSchemaAs } from './zod-schemas.js';

/** The media type of error answers (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Where the problem types live: one URI per error code. */
// A URN: the project owns no web domain, and a problem type must be a URI, not necessarily a link.
const PROBLEM_TYPE_BASE = 'urn:einvoice-hub:problem:';

/** One item of a problem's `errors`: a field (`path`) or a position in a document (`line`, `column`). */
export const problemItemSchema = z.object({
  path: z.string().optional(),
  message: z.string(),
  code: z.string().optional().describe('A finer reason, e.g. the reader\'s `xml-malformed`.'),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});

/** An RFC 9457 problem with this service's stable `code`. */
export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the problem type, one per code.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(ERROR_CODES).describe('The stable error code: clients branch on it, never on the text.'),
    errors: z.array(problemItemSchema).optional(),
  })
  .describe('An RFC 9457 problem (application/problem+json).');

/** Where route schemas refer to a problem: the `Problem` component of the OpenAPI document. */
export const problemReference = showSchemaAs(problemSchema.meta({}), { $ref: '#/components/schemas/Problem' });

/** An error answer of a route, for the OpenAPI document. */
export const problemResponse = { description: 'A problem (RFC 9457).', content: { [PROBLEM_MEDIA_TYPE]: { schema: problemReference } } };

/** An RFC 9457 problem. */
export type Problem = z.infer<typeof problemSchema>;
/** One item of a problem's `errors`. */
export type ProblemItem = z.infer<typeof problemItemSchema>;

const TITLES: Readonly<Record<ErrorCode, string>> = {
  'bad-request': 'Bad request',
  'invalid-invoice': 'Invalid invoice',
  'invalid-context': 'Invalid context',
  'unreadable-document': 'Unreadable document',
  unauthorized: 'Unauthorized',
  'not-found': 'Not found',
  'idempotency-conflict': 'Idempotency key reused with another request',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'too-many-items': 'Too many items',
  'invalid-flow': 'Invalid flow definition',
  'flow-conflict': 'Flow conflict',
  'secret-not-found': 'Secret not found',
  'secret-wrong-kind': 'Secret of the wrong kind',
  'invalid-certificate': 'Invalid certificate',
  'not-ready': 'Not ready',
  internal: 'Internal server error',
};

/** The problem for an error code. */
export function problemFor(code: ErrorCode, detail: string, errors?: readonly ProblemItem[]): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[code],
    status: ERROR_STATUS[code],
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
  };
}

/** The problem of an AppError; `details` that are a list of problem items become `errors`. */
export function problemOfAppError(error: AppError): Problem {
  return problemFor(error.code, error.message, problemItemsOf(error.details));
}

/** The problem of a document the core reader refused (not well-formed, hostile, unknown kind, invalid JSON invoice). */
export function problemOfReadError(error: DocumentReadError): Problem {
  const items = problemItemsOf(error.details) ?? [
    { message: error.message, code: error.code, ...(error.line !== undefined ? { line: error.line } : {}), ...(error.column !== undefined ? { column: error.column } : {}) },
  ];
  return problemFor('unreadable-document', error.message, items);
}

function problemItemsOf(details: unknown): ProblemItem[] | undefined {
  if (!Array.isArray(details)) return undefined;
  const items = details.filter((d): d is ProblemItem => typeof d === 'object' && d !== null && typeof (d as ProblemItem).message === 'string');
  return items.length === details.length ? items : undefined;
}

// Fastify's own errors (raised before a handler runs) and the codes they mean to a client.
const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad-request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad-request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_VALIDATION: 'bad-request',
};

/** Turns anything thrown while handling a request into a problem; `expose` is false when it must be logged as a fault. */
export function problemOfError(error: unknown): { problem: Problem; fault: boolean } {
  if (error instanceof AppError) return { problem: problemOfAppError(error), fault: error.code === 'internal' };
  if (error instanceof DocumentReadError) return { problem: problemOfReadError(error), fault: false };
  const fastifyError = error as Partial<FastifyError> | undefined;
  const code = fastifyError?.code === undefined ? undefined : FASTIFY_CODES[fastifyError.code];
  if (code) return { problem: problemFor(code, fastifyError?.message ?? TITLES[code]), fault: false };
  // Other client errors Fastify raises carry safe, generic messages; a 5xx never shows its message.
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { problem: { ...problemFor('bad-request', fastifyError?.message ?? 'Bad request'), status }, fault: false };
  }
  return { problem: problemFor('internal', 'An unexpected error occurred; it has been logged.'), fault: true };
}

/** Sends a problem as application/problem+json. */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.code === 'unauthorized') reply.header('www-authenticate', 'Bearer');
  return reply.code(problem.status).type(PROBLEM_MEDIA_TYPE).send(problem);
}

/**
 * Installs the one error handler (every error answers problem+json; 500s are logged with the request id
 * and leak nothing) and the not-found handler.
 */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { problem, fault } = problemOfError(error);
    if (fault) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(reply, problemFor('not-found', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`)),
  );
}
