import { createHash, randomBytes } from 'node:crypto';

/** Every key starts with this, so keys are recognisable in configs and by secret scanners. */
export const API_KEY_PREFIX = 'eih_';
/** How many leading characters of a key are kept (in clear) to recognise it in lists. */
const SHOWN_CHARS = 12;

/** A new API key: the key itself (shown once), the hash that is stored, and the prefix for lists. */
export type GeneratedApiKey = { key: string; hash: string; prefix: string };

/** A new random API key: `eih_` + 32 random bytes in base64url (256 bits: cannot be guessed). */
export function generateApiKey(): GeneratedApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, SHOWN_CHARS) };
}

/**
 * The stored form of a key: SHA-256 in hex. The key is 256 random bits, so a slow password hash would add
 * nothing but latency to every request; a database leak still reveals no usable key.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
