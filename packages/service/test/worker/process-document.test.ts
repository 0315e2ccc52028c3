import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TARGETS } from '@einvoice-hub/core';
import { validateAgainstXsd, type SchemaName } from '../../../core/test/support/xsd.js';
import { createHash } from 'node:crypto';
import type { Database } from '../../src/db/database.js';
import { findReceivedInput } from '../../src/documents/received-input.repository.js';
import { NotFoundError } from '../../src/errors/app-error.js';
import { processDocument } from '../../src/pipeline/process-document.js';
import type { PipelineDeps } from '../../src/pipeline/step.js';
import type { JobQueue } from '../../src/queue/job-queue.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { createFsBlobStore } from '../../src/storage/fs-blob-store.js';
import { createTenant } from '../../src/tenants/tenant.repository.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';
import { makeTempDir } from '../support/temp-dir.js';
import { documentState, fixtureInvoice, receiveDocument } from './documents.js';

const SCHEMA: Readonly<Record<string, SchemaName>> = { ubl: 'ubl-invoice', 'peppol-bis-3': 'ubl-invoice', 'xrechnung-ubl': 'ubl-invoice', cii: 'cii', 'xrechnung-cii': 'cii', 'factur-x-en16931': 'cii' };

for (const engine of testDatabases()) {
  describe(`processDocument on ${engine.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase;
    let blobDir: Awaited<ReturnType<typeof makeTempDir>>;
    let deps: PipelineDeps & { db: Database; blobs: BlobStore };
    // Built-in flows neither deliver nor notify: a queue that would take jobs must never be asked for one.
    const enqueued: unknown[] = [];
    const queue: JobQueue = { enqueue: async (_tx, _name, jobs) => void enqueued.push(...jobs), work: async () => undefined, stop: async () => undefined };
    let tenantId: string;

    before(async () => {
      database = await engine.open();
      blobDir = await makeTempDir('einvoice-blobs');
      deps = { db: database.db, blobs: createFsBlobStore(blobDir.path), queue };
      tenantId = (await createTenant(database.db, 'acme')).tenantId;
    });
    after(async () => {
      assert.deepEqual(enqueued, []);
      await database.cleanup();
      await blobDir.remove();
    });

    const receive = (format: string, input: unknown = fixtureInvoice()) => receiveDocument(deps, { tenantId, input, context: { format, country: 'DE' } });
    const text = async (sha256: string) => new TextDecoder().decode(await deps.blobs.get(sha256));

    for (const format of TARGETS) {
      it(`completes a ${format} document with its e-invoice${format === 'json' ? '' : ' (XSD-valid) and a validation report'}`, async () => {
        const id = await receive(format);
        assert.equal(await processDocument(deps, { tenantId, documentId: id }), 'completed');
        const state = await documentState(deps.db, tenantId, id);
        assert.equal(state.status, 'completed');
        assert.deepEqual(
          state.log.map((entry) => `${entry.step}:${entry.level}`),
          format === 'json' ? ['received:info', 'processing:info', 'flow:info', 'transform:info', 'result:info'] : ['received:info', 'processing:info', 'flow:info', 'transform:info', 'validate:info', 'result:info'],
        );
        const names = state.artifacts.map((a) => a.name).sort();
        if (format === 'json') {
          assert.deepEqual(names, ['invoice.json']);
          assert.equal(JSON.parse(await text(state.artifacts[0]!.sha256)).number, fixtureInvoice().number);
          return;
        }
        assert.deepEqual(names, ['invoice.xml', 'validation-report.json']);
        const einvoice = state.artifacts.find((a) => a.name === 'invoice.xml')!;
        assert.equal(einvoice.mediaType, 'application/xml');
        const xml = await text(einvoice.sha256);
        assert.equal(einvoice.size, Buffer.byteLength(xml));
        assert.deepEqual(validateAgainstXsd(xml, SCHEMA[format]!), []);
        const report = JSON.parse(await text(state.artifacts.find((a) => a.name === 'validation-report.json')!.sha256)) as { valid: boolean; findings: unknown[] };
        assert.equal(report.valid, true);
        assert.deepEqual(report.findings, []);
      });
    }

    it('fails a document with a fatal finding, keeping the findings in the log and the artifacts', async () => {
      const { number: _number, ...withoutNumber } = fixtureInvoice();
      const id = await receive('xrechnung-ubl', withoutNumber);
      assert.equal(await processDocument(deps, { tenantId, documentId: id }), 'failed');
      const state = await documentState(deps.db, tenantId, id);
      assert.equal(state.status, 'failed');
      const validation = state.log.find((entry) => entry.step === 'validate');
      assert.equal(validation?.level, 'error');
      assert.deepEqual(validation?.findings?.map((f) => [f.rule, f.severity]), [['BR-02', 'fatal']]);
      const result = state.log.at(-1);
      assert.equal(result?.step, 'result');
      assert.match(result?.message ?? '', /^Failed: .*BR-02/);
      assert.deepEqual(state.artifacts.map((a) => a.name).sort(), ['invoice.xml', 'validation-report.json']);
    });

    it('fails an unreadable invoice or an unknown format at once, with the reason (no retry)', async () => {
      const cases = [
        { format: 'ubl', input: new TextEncoder().encode('{"number": 12'), reason: /cannot be read: .*\[json-malformed\]/ },
        { format: 'ubl', input: { number: 12 }, reason: /cannot be read: .*number.*\[json-invalid\]/ },
        { format: 'pdf', input: fixtureInvoice(), reason: /No published flow matches the context \{"format":"pdf"/ },
      ];
      for (const { format, input, reason } of cases) {
        const id = await receive(format, input);
        assert.equal(await processDocument(deps, { tenantId, documentId: id }), 'failed');
        const state = await documentState(deps.db, tenantId, id);
        assert.equal(state.status, 'failed');
        assert.match(state.log.find((entry) => entry.level === 'error')?.message ?? '', reason);
        assert.deepEqual(state.artifacts, []);
      }
    });

    it('stores the received input in the blob store and releases its copy in the statement that records the result', async () => {
      const input = new TextEncoder().encode(JSON.stringify({ ...fixtureInvoice(), number: 'RECEIVED-1' }));
      const sha256 = createHash('sha256').update(input).digest('hex');
      const id = await receive('xrechnung-ubl', input);
      assert.deepEqual(await findReceivedInput(deps.db, tenantId, sha256), input);
      await assert.rejects(deps.blobs.get(sha256), NotFoundError);
      assert.equal(await processDocument(deps, { tenantId, documentId: id }), 'completed');
      assert.deepEqual(await deps.blobs.get(sha256), input);
      assert.equal(await findReceivedInput(deps.db, tenantId, sha256), undefined);
    });

    it('keeps the received input when it cannot be stored: the job fails, and its retry completes', async () => {
      const input = new TextEncoder().encode(JSON.stringify({ ...fixtureInvoice(), number: 'RECEIVED-2' }));
      const sha256 = createHash('sha256').update(input).digest('hex');
      const id = await receive('xrechnung-cii', input);
      // Only the input's put fails: the artifacts are stored, nothing is recorded.
      const failing: BlobStore = { ...deps.blobs, put: (bytes) => (createHash('sha256').update(bytes).digest('hex') === sha256 ? Promise.reject(new Error('disk full')) : deps.blobs.put(bytes)) };
      await assert.rejects(processDocument({ ...deps, blobs: failing }, { tenantId, documentId: id }), /disk full/);
      const interrupted = await documentState(deps.db, tenantId, id);
      assert.equal(interrupted.status, 'processing');
      assert.deepEqual(interrupted.artifacts, []);
      assert.deepEqual(await findReceivedInput(deps.db, tenantId, sha256), input);
      assert.equal(await processDocument(deps, { tenantId, documentId: id }), 'completed');
      assert.deepEqual(await deps.blobs.get(sha256), input);
      assert.equal(await findReceivedInput(deps.db, tenantId, sha256), undefined);
    });

    it('completes a document whose input is in the blob store already (as a correction stores it)', async () => {
      const id = await receiveDocument(deps, { tenantId, input: { ...fixtureInvoice(), number: 'STORED-1' }, context: { format: 'ubl', country: 'DE' }, inBlobStore: true });
      assert.equal(await processDocument(deps, { tenantId, documentId: id }), 'completed');
    });

    it('a second document with the same input, received before the first is processed, completes after the first released it', async () => {
      const input = new TextEncoder().encode(JSON.stringify({ ...fixtureInvoice(), number: 'TWICE-1' }));
      const first = await receive('ubl', input);
      const second = await receive('ubl', input);
      assert.equal(await processDocument(deps, { tenantId, documentId: first }), 'completed');
      assert.equal(await processDocument(deps, { tenantId, documentId: second }), 'completed');
    });

    it('does nothing when the job runs again after completion', async () => {
      const id = await receive('cii');
      assert.equal(await processDocument(deps, { tenantId, documentId: id }), 'completed');
      const before = await documentState(deps.db, tenantId, id);
      assert.equal(await processDocument(deps, { tenantId, documentId: id }), 'skipped');
      assert.deepEqual(await documentState(deps.db, tenantId, id), before);
    });

    it('records one set of artifacts when re-run after a crash between the blob writes and the commit', async () => {
      const id = await receive('xrechnung-cii');
      // The crash: every blob is written, the statement recording the result runs to its end, and the
      // process dies before it commits (the statement runs in a transaction that is rolled back).
      const crashing: Database = {
        ...deps.db,
        query: (sql, params) =>
          /insert into artifacts/.test(sql)
            ? deps.db.transaction(async (tx) => {
                await tx.query(sql, params);
                throw new Error('crash before commit');
              })
            : deps.db.query(sql, params),
      };
      await assert.rejects(processDocument({ ...deps, db: crashing }, { tenantId, documentId: id }), /crash before commit/);
      const crashed = await documentState(deps.db, tenantId, id);
      assert.equal(crashed.status, 'processing');
      assert.deepEqual(crashed.artifacts, []);

      assert.equal(await processDocument(deps, { tenantId, documentId: id }), 'completed');
      const state = await documentState(deps.db, tenantId, id);
      assert.deepEqual(state.artifacts.map((a) => a.name).sort(), ['invoice.xml', 'validation-report.json']);
      assert.deepEqual(state.log.map((entry) => entry.step), ['received', 'processing', 'processing', 'flow', 'transform', 'validate', 'result']);
      assert.match(state.log[2]!.message, /restarted/);
    });

    it('records one result when a step crashes and the job is retried', async () => {
      const id = await receive('ubl');
      // The worker dies while storing the files, after the steps ran and before anything was recorded.
      const dying: BlobStore = { ...deps.blobs, put: () => Promise.reject(new Error('worker died')) };
      await assert.rejects(processDocument({ ...deps, blobs: dying }, { tenantId, documentId: id }), /worker died/);
      assert.equal(await processDocument(deps, { tenantId, documentId: id }), 'completed');
      assert.equal((await documentState(deps.db, tenantId, id)).artifacts.length, 2);
    });

    it('records one result when two workers run the same document at once', async () => {
      const id = await receive('peppol-bis-3');
      const outcomes = await Promise.all([processDocument(deps, { tenantId, documentId: id }), processDocument(deps, { tenantId, documentId: id })]);
      assert.equal(outcomes.filter((o) => o === 'completed').length, 1, outcomes.join());
      const state = await documentState(deps.db, tenantId, id);
      assert.equal(state.artifacts.length, 2);
      assert.equal(state.log.filter((entry) => entry.step === 'result').length, 1);
    });

    it('ignores a job for another tenant\'s document', async () => {
      const id = await receive('ubl');
      const other = (await createTenant(deps.db, 'other')).tenantId;
      assert.equal(await processDocument(deps, { tenantId: other, documentId: id }), 'missing');
      assert.equal((await documentState(deps.db, tenantId, id)).status, 'received');
    });
  });
}
