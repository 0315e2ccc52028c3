import { createHmac } from 'node:crypto';
import { request as httpRequest, validateHeaderName, validateHeaderValue, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createSecureContext } from 'node:tls';
import { AppError } from '../errors/app-error.js';
import { transportFailure, type DeliveryMessage, type DeliveryOutcome, type Destination } from './destination.js';
import { classifyHttpAnswer, MAX_RESPONSE_BYTES } from './http-response.js';
import { DeliveryTimeoutError, describeNetworkError } from './network-error.js';

/** A client certificate for receivers that authenticate their senders with mutual TLS. */
export type ClientCertificate = {
  privateKeyPem: string;
  certificatePem: string;
  /** CA certificate(s) to trust for the receiver's certificate (replaces the system's roots). */
  caPem?: string;
};

/** An HTTP destination's settings, secrets already resolved into values. */
export type HttpDestinationSettings = {
  /** Where the e-invoice is POSTed; `http:` or `https:` only, no credentials in it (use `headers`). */
  url: string;
  /** When set, every request carries `X-Signature: sha256=<hex HMAC-SHA256 of the body>`. */
  hmacSecret?: Uint8Array | string;
  clientCertificate?: ClientCertificate;
  /** CA certificate(s) to trust for the receiver's certificate without a client certificate (replaces the system's roots). */
  serverCaPem?: string;
  /** Bounds the whole exchange, from connecting to the end of the answer; 30 s by default. */
  timeoutMs?: number;
  /** Extra request headers, e.g. `Authorization`; they cannot replace the ones the destination sets. */
  headers?: Record<string, string>;
};

/** The default bound on one delivery attempt over HTTP. */
export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;
const MAX_TIMEOUT_MS = 10 * 60_000;
/** Set by the destination on every request; a configured header of the same name would contradict it. */
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding', 'host', 'connection', 'idempotency-key', 'x-signature', 'x-document-id']);

/**
 * A destination that POSTs the e-invoice to a URL (a webhook, an ERP's inbox). Receivers deduplicate
 * on `Idempotency-Key` and may verify `X-Signature`. Redirects are never followed. Invalid settings
 * throw an `AppError` ('bad-request') here, once; sending never throws.
 */
export function createHttpDestination(settings: HttpDestinationSettings): Destination {
  const url = checkUrl(settings.url);
  const timeoutMs = checkTimeout(settings.timeoutMs);
  const extraHeaders = checkHeaders(settings.headers ?? {});
  const tls = tlsOptions(settings, url);
  const description = `POST ${url.origin}${url.pathname}`; // no query: it may carry a token

  return {
    description,
    async send(message: DeliveryMessage): Promise<DeliveryOutcome> {
      const headers: OutgoingHttpHeaders = {
        ...extraHeaders,
        'content-type': message.mediaType,
        'content-length': message.body.byteLength,
        'idempotency-key': message.idempotencyKey,
        'x-document-id': message.documentId,
      };
      if (settings.hmacSecret !== undefined) headers['x-signature'] = `sha256=${createHmac('sha256', settings.hmacSecret).update(message.body).digest('hex')}`;
      for (const name of ['content-type', 'idempotency-key', 'x-document-id']) {
        const problem = headerValueProblem(name, String(headers[name]));
        if (problem !== undefined) return { kind: 'rejected', detail: problem };
      }
      return post({ url, headers, tls, timeoutMs, body: message.body });
    },
  };
}

type TlsOptions = { key?: string; cert?: string; ca?: string[] };

