import { createHash } from 'node:crypto';
import { AppError } from '../errors/app-error.js';

/** The SHA-256 of the bytes, as 64 lowercase hex digits: the address of a blob. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Checks that `value` is a SHA-256 in hex and returns it in lower case. Blob stores build file paths and
 * object keys from it, so anything else (`../`, separators, other names) is refused before it gets near them.
 */
export function assertSha256Hex(value: string): string {
  const normalized = value.toLowerCase();
  if (!SHA256_HEX.test(normalized)) throw new AppError('bad-request', 'A blob is addressed by a SHA-256 of 64 hex digits', { details: { sha256: value.slice(0, 100) } });
  return normalized;
}

/** Refuses bytes that do not match their address: a store must never hand back other content than was put. */
export function assertBlobIntegrity(sha256: string, bytes: Uint8Array): Uint8Array {
  const actual = sha256Hex(bytes);
  if (actual !== sha256) throw new AppError('internal', `Blob ${sha256} is corrupted in the store (its content hashes to ${actual})`);
  return bytes;
}
