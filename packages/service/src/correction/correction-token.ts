import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Correction links: `base64url(JSON claims) '.' base64url(HMAC-SHA256(key, first part))`. The token is the
 * credential of the correction page (no API key, no account), so it names exactly one revision of one
 * tenant's document and stops working when it expires or when the document moves to another revision.
 */

/** What a correction link grants: correcting this revision of this tenant's document. */
export type CorrectionClaims = { tenantId: string; documentId: string; revision: number };

/** The claims of a new link and when it stops working. */
export type CorrectionTokenRequest = CorrectionClaims & { expiresAt: Date };

/** Why a token was refused: not a token at all, not signed with our key, or past its expiry. */
export type CorrectionTokenError = 'malformed' | 'bad-signature' | 'expired';

/** The longest token accepted: far above a real one (about 250 characters), small enough to refuse junk cheaply. */
export const MAX_CORRECTION_TOKEN_LENGTH = 512;

// HKDF info: changing it (or the version in it) invalidates every link issued so far.
const KEY_INFO = 'einvoice-hub correction link v1';
const KEY_BYTES = 32;
const SIGNATURE_CHARS = 43; // 32 bytes of HMAC-SHA256 in unpadded base64url
const TOKEN_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The key that signs correction links, derived from the master key with HKDF-SHA256: the links' key is
 * never the key that encrypts secrets, and a leaked link key reveals nothing about the master key.
 */
export function deriveCorrectionKey(masterKey: Uint8Array): Uint8Array {
  if (masterKey.byteLength < KEY_BYTES) throw new Error(`The master key must have at least ${KEY_BYTES} bytes`);
  return new Uint8Array(hkdfSync('sha256', masterKey, new Uint8Array(0), KEY_INFO, KEY_BYTES));
}

/** Issues a signed correction link token for one revision of a tenant's document. */
export function createCorrectionToken(request: CorrectionTokenRequest, key: Uint8Array): string {
  assertKey(key);
  const claims = {
    tenantId: request.tenantId,
    documentId: request.documentId,
    revision: request.revision,
    // Whole seconds keep the token short; a link expires at most a second early.
    expiresAt: Math.floor(request.expiresAt.getTime() / 1000),
  };
  if (!isClaims(claims)) throw new Error('A correction token needs UUIDs for the tenant and the document and a positive revision');
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${payload}.${sign(payload, key)}`;
}

/**
 * Checks a token's form, then its signature (in constant time), then its expiry — in this order, so an
 * unsigned token is never reported as expired and its contents are never trusted.
 */
export function verifyCorrectionToken(token: string, key: Uint8Array, now: Date): CorrectionClaims | { error: CorrectionTokenError } {
  assertKey(key);
  if (token.length > MAX_CORRECTION_TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) return { error: 'malformed' };
  const [payload = '', signature = ''] = token.split('.');
  if (signature.length !== SIGNATURE_CHARS) return { error: 'malformed' };
  // Compare the canonical text of the signature: another encoding of the same bytes is not the same token.
  const expected = Buffer.from(sign(payload, key), 'ascii');
  if (!timingSafeEqual(Buffer.from(signature, 'ascii'), expected)) return { error: 'bad-signature' };

  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { error: 'malformed' };
  }
  if (!isClaims(claims)) return { error: 'malformed' };
  if (now.getTime() >= claims.expiresAt * 1000) return { error: 'expired' };
  return { tenantId: claims.tenantId, documentId: claims.documentId, revision: claims.revision };
}

function sign(payload: string, key: Uint8Array): string {
  return createHmac('sha256', key).update(payload, 'ascii').digest('base64url');
}

function assertKey(key: Uint8Array): void {
  if (key.byteLength < KEY_BYTES) throw new Error(`A correction link key must have at least ${KEY_BYTES} bytes (see deriveCorrectionKey)`);
}

function isClaims(value: unknown): value is CorrectionClaims & { expiresAt: number } {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    typeof claims['tenantId'] === 'string' &&
    UUID.test(claims['tenantId']) &&
    typeof claims['documentId'] === 'string' &&
    UUID.test(claims['documentId']) &&
    Number.isSafeInteger(claims['revision']) &&
    (claims['revision'] as number) > 0 &&
    Number.isSafeInteger(claims['expiresAt'])
  );
}
