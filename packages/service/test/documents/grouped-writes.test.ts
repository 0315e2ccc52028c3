import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/db/database.js';
import { listLog } from '../../src/documents/document-log.repository.js';
import { findDocumentById, insertDocuments, type NewDocument } from '../../src/documents/document.repository.js';
import { listArtifacts } from '../../src/documents/artifact.repository.js';
import { createFlowDraft, publishLatestDraft } from '../../src/flows/flow.repository.js';
import { moveDocuments, startDocumentsProcessing, type DocumentMove } from '../../src/pipeline/document-processing.repository.js';
import { createTenant } from '../../src/tenants/tenant.repository.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';

const SHA = 'a'.repeat(64);

for (const engine of testDatabases()) {
  describe(`statements shared by several documents on ${engine.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase;
    let db: Database;
    let acme: string;
    let globex: string;

    before(async () => {
      database = await engine.open();
      db = database.db;
      acme = (await createTenant(db, 'acme')).tenantId;
      globex = (await createTenant(db, 'globex')).tenantId;
    });
    after(() => database.cleanup());

    const newDocument = (tenantId: string, idempotencyKey?: string, requestSha256 = 'r1'): NewDocument => ({
      id: randomUUID(),
      tenantId,
      context: { format: 'ubl' },
      inputSha256: SHA,
      requestSha256,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });

    it('inserts documents of several tenants at once, each with its revision and received line; a key used twice yields the first document', async () => {
      const first = newDocument(acme, 'key-1');
      const again = newDocument(acme, 'key-1', 'r2');
      const sameKeyOtherTenant = newDocument(globex, 'key-1');
      const plain = newDocument(globex);
      const results = await db.transaction((tx) => insertDocuments(tx, [first, again, sameKeyOtherTenant, plain]));

      assert.deepEqual(results.map((r) => r.created), [true, false, true, true]);
      assert.equal(results[1]!.document.id, first.id, 'the second use of the key gets the first document');
      assert.equal(results[1]!.document.requestSha256, 'r1', 'with its request hash, for the caller to compare');
      assert.equal(results[2]!.document.tenantId, globex);
      assert.equal(await findDocumentById(db, acme, again.id), undefined);
      for (const doc of [first, sameKeyOtherTenant, plain]) {
        assert.deepEqual((await listLog(db, doc.tenantId, doc.id)).map((l) => `${l.step}:${l.message}`), ['received:Received; queued for processing']);
        const { rows } = await db.query<{ n: number }>('select count(*)::int as n from document_revisions where document_id = $1 and revision = 1', [doc.id]);
        assert.equal(rows[0]?.n, 1);
      }
    });

    it('starts several documents at once with the flows published before each was received; skips those past generation', async () => {
      await createFlowDraft(db, acme, { flow: { name: 'acme-ubl', match: { format: 'ubl' }, steps: [{ transform: { format: 'ubl' } }] }, source: '{}', sourceMediaType: 'application/json' });
      await publishLatestDraft(db, acme, 'acme-ubl');
      const [a, b, done] = [newDocument(acme), newDocument(globex), newDocument(acme)];
      await db.transaction((tx) => insertDocuments(tx, [a, b, done]));
      await db.query(`update documents set status = 'completed' where id = $1`, [done.id]);

      const started = await startDocumentsProcessing(db, [
        { tenantId: acme, id: a.id },
        { tenantId: globex, id: b.id },
        { tenantId: acme, id: done.id },
        { tenantId: globex, id: a.id }, // another tenant's id: nothing
      ]);
      assert.deepEqual(started.map((s) => s?.document.status), ['processing', 'processing', undefined, undefined]);
      assert.deepEqual(started[0]?.publishedFlows?.map((f) => `${f.name}@${f.version}`), ['acme-ubl@1']);
      assert.deepEqual(started[1]?.publishedFlows, [], 'globex published nothing');
      assert.match((await listLog(db, acme, a.id)).at(-1)!.message, /Processing revision 1 started/);
      assert.equal((await findDocumentById(db, acme, done.id))?.status, 'completed');
    });

    it('moves several documents at once, each guarded on its own, with its own artifacts and log lines', async () => {
      const [a, b, c] = [newDocument(acme), newDocument(acme), newDocument(globex)];
      await db.transaction((tx) => insertDocuments(tx, [a, b, c]));
      await startDocumentsProcessing(db, [a, b, c].map((d) => ({ tenantId: d.tenantId, id: d.id })));
      const move = (doc: NewDocument, revision = 1): DocumentMove => ({
        tenantId: doc.tenantId,
        documentId: doc.id,
        revision,
        expect: ['processing'],
        status: 'completed',
        nextStep: 2,
        flow: { name: 'builtin-ubl', version: 1 },
      });
      const artifact = (name: string) => ({ name, mediaType: 'application/xml', size: 3, sha256: SHA, href: '' });
      const moved = await moveDocuments(db, [
        { move: move(a), records: { artifacts: [artifact('invoice.xml')], log: [{ step: 'result', level: 'info', message: 'Completed a' }] } },
        { move: move(b, 2), records: { artifacts: [artifact('invoice.xml')], log: [{ step: 'result', level: 'info', message: 'Completed b' }] } },
        { move: move(c), records: { log: [{ step: 'transform', level: 'info', message: 'c1' }, { step: 'result', level: 'info', message: 'c2' }] } },
      ]);
      assert.deepEqual(moved, [true, false, true], 'b is not at revision 2: it does not move');
      assert.equal((await findDocumentById(db, acme, a.id))?.status, 'completed');
      assert.equal((await findDocumentById(db, acme, b.id))?.status, 'processing');
      assert.deepEqual((await listArtifacts(db, acme, a.id)).map((x) => x.name), ['invoice.xml']);
      assert.deepEqual(await listArtifacts(db, acme, b.id), []);
      assert.deepEqual((await listLog(db, acme, b.id)).map((l) => l.step), ['received', 'processing'], 'nothing recorded for a move that did not happen');
      assert.deepEqual((await listLog(db, globex, c.id)).map((l) => l.message).slice(-2), ['c1', 'c2'], 'log lines in order');
      // Moving again finds them moved on: nothing is written twice.
      assert.deepEqual(await moveDocuments(db, [{ move: move(a), records: { log: [{ step: 'result', level: 'info', message: 'again' }] } }]), [false]);
      assert.equal((await listLog(db, acme, a.id)).filter((l) => l.step === 'result').length, 1);
    });
  });
}
