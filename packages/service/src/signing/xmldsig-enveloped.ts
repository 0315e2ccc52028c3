import { X509Certificate } from 'node:crypto';
import { DocumentReadError, readXml, type XmlElement } from '@einvoice-hub/core';
import { SignedXml } from 'xml-crypto';
import { AppError } from '../errors/app-error.js';
import { ECDSA_SHA256, EcdsaSha256 } from './ecdsa-sha256.js';
import { checkSigningCredentials, type SigningCredentials } from './signing-credentials.js';
import { DS_NS, findAll, insertSignatureSlot, misplacedSignature, SIGNATURE_SLOT_XPATH, UBL_ROOTS } from './ubl-signature-placement.js';
import { parseDom } from './xml-dom.js';

const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const SHA512 = 'http://www.w3.org/2001/04/xmlenc#sha512';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const RSA_SHA512 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512';

// What a verifier accepts: the SHA-2 methods only (SHA-1 signatures are forgeable in practice).
const ACCEPTED_SIGNATURE_METHODS: ReadonlySet<string> = new Set([RSA_SHA256, RSA_SHA512, ECDSA_SHA256]);
const ACCEPTED_DIGESTS: ReadonlySet<string> = new Set([SHA256, SHA512]);

/** The outcome of checking a signed document; `reason` says why it is not valid. */
export type EnvelopedVerification = { valid: boolean; certificateSubject?: string; reason?: string };

/**
 * Signs a UBL 2.1 Invoice or CreditNote with an enveloped XML Signature over the whole document: exclusive
 * C14N, SHA-256 digest, RSA-SHA256 or ECDSA-SHA256 by the key's type, the certificate chain in KeyInfo.
 * The signature goes in a UBL signature extension (see ubl-signature-placement.ts), so the result stays
 * valid against the UBL 2.1 schema. Throws a DocumentReadError for unreadable or hostile XML (a DOCTYPE
 * is refused before any DOM is built), an `invalid-certificate` AppError for unusable credentials, and a
 * `bad-request` AppError for a document that cannot carry the signature (CII, already signed).
 */
export function signEnveloped(xml: string, credentials: SigningCredentials, options: { now?: Date } = {}): string {
  const text = withoutBom(xml);
  const root = readXml(text);
  requireUblRoot(root);
  if (findAll(root, isDsSignature).length > 0) {
    throw new AppError('bad-request', 'The document is already signed: a second signature (counter-signing) is not supported');
  }
  const checked = checkSigningCredentials(credentials, options.now);
  const signer = createSignedXml();
  signer.privateKey = checked.privateKey;
  // The whole chain, signer first: KeyInfo gets one ds:X509Certificate per certificate, in this order.
  signer.publicCert = checked.chainPem.join('\n');
  signer.signatureAlgorithm = checked.keyAlgorithm === 'ec' ? ECDSA_SHA256 : RSA_SHA256;
  signer.canonicalizationAlgorithm = EXC_C14N;
  // URI="" is the whole document; the enveloped-signature transform leaves the signature itself out.
  signer.addReference({ xpath: '/*', isEmptyUri: true, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256 });
  signer.computeSignature(insertSignatureSlot(text, root), { prefix: 'ds', location: { reference: SIGNATURE_SLOT_XPATH, action: 'append' } });
  return signer.getSignedXml();
}

/**
 * Checks a document signed by {@link signEnveloped} (or in the same way): one signature, in the UBL
 * signature extension, over the whole document, with SHA-2 algorithms, verified with the certificate
 * its KeyInfo carries. This proves the document is unchanged since that certificate's key signed it;
 * whether the certificate is trusted is for the caller to decide. Never throws for a bad document.
 */
