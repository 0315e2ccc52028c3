import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AppError, NotFoundError } from '../../src/errors/app-error.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { writeBlobFile } from '../../src/storage/blob-file-writer.js';
import { createFsBlobStore } from '../../src/storage/fs-blob-store.js';
import { createS3BlobStore } from '../../src/storage/s3-blob-store.js';
import { startS3Simulator, type S3Simulator } from '../support/s3-simulator.js';
import { makeTempDir } from '../support/temp-dir.js';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const BUCKET = 'einvoice-test';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** The same contract, looped over every implementation. */
const stores: { name: string; open(): Promise<{ store: BlobStore; cleanup(): Promise<void> }> }[] = [
  {
    name: 'fs',
    async open() {
      const dir = await makeTempDir('einvoice-blobs');
      return { store: createFsBlobStore(join(dir.path, 'blobs')), cleanup: dir.remove };
    },
  },
  {
    name: 's3',
    async open() {
      const s3 = await startS3Simulator({ buckets: [BUCKET] });
      const store = createS3BlobStore({ bucket: BUCKET, region: 'us-east-1', endpoint: s3.endpoint, prefix: 'tenant-data', forcePathStyle: true, credentials: CREDENTIALS });
      return { store, cleanup: s3.close };
    },
  },
];

for (const kind of stores) {
  describe(`BlobStore contract (${kind.name})`, () => {
    let store: BlobStore;
    let cleanup: () => Promise<void>;
    before(async () => ({ store, cleanup } = await kind.open()));
    after(() => cleanup());

    test('put returns the SHA-256 and size; get returns the same bytes', async () => {
      const bytes = bytesOf('<Invoice>1</Invoice>');
      const ref = await store.put(bytes);
      assert.deepEqual(ref, { sha256: sha(bytes), size: bytes.byteLength });
      assert.deepEqual(Buffer.from(await store.get(ref.sha256)), Buffer.from(bytes));
    });

    test('putting the same bytes again is idempotent', async () => {
      const bytes = bytesOf('same bytes');
      const first = await store.put(bytes);
      const second = await store.put(bytes);
      assert.deepEqual(second, first);
      assert.deepEqual(Buffer.from(await store.get(first.sha256)), Buffer.from(bytes));
    });

    test('concurrent puts of the same and of different bytes all succeed', async () => {
      const inputs = Array.from({ length: 20 }, (_, i) => bytesOf(`blob ${i % 5}`));
      const refs = await Promise.all(inputs.map((b) => store.put(b)));
      for (const [i, ref] of refs.entries()) assert.equal(ref.sha256, sha(inputs[i] as Uint8Array));
      for (const ref of refs) assert.equal((await store.get(ref.sha256)).byteLength, ref.size);
    });

    test('empty and binary content round-trip', async () => {
      const binary = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
      for (const bytes of [new Uint8Array(0), binary]) {
        const ref = await store.put(bytes);
        assert.deepEqual(Buffer.from(await store.get(ref.sha256)), Buffer.from(bytes));
      }
    });

    test('an unknown SHA-256 is a NotFoundError', async () => {
      await assert.rejects(store.get(sha(bytesOf('never stored'))), NotFoundError);
    });

    test('names that are not a SHA-256 are refused before touching storage', async () => {
      for (const name of ['../../etc/passwd', `${'a'.repeat(62)}/.`, 'a'.repeat(63), `${'a'.repeat(64)}/x`, '', `${'g'.repeat(64)}`]) {
        await assert.rejects(store.get(name), (error: unknown) => error instanceof AppError && error.code === 'bad-request', name);
      }
    });

    test('upper-case hex addresses the same blob', async () => {
      const ref = await store.put(bytesOf('case'));
      assert.equal(Buffer.from(await store.get(ref.sha256.toUpperCase())).toString(), 'case');
    });

    test('check passes when the store is reachable', async () => {
      await store.check();
    });
  });
}

