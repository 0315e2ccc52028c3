import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../src/errors/app-error.js';
import { decodeCertificateValue, encodeCertificateValue, resolveCertificate, resolveSecret } from '../../src/secrets/resolve-secret.js';
import { createSecretBox } from '../../src/secrets/secret-box.js';
import { putSecret } from '../../src/secrets/secret.repository.js';
import { signEnveloped, verifyEnveloped } from '../../src/signing/xmldsig-enveloped.js';
import { createTenant } from '../../src/tenants/tenant.repository.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';
import { openTestPki, type TestPki } from '../signing/test-pki.js';

const isAppError = (code: string, message: RegExp) => (error: unknown) => error instanceof AppError && error.code === code && message.test(error.message);

for (const engine of testDatabases()) {
  describe(`resolving secrets for flows (${engine.name})`, () => {
    let t: TestDatabase;
    let pki: TestPki;
    let tenant: string;
    let other: string;
    const box = createSecretBox(randomBytes(32));
    before(async () => {
      t = await engine.open();
      pki = await openTestPki();
      tenant = (await createTenant(t.db, 'acme')).tenantId;
      other = (await createTenant(t.db, 'globex')).tenantId;
      await putSecret(t.db, box, { tenantId: tenant, name: 'smtp', kind: 'secret', value: 'smtps://user:pässword@mail.example:465' });
    });
    after(async () => {
      await pki?.remove();
      await t?.cleanup();
    });

    test('a secret resolves to its text for its tenant only', async () => {
      assert.equal(await resolveSecret(t.db, box, tenant, 'smtp', 'secret'), 'smtps://user:pässword@mail.example:465');
      await assert.rejects(resolveSecret(t.db, box, other, 'smtp', 'secret'), isAppError('secret-not-found', /No secret named "smtp"/));
    });

    test('an absent name is secret-not-found; another kind is secret-wrong-kind', async () => {
      await assert.rejects(resolveSecret(t.db, box, tenant, 'nope', 'secret'), isAppError('secret-not-found', /PUT \/v1\/secrets\/nope/));
      await assert.rejects(resolveCertificate(t.db, box, tenant, 'smtp'), isAppError('secret-wrong-kind', /"smtp" is a secret, but a certificate is needed/));
    });

    test('a stored certificate resolves to credentials that sign', async () => {
      const credentials = pki.selfSigned({ subject: '/CN=Resolved' });
      await putSecret(t.db, box, { tenantId: tenant, name: 'signing', kind: 'certificate', value: encodeCertificateValue(credentials) });
      const resolved = await resolveCertificate(t.db, box, tenant, 'signing');
      assert.deepEqual(resolved, credentials);
      await assert.rejects(resolveSecret(t.db, box, tenant, 'signing', 'secret'), isAppError('secret-wrong-kind', /is a certificate/));
      const xml = '<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID xmlns="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">1</ID></Invoice>';
      assert.deepEqual(verifyEnveloped(signEnveloped(xml, resolved)), { valid: true, certificateSubject: 'CN=Resolved' });
    });

    test('a malformed stored certificate is an internal fault, not the caller\'s', () => {
      assert.throws(() => decodeCertificateValue(new TextEncoder().encode('{"privateKey":1}'), 'bad'), isAppError('internal', /lacks its private key/));
      assert.throws(() => decodeCertificateValue(new TextEncoder().encode('not json'), 'bad'), isAppError('internal', /not JSON/));
    });
  });
}
