import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { AppError } from '../../src/errors/app-error.js';
import { loadMasterKey } from '../../src/secrets/master-key.js';
import { makeTempDir } from '../support/temp-dir.js';

const isConfigError = (pattern: RegExp) => (error: unknown) => error instanceof AppError && error.code === 'bad-request' && pattern.test(error.message);

describe('loadMasterKey', () => {
  test('from masterKey (base64, 32 bytes)', async () => {
    const key = randomBytes(32);
    const loaded = await loadMasterKey({ dataDir: '/nonexistent', masterKey: key.toString('base64'), databaseUrl: 'postgres://x/y' });
    assert.deepEqual(Buffer.from(loaded), key);
  });

  test('from masterKeyFile, surrounding whitespace ignored', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const key = randomBytes(32);
    const file = join(dir.path, 'key');
    await writeFile(file, `\n${key.toString('base64')}\n`);
    assert.deepEqual(Buffer.from(await loadMasterKey({ dataDir: dir.path, masterKeyFile: file })), key);
  });

  test('masterKey wins over masterKeyFile', async () => {
    const key = randomBytes(32);
    assert.deepEqual(Buffer.from(await loadMasterKey({ dataDir: '/x', masterKey: key.toString('base64'), masterKeyFile: '/no/such/file' })), key);
  });

  test('a key that is not 32 bytes of base64 is a configuration error', async () => {
    for (const masterKey of ['', 'short', randomBytes(16).toString('base64'), randomBytes(48).toString('base64'), `${randomBytes(32).toString('base64')}!`]) {
      await assert.rejects(loadMasterKey({ dataDir: '/x', masterKey }), isConfigError(/32 bytes/), masterKey);
    }
  });

  test('an unreadable key file is a configuration error naming the file', async () => {
    await assert.rejects(loadMasterKey({ dataDir: '/x', masterKeyFile: '/no/such/key' }), isConfigError(/\/no\/such\/key/));
  });

  test('embedded default: generated once in <dataDir>/master.key (mode 0600), then reused', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const dataDir = join(dir.path, 'data');
    const first = await loadMasterKey({ dataDir });
    assert.equal(first.byteLength, 32);
    const info = await stat(join(dataDir, 'master.key'));
    if (process.platform !== 'win32') assert.equal(info.mode & 0o777, 0o600);
    assert.deepEqual(Buffer.from(await loadMasterKey({ dataDir })), Buffer.from(first));
  });

  test('processes starting together agree on one generated key', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadMasterKey({ dataDir: dir.path })));
    for (const key of keys) assert.deepEqual(Buffer.from(key), Buffer.from(keys[0] as Uint8Array));
  });

  test('with a PostgreSQL server and no key: a configuration error that says to set EINVOICE_MASTER_KEY', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    await assert.rejects(loadMasterKey({ dataDir: dir.path, databaseUrl: 'postgres://localhost/db' }), isConfigError(/EINVOICE_MASTER_KEY/));
    await assert.rejects(stat(join(dir.path, 'master.key')), { code: 'ENOENT' });
  });
});
