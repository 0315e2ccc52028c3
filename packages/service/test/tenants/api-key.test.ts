import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { generateApiKey, hashApiKey } from '../../src/tenants/api-key.js';

describe('generateApiKey', () => {
  test('eih_ + 32 random bytes in base64url, its SHA-256 hex, and a 12-character prefix', () => {
    const { key, hash, prefix } = generateApiKey();
    assert.match(key, /^eih_[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(key.slice(4), 'base64url').byteLength, 32);
    assert.equal(hash, createHash('sha256').update(key).digest('hex'));
    assert.equal(hash, hashApiKey(key));
    assert.equal(prefix, key.slice(0, 12));
  });

  test('keys do not repeat', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey().key));
    assert.equal(keys.size, 1000);
  });
});
