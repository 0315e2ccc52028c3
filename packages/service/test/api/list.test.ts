import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { updateDocumentStatus } from '../../src/documents/document.repository.js';
import { testDatabases } from '../support/databases.js';
import { expectProblem, startApi, submission, type ApiHarness } from './api-harness.js';

type Item = { id: string; status: string; createdAt: string; href: string };

for (const engine of testDatabases()) {
  describe(`GET /v1/documents (${engine.name})`, () => {
    let api: ApiHarness;
    let singles: string[] = [];
    let batch: string[] = [];
    before(async () => {
      api = await startApi(engine);
      // Singles one after another (distinct timestamps), then a batch (one transaction: one shared created_at).
      singles = [];
      for (let i = 0; i < 5; i++) singles.push((await api.call('POST', '/v1/documents', { body: submission({ number: `L-${i}` }) })).json.id);
      const answer = await api.call('POST', '/v1/documents/batch', { body: { documents: Array.from({ length: 7 }, (_, i) => submission({ number: `LB-${i}` })) } });
      batch = answer.json.results.map((r: { id: string }) => r.id);
      await updateDocumentStatus(api.db, { tenantId: api.tenant.id, id: singles[1]!, status: 'failed', from: ['received'] });
    });
    after(() => api?.close());

    async function pages(query: string): Promise<{ pages: Item[][]; cursors: (string | null)[] }> {
      const all: Item[][] = [];
      const cursors: (string | null)[] = [];
      let cursor: string | null = null;
      do {
        const answer = await api.call('GET', `/v1/documents?${query}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(answer.status, 200, answer.text);
        all.push(answer.json.items);
        cursor = answer.json.nextCursor;
        cursors.push(cursor);
        assert.ok(all.length < 50, 'pagination does not end');
      } while (cursor);
      return { pages: all, cursors };
    }

    test('walks every document once, newest first, across a shared timestamp', async () => {
      const { pages: walked, cursors } = await pages('limit=3');
      assert.deepEqual(walked.map((p) => p.length), [3, 3, 3, 3]);
      assert.equal(cursors.at(-1), null);
      const ids = walked.flat().map((item) => item.id);
      assert.equal(ids.length, 12);
      assert.equal(new Set(ids).size, 12);
      // The batch came last, so its documents come first; the singles follow, newest first.
      assert.deepEqual(new Set(ids.slice(0, 7)), new Set(batch));
      assert.deepEqual(ids.slice(7), [...singles].reverse());
      const times = walked.flat().map((item) => Date.parse(item.createdAt));
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
      assert.equal(walked[0]![0]!.href, `/v1/documents/${ids[0]}`);
    });

    test('the default page holds 50, and one page answers nextCursor null', async () => {
      const answer = await api.call('GET', '/v1/documents');
      assert.equal(answer.json.items.length, 12);
      assert.equal(answer.json.nextCursor, null);
    });

    test('filters by status and creation time', async () => {
      const failed = await api.call('GET', '/v1/documents?status=failed');
      assert.deepEqual(failed.json.items.map((i: Item) => i.id), [singles[1]]);
      const all = (await api.call('GET', '/v1/documents?limit=500')).json.items as Item[];
      const pivot = all.find((i) => i.id === singles[2])!.createdAt;
      const from = await api.call('GET', `/v1/documents?createdFrom=${encodeURIComponent(pivot)}&limit=500`);
      assert.ok(from.json.items.every((i: Item) => Date.parse(i.createdAt) >= Date.parse(pivot)));
      assert.ok(from.json.items.some((i: Item) => i.id === singles[2]));
      const to = await api.call('GET', `/v1/documents?createdTo=${encodeURIComponent(pivot)}&limit=500`);
      assert.deepEqual(to.json.items.map((i: Item) => i.id), [singles[1], singles[0]]);
      const future = await api.call('GET', '/v1/documents?createdFrom=2999-01-01');
      assert.deepEqual(future.json.items, []);
    });

    test('bad query values are 400 problems naming the parameter', async () => {
      for (const [query, path] of [
        ['limit=0', 'limit'],
        ['limit=501', 'limit'],
        ['limit=ten', 'limit'],
        ['status=done', 'status'],
        ['createdFrom=yesterday', 'createdFrom'],
        ['createdTo=2026-13-45', 'createdTo'],
        ['cursor=not-a-cursor!', 'cursor'],
        [`cursor=${Buffer.from('["x","y"]').toString('base64url')}`, 'cursor'],
        ['colour=red', '(document)'],
      ] as const) {
        const problem = expectProblem(await api.call('GET', `/v1/documents?${query}`), 400, 'bad-request');
        assert.equal(problem.errors?.[0]?.path, path, `${query}: ${JSON.stringify(problem)}`);
      }
    });
  });
}
