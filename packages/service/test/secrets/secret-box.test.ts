import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { AppError } from '../../src/errors/app-error.js';
import { createSecretBox } from '../../src/secrets/secret-box.js';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const bytesOf = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('createSecretBox (AES-256-GCM)', () => {
  const box = createSecretBox(randomBytes(32));

  test('open(seal(x)) is x; the ciphertext is not x', () => {
    const sealed = box.seal(bytesOf('-----BEGIN PRIVATE KEY-----'));
    assert.equal(sealed.nonce.byteLength, 12);
    assert.equal(sealed.tag.byteLength, 16);
    assert.notEqual(text(sealed.ciphertext), '-----BEGIN PRIVATE KEY-----');
    assert.equal(text(box.open(sealed)), '-----BEGIN PRIVATE KEY-----');
  });

  test('every seal uses a fresh nonce, so equal plaintexts give different ciphertexts', () => {
    const a = box.seal(bytesOf('same'));
    const b = box.seal(bytesOf('same'));
    assert.notDeepEqual(Buffer.from(a.nonce), Buffer.from(b.nonce));
    assert.notDeepEqual(Buffer.from(a.ciphertext), Buffer.from(b.ciphertext));
  });

  test('any altered byte of ciphertext, tag or nonce is detected', () => {
    const sealed = box.seal(bytesOf('authenticated'));
    for (const part of ['ciphertext', 'tag', 'nonce'] as const) {
      const altered = { ...sealed, [part]: Buffer.from(sealed[part]) };
      (altered[part] as Buffer)[0] = ((altered[part] as Buffer)[0] ?? 0) ^ 1;
      assert.throws(() => box.open(altered), (error: unknown) => error instanceof AppError && error.code === 'internal', part);
    }
    assert.throws(() => box.open({ ...sealed, tag: sealed.tag.subarray(0, 8) }), AppError, 'a truncated tag is refused');
  });

  test('another key cannot open it', () => {
    const sealed = box.seal(bytesOf('mine'));
    assert.throws(() => createSecretBox(randomBytes(32)).open(sealed), AppError);
  });

  test('associated data must match', () => {
    const sealed = box.seal(bytesOf('bound'), bytesOf('tenant-a/name'));
    assert.equal(text(box.open(sealed, bytesOf('tenant-a/name'))), 'bound');
    assert.throws(() => box.open(sealed, bytesOf('tenant-b/name')), AppError);
    assert.throws(() => box.open(sealed), AppError);
  });

  test('empty values round-trip', () => {
    assert.equal(box.open(box.seal(new Uint8Array(0))).byteLength, 0);
  });

  test('keys of any length but 32 bytes are refused', () => {
    for (const length of [0, 16, 31, 33, 64]) assert.throws(() => createSecretBox(randomBytes(length)), AppError);
  });

  test('the box keeps its own copy of the key', () => {
    const key = randomBytes(32);
    const own = createSecretBox(key);
    const sealed = own.seal(bytesOf('copy'));
    key.fill(0);
    assert.equal(text(own.open(sealed)), 'copy');
  });
});
