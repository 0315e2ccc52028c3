import type { ErrorCode } from './app-error.js';

/** The HTTP status of each error code: the one place this mapping lives. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  'bad-request': 400,
  'invalid-invoice': 400,
  'invalid-context': 400,
  'unreadable-document': 400,
  unauthorized: 401,
  'not-found': 404,
  'idempotency-conflict': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'too-many-items': 413,
  'invalid-flow': 422,
  'flow-conflict': 409,
  'secret-not-found': 404,
  'secret-wrong-kind': 409,
  'invalid-certificate': 400,
  'not-ready': 503,
  internal: 500,
};
