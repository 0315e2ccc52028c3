import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { DeliveryOutcome } from '../../src/destinations/destination.js';
import { createHttpDestination } from '../../src/destinations/http-destination.js';
import { AppError } from '../../src/errors/app-error.js';
import { buildMessage } from './build-message.js';
import { startReceiver, type Receiver, type ReceiverHandler } from './receiver.js';

const SECRET = 'whsec_test_3f9a1c';

/** A receiver for one test, closed afterwards whatever happens. */
async function withReceiver(handler: ReceiverHandler, run: (receiver: Receiver) => Promise<void>): Promise<void> {
  const receiver = await startReceiver(handler);
  try {
    await run(receiver);
  } finally {
    await receiver.close();
  }
}

function answer(status: number, body = '', headers: Record<string, string> = {}): ReceiverHandler {
  return (_request, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  };
}

function assertKind(outcome: DeliveryOutcome, kind: DeliveryOutcome['kind']): void {
  assert.equal(outcome.kind, kind, `expected ${kind}, got ${JSON.stringify(outcome)}`);
}

describe('HTTP destination: what is sent', () => {
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver((request, res) => {
      // The receiver verifies the signature the way a webhook consumer would.
      const expected = `sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`;
      const valid = request.headers['x-signature'] === expected;
      res.writeHead(valid ? 201 : 401, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(valid ? { id: 'rcv-42', status: 'received' } : { error: 'bad signature' }));
    });
  });
  after(() => receiver.close());

  test('POSTs the body with its type, the idempotency key, the document id, a valid HMAC and extra headers', async () => {
    const message = buildMessage();
    const destination = createHttpDestination({ url: `${receiver.url}/hooks/invoices?token=abc`, hmacSecret: SECRET, headers: { Authorization: 'Bearer t0k3n' } });
    const outcome = await destination.send(message);
    assert.deepEqual(outcome, { kind: 'delivered', detail: 'HTTP 201', externalId: 'rcv-42' });
    const [request] = receiver.requests.splice(0);
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/hooks/invoices?token=abc');
    assert.deepEqual(request.body, Buffer.from(message.body));
    assert.equal(request.headers['content-type'], 'application/xml');
    assert.equal(request.headers['content-length'], String(message.body.byteLength));
    assert.equal(request.headers['idempotency-key'], message.idempotencyKey);
    assert.equal(request.headers['x-document-id'], message.documentId);
    assert.equal(request.headers['x-signature'], `sha256=${createHmac('sha256', SECRET).update(message.body).digest('hex')}`);
    assert.equal(request.headers['authorization'], 'Bearer t0k3n');
  });

  test('a binary secret signs the same way', async () => {
    const secret = new Uint8Array([0, 1, 2, 250, 255]);
    const message = buildMessage();
    await createHttpDestination({ url: receiver.url, hmacSecret: secret }).send(message);
    const [request] = receiver.requests.splice(0);
    assert.equal(request?.headers['x-signature'], `sha256=${createHmac('sha256', secret).update(message.body).digest('hex')}`);
  });

  test('the same message sent twice carries the same Idempotency-Key', async () => {
    const message = buildMessage();
    const destination = createHttpDestination({ url: receiver.url, hmacSecret: SECRET });
    await destination.send(message);
    await destination.send(message);
    const keys = receiver.requests.splice(0).map((r) => r.headers['idempotency-key']);
    assert.deepEqual(keys, [message.idempotencyKey, message.idempotencyKey]);
  });

  test('without a secret there is no X-Signature (and this receiver refuses)', async () => {
    const outcome = await createHttpDestination({ url: receiver.url }).send(buildMessage());
    assert.deepEqual(outcome, { kind: 'rejected', detail: 'HTTP 401: {"error":"bad signature"}' });
    assert.equal(receiver.requests.splice(0)[0]?.headers['x-signature'], undefined);
  });

  test('the description names the endpoint but not the query, which may hold a token', () => {
    const destination = createHttpDestination({ url: `${receiver.url}/in?token=secret-value` });
    assert.equal(destination.description, `POST ${receiver.url}/in`);
  });
});

