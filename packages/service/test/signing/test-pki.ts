import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SigningCredentials } from '../../src/signing/signing-credentials.js';
import { makeTempDir } from '../support/temp-dir.js';

/** Keys and certificates made for a test with node:crypto and the openssl CLI, in a temporary directory. */
export type TestPki = {
  /** A fresh key and its self-signed certificate, valid for 30 days. */
  selfSigned(options?: { subject?: string; key?: 'rsa' | 'ec' | 'rsa-1024' }): SigningCredentials;
  /** A signer certificate issued by a fresh CA; `certificatePem` is the chain, signer first. */
  issued(subject?: string): SigningCredentials & { caPem: string; signerPem: string };
  /** A self-signed certificate that expired in 2020. */
  expired(): SigningCredentials;
  remove(): Promise<void>;
};

const openssl = (cwd: string, args: string[]) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

function newKeyPem(kind: 'rsa' | 'ec' | 'rsa-1024'): string {
  const privateKeyEncoding = { type: 'pkcs8', format: 'pem' } as const;
  const publicKeyEncoding = { type: 'spki', format: 'pem' } as const;
  if (kind === 'ec') return generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding, publicKeyEncoding }).privateKey;
  return generateKeyPairSync('rsa', { modulusLength: kind === 'rsa-1024' ? 1024 : 2048, privateKeyEncoding, publicKeyEncoding }).privateKey;
}

/** Opens a temporary directory for openssl to work in; call `remove` when done. */
export async function openTestPki(): Promise<TestPki> {
  const dir = await makeTempDir('einvoice-pki');
  let counter = 0;
  const file = (name: string, content?: string) => {
    const path = join(dir.path, `${counter}-${name}`);
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };
  const selfSign = (keyPem: string, subject: string) => {
    counter += 1;
    const key = file('key.pem', keyPem);
    const cert = file('cert.pem');
    openssl(dir.path, ['req', '-x509', '-new', '-key', key, '-sha256', '-days', '30', '-subj', subject, '-out', cert]);
    return readFileSync(cert, 'utf8');
  };
  return {
    selfSigned(options = {}) {
      const privateKeyPem = newKeyPem(options.key ?? 'rsa');
      return { privateKeyPem, certificatePem: selfSign(privateKeyPem, options.subject ?? '/CN=Test Signer/O=eInvoice Hub Tests') };
    },

    issued(subject = '/CN=Issued Signer/O=eInvoice Hub Tests') {
      const caKeyPem = newKeyPem('rsa');
      const caPem = selfSign(caKeyPem, '/CN=Test CA/O=eInvoice Hub Tests');
      const caKey = file('ca-key.pem', caKeyPem);
      const caCert = file('ca-cert.pem', caPem);
      const privateKeyPem = newKeyPem('rsa');
      counter += 1;
      const key = file('key.pem', privateKeyPem);
      const csr = file('signer.csr');
      const cert = file('signer.pem');
      openssl(dir.path, ['req', '-new', '-key', key, '-subj', subject, '-out', csr]);
      openssl(dir.path, ['x509', '-req', '-in', csr, '-CA', caCert, '-CAkey', caKey, '-set_serial', String(1000 + counter), '-sha256', '-days', '30', '-out', cert]);
      const signerPem = readFileSync(cert, 'utf8');
      return { privateKeyPem, certificatePem: `${signerPem}${caPem}`, caPem, signerPem };
    },

    expired() {
      // `openssl req -x509` cannot date a certificate in the past; `openssl ca` can, given a minimal CA setup.
      counter += 1;
      const privateKeyPem = newKeyPem('rsa');
      const key = file('key.pem', privateKeyPem);
      const csr = file('expired.csr');
      const cert = file('expired.pem');
      const config = file('ca.cnf', '[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\ndefault_md = sha256\npolicy = any\nunique_subject = no\n[any]\ncommonName = supplied\n');
      writeFileSync(join(dir.path, 'index.txt'), '');
      writeFileSync(join(dir.path, 'serial'), '01\n');
      openssl(dir.path, ['req', '-new', '-key', key, '-subj', '/CN=Expired Signer', '-out', csr]);
      openssl(dir.path, ['ca', '-batch', '-notext', '-config', config, '-selfsign', '-keyfile', key, '-in', csr, '-startdate', '20200101000000Z', '-enddate', '20200201000000Z', '-out', cert]);
      return { privateKeyPem, certificatePem: readFileSync(cert, 'utf8') };
    },

    remove: () => dir.remove(),
  };
}
