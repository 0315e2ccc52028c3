import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error.js';

/** An encrypted value: AES-256-GCM with its 12-byte nonce and 16-byte authentication tag. */
export type SealedValue = { nonce: Uint8Array; ciphertext: Uint8Array; tag: Uint8Array };

/** Encrypts and decrypts small values (secrets, certificates) under the master key. */
export interface SecretBox {
  /**
   * Encrypts with a fresh random nonce. `associatedData` is authenticated but not stored with the value:
   * the same bytes must be given to `open`, which binds a ciphertext to its place (tenant and name).
   */
  seal(plaintext: Uint8Array, associatedData?: Uint8Array): SealedValue;
  /** Decrypts; throws if the key, the associated data or any byte of the sealed value differs. */
  open(sealed: SealedValue, associatedData?: Uint8Array): Uint8Array;
}

const KEY_BYTES = 32;
// 96-bit nonces are GCM's native size; random ones are safe for far more than 2^32 seals per key.
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A SecretBox over a 32-byte master key (AES-256-GCM, node:crypto). */
export function createSecretBox(masterKey: Uint8Array): SecretBox {
  if (masterKey.byteLength !== KEY_BYTES) throw new AppError('bad-request', `The master key must be ${KEY_BYTES} bytes, not ${masterKey.byteLength}`);
  // A private copy: a caller zeroing or reusing its buffer must not change the key under us.
  const key = Buffer.from(masterKey);

  return {
    seal(plaintext, associatedData) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      if (associatedData) cipher.setAAD(associatedData);
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { nonce, ciphertext, tag: cipher.getAuthTag() };
    },

    open(sealed, associatedData) {
      if (sealed.nonce.byteLength !== NONCE_BYTES || sealed.tag.byteLength !== TAG_BYTES) {
        throw new AppError('internal', 'A sealed secret has a malformed nonce or tag');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce, { authTagLength: TAG_BYTES });
        if (associatedData) decipher.setAAD(associatedData);
        decipher.setAuthTag(sealed.tag);
        return new Uint8Array(Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]));
      } catch (error) {
        // Wrong master key, or the stored value was altered: the same failure by design (GCM tells no more).
        throw new AppError('internal', 'A secret could not be decrypted: wrong master key or tampered data', { cause: error });
      }
    },
  };
}
