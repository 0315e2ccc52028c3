import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { DocumentReadError, readInvoiceJson, readXml, writeInvoice, type Target } from '@einvoice-hub/core';
import { validateDocument } from '@einvoice-hub/core/validator';
import { validateAgainstXsd } from '../../../core/test/support/xsd.js';
import { AppError } from '../../src/errors/app-error.js';
import type { SigningCredentials } from '../../src/signing/signing-credentials.js';
import { signEnveloped, verifyEnveloped } from '../../src/signing/xmldsig-enveloped.js';
import { openTestPki, type TestPki } from './test-pki.js';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const EXT = 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2';

/** A core fixture invoice written in a target syntax. */
function writtenFixture(name: string, target: Target): string {
  const read = readInvoiceJson(JSON.parse(readFileSync(new URL(`../../../core/test/fixtures/${name}`, import.meta.url), 'utf8')));
  if (!read.ok) throw new Error(`fixture ${name}: ${JSON.stringify(read.problems)}`);
  return writeInvoice(read.invoice, target).output;
}

/** The local names of the path from the root to the (only) ds:Signature. */
function signaturePath(xml: string): string[] {
  const path: string[] = [];
  const visit = (element: ReturnType<typeof readXml>, trail: string[]): boolean => {
    if (element.ns === DS && element.local === 'Signature') return path.push(...trail, element.local) > 0;
    return element.children.some((child) => visit(child, [...trail, element.local]));
  };
  visit(readXml(xml), []);
  return path;
}

