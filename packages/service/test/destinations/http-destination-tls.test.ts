import assert from 'node:assert/strict';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { createHttpDestination } from '../../src/destinations/http-destination.js';
import { AppError } from '../../src/errors/app-error.js';
import { buildMessage } from './build-message.js';
import { startReceiver, type Receiver } from './receiver.js';
import { makeTestPki, type TestPki } from './test-certificates.js';

/**
 * Mutual TLS. A receiver that requires a client certificate refuses the handshake of a sender without
 * one (or with one it does not trust): that is a transport failure, like every TLS problem, because it
 * is fixed by configuration or a certificate renewal, after which the waiting invoices should go out;
 * the delivery deadline bounds the retries meanwhile.
 */
describe('HTTP destination over mutual TLS', () => {
  let pki: TestPki;
  let stranger: TestPki;
  let receiver: Receiver;

  before(async () => {
    [pki, stranger] = await Promise.all([makeTestPki(), makeTestPki('stranger', 'Stranger CA')]);
    receiver = await startReceiver(
      (request, res) => {
        const peer = (res.socket as TLSSocket).getPeerCertificate();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `from ${peer.subject?.CN}`, bytes: request.body.byteLength }));
      },
      { key: pki.server.keyPem, cert: pki.server.certPem, ca: pki.ca.certPem, requestCert: true, rejectUnauthorized: true },
    );
  });
  after(() => receiver?.close());

  test('with the client certificate the invoice is delivered and the receiver sees who sent it', async () => {
    const destination = createHttpDestination({
      url: `${receiver.url}/inbox`,
      clientCertificate: { privateKeyPem: pki.client.keyPem, certificatePem: pki.client.certPem, caPem: pki.ca.certPem },
    });
    const message = buildMessage();
    assert.deepEqual(await destination.send(message), { kind: 'delivered', detail: 'HTTP 200', externalId: 'from einvoice-hub client' });
    assert.deepEqual(receiver.requests.at(-1)?.body, Buffer.from(message.body));
  });

  test('without a client certificate: a transport failure, and no request reaches the receiver', async () => {
    const before = receiver.requests.length;
    const outcome = await createHttpDestination({ url: `${receiver.url}/inbox`, serverCaPem: pki.ca.certPem, timeoutMs: 5_000 }).send(buildMessage());
    assert.equal(outcome.kind, 'transport-failure', JSON.stringify(outcome));
    // TLS 1.3: the server's "certificate required" alert, or the reset that follows it, depending on timing.
    assert.match(outcome.detail, /CERTIFICATE_REQUIRED|ECONNRESET|EPIPE/);
    assert.equal(receiver.requests.length, before);
  });

  test('with a certificate from a CA the receiver does not trust: a transport failure', async () => {
    const outcome = await createHttpDestination({
      url: `${receiver.url}/inbox`,
      clientCertificate: { privateKeyPem: stranger.client.keyPem, certificatePem: stranger.client.certPem, caPem: pki.ca.certPem },
      timeoutMs: 5_000,
    }).send(buildMessage());
    assert.equal(outcome.kind, 'transport-failure', JSON.stringify(outcome));
  });

  test('a receiver certificate the sender cannot verify: a transport failure naming TLS', async () => {
    const outcome = await createHttpDestination({
      url: `${receiver.url}/inbox`,
      clientCertificate: { privateKeyPem: pki.client.keyPem, certificatePem: pki.client.certPem, caPem: stranger.ca.certPem },
    }).send(buildMessage());
    assert.equal(outcome.kind, 'transport-failure');
    assert.match(outcome.detail, /^TLS handshake failed \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT)\)/);
  });

  test('a key that does not belong to the certificate is refused when the destination is created', () => {
    assert.throws(
      () => createHttpDestination({ url: receiver.url, clientCertificate: { privateKeyPem: stranger.client.keyPem, certificatePem: pki.client.certPem } }),
      (error: unknown) => error instanceof AppError && error.code === 'bad-request' && /cannot be used/.test(error.message),
    );
  });
});