describe('createFsBlobStore', () => {
  test('lays blobs out as <root>/ab/<sha256> and leaves no temporary files', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const root = join(dir.path, 'blobs');
    const store = createFsBlobStore(root);
    const bytes = bytesOf('layout');
    const { sha256 } = await store.put(bytes);
    await Promise.all(Array.from({ length: 5 }, () => store.put(bytes)));
    const path = join(root, sha256.slice(0, 2), sha256);
    assert.equal((await readFile(path)).toString(), 'layout');
    assert.deepEqual(await readdir(join(root, sha256.slice(0, 2))), [sha256]);
  });

  test('reads blobs stored by earlier versions at <root>/ab/cd/<sha256>', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const bytes = bytesOf('stored in the old layout');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await mkdir(join(dir.path, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
    await writeFile(join(dir.path, sha256.slice(0, 2), sha256.slice(2, 4), sha256), bytes);
    assert.equal(new TextDecoder().decode(await createFsBlobStore(dir.path).get(sha256)), 'stored in the old layout');
    await assert.rejects(createFsBlobStore(dir.path).get('0'.repeat(64)), (error: unknown) => error instanceof AppError && error.code === 'not-found');
  });

  test('a fan-out directory removed by hand is created again', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const store = createFsBlobStore(dir.path);
    const first = await store.put(bytesOf('first'));
    await rm(join(dir.path, first.sha256.slice(0, 2)), { recursive: true });
    // The same directory again: the store had it marked as existing.
    let other = 0;
    while (createHash('sha256').update(`x${other}`).digest('hex').slice(0, 2) !== first.sha256.slice(0, 2)) other++;
    const second = await store.put(bytesOf(`x${other}`));
    assert.equal(new TextDecoder().decode(await store.get(second.sha256)), `x${other}`);
  });

  test('an existing blob is not rewritten (immutable)', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const store = createFsBlobStore(dir.path);
    const { sha256 } = await store.put(bytesOf('immutable'));
    const path = join(dir.path, sha256.slice(0, 2), sha256);
    const before = await stat(path);
    await store.put(bytesOf('immutable'));
    assert.equal((await stat(path)).mtimeMs, before.mtimeMs);
  });

  test('a short file left at a blob\'s path (a crash before its flush) is written again', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const store = createFsBlobStore(dir.path);
    const bytes = bytesOf('the whole blob, longer than what the crash left');
    const sha256 = sha(bytes);
    await mkdir(join(dir.path, sha256.slice(0, 2)), { recursive: true });
    await writeFile(join(dir.path, sha256.slice(0, 2), sha256), '');
    await store.put(bytes);
    assert.equal(new TextDecoder().decode(await store.get(sha256)), 'the whole blob, longer than what the crash left');
  });

  test('a put that cannot be written fails on its own; the others of the same moment succeed', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    await writeFile(join(dir.path, 'a-file'), '');
    const broken = createFsBlobStore(join(dir.path, 'a-file'));
    const working = createFsBlobStore(join(dir.path, 'blobs'));
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, n) => working.put(bytesOf(`fine ${n}`))),
      broken.put(bytesOf('cannot be stored under a file')),
      ...Array.from({ length: 10 }, (_, n) => working.put(bytesOf(`also fine ${n}`))),
    ]);
    assert.deepEqual(results.map((result) => result.status), [...Array(10).fill('fulfilled'), 'rejected', ...Array(10).fill('fulfilled')]);
    const failure = (results[10] as PromiseRejectedResult).reason as { code?: string; message: string };
    assert.equal(failure.code, 'ENOTDIR');
    for (let n = 0; n < 10; n++) assert.equal(new TextDecoder().decode(await working.get(sha(bytesOf(`also fine ${n}`)))), `also fine ${n}`);
  });

  test('a process that wrote blobs exits on its own: the writer threads do not keep it alive', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const script = [
      `import { createFsBlobStore } from ${JSON.stringify(new URL('../../src/storage/fs-blob-store.ts', import.meta.url).href)};`,
      `const store = createFsBlobStore(${JSON.stringify(dir.path)});`,
      `const ref = await store.put(new TextEncoder().encode('written by a short-lived process'));`,
      `console.log(ref.sha256);`,
    ].join('\n');
    const child = spawnSync(process.execPath, [...process.execArgv, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.status, 0, child.stderr);
    const sha256 = child.stdout.trim();
    assert.equal(sha256, sha(bytesOf('written by a short-lived process')));
    assert.equal((await readFile(join(dir.path, sha256.slice(0, 2), sha256))).toString(), 'written by a short-lived process');
  });

  test('corrupted content on disk is reported, never returned', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const store = createFsBlobStore(dir.path);
    const { sha256 } = await store.put(bytesOf('original'));
    await writeFile(join(dir.path, sha256.slice(0, 2), sha256), 'tampered');
    await assert.rejects(store.get(sha256), (error: unknown) => error instanceof AppError && error.code === 'internal' && /corrupted/.test(error.message));
  });

  test('check creates the root when missing and fails when it cannot be written', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    await createFsBlobStore(join(dir.path, 'new', 'root')).check();
    assert.ok((await stat(join(dir.path, 'new', 'root'))).isDirectory());
    await writeFile(join(dir.path, 'a-file'), '');
    await assert.rejects(createFsBlobStore(join(dir.path, 'a-file', 'root')).check());
  });
});

