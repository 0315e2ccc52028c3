import type { IncomingHttpHeaders } from 'node:http';
import { excerpt, transportFailure, type DeliveryOutcome } from './destination.js';
import { parseRetryAfter } from './retry-schedule.js';

/** The most of a receiver's answer that is read: enough for an id or an error message, never a flood. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/** What the receiver answered, as far as it was read. */
export type HttpAnswer = { status: number; headers: IncomingHttpHeaders; body: Uint8Array };

/**
 * The outcome an HTTP answer means. 2xx: delivered. 408 (request timeout), 429 (too many requests) and
 * 5xx: the receiver could not take it now, so retry, waiting at least its Retry-After. 3xx: rejected,
 * since redirects are not followed (following one would send the invoice somewhere nobody configured).
 * Any other 4xx: the receiver refused this request, and sending it again would be refused again.
 */
export function classifyHttpAnswer(answer: HttpAnswer, now: Date): DeliveryOutcome {
  const { status, headers } = answer;
  if (status >= 200 && status < 300) {
    const externalId = externalIdOf(answer);
    const detail = `HTTP ${status}`;
    return externalId === undefined ? { kind: 'delivered', detail } : { kind: 'delivered', detail, externalId };
  }
  const text = bodyExcerpt(answer.body);
  if (status >= 300 && status < 400) {
    const location = headers.location === undefined ? '' : ` to ${excerpt(headers.location, 300)}`;
    return { kind: 'rejected', detail: `HTTP ${status}: redirect${location} not followed` };
  }
  const detail = text === '' ? `HTTP ${status}` : `HTTP ${status}: ${text}`;
  if (status === 408 || status === 429 || status >= 500) {
    return transportFailure(detail, parseRetryAfter(headers['retry-after'], now));
  }
  return { kind: 'rejected', detail };
}

/** The receiver's id for what it received: `id` of a JSON object answer, else the Location header. */
function externalIdOf(answer: HttpAnswer): string | undefined {
  const id = jsonId(answer);
  if (id !== undefined) return id;
  const location = answer.headers.location;
  return location === undefined || location === '' ? undefined : excerpt(location, 2048);
}

function jsonId({ headers, body }: HttpAnswer): string | undefined {
  if (body.byteLength === 0 || body.byteLength >= MAX_RESPONSE_BYTES) return undefined; // empty or cut off
  const type = headers['content-type'] ?? '';
  // application/json and the +json family; an untyped body is tried too, since many receivers omit it.
  if (type !== '' && !/^application\/([\w.-]+\+)?json\b/i.test(type)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const id = (parsed as { id?: unknown }).id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return typeof id === 'string' && id !== '' ? excerpt(id, 256) : undefined;
}

function bodyExcerpt(body: Uint8Array): string {
  // Not fatal: an error page in some other encoding still tells a person something.
  return excerpt(new TextDecoder('utf-8', { fatal: false }).decode(body));
}
