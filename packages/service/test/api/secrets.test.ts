import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { SigningCredentials } from '../../src/signing/signing-credentials.js';
import { testDatabases } from '../support/databases.js';
import { openTestPki, type TestPki } from '../signing/test-pki.js';
import { expectProblem, startApi, type Answer, type ApiHarness } from './api-harness.js';

const SECRET_VALUE = 'smtps://mailer:S3cr3t-välue@mail.example:465';

/** Asserts that no answer text carries the secret value or any private key material. */
function assertNoSecrets(answer: Answer, credentials?: SigningCredentials): void {
  assert.ok(!answer.text.includes(SECRET_VALUE), 'the secret value is never returned');
  assert.doesNotMatch(answer.text, /PRIVATE KEY/);
  if (credentials) {
    const keyBody = credentials.privateKeyPem.split('\n')[5] ?? '';
    assert.ok(keyBody.length > 20 && !answer.text.includes(keyBody), 'no line of the private key is returned');
  }
}

for (const engine of testDatabases()) {
  describe(`secrets API (${engine.name})`, () => {
    let api: ApiHarness;
    let pki: TestPki;
    let credentials: SigningCredentials;
    before(async () => {
      api = await startApi(engine);
      pki = await openTestPki();
      credentials = pki.issued('/CN=API Signer/O=ACME');
    });
    after(async () => {
      await pki?.remove();
      await api?.close();
    });

    test('PUT a secret: 201 with metadata only, then 200 when replaced', async () => {
      const created = await api.call('PUT', '/v1/secrets/smtp-main', { body: { kind: 'secret', value: SECRET_VALUE } });
      assert.equal(created.status, 201);
      assert.deepEqual(Object.keys(created.json).sort(), ['createdAt', 'kind', 'name', 'updatedAt']);
      assert.equal(created.json.name, 'smtp-main');
      assert.equal(created.json.kind, 'secret');
      assertNoSecrets(created);
      const replaced = await api.call('PUT', '/v1/secrets/smtp-main', { body: { kind: 'secret', value: `${SECRET_VALUE}-2` } });
      assert.equal(replaced.status, 200);
      assert.equal(replaced.json.createdAt, created.json.createdAt);
      assert.ok(replaced.json.updatedAt > created.json.updatedAt);
      // Stored encrypted: the row holds no trace of the value.
      const { rows } = await api.db.query<{ ciphertext: Uint8Array }>('select ciphertext from secrets where tenant_id = $1 and name = $2', [api.tenant.id, 'smtp-main']);
      assert.equal(rows.length, 1);
      assert.ok(!Buffer.from(rows[0]!.ciphertext).toString('latin1').includes('mailer'));
    });

    test('PUT a certificate: 201 with the certificate\'s identity, never the key', async () => {
      const answer = await api.call('PUT', '/v1/secrets/signing', { body: { kind: 'certificate', privateKey: credentials.privateKeyPem, certificate: credentials.certificatePem } });
      assert.equal(answer.status, 201);
      const signer = new X509Certificate(credentials.certificatePem);
      assert.deepEqual(answer.json.certificate, {
        subject: 'CN=API Signer\nO=ACME',
        issuer: 'CN=Test CA\nO=eInvoice Hub Tests',
        notAfter: new Date(signer.validTo).toISOString(),
        fingerprint256: signer.fingerprint256,
      });
      assertNoSecrets(answer, credentials);
    });

    test('GET lists names, kinds, dates and certificate identities, never values', async () => {
      const list = await api.call('GET', '/v1/secrets');
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.json.items.map((i: { name: string; kind: string }) => [i.name, i.kind]),
        [
          ['signing', 'certificate'],
          ['smtp-main', 'secret'],
        ],
      );
      assert.equal(list.json.items[0].certificate.subject, 'CN=API Signer\nO=ACME');
      assert.equal(list.json.items[1].certificate, undefined);
      assertNoSecrets(list, credentials);
    });

    test('bad certificates are a 400 invalid-certificate naming each problem', async () => {
      const expired = pki.expired();
      const put = (body: Record<string, string>) => api.call('PUT', '/v1/secrets/bad-cert', { body: { kind: 'certificate', ...body } });
      const expiredProblem = expectProblem(await put({ privateKey: expired.privateKeyPem, certificate: expired.certificatePem }), 400, 'invalid-certificate');
      assert.deepEqual(expiredProblem.errors?.map((e) => [e.path, e.code]), [['certificate', 'certificate-expired']]);
      const other = pki.selfSigned();
      const mismatch = expectProblem(await put({ privateKey: credentials.privateKeyPem, certificate: other.certificatePem }), 400, 'invalid-certificate');
      assert.deepEqual(mismatch.errors?.map((e) => e.code), ['key-mismatch']);
      const garbage = expectProblem(await put({ privateKey: 'garbage', certificate: 'garbage' }), 400, 'invalid-certificate');
      assert.deepEqual(garbage.errors?.map((e) => [e.path, e.code]), [
        ['privateKey', 'key-unreadable'],
        ['certificate', 'certificate-unreadable'],
      ]);
      // Nothing was stored.
      const list = await api.call('GET', '/v1/secrets');
      assert.ok(!list.json.items.some((i: { name: string }) => i.name === 'bad-cert'));
    });

    test('malformed requests are 400 bad-request naming the field', async () => {
      const badName = expectProblem(await api.call('PUT', '/v1/secrets/has%20space', { body: { kind: 'secret', value: 'x' } }), 400, 'bad-request');
      assert.match(badName.detail, /name/);
      // 100 characters is the longest name (Fastify itself refuses longer path parameters, with a 414).
      assert.equal((await api.call('PUT', `/v1/secrets/${'a'.repeat(100)}`, { body: { kind: 'secret', value: 'x' } })).status, 201);
      assert.equal((await api.call('DELETE', `/v1/secrets/${'a'.repeat(100)}`)).status, 204);
      expectProblem(await api.call('PUT', '/v1/secrets/...', { body: { kind: 'secret', value: 'x' } }), 400, 'bad-request');
      const badKind = expectProblem(await api.call('PUT', '/v1/secrets/x', { body: { kind: 'password', value: 'x' } }), 400, 'bad-request');
      assert.match(badKind.detail, /kind/);
      expectProblem(await api.call('PUT', '/v1/secrets/x', { body: { kind: 'secret', value: '' } }), 400, 'bad-request');
      expectProblem(await api.call('PUT', '/v1/secrets/x', { body: { kind: 'secret', value: 'x', extra: true } }), 400, 'bad-request');
      expectProblem(await api.call('PUT', '/v1/secrets/x', { body: { kind: 'secret', value: 'x'.repeat(64 * 1024 + 1) } }), 400, 'bad-request');
      expectProblem(await api.call('PUT', '/v1/secrets/x', { body: { kind: 'certificate', privateKey: 'k' } }), 400, 'bad-request');
    });

    test('another tenant sees none of them and cannot delete them', async () => {
      const list = await api.call('GET', '/v1/secrets', { key: api.other.key });
      assert.equal(list.status, 200);
      assert.deepEqual(list.json, { items: [] });
      expectProblem(await api.call('DELETE', '/v1/secrets/smtp-main', { key: api.other.key }), 404, 'not-found');
      // The other tenant's secret of the same name is its own.
      const own = await api.call('PUT', '/v1/secrets/smtp-main', { key: api.other.key, body: { kind: 'secret', value: 'theirs' } });
      assert.equal(own.status, 201);
      const mine = await api.call('GET', '/v1/secrets');
      assert.equal(mine.json.items.length, 2);
    });

    test('DELETE answers 204, then 404; without a key every route is 401', async () => {
      const deleted = await api.call('DELETE', '/v1/secrets/smtp-main');
      assert.equal(deleted.status, 204);
      assert.equal(deleted.text, '');
      expectProblem(await api.call('DELETE', '/v1/secrets/smtp-main'), 404, 'not-found');
      const list = await api.call('GET', '/v1/secrets');
      assert.deepEqual(list.json.items.map((i: { name: string }) => i.name), ['signing']);
      const theirs = await api.call('GET', '/v1/secrets', { key: api.other.key });
      assert.deepEqual(theirs.json.items.map((i: { name: string }) => i.name), ['smtp-main'], 'the other tenant\'s secret of that name survives');
      expectProblem(await api.call('GET', '/v1/secrets', { key: null }), 401, 'unauthorized');
      expectProblem(await api.call('PUT', '/v1/secrets/x', { key: null, body: { kind: 'secret', value: 'x' } }), 401, 'unauthorized');
      expectProblem(await api.call('DELETE', '/v1/secrets/signing', { key: null }), 401, 'unauthorized');
    });

    test('the routes are documented in OpenAPI', async () => {
      const spec = (await api.call('GET', '/openapi.json', { key: null })).json;
      assert.ok(spec.paths['/v1/secrets/{name}'].put.requestBody.content['application/json'].schema);
      assert.ok(spec.paths['/v1/secrets/{name}'].delete.responses['204']);
      assert.ok(spec.paths['/v1/secrets'].get.responses['200'].content['application/json'].schema.properties.items);
      assert.ok(spec.components.schemas.Problem.properties.code.enum.includes('invalid-certificate'));
    });
  });
}
