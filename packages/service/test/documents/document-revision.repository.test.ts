import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/db/database.js';
import { listLog } from '../../src/documents/document-log.repository.js';
import { findCurrentRevision, findDocumentRevision, resubmitDocument, type Resubmission } from '../../src/documents/document-revision.repository.js';
import { PROCESS_DOCUMENT, type JobQueue } from '../../src/queue/job-queue.js';
import { createPgBossQueue, type PgBossQueue } from '../../src/queue/pg-boss-queue.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { createFsBlobStore } from '../../src/storage/fs-blob-store.js';
import { createTenant } from '../../src/tenants/tenant.repository.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';
import { makeTempDir } from '../support/temp-dir.js';
import { insertFailedDocument } from '../correction/failed-documents.js';
import { fixtureInvoice } from '../worker/documents.js';

for (const engine of testDatabases()) {
  describe(`document revisions on ${engine.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase;
    let blobDir: Awaited<ReturnType<typeof makeTempDir>>;
    let deps: { db: Database; blobs: BlobStore };
    let queue: PgBossQueue;
    let tenantId: string;
    let otherTenantId: string;

    before(async () => {
      database = await engine.open();
      blobDir = await makeTempDir('einvoice-revisions');
      deps = { db: database.db, blobs: createFsBlobStore(blobDir.path) };
      queue = await createPgBossQueue(database.db);
      tenantId = (await createTenant(database.db, 'acme')).tenantId;
      otherTenantId = (await createTenant(database.db, 'globex')).tenantId;
    });
    after(async () => {
      await queue.stop();
      await database.cleanup();
      await blobDir.remove();
    });

    const jobsOf = async (documentId: string) =>
      (await deps.db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = $1 and data->>'documentId' = $2`, [PROCESS_DOCUMENT, documentId])).rows[0]?.n;
    const corrected = async (number: string) => (await deps.blobs.put(new TextEncoder().encode(JSON.stringify({ ...fixtureInvoice(), number })))).sha256;
    const resubmission = (documentId: string, inputSha256: string, fromRevision = 1): Resubmission => ({ tenantId, documentId, fromRevision, inputSha256, source: 'correction' });

    it('submits a corrected input as the next revision: document, revision row, log line and job together', async () => {
      const { id, inputSha256 } = await insertFailedDocument(deps, { tenantId, input: fixtureInvoice() });
      assert.deepEqual(await findCurrentRevision(deps.db, tenantId, id).then((c) => c && { status: c.status, revision: c.revision, inputSha256: c.inputSha256 }), { status: 'failed', revision: 1, inputSha256 });
      const sha = await corrected('RE-2');

      assert.deepEqual(await resubmitDocument(deps.db, queue, resubmission(id, sha)), { revision: 2 });

      const current = await findCurrentRevision(deps.db, tenantId, id);
      assert.equal(current?.status, 'received');
      assert.equal(current?.revision, 2);
      assert.equal(current?.inputSha256, sha);
      assert.ok(current?.submittedAt instanceof Date);
      const { rows } = await deps.db.query<{ next_step: number }>('select next_step from documents where id = $1', [id]);
      assert.equal(rows[0]?.next_step, 0);
      const revision = await findDocumentRevision(deps.db, tenantId, id, 2);
      assert.deepEqual(revision && { revision: revision.revision, inputSha256: revision.inputSha256, source: revision.source }, { revision: 2, inputSha256: sha, source: 'correction' });
      assert.equal((await findDocumentRevision(deps.db, tenantId, id, 1))?.inputSha256, inputSha256, 'revision 1 keeps its input');
      const last = (await listLog(deps.db, tenantId, id)).at(-1);
      assert.deepEqual(last && { step: last.step, level: last.level, message: last.message }, { step: 'correction', level: 'info', message: 'Revision 2 submitted through the correction page' });
      assert.ok(last && current?.submittedAt && last.at.getTime() === current.submittedAt.getTime(), 'the log line and the revision share the transaction time');
      assert.equal(await jobsOf(id), 1);
    });

    it('refuses a second submission from the same revision, saying where the document is now', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: fixtureInvoice() });
      assert.deepEqual(await resubmitDocument(deps.db, queue, resubmission(id, await corrected('A'))), { revision: 2 });
      const second = await resubmitDocument(deps.db, queue, resubmission(id, await corrected('B')));
      assert.deepEqual(second, { conflict: 'The document is at revision 2 now (received); this correction was made for revision 1' });
      assert.equal((await findCurrentRevision(deps.db, tenantId, id))?.revision, 2);
      assert.equal(await findDocumentRevision(deps.db, tenantId, id, 3), undefined);
      assert.equal(await jobsOf(id), 1);
    });

    it('corrects rejected documents too, and nothing that is not failed or rejected', async () => {
      const rejected = await insertFailedDocument(deps, { tenantId, input: fixtureInvoice(), status: 'rejected' });
      assert.deepEqual(await resubmitDocument(deps.db, queue, resubmission(rejected.id, await corrected('R'))), { revision: 2 });
      for (const status of ['completed', 'processing', 'delivered']) {
        const { id } = await insertFailedDocument(deps, { tenantId, input: fixtureInvoice(), status });
        const result = await resubmitDocument(deps.db, queue, resubmission(id, await corrected('X')));
        assert.deepEqual(result, { conflict: `The document is ${status}: only a failed or rejected document can be corrected` });
        assert.equal((await findCurrentRevision(deps.db, tenantId, id))?.status, status);
        assert.equal(await jobsOf(id), 0);
      }
    });

    it("treats another tenant's document as absent", async () => {
      const { id } = await insertFailedDocument(deps, { tenantId: otherTenantId, input: fixtureInvoice() });
      assert.deepEqual(await resubmitDocument(deps.db, queue, resubmission(id, await corrected('X'))), { conflict: 'The document does not exist' });
      assert.deepEqual(await resubmitDocument(deps.db, queue, resubmission('not-a-uuid', await corrected('X'))), { conflict: 'The document does not exist' });
      assert.equal(await findCurrentRevision(deps.db, tenantId, id), undefined);
      assert.equal(await findDocumentRevision(deps.db, tenantId, id, 1), undefined);
      assert.equal((await findCurrentRevision(deps.db, otherTenantId, id))?.revision, 1);
    });

    it('writes nothing when enqueuing the job fails (one transaction)', async () => {
      const { id, inputSha256 } = await insertFailedDocument(deps, { tenantId, input: fixtureInvoice() });
      const failing: JobQueue = {
        enqueue: async (tx, name, jobs) => {
          await queue.enqueue(tx, name, jobs);
          throw new Error('queue down');
        },
        work: () => Promise.resolve(),
        stop: () => Promise.resolve(),
      };
      const logBefore = (await listLog(deps.db, tenantId, id)).length;
      await assert.rejects(resubmitDocument(deps.db, failing, resubmission(id, await corrected('Y'))), /queue down/);
      const current = await findCurrentRevision(deps.db, tenantId, id);
      assert.deepEqual(current && { status: current.status, revision: current.revision, inputSha256: current.inputSha256 }, { status: 'failed', revision: 1, inputSha256 });
      assert.equal(await findDocumentRevision(deps.db, tenantId, id, 2), undefined);
      assert.equal((await listLog(deps.db, tenantId, id)).length, logBefore);
      assert.equal(await jobsOf(id), 0);
    });

    it('lets exactly one of two concurrent submissions win', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: fixtureInvoice() });
      const [a, b] = [await corrected('C1'), await corrected('C2')];
      const results = await Promise.all([resubmitDocument(deps.db, queue, resubmission(id, a)), resubmitDocument(deps.db, queue, resubmission(id, b))]);
      assert.deepEqual(results.filter((r) => 'revision' in r), [{ revision: 2 }]);
      assert.equal(results.filter((r) => 'conflict' in r).length, 1);
      assert.equal(await jobsOf(id), 1);
      assert.equal((await listLog(deps.db, tenantId, id)).filter((e) => e.step === 'correction').length, 1);
    });
  });
}
