import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { insertDocuments } from '../../src/documents/document.repository.js';
import type { DocumentContext } from '../../src/documents/document.types.js';
import { createPgBossQueue, type PgBossQueue } from '../../src/queue/pg-boss-queue.js';
import { PROCESS_DOCUMENT } from '../../src/queue/job-queue.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { createFsBlobStore } from '../../src/storage/fs-blob-store.js';
import { createTenant } from '../../src/tenants/tenant.repository.js';
import { startWorker } from '../../src/worker/start-worker.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';
import { makeTempDir } from '../support/temp-dir.js';
import { documentState, fixtureInvoice } from './documents.js';

/** Waits until `check` returns a value, polling; fails at the deadline. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

for (const engine of testDatabases()) {
  describe(`the worker on ${engine.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase;
    let blobDir: Awaited<ReturnType<typeof makeTempDir>>;
    let blobs: BlobStore;
    let queue: PgBossQueue;
    let tenantId: string;

    before(async () => {
      database = await engine.open();
      blobDir = await makeTempDir('einvoice-blobs');
      blobs = createFsBlobStore(blobDir.path);
      // Few, quick retries: the dead-letter case must arrive within the test.
      queue = await createPgBossQueue(database.db, { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false, pollingIntervalSeconds: 0.5 });
      await startWorker({
        db: database.db,
        blobs,
        queue,
        concurrency: 4,
        destinations: { folderRoot: blobDir.path, mailFrom: 'hub@localhost' },
        mail: { from: 'hub@localhost' },
        publicUrl: () => 'http://127.0.0.1:1',
        correctionKey: new Uint8Array(32),
        correctionLinkTtlSeconds: 60,
      });
      tenantId = (await createTenant(database.db, 'acme')).tenantId;
    });
    after(async () => {
      await queue.stop();
      await database.cleanup();
      await blobDir.remove();
    });

    /** Stores a document and its job in one transaction, as the API does. */
    async function submit(context: DocumentContext, inputSha256?: string): Promise<string> {
      const sha256 = inputSha256 ?? (await blobs.put(new TextEncoder().encode(JSON.stringify(fixtureInvoice())))).sha256;
      const id = randomUUID();
      await database.db.transaction(async (tx) => {
        await insertDocuments(tx, [{ id, tenantId, context, inputSha256: sha256 }]);
        await queue.enqueue(tx, PROCESS_DOCUMENT, [{ tenantId, documentId: id }]);
      });
      return id;
    }

    const settled = (id: string) =>
      waitFor(`document ${id} to settle`, async () => {
        const state = await documentState(database.db, tenantId, id);
        return state.status === 'completed' || state.status === 'failed' ? state : undefined;
      });

    it('processes queued documents to completed', async () => {
      const ids = await Promise.all(['ubl', 'cii', 'xrechnung-ubl', 'json'].map((format) => submit({ format })));
      for (const id of ids) {
        const state = await settled(id);
        assert.equal(state.status, 'completed', JSON.stringify(state.log));
        assert.equal(state.log.filter((entry) => entry.step === 'result').length, 1);
      }
    });

    it('fails a document whose job keeps failing once its retries are used up (dead letters)', async () => {
      // An input that is not in the blob store: an error of the service, retried, then given up.
      const id = await submit({ format: 'ubl' }, 'f'.repeat(64));
      const state = await settled(id);
      assert.equal(state.status, 'failed');
      assert.match(state.log.at(-1)?.message ?? '', /kept failing after every retry/);
      assert.deepEqual(state.artifacts, []);
    });
  });
}
