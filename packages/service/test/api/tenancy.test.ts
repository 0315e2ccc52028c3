import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertArtifacts } from '../../src/documents/artifact.repository.js';
import { testDatabases } from '../support/databases.js';
import { expectProblem, startApi, submission, type ApiHarness } from './api-harness.js';

for (const engine of testDatabases()) {
  describe(`tenants and API keys (${engine.name})`, () => {
    let api: ApiHarness;
    let id: string;
    const xml = '<?xml version="1.0"?><Invoice>artifact</Invoice>';
    before(async () => {
      api = await startApi(engine);
      const answer = await api.call('POST', '/v1/documents', { body: submission() });
      id = answer.json.id;
      // An artifact as the worker records it: the bytes in the blob store, the row in the database.
      const ref = await api.blobs.put(new TextEncoder().encode(xml));
      await insertArtifacts(api.db, api.tenant.id, id, [{ name: 'invoice.xml', mediaType: 'application/xml', size: ref.size, sha256: ref.sha256 }]);
    });
    after(() => api?.close());

    test('the owner reads the document and downloads its artifact with its media type', async () => {
      const read = await api.call('GET', `/v1/documents/${id}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.json.artifacts.map((a: { name: string; href: string; mediaType: string }) => [a.name, a.href, a.mediaType]), [
        ['invoice.xml', `/v1/documents/${id}/artifacts/invoice.xml`, 'application/xml'],
      ]);
      const download = await api.call('GET', read.json.artifacts[0].href);
      assert.equal(download.status, 200);
      assert.equal(download.text, xml);
      assert.equal(download.headers.get('content-type'), 'application/xml');
      assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="invoice\.xml"/);
    });

    test('another tenant gets 404 on the document and its artifact, and an empty list', async () => {
      expectProblem(await api.call('GET', `/v1/documents/${id}`, { key: api.other.key }), 404, 'not-found');
      expectProblem(await api.call('GET', `/v1/documents/${id}/artifacts/invoice.xml`, { key: api.other.key }), 404, 'not-found');
      const list = await api.call('GET', '/v1/documents', { key: api.other.key });
      assert.equal(list.status, 200);
      assert.deepEqual(list.json, { items: [], nextCursor: null });
    });

    test('unknown ids and artifacts are 404, like another tenant\'s', async () => {
      expectProblem(await api.call('GET', '/v1/documents/00000000-0000-4000-8000-000000000000'), 404, 'not-found');
      expectProblem(await api.call('GET', '/v1/documents/not-a-uuid'), 404, 'not-found');
      expectProblem(await api.call('GET', `/v1/documents/${id}/artifacts/report.json`), 404, 'not-found');
    });

    test('no key, a wrong key or another scheme is a 401 problem with WWW-Authenticate', async () => {
      for (const headers of [{} as Record<string, string>, { authorization: 'Bearer eih_wrong' }, { authorization: 'Bearer nothing-like-a-key' }, { authorization: `Basic ${api.tenant.key}` }]) {
        const answer = await api.call('GET', `/v1/documents/${id}`, { key: null, headers });
        expectProblem(answer, 401, 'unauthorized');
        assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
      }
      expectProblem(await api.call('POST', '/v1/documents', { key: 'wrong', body: submission() }), 401, 'unauthorized');
      expectProblem(await api.call('POST', '/v1/validate', { key: null, body: '<x/>', headers: { 'content-type': 'application/xml' } }), 401, 'unauthorized');
    });
  });
}
