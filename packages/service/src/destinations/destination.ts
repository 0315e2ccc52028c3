/**
 * The delivery port: a destination takes one e-invoice and says what became of it. The orchestration
 * (deliveries table, ordering, back-off) lives elsewhere and depends only on this file.
 */

/** What is sent: one e-invoice of one document revision. */
export type DeliveryMessage = {
  documentId: string;
  /** Same on every attempt for the same document revision; receivers deduplicate on it. */
  idempotencyKey: string;
  body: Uint8Array;
  /** The media type of `body`, e.g. `application/xml`. */
  mediaType: string;
  /** The name the file travels under, e.g. `invoice.xml` or `<invoice number>.xml`. */
  fileName: string;
  /** BT-1, for e-mail subjects and file names. */
  invoiceNumber?: string;
};

/**
 * What became of one attempt. `rejected` is permanent (retrying would get the same answer);
 * `transport-failure` may clear, so the caller retries with back-off, waiting at least `retryAfterMs`
 * when the receiver asked for it.
 */
export type DeliveryOutcome =
  | { kind: 'delivered'; detail: string; externalId?: string }
  | { kind: 'rejected'; detail: string }
  | { kind: 'transport-failure'; detail: string; retryAfterMs?: number };

/** A configured destination. Never throws for transport problems: it returns an outcome. */
export interface Destination {
  /** For logs and the console; never contains credentials. */
  readonly description: string;
  /** Sends one message once; the caller decides about retries from the outcome. */
  send(message: DeliveryMessage): Promise<DeliveryOutcome>;
}

/** Builds a `transport-failure`, leaving `retryAfterMs` out when the receiver did not ask for a delay. */
export function transportFailure(detail: string, retryAfterMs?: number): DeliveryOutcome {
  return retryAfterMs === undefined ? { kind: 'transport-failure', detail } : { kind: 'transport-failure', detail, retryAfterMs };
}

/** Most characters of receiver-provided text kept in an outcome's detail (it is stored and shown). */
export const DETAIL_EXCERPT_CHARS = 500;

/**
 * A bounded, single-line excerpt of text a receiver sent: control characters become spaces so the
 * detail cannot forge log lines, and it is cut to `DETAIL_EXCERPT_CHARS`. HTML escaping is the
 * renderer's job.
 */
export function excerpt(text: string, maxChars = DETAIL_EXCERPT_CHARS): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length <= maxChars ? flat : `${flat.slice(0, maxChars)}…`;
}
