import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../src/errors/app-error.js';
import { checkSigningCredentials, describeCertificate, type CredentialProblem, type SigningCredentials } from '../../src/signing/signing-credentials.js';
import { openTestPki, type TestPki } from './test-pki.js';

/** The problem codes an `invalid-certificate` error lists, by field. */
function problemsOf(credentials: SigningCredentials, now?: Date): string[] {
  try {
    checkSigningCredentials(credentials, now);
  } catch (error) {
    assert.ok(error instanceof AppError && error.code === 'invalid-certificate', `unexpected ${String(error)}`);
    return (error.details as CredentialProblem[]).map((p) => `${p.path}:${p.code}`);
  }
  return [];
}

describe('signing credentials', () => {
  let pki: TestPki;
  let rsa: SigningCredentials;
  before(async () => {
    pki = await openTestPki();
    rsa = pki.selfSigned({ subject: '/CN=Checked Signer' });
  });
  after(() => pki?.remove());

  test('an RSA key with its certificate passes and names the signature method', () => {
    const checked = checkSigningCredentials(rsa);
    assert.equal(checked.keyAlgorithm, 'rsa');
    assert.equal(checked.certificate.subject, 'CN=Checked Signer');
    assert.equal(checked.chainPem.length, 1);
  });

  test('an EC P-256 key passes as ec; a chain keeps its order, signer first', () => {
    assert.equal(checkSigningCredentials(pki.selfSigned({ key: 'ec' })).keyAlgorithm, 'ec');
    const issued = pki.issued('/CN=Chained');
    const checked = checkSigningCredentials(issued);
    assert.equal(checked.chainPem.length, 2);
    assert.equal(checked.certificate.subject, 'CN=Chained');
  });

  test('the chain in the wrong order is a key mismatch, with the hint to put the signer first', () => {
    const issued = pki.issued();
    assert.deepEqual(problemsOf({ privateKeyPem: issued.privateKeyPem, certificatePem: `${issued.caPem}${issued.signerPem}` }), ['certificate:key-mismatch']);
  });

  test('a key of another certificate is a mismatch; an expired certificate is refused', () => {
    assert.deepEqual(problemsOf({ privateKeyPem: rsa.privateKeyPem, certificatePem: pki.selfSigned().certificatePem }), ['certificate:key-mismatch']);
    assert.deepEqual(problemsOf(pki.expired()), ['certificate:certificate-expired']);
    // The same check with the clock moved past the validity of a fresh certificate.
    assert.deepEqual(problemsOf(rsa, new Date(Date.now() + 31 * 24 * 3600 * 1000)), ['certificate:certificate-expired']);
  });

  test('weak, encrypted or unreadable keys and unreadable certificates are each reported', () => {
    const weak = pki.selfSigned({ key: 'rsa-1024' });
    assert.deepEqual(problemsOf(weak), ['privateKey:key-unsupported']);
    const encrypted = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    assert.deepEqual(problemsOf({ privateKeyPem: encrypted, certificatePem: rsa.certificatePem }), ['privateKey:key-encrypted']);
    const ed25519 = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
    assert.deepEqual(problemsOf({ privateKeyPem: ed25519, certificatePem: rsa.certificatePem }), ['privateKey:key-unsupported']);
    // Both fields wrong: both problems at once, so one round trip fixes everything.
    assert.deepEqual(problemsOf({ privateKeyPem: 'not a key', certificatePem: 'not a certificate' }), ['privateKey:key-unreadable', 'certificate:certificate-unreadable']);
    const garbled = rsa.certificatePem.replace(/-----BEGIN CERTIFICATE-----\n.{10}/, '-----BEGIN CERTIFICATE-----\nAAAAAAAAAA');
    assert.deepEqual(problemsOf({ privateKeyPem: rsa.privateKeyPem, certificatePem: garbled }), ['certificate:certificate-unreadable']);
  });

  test('the error message names every problem; no key material appears in it', () => {
    try {
      checkSigningCredentials({ privateKeyPem: rsa.privateKeyPem, certificatePem: pki.expired().certificatePem });
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof AppError);
      assert.match(error.message, /^certificate: The first certificate is not the private key's.*; certificate: The certificate expired on 2020-02-01T00:00:00\.000Z$/);
      assert.doesNotMatch(error.message, /BEGIN|MII/);
    }
  });

  test('describeCertificate shows subject, issuer, expiry and fingerprint of the first certificate', () => {
    const issued = pki.issued('/CN=Described');
    const info = describeCertificate(issued.certificatePem);
    assert.equal(info?.subject, 'CN=Described');
    assert.equal(info?.issuer, 'CN=Test CA\nO=eInvoice Hub Tests');
    assert.ok(info && new Date(info.notAfter).getTime() > Date.now());
    assert.match(info?.fingerprint256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.equal(describeCertificate('nothing'), undefined);
  });
});
