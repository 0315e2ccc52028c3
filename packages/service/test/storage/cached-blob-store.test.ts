import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NotFoundError } from '../../src/errors/app-error.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { cachedBlobStore } from '../../src/storage/cached-blob-store.js';
import { sha256Hex } from '../../src/storage/sha256.js';

/** A store in memory that counts the reads reaching it. */
function countingStore() {
  const blobs = new Map<string, Uint8Array>();
  const reads: string[] = [];
  const writes: string[] = [];
  const store: BlobStore = {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      writes.push(sha256);
      blobs.set(sha256, bytes.slice());
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      reads.push(sha256);
      const bytes = blobs.get(sha256);
      if (!bytes) throw new NotFoundError(`No blob ${sha256}`);
      return bytes.slice();
    },
    async check() {},
  };
  return { store, reads, writes };
}

const bytesOf = (text: string) => new TextEncoder().encode(text);
const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('cachedBlobStore', () => {
  test('a blob just stored is read from memory; one never seen is read from the store', async () => {
    const { store, reads } = countingStore();
    const cached = cachedBlobStore(store);
    const { sha256 } = await cached.put(bytesOf('received invoice'));
    assert.equal(textOf(await cached.get(sha256)), 'received invoice');
    assert.deepEqual(reads, []);

    const other = await store.put(bytesOf('stored by another process'));
    assert.equal(textOf(await cached.get(other.sha256)), 'stored by another process');
    assert.equal(textOf(await cached.get(other.sha256)), 'stored by another process');
    assert.deepEqual(reads, [other.sha256], 'read from the store once, then remembered');
  });

  test('bytes this process stored or read are not written again; others are', async () => {
    const { store, writes } = countingStore();
    const cached = cachedBlobStore(store);
    const report = await cached.put(bytesOf('the same report for every document'));
    await cached.put(bytesOf('the same report for every document'));
    const read = await store.put(bytesOf('read before it is stored again'));
    await cached.get(read.sha256);
    await cached.put(bytesOf('read before it is stored again'));
    const other = await cached.put(bytesOf('new bytes'));
    assert.deepEqual(writes, [report.sha256, read.sha256, other.sha256]);
  });

  test('callers get copies: changing what one got or gave changes nothing for the next reader', async () => {
    const { store } = countingStore();
    const cached = cachedBlobStore(store);
    const given = bytesOf('immutable');
    const { sha256 } = await cached.put(given);
    given.fill(0);
    const first = await cached.get(sha256);
    first.fill(0);
    assert.equal(textOf(await cached.get(sha256)), 'immutable');
  });

  test('keeps at most maxBytes, dropping the least recently used; larger blobs are not kept', async () => {
    const { store, reads } = countingStore();
    const cached = cachedBlobStore(store, { maxBytes: 20, maxBlobBytes: 10 });
    const a = await cached.put(bytesOf('aaaaaaaaaa'));
    const b = await cached.put(bytesOf('bbbbbbbbbb'));
    await cached.get(a.sha256); // a is now the most recently used
    const c = await cached.put(bytesOf('cccccccccc')); // over 20 bytes: b leaves
    const big = await cached.put(bytesOf('a blob over ten bytes'));
    assert.deepEqual(reads, []);
    await cached.get(a.sha256);
    await cached.get(c.sha256);
    assert.deepEqual(reads, [], 'a and c stayed');
    await cached.get(b.sha256);
    await cached.get(big.sha256);
    assert.deepEqual(reads, [b.sha256, big.sha256]);
  });

  test('a missing blob is still reported as missing, and a bad address as a bad address', async () => {
    const cached = cachedBlobStore(countingStore().store);
    await assert.rejects(cached.get('0'.repeat(64)), NotFoundError);
    await assert.rejects(cached.get('not-a-hash'), /SHA-256/i);
  });
});
