import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases } from '../support/databases.js';
import { expectProblem, startApi, submission, type ApiHarness } from './api-harness.js';

for (const engine of testDatabases()) {
  describe(`POST /v1/documents/batch (${engine.name})`, () => {
    let api: ApiHarness;
    before(async () => {
      api = await startApi(engine);
    });
    after(() => api?.close());

    test('answers one result per item: good items accepted in one go, bad ones with their problem', async () => {
      const jobs = api.enqueued.length;
      const documents = [
        submission({ number: 'B-1' }),
        { ...submission({ number: 'B-2' }), idempotencyKey: 'batch-key-2' },
        submission({}, { format: 'nope' }),
        submission({ issueDate: 'yesterday' }),
        'not a document',
        { ...submission({ number: 'B-2' }), idempotencyKey: 'batch-key-2' }, // a repeat inside the batch: same document
        { ...submission({ number: 'B-3' }), idempotencyKey: 'batch-key-2' }, // the same key, another body
        { ...submission({ number: 'B-4' }), idempotencyKey: 42 },
      ];
      const answer = await api.call('POST', '/v1/documents/batch', { body: { documents } });
      assert.equal(answer.status, 200, answer.text);
      const results: { index: number; status: number; id?: string; problem?: { code: string; status: number } }[] = answer.json.results;
      assert.deepEqual(results.map((r) => [r.index, r.status]), [[0, 202], [1, 202], [2, 400], [3, 400], [4, 400], [5, 202], [6, 409], [7, 400]]);
      assert.deepEqual(results.map((r) => r.problem?.code ?? null), [null, null, 'invalid-context', 'invalid-invoice', 'bad-request', null, 'idempotency-conflict', 'bad-request']);
      assert.equal(results[2]!.problem!.status, 400);
      assert.equal(results[5]!.id, results[1]!.id);
      const ids = [results[0]!.id!, results[1]!.id!];
      assert.equal(api.enqueued.length, jobs + 2);
      assert.deepEqual(api.enqueued.slice(jobs).map((job) => job.documentId).sort(), [...ids].sort());
      for (const id of ids) {
        const read = await api.call('GET', `/v1/documents/${id}`);
        assert.equal(read.status, 200, read.text);
        assert.equal(read.json.status, 'received');
        assert.equal(read.json.log[0].step, 'received');
      }
    });

    test('a retried batch item with its key gives the same document', async () => {
      const item = { ...submission({ number: 'B-RETRY' }), idempotencyKey: 'batch-retry' };
      const first = await api.call('POST', '/v1/documents/batch', { body: { documents: [item] } });
      const jobs = api.enqueued.length;
      const second = await api.call('POST', '/v1/documents/batch', { body: { documents: [item] } });
      assert.equal(second.json.results[0].status, 202);
      assert.equal(second.json.results[0].id, first.json.results[0].id);
      assert.equal(api.enqueued.length, jobs);
    });

    test('accepts 1000 documents in one request', async () => {
      const jobs = api.enqueued.length;
      const documents = Array.from({ length: 1000 }, (_, i) => submission({ number: `BULK-${i}` }));
      const answer = await api.call('POST', '/v1/documents/batch', { body: { documents } });
      assert.equal(answer.status, 200, answer.text.slice(0, 300));
      assert.equal(answer.json.results.length, 1000);
      assert.ok(answer.json.results.every((r: { status: number }) => r.status === 202));
      assert.equal(new Set(answer.json.results.map((r: { id: string }) => r.id)).size, 1000);
      assert.equal(api.enqueued.length, jobs + 1000);
    });

    test('more than 1000 documents is a 413 too-many-items, and nothing is stored', async () => {
      const before = await api.db.query<{ n: number }>('select count(*)::int as n from documents');
      const item = submission({ number: 'TOO-MANY' });
      const answer = await api.call('POST', '/v1/documents/batch', { body: { documents: Array.from({ length: 1001 }, () => item) } });
      expectProblem(answer, 413, 'too-many-items');
      const after = await api.db.query<{ n: number }>('select count(*)::int as n from documents');
      assert.equal(after.rows[0]!.n, before.rows[0]!.n);
    });

    test('an empty or missing documents list is a 400', async () => {
      expectProblem(await api.call('POST', '/v1/documents/batch', { body: { documents: [] } }), 400, 'bad-request');
      expectProblem(await api.call('POST', '/v1/documents/batch', { body: { items: [] } }), 400, 'bad-request');
    });
  });
}
