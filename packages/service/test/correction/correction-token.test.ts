import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  createCorrectionToken,
  deriveCorrectionKey,
  MAX_CORRECTION_TOKEN_LENGTH,
  verifyCorrectionToken,
} from '../../src/correction/correction-token.js';

const masterKey = randomBytes(32);
const key = deriveCorrectionKey(masterKey);
const expiresAt = new Date('2026-03-08T12:00:00Z');
const before = new Date('2026-03-01T12:00:00Z');
const claims = { tenantId: randomUUID(), documentId: randomUUID(), revision: 3 };

/** A token over any payload text, signed with `key` the way the module signs. */
function signRaw(payloadText: string, signingKey = key): string {
  const payload = Buffer.from(payloadText, 'utf8').toString('base64url');
  return `${payload}.${createHmac('sha256', signingKey).update(payload).digest('base64url')}`;
}

describe('correction tokens', () => {
  it('round-trips the claims of a link, in a compact two-part base64url token', () => {
    const token = createCorrectionToken({ ...claims, expiresAt }, key);
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    assert.ok(token.length < 300, `a token fits a mail line comfortably (${token.length} characters)`);
    assert.deepEqual(verifyCorrectionToken(token, key, before), claims);
    const payload = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));
    assert.deepEqual(payload, { ...claims, expiresAt: expiresAt.getTime() / 1000 });
  });

  it('refuses a token whose claims were changed (another revision, document or expiry)', () => {
    const token = createCorrectionToken({ ...claims, expiresAt }, key);
    const signature = token.split('.')[1]!;
    for (const changed of [{ revision: 4 }, { documentId: randomUUID() }, { expiresAt: expiresAt.getTime() / 1000 + 3600 }]) {
      const payload = Buffer.from(JSON.stringify({ ...claims, expiresAt: expiresAt.getTime() / 1000, ...changed })).toString('base64url');
      assert.deepEqual(verifyCorrectionToken(`${payload}.${signature}`, key, before), { error: 'bad-signature' });
    }
  });

  it('refuses a changed signature, including another encoding of the same signature bytes', () => {
    const token = createCorrectionToken({ ...claims, expiresAt }, key);
    const [payload, signature] = token.split('.') as [string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const first = alphabet.indexOf(signature[0]!);
    const flipped = `${alphabet[(first + 1) % 64]}${signature.slice(1)}`;
    assert.deepEqual(verifyCorrectionToken(`${payload}.${flipped}`, key, before), { error: 'bad-signature' });
    // The last of 43 characters carries 4 bits of the 32 bytes: its 2 low bits are padding the decoder ignores.
    const last = alphabet.indexOf(signature.at(-1)!);
    const variant = `${signature.slice(0, -1)}${alphabet[last ^ 1]}`;
    assert.deepEqual(Buffer.from(variant, 'base64url'), Buffer.from(signature, 'base64url'), 'the variant decodes to the same bytes');
    assert.deepEqual(verifyCorrectionToken(`${payload}.${variant}`, key, before), { error: 'bad-signature' });
  });

  it('refuses a token signed with another key (another master key)', () => {
    const token = createCorrectionToken({ ...claims, expiresAt }, deriveCorrectionKey(randomBytes(32)));
    assert.deepEqual(verifyCorrectionToken(token, key, before), { error: 'bad-signature' });
  });

  it('works until its expiry and not from that second on', () => {
    const token = createCorrectionToken({ ...claims, expiresAt }, key);
    assert.deepEqual(verifyCorrectionToken(token, key, new Date(expiresAt.getTime() - 1)), claims);
    assert.deepEqual(verifyCorrectionToken(token, key, expiresAt), { error: 'expired' });
    assert.deepEqual(verifyCorrectionToken(token, key, new Date(expiresAt.getTime() + 86_400_000)), { error: 'expired' });
  });

  it('reports a forged expired token as a bad signature, not as expired', () => {
    const forged = signRaw(JSON.stringify({ ...claims, expiresAt: 1 }), deriveCorrectionKey(randomBytes(32)));
    assert.deepEqual(verifyCorrectionToken(forged, key, before), { error: 'bad-signature' });
  });

  it('refuses malformed tokens, and signed payloads that are not claims', () => {
    const validSignature = createCorrectionToken({ ...claims, expiresAt }, key).split('.')[1]!;
    const malformed = ['', 'abc', 'a.b.c', `x.${validSignature}.y`, `pay load.${validSignature}`, `${'a'.repeat(MAX_CORRECTION_TOKEN_LENGTH)}.${validSignature}`, 'abc.short'];
    for (const token of malformed) assert.deepEqual(verifyCorrectionToken(token, key, before), { error: 'malformed' }, token.slice(0, 40));
    const exp = expiresAt.getTime() / 1000;
    const signedJunk = [
      'not json',
      '[1,2]',
      JSON.stringify({ ...claims, revision: 0, expiresAt: exp }),
      JSON.stringify({ ...claims, revision: '3', expiresAt: exp }),
      JSON.stringify({ ...claims, tenantId: 'acme', expiresAt: exp }),
      JSON.stringify({ ...claims, expiresAt: '2026-03-08' }),
    ];
    for (const text of signedJunk) assert.deepEqual(verifyCorrectionToken(signRaw(text), key, before), { error: 'malformed' }, text);
  });

  it('derives a link key of 32 bytes that is not the master key, the same for the same master key', () => {
    assert.equal(key.byteLength, 32);
    assert.notDeepEqual(Buffer.from(key), Buffer.from(masterKey));
    assert.deepEqual(deriveCorrectionKey(masterKey), key);
    assert.notDeepEqual(deriveCorrectionKey(randomBytes(32)), key);
    assert.throws(() => deriveCorrectionKey(randomBytes(16)), /at least 32 bytes/);
  });

  it('refuses to issue tokens with short keys or claims that are not ids', () => {
    assert.throws(() => createCorrectionToken({ ...claims, expiresAt }, randomBytes(8)), /at least 32 bytes/);
    assert.throws(() => createCorrectionToken({ ...claims, documentId: '../etc', expiresAt }, key), /UUIDs/);
    assert.throws(() => createCorrectionToken({ ...claims, revision: 0, expiresAt }, key), /positive revision/);
  });
});
