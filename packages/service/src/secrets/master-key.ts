import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ServiceConfig } from '../config/config.schema.js';
import { AppError } from '../errors/app-error.js';

const KEY_BYTES = 32;

/** The file holding the generated master key of the embedded default. */
export function generatedMasterKeyPath(dataDir: string): string {
  return join(dataDir, 'master.key');
}

/**
 * The master key that encrypts tenants' secrets, 32 bytes: from `masterKey` (base64), else from the file
 * `masterKeyFile`, else — for the embedded default only — from `<dataDir>/master.key`, generated (mode
 * 0600) on first use. With a PostgreSQL server a key must be given: every process sharing the database
 * needs the same key, and a key generated on one host would make the secrets unreadable on the others.
 */
export async function loadMasterKey(config: Pick<ServiceConfig, 'masterKey' | 'masterKeyFile' | 'dataDir' | 'databaseUrl'>): Promise<Uint8Array> {
  if (config.masterKey !== undefined) return decodeMasterKey(config.masterKey, 'the master key (EINVOICE_MASTER_KEY)');
  if (config.masterKeyFile !== undefined) return decodeMasterKey(await readKeyFile(config.masterKeyFile), `the master key file ${config.masterKeyFile}`);
  if (config.databaseUrl !== undefined) {
    throw new AppError(
      'bad-request',
      'A master key is required with a PostgreSQL server: set EINVOICE_MASTER_KEY to 32 random bytes in base64 (e.g. `openssl rand -base64 32`) or EINVOICE_MASTER_KEY_FILE to a file holding it, the same for every process',
    );
  }
  return loadOrCreateGeneratedKey(generatedMasterKeyPath(config.dataDir));
}

/** Decodes a base64 (or base64url) key and insists on exactly 32 bytes. */
export function decodeMasterKey(text: string, source: string): Uint8Array {
  const trimmed = text.trim();
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (bytes.byteLength !== KEY_BYTES) {
    throw new AppError('bad-request', `${source} must be ${KEY_BYTES} bytes encoded in base64 (44 characters, e.g. from \`openssl rand -base64 32\`)`);
  }
  return new Uint8Array(bytes);
}

async function readKeyFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('bad-request', `The master key file ${path} cannot be read`, { cause: error });
  }
}

/**
 * Reads the generated key, or creates it. The key is written to a private temporary file and then
 * hard-linked into place, which fails if the file exists: two processes starting at once cannot both
 * publish a key, and nobody ever reads a half-written one.
 */
async function loadOrCreateGeneratedKey(path: string): Promise<Uint8Array> {
  const existing = await readIfExists(path);
  if (existing !== undefined) return decodeMasterKey(existing, `the generated master key ${path}`);

  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(`${randomBytes(KEY_BYTES).toString('base64')}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await link(temp, path).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(temp, { force: true });
  }
  const created = await readFile(path, 'utf8');
  return decodeMasterKey(created, `the generated master key ${path}`);
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new AppError('bad-request', `The master key file ${path} cannot be read`, { cause: error });
  }
}
