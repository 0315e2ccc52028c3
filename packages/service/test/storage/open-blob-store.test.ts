import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openBlobStore } from '../../src/storage/open-blob-store.js';
import { startS3Simulator } from '../support/s3-simulator.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('openBlobStore', () => {
  test('fs without a root: <dataDir>/blobs', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const { sha256 } = await openBlobStore({ dataDir: dir.path, storage: { driver: 'fs' } }).put(new TextEncoder().encode('default root'));
    assert.ok(existsSync(join(dir.path, 'blobs', sha256.slice(0, 2), sha256)));
  });

  test('fs with a root: that directory', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const root = join(dir.path, 'elsewhere');
    const { sha256 } = await openBlobStore({ dataDir: join(dir.path, 'data'), storage: { driver: 'fs', root } }).put(new TextEncoder().encode('own root'));
    assert.ok(existsSync(join(root, sha256.slice(0, 2), sha256)));
    assert.ok(!existsSync(join(dir.path, 'data')));
  });

  test('s3: the configured bucket, endpoint and prefix (credentials from the SDK’s default chain)', async () => {
    const s3 = await startS3Simulator({ buckets: ['configured'] });
    after(() => s3.close());
    const saved = { id: process.env['AWS_ACCESS_KEY_ID'], secret: process.env['AWS_SECRET_ACCESS_KEY'] };
    process.env['AWS_ACCESS_KEY_ID'] = 'from-env';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'from-env';
    after(() => {
      for (const [name, value] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });
    const store = openBlobStore({
      dataDir: '/unused',
      storage: { driver: 's3', bucket: 'configured', region: 'eu-central-1', endpoint: s3.endpoint, prefix: 'p/', forcePathStyle: true },
    });
    await store.check();
    const { sha256 } = await store.put(new TextEncoder().encode('in s3'));
    assert.ok(s3.buckets.get('configured')?.has(`p/blobs/${sha256}`));
    assert.match(String(s3.requests.at(-1)?.headers.authorization), /Credential=from-env\/\d{8}\/eu-central-1\/s3\//);
  });
});
