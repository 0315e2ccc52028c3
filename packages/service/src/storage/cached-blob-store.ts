import type { BlobRef, BlobStore } from './blob-store.js';
import { assertSha256Hex, sha256Hex } from './sha256.js';

/** How much the cache of recent blobs keeps, and the largest blob it keeps. */
export type BlobCacheLimits = { maxBytes: number; maxBlobBytes: number };

export const DEFAULT_BLOB_CACHE: BlobCacheLimits = { maxBytes: 32 * 1024 * 1024, maxBlobBytes: 1024 * 1024 };

/**
 * A blob store that remembers the blobs this process stored or read most recently. Blobs are immutable
 * and addressed by content, so a remembered blob is never stale: a file just stored (an input the worker
 * moved in, an e-invoice) is read back from memory instead of from disk or S3 — by the next step, a
 * notification, a download — and a file stored again (the same report for every valid invoice) costs no
 * write. Least recently used blobs leave first; callers get their own copy, so no caller can change what
 * another one reads.
 */
export function cachedBlobStore(store: BlobStore, limits: BlobCacheLimits = DEFAULT_BLOB_CACHE): BlobStore {
  const recent = new Map<string, Uint8Array>();
  let bytes = 0;

  function remember(sha256: string, blob: Uint8Array): void {
    if (blob.byteLength > limits.maxBlobBytes || recent.has(sha256)) return;
    recent.set(sha256, blob.slice());
    bytes += blob.byteLength;
    for (const [key, old] of recent) {
      if (bytes <= limits.maxBytes) break;
      recent.delete(key);
      bytes -= old.byteLength;
    }
  }

  return {
    async put(blob: Uint8Array): Promise<BlobRef> {
      // A blob this process stored or read is in the store already (blobs are never changed or removed):
      // the same report or logo stored for every document costs no write.
      const known = recent.size > 0 ? sha256Hex(blob) : undefined;
      if (known !== undefined && recent.has(known)) return { sha256: known, size: blob.byteLength };
      const ref = await store.put(blob);
      remember(ref.sha256, blob);
      return ref;
    },

    async get(sha256: string): Promise<Uint8Array> {
      const address = assertSha256Hex(sha256);
      const cached = recent.get(address);
      if (cached) {
        // Most recently used: to the end of the map's order.
        recent.delete(address);
        recent.set(address, cached);
        return cached.slice();
      }
      const blob = await store.get(address);
      remember(address, blob);
      return blob;
    },

    check: () => store.check(),
  };
}
