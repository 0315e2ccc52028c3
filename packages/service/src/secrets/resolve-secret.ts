import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { SigningCredentials } from '../signing/signing-credentials.js';
import type { SecretBox } from './secret-box.js';
import { readSecret } from './secret.repository.js';

/**
 * The kinds of secrets tenants store through the API: a `secret` is one UTF-8 value (a password, an HMAC
 * key, an SMTP URL); a `certificate` is a private key with its certificate chain, stored as the JSON
 * `{ "privateKey": "<PEM>", "certificate": "<PEM>" }`.
 */
export const SECRET_KINDS = ['secret', 'certificate'] as const;
/** A kind of stored secret. */
export type SecretKind = (typeof SECRET_KINDS)[number];

/** The stored form of a certificate secret: both PEM texts in one sealed value, so they change together. */
export function encodeCertificateValue(credentials: SigningCredentials): string {
  return JSON.stringify({ privateKey: credentials.privateKeyPem, certificate: credentials.certificatePem });
}

/** Reads the stored form of a certificate secret back; a malformed value is an internal fault, never the caller's. */
export function decodeCertificateValue(value: Uint8Array, name: string): SigningCredentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(value));
  } catch (error) {
    throw new AppError('internal', `The stored certificate "${name}" is not JSON`, { cause: error });
  }
  const { privateKey, certificate } = (parsed ?? {}) as { privateKey?: unknown; certificate?: unknown };
  if (typeof privateKey !== 'string' || typeof certificate !== 'string') {
    throw new AppError('internal', `The stored certificate "${name}" lacks its private key or certificate`);
  }
  return { privateKeyPem: privateKey, certificatePem: certificate };
}

/**
 * The value of a tenant's secret (as text), for the service's own use: delivering, signing. Throws
 * `secret-not-found` when the tenant has no secret of that name (another tenant's is not seen) and
 * `secret-wrong-kind` when it is of another kind: a flow naming a certificate where a password is
 * expected is a configuration error to report, not a value to misuse.
 */
export async function resolveSecret(db: Database, box: SecretBox, tenantId: string, name: string, expectedKind: SecretKind): Promise<string> {
  return new TextDecoder().decode(await readOfKind(db, box, tenantId, name, expectedKind));
}

/** A tenant's certificate secret as signing credentials; throws like {@link resolveSecret}. */
export async function resolveCertificate(db: Database, box: SecretBox, tenantId: string, name: string): Promise<SigningCredentials> {
  return decodeCertificateValue(await readOfKind(db, box, tenantId, name, 'certificate'), name);
}

async function readOfKind(db: Database, box: SecretBox, tenantId: string, name: string, expectedKind: SecretKind): Promise<Uint8Array> {
  const stored = await readSecret(db, box, tenantId, name);
  if (!stored) throw new AppError('secret-not-found', `No secret named "${name}": store it with PUT /v1/secrets/${encodeURIComponent(name)}`);
  if (stored.kind !== expectedKind) {
    throw new AppError('secret-wrong-kind', `The secret "${name}" is a ${stored.kind}, but a ${expectedKind} is needed here`);
  }
  return stored.value;
}