describe('HTTP destination: how answers are read', () => {
  test('externalId from the Location header when the body has no id', async () => {
    await withReceiver(answer(202, '', { location: '/received/77' }), async (r) => {
      assert.deepEqual(await createHttpDestination({ url: r.url }).send(buildMessage()), { kind: 'delivered', detail: 'HTTP 202', externalId: '/received/77' });
    });
  });

  test('204 without a body is delivered without an externalId', async () => {
    await withReceiver(answer(204), async (r) => {
      assert.deepEqual(await createHttpDestination({ url: r.url }).send(buildMessage()), { kind: 'delivered', detail: 'HTTP 204' });
    });
  });

  for (const status of [500, 502, 408]) {
    test(`${status} is a transport failure with an excerpt of the answer`, async () => {
      await withReceiver(answer(status, 'upstream\r\nbroken'), async (r) => {
        const outcome = await createHttpDestination({ url: r.url }).send(buildMessage());
        assert.deepEqual(outcome, { kind: 'transport-failure', detail: `HTTP ${status}: upstream broken` });
      });
    });
  }

  test('429 with Retry-After in seconds asks for that delay', async () => {
    await withReceiver(answer(429, 'slow down', { 'retry-after': '120' }), async (r) => {
      const outcome = await createHttpDestination({ url: r.url }).send(buildMessage());
      assert.deepEqual(outcome, { kind: 'transport-failure', detail: 'HTTP 429: slow down', retryAfterMs: 120_000 });
    });
  });

  test('503 with Retry-After as an HTTP-date asks for the time until then', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 90_000);
    await withReceiver(answer(503, '', { 'retry-after': at.toUTCString() }), async (r) => {
      const outcome = await createHttpDestination({ url: r.url }).send(buildMessage());
      assertKind(outcome, 'transport-failure');
      assert.ok(outcome.kind === 'transport-failure' && outcome.retryAfterMs !== undefined);
      assert.ok(outcome.retryAfterMs > 80_000 && outcome.retryAfterMs <= 91_000, String(outcome.retryAfterMs));
    });
  });

  for (const status of [400, 404, 422]) {
    test(`${status} is a rejection with the status and the receiver's message`, async () => {
      await withReceiver(answer(status, `{"error":"problem ${status}"}`), async (r) => {
        assert.deepEqual(await createHttpDestination({ url: r.url }).send(buildMessage()), { kind: 'rejected', detail: `HTTP ${status}: {"error":"problem ${status}"}` });
      });
    });
  }

  test('a redirect is not followed and is a rejection', async () => {
    await withReceiver(answer(307, '', { location: 'http://127.0.0.1:9/elsewhere' }), async (r) => {
      const outcome = await createHttpDestination({ url: r.url }).send(buildMessage());
      assert.deepEqual(outcome, { kind: 'rejected', detail: 'HTTP 307: redirect to http://127.0.0.1:9/elsewhere not followed' });
      assert.equal(r.requests.length, 1);
    });
  });

  test('a huge error page is read only in part and kept short in the detail', async () => {
    await withReceiver(answer(400, 'x'.repeat(5 * 1024 * 1024)), async (r) => {
      const outcome = await createHttpDestination({ url: r.url }).send(buildMessage());
      assertKind(outcome, 'rejected');
      assert.ok(outcome.detail.startsWith('HTTP 400: xxx') && outcome.detail.length < 520, `${outcome.detail.length} chars`);
    });
  });

  test('once the status is in, a body that never ends does not turn a 200 into a failure', async () => {
    await withReceiver((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":'); // and never more
    }, async (r) => {
      const outcome = await createHttpDestination({ url: r.url, timeoutMs: 300 }).send(buildMessage());
      assert.deepEqual(outcome, { kind: 'delivered', detail: 'HTTP 200' });
    });
  });
});

describe('HTTP destination: transport failures', () => {
  test('connection refused (a closed port)', async () => {
    const port = await closedPort();
    const outcome = await createHttpDestination({ url: `http://127.0.0.1:${port}/` }).send(buildMessage());
    assertKind(outcome, 'transport-failure');
    assert.match(outcome.detail, /^connection refused \(ECONNREFUSED\)/);
  });

  test('connection reset by the receiver', async () => {
    await withReceiver((_req, res) => res.socket?.resetAndDestroy(), async (r) => {
      const outcome = await createHttpDestination({ url: r.url }).send(buildMessage());
      assertKind(outcome, 'transport-failure');
      assert.match(outcome.detail, /\(ECONNRESET\)/);
      assert.equal(r.requests.length, 1);
    });
  });

  test('a receiver that never answers times out after timeoutMs', async () => {
    await withReceiver(() => undefined, async (r) => {
      const started = Date.now();
      const outcome = await createHttpDestination({ url: r.url, timeoutMs: 250 }).send(buildMessage());
      assert.deepEqual(outcome, { kind: 'transport-failure', detail: 'no answer within 250 ms' });
      assert.ok(Date.now() - started < 5_000);
    });
  });

  test('a host name that does not resolve', async () => {
    const outcome = await createHttpDestination({ url: 'http://does-not-exist.invalid/', timeoutMs: 10_000 }).send(buildMessage());
    assertKind(outcome, 'transport-failure');
    assert.match(outcome.detail, /DNS/);
  });
});

describe('HTTP destination: settings and messages that cannot work', () => {
  const refused = (settings: Parameters<typeof createHttpDestination>[0], pattern: RegExp): void => {
    assert.throws(() => createHttpDestination(settings), (error: unknown) => error instanceof AppError && error.code === 'bad-request' && pattern.test(error.message));
  };

  test('only absolute http: and https: URLs without credentials', () => {
    refused({ url: 'ftp://example.com/in' }, /http: or https:/);
    refused({ url: 'file:///etc/passwd' }, /http: or https:/);
    refused({ url: '/relative' }, /absolute URL/);
    refused({ url: 'https://user:pw@example.com/' }, /credentials/);
  });

  test('headers the destination sets itself, and invalid headers, are refused', () => {
    refused({ url: 'https://example.com/', headers: { 'Idempotency-Key': 'x' } }, /set by the destination/);
    refused({ url: 'https://example.com/', headers: { 'Content-Type': 'text/plain' } }, /set by the destination/);
    refused({ url: 'https://example.com/', headers: { 'Bad Name': 'x' } }, /not a valid HTTP token/);
    refused({ url: 'https://example.com/', headers: { 'X-Token': 'a\r\nInjected: yes' } }, /characters HTTP does not allow/);
    refused({ url: 'https://example.com/', timeoutMs: 0 }, /timeoutMs/);
  });

  test('certificates with a plain http: URL are refused', () => {
    refused({ url: 'http://example.com/', serverCaPem: 'x' }, /https:/);
  });

  test('an idempotency key that cannot be a header value is a rejection, and nothing is sent', async () => {
    await withReceiver(answer(200), async (r) => {
      const outcome = await createHttpDestination({ url: r.url }).send(buildMessage({ idempotencyKey: 'k\r\nX-Evil: 1' }));
      assert.deepEqual(outcome, { kind: 'rejected', detail: 'the value for header idempotency-key contains characters HTTP does not allow' });
      assert.equal(r.requests.length, 0);
    });
  });
});

/** A port nothing listens on: bound once by the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