describe('createS3BlobStore', () => {
  let s3: S3Simulator;
  before(async () => (s3 = await startS3Simulator({ buckets: [BUCKET] })));
  after(() => s3.close());
  const open = (prefix = 'einvoice/'): BlobStore =>
    createS3BlobStore({ bucket: BUCKET, region: 'us-east-1', endpoint: s3.endpoint, prefix, forcePathStyle: true, credentials: CREDENTIALS });

  test('stores under <prefix>blobs/<sha256> with its content', async () => {
    const bytes = bytesOf('s3 layout');
    const { sha256 } = await open('einvoice/').put(bytes);
    const object = s3.buckets.get(BUCKET)?.get(`einvoice/blobs/${sha256}`);
    assert.equal(object?.body.toString(), 's3 layout');
    await open('no-slash').put(bytes);
    assert.ok(s3.buckets.get(BUCKET)?.has(`no-slash/blobs/${sha256}`), 'a missing slash is added to the prefix');
    await open('').put(bytes);
    assert.ok(s3.buckets.get(BUCKET)?.has(`blobs/${sha256}`));
  });

  test('a second put of the same bytes only sends HEAD, never PUT', async () => {
    const store = open();
    const bytes = bytesOf('uploaded once');
    await store.put(bytes);
    const mark = s3.requests.length;
    await store.put(bytes);
    assert.deepEqual(
      s3.requests.slice(mark).map((r) => r.method),
      ['HEAD'],
    );
  });

  test('the upload carries the SHA-256, and the store refuses bytes that do not match it', async () => {
    const bytes = bytesOf('checked by the store');
    const origin = s3.requests.length;
    await open().put(bytes);
    const put = s3.requests.slice(origin).find((r) => r.method === 'PUT');
    assert.equal(put?.headers['x-amz-checksum-sha256'], createHash('sha256').update(bytes).digest('base64'));

    const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: CREDENTIALS, requestChecksumCalculation: 'WHEN_REQUIRED' });
    const wrong = createHash('sha256').update('other bytes').digest('base64');
    await assert.rejects(client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'x', Body: bytes, ChecksumSHA256: wrong })), { name: 'BadDigest' });
    await assert.rejects(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'x' })), { name: 'NoSuchKey' });
  });

  test('a corrupted object is reported, never returned', async () => {
    const store = open();
    const { sha256 } = await store.put(bytesOf('pristine'));
    const object = s3.buckets.get(BUCKET)?.get(`einvoice/blobs/${sha256}`);
    assert.ok(object);
    object.body = Buffer.from('tampered');
    await assert.rejects(store.get(sha256), (error: unknown) => error instanceof AppError && error.code === 'internal');
  });

  test('a missing bucket fails check and is not mistaken for a missing blob', async () => {
    const store = createS3BlobStore({ bucket: 'no-such-bucket', region: 'us-east-1', endpoint: s3.endpoint, prefix: '', forcePathStyle: true, credentials: CREDENTIALS });
    await assert.rejects(store.check());
    await assert.rejects(store.get(sha(bytesOf('x'))), (error: unknown) => !(error instanceof NotFoundError));
  });

  test('an unreachable endpoint fails check', async () => {
    const closed = await startS3Simulator({ buckets: [BUCKET] });
    await closed.close();
    const store = createS3BlobStore({ bucket: BUCKET, region: 'us-east-1', endpoint: closed.endpoint, prefix: '', forcePathStyle: true, credentials: CREDENTIALS });
    await assert.rejects(store.check());
  });
});

describe('writeBlobFile', () => {
  test('a write of a path already in flight joins it instead of writing again', async () => {
    const dir = await makeTempDir();
    after(() => dir.remove());
    const path = join(dir.path, 'ab', 'joined');
    const first = writeBlobFile({ path, bytes: bytesOf('joined') });
    const second = writeBlobFile({ path, bytes: bytesOf('joined') });
    assert.equal(second, first);
    await first;
    const third = writeBlobFile({ path, bytes: bytesOf('joined') });
    assert.notEqual(third, first, 'a write after the first ended is a write of its own');
    await third;
    assert.deepEqual(await readdir(join(dir.path, 'ab')), ['joined']);
  });
});