describe('XMLDSig enveloped signatures of UBL documents', () => {
  let pki: TestPki;
  let rsa: SigningCredentials;
  let invoice: string;
  let signed: string;
  before(async () => {
    pki = await openTestPki();
    rsa = pki.selfSigned({ subject: '/CN=ACME Signer/O=ACME AB' });
    invoice = writtenFixture('invoice-standard-rated.json', 'ubl');
    signed = signEnveloped(invoice, rsa);
  });
  after(() => pki?.remove());

  test('signs an invoice the verifier accepts, naming the certificate\'s subject', () => {
    assert.deepEqual(verifyEnveloped(signed), { valid: true, certificateSubject: 'CN=ACME Signer\nO=ACME AB' });
    assert.match(signed, /^<\?xml version="1\.0" encoding="UTF-8"\?>/, 'the XML declaration is kept');
    assert.match(signed, /<ds:SignatureMethod Algorithm="http:\/\/www\.w3\.org\/2001\/04\/xmldsig-more#rsa-sha256"\/>/);
    assert.match(signed, /<ds:CanonicalizationMethod Algorithm="http:\/\/www\.w3\.org\/2001\/10\/xml-exc-c14n#"\/>/);
    assert.match(signed, /<ds:Reference URI="">.*enveloped-signature.*xml-exc-c14n#.*xmlenc#sha256/s);
    assert.match(signed, /<ds:X509Certificate>MII/);
  });

  test('puts the signature in the UBL signature extension, created as the root\'s first child', () => {
    assert.deepEqual(signaturePath(signed), ['Invoice', 'UBLExtensions', 'UBLExtension', 'ExtensionContent', 'UBLDocumentSignatures', 'SignatureInformation', 'Signature']);
    const root = readXml(signed);
    assert.equal(root.children[0]?.ns, EXT);
    assert.equal(root.children[0]?.local, 'UBLExtensions');
    // Only the extension was added: the invoice's own elements are unchanged and in their order.
    assert.deepEqual(root.children.slice(1).map((c) => c.name), readXml(invoice).children.map((c) => c.name));
  });

  test('the signed invoice is still valid against the UBL 2.1 schema and has no fatal EN 16931 finding', () => {
    assert.deepEqual(validateAgainstXsd(signed, 'ubl-invoice'), []);
    const report = validateDocument(signed);
    assert.deepEqual(report.findings.filter((f) => f.severity === 'fatal'), []);
    // UBL-CR-001 is the official warning that EN 16931 does not use extensions; it is expected here.
    assert.deepEqual(report.findings.map((f) => f.rule), ['UBL-CR-001']);
    assert.equal(report.valid, true);
  });

  test('changing one amount after signing makes the signature invalid', () => {
    const tampered = signed.replace(/(<cbc:PayableAmount currencyID="\w+">)([\d.]+)</, (_m, open: string, amount: string) => `${open}${(Number(amount) + 1).toFixed(2)}<`);
    assert.notEqual(tampered, signed);
    const result = verifyEnveloped(tampered);
    assert.equal(result.valid, false);
    assert.match(result.reason ?? '', /digest/);
  });

  test('a changed signature value or a certificate swapped for another key\'s is invalid', () => {
    const value = /<ds:SignatureValue>([^<]+)</.exec(signed)?.[1] ?? '';
    const flipped = `${value.slice(0, 10)}${value[10] === 'A' ? 'B' : 'A'}${value.slice(11)}`;
    assert.equal(verifyEnveloped(signed.replace(value, flipped)).valid, false);
    const other = pki.selfSigned({ subject: '/CN=Impostor' });
    const otherBase64 = other.certificatePem.replace(/-----[^-]+-----|\s/g, '');
    const swapped = signed.replace(/<ds:X509Certificate>[^<]+</, `<ds:X509Certificate>${otherBase64}<`);
    assert.equal(verifyEnveloped(swapped).valid, false);
  });

  test('a credit note is signed in the same place and stays schema-valid', () => {
    const creditNote = writtenFixture('credit-note-xrechnung.json', 'ubl');
    assert.equal(readXml(creditNote).local, 'CreditNote');
    const signedNote = signEnveloped(creditNote, rsa);
    assert.equal(verifyEnveloped(signedNote).valid, true);
    assert.equal(signaturePath(signedNote)[1], 'UBLExtensions');
    assert.deepEqual(validateAgainstXsd(signedNote, 'ubl-credit-note'), []);
    assert.deepEqual(validateDocument(signedNote).findings.filter((f) => f.severity === 'fatal'), []);
  });

  test('an EC key signs with ECDSA-SHA256 (r‖s encoding) and verifies', () => {
    const ec = pki.selfSigned({ key: 'ec', subject: '/CN=EC Signer' });
    const signedEc = signEnveloped(invoice, ec);
    assert.match(signedEc, /Algorithm="http:\/\/www\.w3\.org\/2001\/04\/xmldsig-more#ecdsa-sha256"/);
    // P-256: r and s of 32 bytes each, concatenated (XMLDSig 1.1), not a DER sequence.
    const value = /<ds:SignatureValue>([^<]+)</.exec(signedEc)?.[1] ?? '';
    assert.equal(Buffer.from(value, 'base64').byteLength, 64);
    assert.deepEqual(verifyEnveloped(signedEc), { valid: true, certificateSubject: 'CN=EC Signer' });
    assert.deepEqual(validateAgainstXsd(signedEc, 'ubl-invoice'), []);
  });

  test('a certificate chain goes into KeyInfo signer first, and the signer is the one reported', () => {
    const issued = pki.issued('/CN=Issued Signer');
    const signedChain = signEnveloped(invoice, issued);
    const certificates = [...signedChain.matchAll(/<ds:X509Certificate>([^<]+)</g)].map((m) => m[1]);
    assert.deepEqual(certificates, [issued.signerPem, issued.caPem].map((pem) => pem.replace(/-----[^-]+-----|\s/g, '')));
    assert.deepEqual(verifyEnveloped(signedChain), { valid: true, certificateSubject: 'CN=Issued Signer' });
  });

  test('a document that already has UBL extensions gets the signature as their first extension', () => {
    const other = `<ext:UBLExtensions xmlns:ext="${EXT}"><ext:UBLExtension><ext:ExtensionContent><x:Note xmlns:x="urn:example:other">kept</x:Note></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>`;
    const withExtensions = invoice.replace(/(<Invoice[^>]*>)/, `$1${other}`);
    const signedExt = signEnveloped(withExtensions, rsa);
    const extensions = readXml(signedExt).children[0];
    assert.equal(extensions?.children.length, 2);
    assert.equal(extensions?.children[1]?.children[0]?.children[0]?.text, 'kept');
    assert.equal(verifyEnveloped(signedExt).valid, true);
    assert.deepEqual(validateAgainstXsd(signedExt, 'ubl-invoice'), []);
  });

  test('a byte order mark and CRLF line ends do not shift where the signature is inserted', () => {
    const crlf = `\uFEFF${invoice.replace(/\n/g, '\r\n')}`;
    const signedCrlf = signEnveloped(crlf, rsa);
    assert.equal(verifyEnveloped(signedCrlf).valid, true);
    assert.deepEqual(validateAgainstXsd(signedCrlf, 'ubl-invoice'), []);
  });

  test('CII is refused: signing is only supported for UBL-based formats', () => {
    const cii = writtenFixture('invoice-standard-rated.json', 'cii');
    assert.throws(
      () => signEnveloped(cii, rsa),
      (error: unknown) => error instanceof AppError && error.code === 'bad-request' && /only supported for UBL-based formats/.test(error.message) && /CrossIndustryInvoice/.test(error.message),
    );
  });

  test('a DOCTYPE is refused before any parsing for signing or verification (no entity expansion)', () => {
    const laughs = '<!DOCTYPE Invoice [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const hostile = invoice.replace(/^(<\?xml[^>]*\?>)/, `$1${laughs}`).replace('<cbc:Note>', '<cbc:Note>&b;');
    assert.notEqual(hostile, invoice);
    assert.throws(() => signEnveloped(hostile, rsa), (error: unknown) => error instanceof DocumentReadError && error.code === 'xml-doctype-forbidden');
    const signedHostile = signed.replace(/^(<\?xml[^>]*\?>)/, `$1${laughs}`);
    const result = verifyEnveloped(signedHostile);
    assert.equal(result.valid, false);
    assert.match(result.reason ?? '', /DOCTYPE/i);
  });

  test('an already signed document is not signed again', () => {
    assert.throws(() => signEnveloped(signed, rsa), (error: unknown) => error instanceof AppError && /already signed/.test(error.message));
  });

  test('expired or mismatched credentials are refused with invalid-certificate', () => {
    assert.throws(() => signEnveloped(invoice, pki.expired()), (error: unknown) => error instanceof AppError && error.code === 'invalid-certificate' && /expired/.test(error.message));
    const mismatched = { privateKeyPem: rsa.privateKeyPem, certificatePem: pki.selfSigned().certificatePem };
    assert.throws(() => signEnveloped(invoice, mismatched), (error: unknown) => error instanceof AppError && error.code === 'invalid-certificate');
  });

  test('verification refuses unsigned documents, a second signature, and a signature outside the extension', () => {
    assert.deepEqual(verifyEnveloped(invoice), { valid: false, reason: 'The document has no ds:Signature' });
    const signature = /<ds:Signature [\s\S]*<\/ds:Signature>/.exec(signed)?.[0] ?? '';
    assert.ok(signature.length > 0);
    const twice = signed.replace('</cbc:Note>', `</cbc:Note>${signature}`);
    assert.match(verifyEnveloped(twice).reason ?? '', /2 ds:Signature/);
    // The same valid signature moved among the business elements: its digest still matches, its place does not.
    const moved = signed.replace(signature, '').replace('</cbc:Note>', `</cbc:Note>${signature}`);
    const result = verifyEnveloped(moved);
    assert.equal(result.valid, false);
    assert.match(result.reason ?? '', /not at ext:UBLExtensions/);
  });
});
