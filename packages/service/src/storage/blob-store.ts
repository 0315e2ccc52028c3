/** Where a stored blob is, and what it is. */
export type BlobRef = { sha256: string; size: number };

/**
 * Immutable, content-addressed file storage: received inputs, produced e-invoices, reports. Putting the same
 * bytes twice stores them once, which makes every step that stores files safe to re-run.
 */
export interface BlobStore {
  /** Stores the bytes (if not already there) and returns their SHA-256 (hex) and size. */
  put(bytes: Uint8Array): Promise<BlobRef>;
  /** The bytes with this SHA-256; throws NotFoundError when absent. */
  get(sha256: string): Promise<Uint8Array>;
  /** Whether the store can be reached (readiness). */
  check(): Promise<void>;
}
