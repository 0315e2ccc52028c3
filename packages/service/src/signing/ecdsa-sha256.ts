import { createPrivateKey, createPublicKey, KeyObject, sign, verify, type BinaryLike, type KeyLike } from 'node:crypto';
import type { SignatureAlgorithm } from 'xml-crypto';

/** The XMLDSig 1.1 identifier of ECDSA over SHA-256 (RFC 6931 §2.3.6). */
export const ECDSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';

/**
 * ECDSA-SHA256 for xml-crypto, which ships RSA only. XMLDSig 1.1 §6.4.3 encodes the signature value as
 * r and s concatenated, each as long as the curve's order (IEEE P1363), not as the DER sequence
 * OpenSSL produces by default.
 */
export class EcdsaSha256 implements SignatureAlgorithm {
  getSignature(signedInfo: BinaryLike, privateKey: KeyLike): string;
  getSignature(signedInfo: BinaryLike, privateKey: KeyLike, callback: (error: Error | null, signature?: string) => void): void;
  getSignature(signedInfo: BinaryLike, privateKey: KeyLike, callback?: (error: Error | null, signature?: string) => void): string | void {
    const data = typeof signedInfo === 'string' ? Buffer.from(signedInfo, 'utf8') : signedInfo;
    const signature = sign('sha256', data, { key: privateKey instanceof KeyObject ? privateKey : createPrivateKey(privateKey), dsaEncoding: 'ieee-p1363' }).toString('base64');
    if (!callback) return signature;
    callback(null, signature);
  }

  verifySignature(material: string, key: KeyLike, signatureValue: string): boolean;
  verifySignature(material: string, key: KeyLike, signatureValue: string, callback: (error: Error | null, valid?: boolean) => void): void;
  verifySignature(material: string, key: KeyLike, signatureValue: string, callback?: (error: Error | null, valid?: boolean) => void): boolean | void {
    const valid = verify('sha256', Buffer.from(material, 'utf8'), { key: createPublicKey(key), dsaEncoding: 'ieee-p1363' }, Buffer.from(signatureValue, 'base64'));
    if (!callback) return valid;
    callback(null, valid);
  }

  getAlgorithmName(): string {
    return ECDSA_SHA256;
  }
}
