import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { AppError } from '../errors/app-error.js';

/** A private key and its certificate (the signer's first, then the chain), both PEM: what a signature needs. */
export type SigningCredentials = { privateKeyPem: string; certificatePem: string };

/** Credentials that passed every check, parsed once for the signer. */
export type CheckedCredentials = {
  privateKey: KeyObject;
  /** The signer's certificate: the first of the chain, the one the key belongs to. */
  certificate: X509Certificate;
  /** Every certificate given, signer first, each as one PEM block. */
  chainPem: string[];
  /** The XMLDSig signature method the key calls for. */
  keyAlgorithm: 'rsa' | 'ec';
};

/** What the API shows of a certificate: enough to recognise it and see when it must be renewed. */
export type CertificateInfo = { subject: string; issuer: string; notAfter: string; fingerprint256: string };

/** One reason credentials were refused; `path` names the input field. */
export type CredentialProblem = { path: 'privateKey' | 'certificate'; code: string; message: string };

// RSA below 2048 bits has been deprecated for signatures since 2013 (NIST SP 800-131A).
const MIN_RSA_BITS = 2048;
// The curves XMLDSig 1.1 and the ETSI signature profiles use with ECDSA.
const EC_CURVES: ReadonlySet<string> = new Set(['prime256v1', 'secp384r1', 'secp521r1']);
// A signer's certificate, intermediates and a root: more is not a chain anyone sends.
const MAX_CHAIN = 10;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Checks credentials before they are stored or used: the key is an unencrypted PEM RSA (≥ 2048 bits) or
 * EC key, the certificates parse, the first certificate is the key's, and it has not expired. Throws an
 * `invalid-certificate` AppError listing every problem found.
 */
export function checkSigningCredentials(credentials: SigningCredentials, now: Date = new Date()): CheckedCredentials {
  const problems: CredentialProblem[] = [];
  const key = readPrivateKey(credentials.privateKeyPem, problems);
  const chain = readCertificates(credentials.certificatePem, problems);
  const leaf = chain?.[0];
  if (key && leaf) {
    if (!leaf.certificate.checkPrivateKey(key.privateKey)) {
      problems.push({ path: 'certificate', code: 'key-mismatch', message: 'The first certificate is not the private key\'s: put the signer\'s certificate first, then its chain' });
    }
    const notAfter = new Date(leaf.certificate.validTo);
    if (!(notAfter.getTime() > now.getTime())) {
      problems.push({ path: 'certificate', code: 'certificate-expired', message: `The certificate expired on ${notAfter.toISOString()}` });
    }
  }
  if (problems.length > 0 || !key || !leaf || !chain) {
    throw new AppError('invalid-certificate', problems.map((p) => `${p.path}: ${p.message}`).join('; '), { details: problems });
  }
  return { privateKey: key.privateKey, keyAlgorithm: key.algorithm, certificate: leaf.certificate, chainPem: chain.map((c) => c.pem) };
}

/** What the API shows of a certificate. */
export function certificateInfoOf(certificate: X509Certificate): CertificateInfo {
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    notAfter: new Date(certificate.validTo).toISOString(),
    fingerprint256: certificate.fingerprint256,
  };
}

/** The first certificate of a PEM chain, described for listings; undefined when none parses. */
export function describeCertificate(certificatePem: string): CertificateInfo | undefined {
  const pem = certificatePem.match(PEM_CERTIFICATE)?.[0];
  if (pem === undefined) return undefined;
  try {
    return certificateInfoOf(new X509Certificate(pem));
  } catch {
    return undefined;
  }
}

function readPrivateKey(pem: string, problems: CredentialProblem[]): { privateKey: KeyObject; algorithm: 'rsa' | 'ec' } | undefined {
  if (!pem.includes('-----BEGIN')) {
    problems.push({ path: 'privateKey', code: 'key-unreadable', message: 'The private key must be PEM text (-----BEGIN PRIVATE KEY-----)' });
    return undefined;
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    // PKCS#8 says so in its label, traditional PEM in a header; Node's error codes for it vary by OpenSSL version.
    const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem) || (error as { code?: unknown }).code === 'ERR_MISSING_PASSPHRASE';
    problems.push(
      encrypted
        ? { path: 'privateKey', code: 'key-encrypted', message: 'The private key is encrypted: send it unencrypted (the service stores it encrypted)' }
        : { path: 'privateKey', code: 'key-unreadable', message: 'The private key cannot be read as a PEM private key' },
    );
    return undefined;
  }
  const type = privateKey.asymmetricKeyType;
  const details = privateKey.asymmetricKeyDetails ?? {};
  if (type === 'rsa' && (details.modulusLength ?? 0) >= MIN_RSA_BITS) return { privateKey, algorithm: 'rsa' };
  if (type === 'ec' && EC_CURVES.has(details.namedCurve ?? '')) return { privateKey, algorithm: 'ec' };
  problems.push({
    path: 'privateKey',
    code: 'key-unsupported',
    message: `The private key must be RSA of at least ${MIN_RSA_BITS} bits or EC on P-256, P-384 or P-521 (got ${describeKey(type, details)})`,
  });
  return undefined;
}

function describeKey(type: string | undefined, details: { modulusLength?: number; namedCurve?: string }): string {
  if (type === 'rsa') return `RSA of ${details.modulusLength ?? '?'} bits`;
  if (type === 'ec') return `EC on ${details.namedCurve ?? 'an unknown curve'}`;
  return type ?? 'an unknown type';
}

function readCertificates(text: string, problems: CredentialProblem[]): { pem: string; certificate: X509Certificate }[] | undefined {
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) {
    problems.push({ path: 'certificate', code: 'certificate-unreadable', message: 'No PEM certificate found (-----BEGIN CERTIFICATE-----)' });
    return undefined;
  }
  if (blocks.length > MAX_CHAIN) {
    problems.push({ path: 'certificate', code: 'chain-too-long', message: `At most ${MAX_CHAIN} certificates are accepted, got ${blocks.length}` });
    return undefined;
  }
  const chain: { pem: string; certificate: X509Certificate }[] = [];
  for (const [index, pem] of blocks.entries()) {
    try {
      chain.push({ pem, certificate: new X509Certificate(pem) });
    } catch {
      problems.push({ path: 'certificate', code: 'certificate-unreadable', message: `Certificate ${index + 1} of ${blocks.length} cannot be read as X.509` });
      return undefined;
    }
  }
  return chain;
}
