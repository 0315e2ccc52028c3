import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One stored object. */
export type SimulatedObject = { body: Buffer; contentType: string; etag: string; lastModified: Date };

/** A request the simulator received, for assertions such as "no PUT was sent". */
export type SimulatedRequest = { method: string; bucket: string; key: string; headers: IncomingMessage['headers'] };

/** A running simulator. */
export type S3Simulator = {
  /** The endpoint to give the SDK (with `forcePathStyle: true`). */
  endpoint: string;
  /** Buckets → key → object; tests may read or tamper with them. */
  buckets: Map<string, Map<string, SimulatedObject>>;
  requests: SimulatedRequest[];
  close(): Promise<void>;
};

/**
 * A small in-memory S3 for tests: path-style PutObject, GetObject, HeadObject, HeadBucket and CreateBucket
 * over real HTTP on 127.0.0.1, answering as the S3 REST API does — status codes, headers (ETag,
 * Last-Modified, x-amz-request-id) and XML error documents (NoSuchKey, NoSuchBucket, BadDigest …). It checks
 * what it can check without the secret key: the payload hash, Content-MD5 and x-amz-checksum-sha256, and
 * that requests are signed at all; it does not verify SigV4 signatures.
 */
export async function startS3Simulator(options: { buckets?: string[] } = {}): Promise<S3Simulator> {
  const buckets = new Map<string, Map<string, SimulatedObject>>((options.buckets ?? []).map((name) => [name, new Map()]));
  const requests: SimulatedRequest[] = [];
  const server = createServer((req, res) => {
    handle(req, res, buckets, requests).catch((error: unknown) => {
      sendError(res, 500, 'InternalError', `We encountered an internal error. Please try again. (${String(error)})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    buckets,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, buckets: S3Simulator['buckets'], requests: SimulatedRequest[]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, bucketName = '', ...keyParts] = url.pathname.split('/');
  const bucket = decodeURIComponent(bucketName);
  const key = keyParts.map((part) => decodeURIComponent(part)).join('/');
  const method = req.method ?? 'GET';
  requests.push({ method, bucket, key, headers: req.headers });
  const body = await readBody(req);

  if (!isSigned(req, url)) return sendError(res, 403, 'AccessDenied', 'Access Denied', method);
  if (!bucket) return sendError(res, 501, 'NotImplemented', 'A header you provided implies functionality that is not implemented', method);

  const objects = buckets.get(bucket);
  if (!key) {
    if (method === 'HEAD') return objects ? send(res, 200, { 'x-amz-bucket-region': 'us-east-1' }) : send(res, 404);
    if (method === 'PUT') {
      if (objects) return sendError(res, 409, 'BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.');
      buckets.set(bucket, new Map());
      return send(res, 200, { location: `/${bucket}` });
    }
    return sendError(res, 501, 'NotImplemented', 'A header you provided implies functionality that is not implemented', method);
  }
  if (!objects) return sendError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist', method, { BucketName: bucket });

  if (method === 'PUT') return putObject(req, res, objects, key, body);
  if (method === 'GET' || method === 'HEAD') {
    const object = objects.get(key);
    if (!object) return sendError(res, 404, 'NoSuchKey', 'The specified key does not exist.', method, { Key: key });
    const headers = {
      'content-type': object.contentType,
      'content-length': String(object.body.byteLength),
      etag: object.etag,
      'last-modified': object.lastModified.toUTCString(),
      'accept-ranges': 'bytes',
    };
    return method === 'HEAD' ? send(res, 200, headers) : send(res, 200, headers, object.body);
  }
  return sendError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', method);
}

function putObject(req: IncomingMessage, res: ServerResponse, objects: Map<string, SimulatedObject>, key: string, raw: Buffer): void {
  const body = isAwsChunked(req) ? decodeAwsChunked(raw) : raw;
  const declaredLength = header(req, 'x-amz-decoded-content-length');
  if (declaredLength !== undefined && Number(declaredLength) !== body.byteLength) {
    return sendError(res, 400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.');
  }
  const payloadHash = header(req, 'x-amz-content-sha256');
  if (payloadHash && /^[0-9a-f]{64}$/.test(payloadHash) && payloadHash !== createHash('sha256').update(body).digest('hex')) {
    return sendError(res, 400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const md5 = createHash('md5').update(body);
  const contentMd5 = header(req, 'content-md5');
  const md5Base64 = md5.copy().digest('base64');
  if (contentMd5 !== undefined && contentMd5 !== md5Base64) {
    return sendError(res, 400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
  }
  const checksum = header(req, 'x-amz-checksum-sha256');
  if (checksum !== undefined && checksum !== createHash('sha256').update(body).digest('base64')) {
    return sendError(res, 400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.');
  }
  const etag = `"${md5.digest('hex')}"`;
  objects.set(key, { body, contentType: header(req, 'content-type') ?? 'binary/octet-stream', etag, lastModified: new Date() });
  send(res, 200, { etag, ...(checksum === undefined ? {} : { 'x-amz-checksum-sha256': checksum }) });
}

/** Signed with SigV4 in the Authorization header, or presigned in the query string. */
function isSigned(req: IncomingMessage, url: URL): boolean {
  return (header(req, 'authorization') ?? '').startsWith('AWS4-HMAC-SHA256 ') || url.searchParams.has('X-Amz-Signature');
}

function isAwsChunked(req: IncomingMessage): boolean {
  return (header(req, 'content-encoding') ?? '').split(',').some((v) => v.trim() === 'aws-chunked') || (header(req, 'x-amz-content-sha256') ?? '').startsWith('STREAMING-');
}

/** `aws-chunked`: `<hex size>[;chunk-signature=…]\r\n<data>\r\n` … `0…\r\n` then optional trailers. */
function decodeAwsChunked(raw: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) break;
    chunks.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string> = {}, body?: Buffer): void {
  res.writeHead(status, {
    'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'x-amz-id-2': randomBytes(24).toString('base64'),
    server: 'AmazonS3',
    date: new Date().toUTCString(),
    ...(body === undefined && !('content-length' in headers) ? { 'content-length': '0' } : {}),
    ...headers,
  });
  res.end(body);
}

/** An S3 error: an XML document, except for HEAD requests, which S3 answers with the status alone. */
function sendError(res: ServerResponse, status: number, code: string, message: string, method = 'GET', extra: Record<string, string> = {}): void {
  if (method === 'HEAD') return send(res, status);
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const fields = Object.entries({ Code: code, Message: message, ...extra, RequestId: requestId, HostId: randomBytes(24).toString('base64') })
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
  const xml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields}</Error>`);
  send(res, status, { 'content-type': 'application/xml', 'content-length': String(xml.byteLength), 'x-amz-request-id': requestId }, xml);
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