export function verifyEnveloped(xml: string): EnvelopedVerification {
  const text = withoutBom(xml);
  let root: XmlElement;
  try {
    root = readXml(text);
  } catch (error) {
    if (error instanceof DocumentReadError) return { valid: false, reason: error.message };
    throw error;
  }
  const misplaced = misplacedSignature(root);
  if (misplaced !== undefined) return { valid: false, reason: misplaced };
  const signature = findAll(root, isDsSignature)[0] as XmlElement;
  const certificate = keyInfoCertificate(signature);
  if (!certificate) return { valid: false, reason: 'The signature carries no readable ds:X509Certificate in its KeyInfo' };

  const verifier = createSignedXml();
  const signatureNodes = verifier.findSignatures(parseDom(text));
  if (signatureNodes.length !== 1) return { valid: false, reason: 'The signature could not be located in the document' };
  verifier.loadSignature(signatureNodes[0]);
  const unacceptable = unacceptableAlgorithms(verifier);
  if (unacceptable !== undefined) return { valid: false, reason: unacceptable };
  verifier.publicCert = certificate.toString();
  try {
    if (!verifier.checkSignature(text)) return { valid: false, reason: 'The digest of the document does not match: it was changed after signing' };
  } catch (error) {
    return { valid: false, reason: error instanceof Error ? error.message : String(error) };
  }
  return { valid: true, certificateSubject: certificate.subject };
}

function requireUblRoot(root: XmlElement): void {
  if (UBL_ROOTS[root.ns] === root.local) return;
  throw new AppError(
    'bad-request',
    `Signing is only supported for UBL-based formats (UBL 2.1 Invoice or CreditNote, e.g. ubl, peppol-bis-3, xrechnung-ubl): the document is <${root.local}> in ${root.ns === '' ? 'no namespace' : root.ns}, whose schema has no place for an enveloped signature`,
  );
}

/** One SignedXml configured the same way for signing and verifying, with ECDSA added. */
function createSignedXml(): SignedXml {
  const signedXml = new SignedXml();
  signedXml.SignatureAlgorithms[ECDSA_SHA256] = EcdsaSha256;
  return signedXml;
}

/** Why the loaded signature's algorithms or reference are not the ones this service trusts, if they are not. */
function unacceptableAlgorithms(verifier: SignedXml): string | undefined {
  if (verifier.canonicalizationAlgorithm !== EXC_C14N) return `The SignedInfo canonicalization ${verifier.canonicalizationAlgorithm ?? '(none)'} is not exclusive C14N`;
  if (!ACCEPTED_SIGNATURE_METHODS.has(verifier.signatureAlgorithm ?? '')) return `The signature method ${verifier.signatureAlgorithm ?? '(none)'} is not accepted`;
  const references = verifier.getReferences();
  const [reference] = references;
  if (references.length !== 1 || !reference || reference.uri !== '') return 'The signature must have exactly one reference, to the whole document (URI="")';
  if (reference.transforms.length !== 2 || reference.transforms[0] !== ENVELOPED || reference.transforms[1] !== EXC_C14N) {
    return 'The reference\'s transforms must be enveloped-signature then exclusive C14N';
  }
  if (!ACCEPTED_DIGESTS.has(reference.digestAlgorithm)) return `The digest method ${reference.digestAlgorithm} is not accepted`;
  return undefined;
}

/** The first certificate of the signature's KeyInfo: the signer's, by XMLDSig convention. */
function keyInfoCertificate(signature: XmlElement): X509Certificate | undefined {
  const keyInfo = signature.children.find((child) => child.ns === DS_NS && child.local === 'KeyInfo');
  const [element] = keyInfo ? findAll(keyInfo, (e) => e.ns === DS_NS && e.local === 'X509Certificate') : [];
  if (!element) return undefined;
  try {
    return new X509Certificate(Buffer.from(element.text.replace(/\s+/g, ''), 'base64'));
  } catch {
    return undefined;
  }
}

function isDsSignature(element: XmlElement): boolean {
  return element.ns === DS_NS && element.local === 'Signature';
}

// The core's reader drops a leading BOM the same way; its offsets are into the text without it.
function withoutBom(xml: string): string {
  return xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
}