/** One POST, settled exactly once: by the answer's status once there is one, else by the transport error. */
function post(options: { url: URL; headers: OutgoingHttpHeaders; tls: TlsOptions; timeoutMs: number; body: Uint8Array }): Promise<DeliveryOutcome> {
  return new Promise<DeliveryOutcome>((resolve) => {
    let settled = false;
    let answered = false;
    const settle = (outcome: DeliveryOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const send = options.url.protocol === 'https:' ? httpsRequest : httpRequest;
    let req: ClientRequest;
    try {
      // agent: false — a fresh connection per attempt, nothing pooled that outlives the destination.
      req = send(options.url, { method: 'POST', headers: options.headers, agent: false, ...options.tls });
    } catch (error) {
      // Thrown before anything was sent, from the request as built: building it again would throw again.
      resolve({ kind: 'rejected', detail: `request not sent: ${describeNetworkError(error)}` });
      return;
    }
    const timer = setTimeout(() => req.destroy(new DeliveryTimeoutError(options.timeoutMs)), options.timeoutMs);
    req.on('response', (res) => {
      answered = true;
      void readBounded(res, MAX_RESPONSE_BYTES).then((body) => {
        settle(classifyHttpAnswer({ status: res.statusCode ?? 0, headers: res.headers, body }, new Date()));
        // The answer is in hand; whatever the receiver still sends is not wanted.
        req.destroy();
      });
    });
    req.on('error', (error) => {
      // After the status arrived, an error (timeout, reset mid-body) only cuts the body short.
      if (!answered) settle(transportFailure(describeNetworkError(error)));
    });
    req.end(options.body);
  });
}

/** Reads at most `limit` bytes of an answer; never rejects: a broken or endless body yields what arrived. */
function readBounded(res: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (): void => resolve(new Uint8Array(Buffer.concat(chunks)));
    res.on('data', (chunk: Buffer) => {
      const room = limit - size;
      if (room <= 0) return;
      chunks.push(chunk.subarray(0, room));
      size += Math.min(room, chunk.byteLength);
      if (size >= limit) {
        done();
        res.destroy();
      }
    });
    res.on('end', done);
    res.on('error', done);
    res.on('close', done);
  });
}

function checkUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('url is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`url must be http: or https:, got ${url.protocol}`);
  if (url.username !== '' || url.password !== '') throw invalid('url must not contain credentials; send them in headers (resolved from a secret)');
  return url;
}

function checkTimeout(timeoutMs: number | undefined): number {
  if (timeoutMs === undefined) return DEFAULT_HTTP_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) throw invalid(`timeoutMs must be an integer in 1..${MAX_TIMEOUT_MS}`);
  return timeoutMs;
}

function checkHeaders(headers: Record<string, string>): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower)) throw invalid(`header ${name} is set by the destination itself`);
    try {
      validateHeaderName(name);
    } catch {
      throw invalid(`header name ${JSON.stringify(name)} is not a valid HTTP token`);
    }
    const problem = headerValueProblem(name, value);
    if (problem !== undefined) throw invalid(problem);
    checked[lower] = value;
  }
  return checked;
}

function headerValueProblem(name: string, value: string): string | undefined {
  try {
    validateHeaderValue(name, value);
    return undefined;
  } catch {
    // The value is not repeated: it may be a secret.
    return `the value for header ${name} contains characters HTTP does not allow`;
  }
}

function tlsOptions(settings: HttpDestinationSettings, url: URL): TlsOptions {
  const tls: TlsOptions = {};
  const ca = [settings.serverCaPem, settings.clientCertificate?.caPem].filter((pem): pem is string => pem !== undefined);
  if (ca.length > 0) tls.ca = ca;
  if (settings.clientCertificate !== undefined) {
    tls.key = settings.clientCertificate.privateKeyPem;
    tls.cert = settings.clientCertificate.certificatePem;
  }
  if (Object.keys(tls).length === 0) return tls;
  if (url.protocol !== 'https:') throw invalid('certificates are only used with an https: url');
  try {
    createSecureContext(tls); // bad PEM or a key that does not match the certificate: say so now, not per attempt
  } catch (error) {
    throw invalid(`the certificates or the key cannot be used (${error instanceof Error ? error.message : String(error)})`);
  }
  return tls;
}

function invalid(message: string): AppError {
  return new AppError('bad-request', `HTTP destination: ${message}`);
}
