import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from '../support/temp-dir.js';

const run = promisify(execFile);

/** A key and the certificate for it, PEM. */
export type KeyPair = { keyPem: string; certPem: string };

/** A throwaway PKI for TLS tests: a CA, a server certificate for 127.0.0.1 and a client certificate. */
export type TestPki = { ca: KeyPair; server: KeyPair; client: KeyPair };

/**
 * Makes a CA and two certificates it signs with the `openssl` command in a temporary directory (removed
 * afterwards): the server's for IP 127.0.0.1 (serverAuth), the client's with CN `clientName` (clientAuth),
 * both issued by a CA with CN `caName`.
 * P-256 keys, valid for one day.
 */
export async function makeTestPki(clientName = 'einvoice-hub client', caName = 'eInvoice Hub Test CA'): Promise<TestPki> {
  const dir = await makeTempDir('einvoice-pki');
  const at = (name: string): string => join(dir.path, name);
  const openssl = (...args: string[]) => run('openssl', args, { cwd: dir.path });
  const newKey = (name: string) => openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', at(name));
  try {
    await newKey('ca.key');
    await openssl('req', '-x509', '-new', '-key', at('ca.key'), '-subj', `/CN=${caName}`, '-days', '1', '-out', at('ca.crt'),
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    const issue = async (name: string, subject: string, extensions: string): Promise<KeyPair> => {
      await newKey(`${name}.key`);
      await openssl('req', '-new', '-key', at(`${name}.key`), '-subj', subject, '-out', at(`${name}.csr`));
      await writeFile(at(`${name}.ext`), extensions);
      await openssl('x509', '-req', '-in', at(`${name}.csr`), '-CA', at('ca.crt'), '-CAkey', at('ca.key'), '-CAcreateserial', '-days', '1', '-extfile', at(`${name}.ext`), '-out', at(`${name}.crt`));
      return { keyPem: await readFile(at(`${name}.key`), 'utf8'), certPem: await readFile(at(`${name}.crt`), 'utf8') };
    };
    const server = await issue('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    const client = await issue('client', `/CN=${clientName}`, 'extendedKeyUsage=clientAuth\n');
    const ca = { keyPem: await readFile(at('ca.key'), 'utf8'), certPem: await readFile(at('ca.crt'), 'utf8') };
    return { ca, server, client };
  } finally {
    await dir.remove();
  }
}
