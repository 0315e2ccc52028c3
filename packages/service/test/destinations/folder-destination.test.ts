import assert from 'node:assert/strict';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createFolderDestination, fileNameProblem } from '../../src/destinations/folder-destination.js';
import { AppError } from '../../src/errors/app-error.js';
import { buildMessage } from './build-message.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('folder destination', () => {
  let root: { path: string; remove(): Promise<void> };
  let outbox: string;
  before(async () => (root = await makeTempDir('einvoice-folder')));
  after(() => root.remove());
  beforeEach(async () => {
    outbox = join(root.path, `outbox-${Math.random().toString(36).slice(2)}`);
    await mkdir(outbox);
  });

  test('writes the e-invoice as <documentId>.xml and leaves no temporary file', async () => {
    const message = buildMessage();
    const outcome = await createFolderDestination({ directory: outbox }).send(message);
    const name = `${message.documentId}.xml`;
    assert.deepEqual(outcome, { kind: 'delivered', detail: `written to ${join(outbox, name)}`, externalId: name });
    assert.deepEqual(await readdir(outbox), [name]);
    assert.deepEqual(await readFile(join(outbox, name)), Buffer.from(message.body));
  });

  test('the same message twice is the same single file (idempotent)', async () => {
    const message = buildMessage();
    const destination = createFolderDestination({ directory: outbox });
    assert.equal((await destination.send(message)).kind, 'delivered');
    const first = await stat(join(outbox, `${message.documentId}.xml`));
    assert.equal((await destination.send(message)).kind, 'delivered');
    assert.deepEqual(await readdir(outbox), [`${message.documentId}.xml`]);
    assert.equal((await stat(join(outbox, `${message.documentId}.xml`))).size, first.size);
  });

  test('concurrent attempts of the same message end with one complete file and no temporary ones', async () => {
    const message = buildMessage({ body: new Uint8Array(256 * 1024).map((_, i) => i % 251) });
    const destination = createFolderDestination({ directory: outbox });
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => destination.send(message)));
    assert.ok(outcomes.every((o) => o.kind === 'delivered'));
    assert.deepEqual(await readdir(outbox), [`${message.documentId}.xml`]);
    assert.deepEqual(await readFile(join(outbox, `${message.documentId}.xml`)), Buffer.from(message.body));
  });

  test('a later revision under the same name replaces the earlier file', async () => {
    const destination = createFolderDestination({ directory: outbox, fileName: (m) => m.fileName });
    await destination.send(buildMessage({ body: new TextEncoder().encode('<Invoice>revision 1</Invoice>') }));
    await destination.send(buildMessage({ body: new TextEncoder().encode('<Invoice>revision 2</Invoice>') }));
    assert.deepEqual(await readdir(outbox), ['INV-2024-001.xml']);
    assert.equal(await readFile(join(outbox, 'INV-2024-001.xml'), 'utf8'), '<Invoice>revision 2</Invoice>');
  });

  test('names with separators, "..", hidden or control characters are rejected and nothing is written anywhere', async () => {
    const bad = ['../escape.xml', '..', '.', 'sub/dir.xml', 'C:\\temp\\x.xml', '.hidden.xml', '', 'tab\there.xml', 'nul\u0000.xml', `${'é'.repeat(128)}.xml`];
    for (const name of bad) {
      const outcome = await createFolderDestination({ directory: outbox, fileName: () => name }).send(buildMessage());
      assert.equal(outcome.kind, 'rejected', `${JSON.stringify(name)}: ${JSON.stringify(outcome)}`);
      assert.equal(outcome.detail, fileNameProblem(name));
    }
    assert.deepEqual(await readdir(outbox), []);
    assert.ok(!(await readdir(root.path)).includes('escape.xml'));
  });

  test('plain names with spaces, Unicode and several dots are fine', () => {
    for (const name of ['Rechnung 2024-001.xml', 'facture-été.xml', 'INV.2024.001.ubl.xml', 'a'.repeat(255)]) assert.equal(fileNameProblem(name), undefined, name);
  });

  test('the longest name the filesystem takes (255 bytes of UTF-8) is written', async () => {
    const longest = `${'é'.repeat(123)}12345.xml`; // 246 + 9 = 255 bytes, though only 132 characters
    assert.equal(new TextEncoder().encode(longest).byteLength, 255);
    const outcome = await createFolderDestination({ directory: outbox, fileName: () => longest }).send(buildMessage());
    assert.equal(outcome.kind, 'delivered', JSON.stringify(outcome));
    assert.deepEqual(await readdir(outbox), [longest]);
  });

  test('a file name function that throws is a rejection', async () => {
    const outcome = await createFolderDestination({ directory: outbox, fileName: () => { throw new Error('no invoice number'); } }).send(buildMessage());
    assert.deepEqual(outcome, { kind: 'rejected', detail: 'no file name: Error: no invoice number' });
  });

  test('a missing directory is a transport failure and is not created (the share may not be mounted)', async () => {
    const missing = join(root.path, 'not-mounted', 'outbox');
    const outcome = await createFolderDestination({ directory: missing }).send(buildMessage());
    assert.equal(outcome.kind, 'transport-failure', JSON.stringify(outcome));
    assert.match(outcome.detail, /^ENOENT /);
    await assert.rejects(stat(join(root.path, 'not-mounted')), { code: 'ENOENT' });
  });

  test('a file where the directory should be is a transport failure', async () => {
    const file = join(root.path, 'a-file');
    await writeFile(file, 'x');
    const outcome = await createFolderDestination({ directory: file }).send(buildMessage());
    assert.deepEqual(outcome, { kind: 'transport-failure', detail: `${file} is not a directory` });
  });

  test('a directory the service may not write is a transport failure, with no temporary file left', { skip: process.getuid?.() === 0 ? 'root ignores permissions' : false }, async () => {
    await chmod(outbox, 0o500);
    try {
      const outcome = await createFolderDestination({ directory: outbox }).send(buildMessage());
      assert.equal(outcome.kind, 'transport-failure', JSON.stringify(outcome));
      assert.match(outcome.detail, /^EACCES /);
      assert.deepEqual(await readdir(outbox), []);
    } finally {
      await chmod(outbox, 0o700);
    }
  });

  test('a directory already holding the name: rejected, and the temporary file is cleaned up', async () => {
    const message = buildMessage();
    await mkdir(join(outbox, `${message.documentId}.xml`, 'inside'), { recursive: true });
    const outcome = await createFolderDestination({ directory: outbox }).send(message);
    assert.equal(outcome.kind, 'rejected', JSON.stringify(outcome));
    assert.match(outcome.detail, /^EISDIR /);
    assert.deepEqual(await readdir(outbox), [`${message.documentId}.xml`]);
  });

  test('a relative directory is refused when the destination is created', () => {
    assert.throws(() => createFolderDestination({ directory: 'outbox' }), (error: unknown) => error instanceof AppError && error.code === 'bad-request');
  });
});
