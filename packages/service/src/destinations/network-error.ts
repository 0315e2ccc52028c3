import { excerpt } from './destination.js';

/** Raised by a destination's own timer, so the timeout is told apart from errors the socket reports. */
export class DeliveryTimeoutError extends Error {
  override readonly name = 'DeliveryTimeoutError';
  readonly code = 'ETIMEDOUT';
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the receiver',
  EPIPE: 'connection closed by the receiver while sending',
  ECONNABORTED: 'connection aborted',
  ETIMEDOUT: 'timed out',
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network down',
  // Nodemailer's codes for failures that carry no SMTP reply (and no system code of their own).
  EDNS: 'DNS lookup failed',
  ECONNECTION: 'connection closed unexpectedly',
  ESOCKET: 'socket error',
  ETLS: 'TLS failed',
};

/**
 * One line saying what went wrong on the wire, with the system's error code, for a delivery's detail.
 * Every error a socket, the resolver or TLS reports is a transport failure: the cause (an outage, a
 * certificate about to be renewed) may clear, and the caller's deadline bounds the retries.
 */
export function describeNetworkError(error: unknown): string {
  if (error instanceof DeliveryTimeoutError) return error.message;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const known = code === undefined ? undefined : DESCRIPTIONS[code];
  if (known !== undefined) return `${known} (${code}): ${excerpt(message, 200)}`;
  if (code !== undefined && isTlsErrorCode(code)) return `TLS handshake failed (${code}): ${excerpt(message, 200)}`;
  return excerpt(code === undefined ? message : `${code}: ${message}`, 300);
}

/** The `code` Node puts on system, DNS and TLS errors, when there is one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** OpenSSL's certificate verification codes and Node's TLS/SSL error codes. */
function isTlsErrorCode(code: string): boolean {
  return code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.includes('CERT') || code.startsWith('UNABLE_TO_') || code === 'EPROTO';
}
