import { z } from 'zod';
import { SECRET_KINDS } from '../../secrets/resolve-secret.js';

// A value is a password, a key or a URL: 64 KiB is far beyond any of them and keeps the table small.
const MAX_SECRET_BYTES = 64 * 1024;
// A PEM key is a few KiB; a chain of ten certificates stays well under 256 KiB.
const MAX_PRIVATE_KEY_CHARS = 64 * 1024;
const MAX_CERTIFICATE_CHARS = 256 * 1024;

/** Path of a secret: its name, as flows refer to it. */
export const secretParams = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1 to 100 letters, digits, ".", "_" or "-"')
    // "." and ".." would be rewritten by URL normalisation before they reach the service.
    .refine((name) => !/^\.+$/.test(name), 'must not consist of dots only'),
});

const secretValueBody = z.strictObject({
  kind: z.literal('secret'),
  value: z
    .string()
    .min(1, 'must not be empty')
    .refine((value) => Buffer.byteLength(value, 'utf8') <= MAX_SECRET_BYTES, `must be at most ${MAX_SECRET_BYTES} bytes in UTF-8`)
    .describe('The value, stored encrypted; it is never shown again.'),
});

const certificateBody = z.strictObject({
  kind: z.literal('certificate'),
  privateKey: z.string().min(1, 'must not be empty').max(MAX_PRIVATE_KEY_CHARS).describe('Unencrypted PEM private key: RSA (2048 bits or more) or EC (P-256, P-384, P-521).'),
  certificate: z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_CERTIFICATE_CHARS)
    .describe('PEM certificate of the private key, optionally followed by its chain (signer first).'),
});

/** PUT /v1/secrets/{name} body: a value, or a certificate with its private key. */
export const putSecretBody = z
  .discriminatedUnion('kind', [secretValueBody, certificateBody], { error: 'kind must be "secret" or "certificate"' })
  .describe('A secret value, or a private key with its certificate. Write-only: values are never returned.');

/** What is shown of a stored certificate. */
const certificateInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  notAfter: z.string().describe('When the certificate expires (ISO 8601).'),
  fingerprint256: z.string().describe('SHA-256 fingerprint of the certificate, colon-separated hex.'),
});

/** A stored secret without its value. */
export const secretInfoSchema = z
  .object({
    name: z.string(),
    kind: z.enum(SECRET_KINDS),
    createdAt: z.string(),
    updatedAt: z.string(),
    certificate: certificateInfoSchema.optional().describe('For certificates: the signer\'s certificate (never the key).'),
  })
  .describe('A stored secret: its name, kind and dates, never its value.');

/** GET /v1/secrets answer. */
export const secretListSchema = z.object({ items: z.array(secretInfoSchema) }).describe('The tenant\'s secrets, by name.');
