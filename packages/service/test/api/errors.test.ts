import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../src/db/database.js';
import { testDatabases } from '../support/databases.js';
import { expectProblem, startApi, submission, type ApiHarness } from './api-harness.js';

for (const engine of testDatabases()) {
  describe(`error answers (${engine.name})`, () => {
    let api: ApiHarness;
    const bodyLimit = 64 * 1024;
    const secret = 'EACCES: permission denied, open /srv/secret/blobs password=hunter2';
    // A blob store and a database that fail on demand: the faults a client must not learn details of.
    const faults = { check: false, insert: false };
    const faulty = (db: Database): Database => ({
      engine: db.engine,
      query: (sql, params) => (faults.insert && /insert into documents/.test(sql) ? Promise.reject(new Error(secret)) : db.query(sql, params)),
      exec: (sql) => db.exec(sql),
      transaction: (work) => db.transaction((tx) => work(faulty(tx))),
      close: () => db.close(),
    });
    before(async () => {
      api = await startApi(engine, {
        bodyLimit,
        wrapBlobs: (blobs) => ({
          put: (bytes) => blobs.put(bytes),
          get: (sha256) => blobs.get(sha256),
          check: () => (faults.check ? Promise.reject(new Error(secret)) : blobs.check()),
        }),
        wrapDb: faulty,
      });
    });
    after(() => api?.close());

    test('malformed JSON is a 400 bad-request problem+json', async () => {
      const answer = await api.call('POST', '/v1/documents', { body: '{"context": {"format": "ubl"}, "invoice": {', headers: { 'content-type': 'application/json' } });
      expectProblem(answer, 400, 'bad-request');
      expectProblem(await api.call('POST', '/v1/documents', { body: '', headers: { 'content-type': 'application/json' } }), 400, 'bad-request');
    });

    test('a body over the limit is a 413 payload-too-large problem+json, and nothing is stored', async () => {
      const before = await api.db.query<{ n: number }>('select count(*)::int as n from documents');
      const body = submission({ notes: [{ text: 'x'.repeat(bodyLimit) }] });
      expectProblem(await api.call('POST', '/v1/documents', { body }), 413, 'payload-too-large');
      expectProblem(await api.call('POST', '/v1/documents/batch', { body: { documents: [body] } }), 413, 'payload-too-large');
      const xml = `<Invoice>${'x'.repeat(bodyLimit)}</Invoice>`;
      expectProblem(await api.call('POST', '/v1/validate', { body: xml, headers: { 'content-type': 'application/xml' } }), 413, 'payload-too-large');
      const after = await api.db.query<{ n: number }>('select count(*)::int as n from documents');
      assert.equal(after.rows[0]!.n, before.rows[0]!.n);
    });

    test('a body over the limit sent in chunks (no Content-Length) is a 413 too', async () => {
      const chunks = [new TextEncoder().encode('{"context": {"format": "ubl"}, "invoice": {"number": "'), new Uint8Array(bodyLimit).fill(0x61)];
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      });
      const response = await fetch(`${api.url}/v1/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.tenant.key}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      assert.equal(response.status, 413);
      assert.equal(response.headers.get('content-type')?.split(';')[0], 'application/problem+json');
      assert.equal(((await response.json()) as { code: string }).code, 'payload-too-large');
    });

    test('an unsupported media type is a 415 problem', async () => {
      expectProblem(await api.call('POST', '/v1/documents', { body: 'context=ubl', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported-media-type');
      expectProblem(await api.call('POST', '/v1/documents', { body: '<x/>', headers: { 'content-type': 'application/xml' } }), 415, 'unsupported-media-type');
      expectProblem(await api.call('POST', '/v1/validate', { body: 'x', headers: { 'content-type': 'application/pdf' } }), 415, 'unsupported-media-type');
    });

    test('a path parameter over 100 characters is a 414 problem+json, a malformed URL a 400 problem+json', async () => {
      const long = await api.call('GET', `/v1/documents/${'a'.repeat(101)}`);
      assert.equal(long.status, 414);
      assert.match(long.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(long.json.status, 414);
      assert.equal(long.json.code, 'bad-request');
      const malformed = await api.call('GET', '/v1/documents/%E0%A4%A');
      expectProblem(malformed, 400, 'bad-request');
    });

    test('an unknown route is a 404 problem', async () => {
      expectProblem(await api.call('GET', '/v2/nothing'), 404, 'not-found');
    });

    test('a failure inside the service is a 500 that leaks nothing, and stores nothing', async () => {
      const count = async () =>
        (await api.db.query<{ n: number }>('select (select count(*) from documents)::int + (select count(*) from received_inputs)::int as n')).rows[0]!.n;
      const before = await count();
      faults.insert = true;
      try {
        const answer = await api.call('POST', '/v1/documents', { body: submission({ number: 'FAULT-1' }) });
        expectProblem(answer, 500, 'internal');
        assert.ok(!answer.text.includes('hunter2') && !answer.text.includes('/srv/') && !answer.text.includes('EACCES'), answer.text);
      } finally {
        faults.insert = false;
      }
      assert.equal(await count(), before);
    });

    test('readyz is 503 while the blob store cannot be reached, 200 again after', async () => {
      const ready = await api.call('GET', '/readyz', { key: null });
      assert.equal(ready.status, 200, ready.text);
      faults.check = true;
      try {
        const answer = await api.call('GET', '/readyz', { key: null });
        const problem = expectProblem(answer, 503, 'not-ready');
        assert.match(problem.detail, /blob store/);
        assert.ok(!answer.text.includes('hunter2'), answer.text);
      } finally {
        faults.check = false;
      }
      assert.equal((await api.call('GET', '/readyz', { key: null })).status, 200);
    });
  });
}
