import { UsageError } from '../io.js';

/** Where `einvoice serve` listens unless told otherwise (the service's default host and port). */
export const DEFAULT_SERVICE_URL = 'http://127.0.0.1:8080';

/** Largest answer read from the service: a flow listing or a flow's versions are far smaller; more is a wrong server. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** How long one request may take before the command gives up on the service. */
const REQUEST_TIMEOUT_MS = 30_000;

/** The service a command talks to and the tenant's key that opens it. */
export type ServiceTarget = { baseUrl: URL; apiKey: string };

/** One answer of the service: its status, its body as text, and the body parsed when it is JSON. */
export type ApiAnswer = { status: number; text: string; json: unknown };

/** The service could not be reached, or answered something that is not this API. */
export class ServiceCallError extends Error {
  override readonly name = 'ServiceCallError';
}

/**
 * The service of a command: `--url` > EINVOICE_URL > the default, and `--api-key` > EINVOICE_API_KEY. A missing
 * key or a URL that is not http(s) is a usage error; the key itself never appears in a message.
 */
export function resolveServiceTarget(flags: { url: string | undefined; apiKey: string | undefined }, env: NodeJS.ProcessEnv): ServiceTarget {
  const url = flags.url ?? nonEmpty(env['EINVOICE_URL']) ?? DEFAULT_SERVICE_URL;
  let baseUrl: URL;
  try {
    baseUrl = new URL(url);
  } catch (cause) {
    throw new UsageError(`the service URL "${url}" is not a URL (give --url http://host:port or set EINVOICE_URL)`, { cause });
  }
  if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') throw new UsageError(`the service URL must start with http:// or https://, got "${url}"`);
  const apiKey = flags.apiKey ?? nonEmpty(env['EINVOICE_API_KEY']);
  if (apiKey === undefined || apiKey.trim() === '') throw new UsageError('needs the tenant\'s API key: give --api-key <key> or set EINVOICE_API_KEY');
  return { baseUrl, apiKey: apiKey.trim() };
}

/** Calls the API with the tenant's key; any HTTP status is an answer, only an unreachable or foreign server throws. */
export async function callApi(target: ServiceTarget, request: { method: 'GET' | 'POST'; path: string; body?: string; contentType?: string }): Promise<ApiAnswer> {
  // A base URL with a path (a reverse proxy's prefix) keeps it: resolve "v1/…" against ".../prefix/".
  const base = target.baseUrl.href.endsWith('/') ? target.baseUrl.href : `${target.baseUrl.href}/`;
  const url = new URL(request.path.replace(/^\//, ''), base);
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method,
      headers: {
        authorization: `Bearer ${target.apiKey}`,
        accept: 'application/json, application/problem+json',
        ...(request.contentType === undefined ? {} : { 'content-type': request.contentType }),
      },
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ServiceCallError(`cannot reach the service at ${target.baseUrl.origin}: ${reasonOf(error)}`, { cause: error });
  }
  const text = await readBounded(response, url);
  const type = response.headers.get('content-type') ?? '';
  if (!/^application\/(problem\+)?json\b/.test(type)) {
    throw new ServiceCallError(`${url.origin} did not answer like the eInvoice Hub API (HTTP ${response.status}, ${type === '' ? 'no content type' : type})`);
  }
  try {
    return { status: response.status, text, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
  } catch (cause) {
    throw new ServiceCallError(`${url.origin} answered HTTP ${response.status} with JSON that does not parse`, { cause });
  }
}

/** Reads an answer's body, refusing more than MAX_ANSWER_BYTES. */
async function readBounded(response: Response, url: URL): Promise<string> {
  const tooLarge = () => new ServiceCallError(`${url.origin} answered more than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; not the eInvoice Hub API?`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_ANSWER_BYTES) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_ANSWER_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What went wrong with a request, said briefly: the cause of "fetch failed" is the useful part. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  const cause = error.cause;
  return cause instanceof Error ? cause.message : error.message;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
