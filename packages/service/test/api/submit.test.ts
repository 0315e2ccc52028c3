import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import { findReceivedInput, loadDocumentInput } from '../../src/documents/received-input.repository.js';
import { NotFoundError } from '../../src/errors/app-error.js';
import { PROCESS_DOCUMENT } from '../../src/queue/job-queue.js';
import { testDatabases } from '../support/databases.js';
import { expectProblem, startApi, submission, type ApiHarness } from './api-harness.js';

for (const engine of testDatabases()) {
  describe(`POST /v1/documents (${engine.name})`, () => {
    let api: ApiHarness;
    before(async () => {
      api = await startApi(engine);
    });
    after(() => api?.close());

    test('accepts an invoice: 202 with Location, then GET shows it received with its log', async () => {
      const body = submission({}, { format: 'xrechnung-ubl', country: 'DE', documentType: 'invoice', erpReference: 'A-17' });
      const answer = await api.call('POST', '/v1/documents', { body });
      assert.equal(answer.status, 202, answer.text);
      const id: string = answer.json.id;
      assert.match(id, /^[0-9a-f-]{36}$/);
      assert.equal(answer.headers.get('location'), `/v1/documents/${id}`);
      assert.equal(answer.json.status, 'received');
      assert.equal(answer.json.href, `/v1/documents/${id}`);
      assert.deepEqual(answer.json.context, body.context);
      assert.ok(!Number.isNaN(Date.parse(answer.json.createdAt)));

      const read = await api.call('GET', `/v1/documents/${id}`);
      assert.equal(read.status, 200, read.text);
      assert.equal(read.json.id, id);
      assert.equal(read.json.status, 'received');
      assert.deepEqual(read.json.context, body.context);
      assert.deepEqual(read.json.artifacts, []);
      assert.deepEqual(read.json.externalIds, {});
      assert.equal(read.json.log.length, 1);
      assert.equal(read.json.log[0].step, 'received');
      assert.equal(read.json.log[0].level, 'info');
      assert.ok(read.json.createdAt && read.json.updatedAt);
      // The job was committed with the document: on the real queue, and recorded by the harness.
      assert.deepEqual(api.enqueued.filter((job) => job.documentId === id), [{ tenantId: api.tenant.id, documentId: id }]);
      assert.equal(await api.jobsInQueue(id), 1);
      // ...and this process's workers were told, after the commit, that a job is ready.
      assert.equal(api.woken.at(-1), PROCESS_DOCUMENT);
    });

    test('keeps the invoice with the document, as JSON the worker can read, until the worker stores it', async () => {
      const body = submission({ number: 'BLOB-1' });
      const answer = await api.call('POST', '/v1/documents', { body });
      assert.equal(answer.status, 202, answer.text);
      const { rows } = await api.db.query<{ input_sha256: string }>('select input_sha256 from documents where tenant_id = $1 and id = $2', [api.tenant.id, answer.json.id]);
      const sha256 = rows[0]!.input_sha256;
      const received = await findReceivedInput(api.db, api.tenant.id, sha256);
      assert.ok(received, 'the input is in received_inputs');
      assert.equal(createHash('sha256').update(received).digest('hex'), sha256);
      assert.deepEqual(JSON.parse(new TextDecoder().decode(received)), body.invoice);
      // The blob store gets it from the worker, not from the request; readers find it meanwhile.
      await assert.rejects(api.blobs.get(sha256), NotFoundError);
      assert.deepEqual(await loadDocumentInput(api, api.tenant.id, sha256), received);
      // Another tenant's received inputs are not this tenant's.
      assert.equal(await findReceivedInput(api.db, api.other.id, sha256), undefined);
    });

    test('the same Idempotency-Key and body give the same document, and nothing new is enqueued', async () => {
      const body = submission({ number: 'IDEM-1' });
      const headers = { 'idempotency-key': 'order-4711' };
      const first = await api.call('POST', '/v1/documents', { body, headers });
      assert.equal(first.status, 202, first.text);
      const jobs = api.enqueued.length;
      const wakes = api.woken.length;
      // Same content with keys in another order is the same request.
      const reordered = { invoice: body.invoice, context: { country: 'SE', format: 'ubl' } };
      const retry = await api.call('POST', '/v1/documents', { body: reordered, headers });
      assert.equal(retry.status, 202, retry.text);
      assert.equal(retry.json.id, first.json.id);
      assert.equal(retry.headers.get('location'), `/v1/documents/${first.json.id}`);
      assert.equal(api.enqueued.length, jobs);
      assert.equal(api.woken.length, wakes, 'no worker is woken for a repeat');
      assert.equal(await api.jobsInQueue(first.json.id), 1);
      const { rows } = await api.db.query<{ n: number }>('select count(*)::int as n from documents where tenant_id = $1 and idempotency_key = $2', [api.tenant.id, 'order-4711']);
      assert.equal(rows[0]!.n, 1);
    });

    test('the same Idempotency-Key with another body is a 409', async () => {
      const headers = { 'idempotency-key': 'order-4712' };
      const first = await api.call('POST', '/v1/documents', { body: submission({ number: 'IDEM-2' }), headers });
      assert.equal(first.status, 202, first.text);
      const jobs = api.enqueued.length;
      const other = await api.call('POST', '/v1/documents', { body: submission({ number: 'IDEM-2-changed' }), headers });
      expectProblem(other, 409, 'idempotency-conflict');
      assert.equal(api.enqueued.length, jobs);
    });

    test('concurrent identical requests with one Idempotency-Key end with one document', async () => {
      const body = submission({ number: 'IDEM-RACE' });
      const headers = { 'idempotency-key': 'race-1' };
      const answers = await Promise.all(Array.from({ length: 8 }, () => api.call('POST', '/v1/documents', { body, headers })));
      for (const answer of answers) assert.equal(answer.status, 202, answer.text);
      assert.equal(new Set(answers.map((a) => a.json.id)).size, 1);
      const { rows } = await api.db.query<{ n: number }>('select count(*)::int as n from documents where tenant_id = $1 and idempotency_key = $2', [api.tenant.id, 'race-1']);
      assert.equal(rows[0]!.n, 1);
      assert.equal(api.enqueued.filter((job) => job.documentId === answers[0]!.json.id).length, 1);
      assert.equal(await api.jobsInQueue(answers[0]!.json.id), 1);
    });

    test('an Idempotency-Key is per tenant', async () => {
      const headers = { 'idempotency-key': 'shared-key' };
      const mine = await api.call('POST', '/v1/documents', { body: submission({ number: 'T-1' }), headers });
      const theirs = await api.call('POST', '/v1/documents', { body: submission({ number: 'T-2' }), headers, key: api.other.key });
      assert.equal(mine.status, 202, mine.text);
      assert.equal(theirs.status, 202, theirs.text);
      assert.notEqual(mine.json.id, theirs.json.id);
    });

    test('a bad context is a 400 invalid-context naming each field', async () => {
      const jobs = api.enqueued.length;
      const answer = await api.call('POST', '/v1/documents', { body: submission({}, { format: 'pdf', country: 'germany', documentType: 'receipt' }) });
      const problem = expectProblem(answer, 400, 'invalid-context');
      assert.deepEqual(problem.errors?.map((e) => e.path).sort(), ['context.country', 'context.documentType', 'context.format']);
      assert.match(problem.detail, /context\.format: must be one of json, ubl/);
      expectProblem(await api.call('POST', '/v1/documents', { body: { invoice: submission().invoice } }), 400, 'invalid-context');
      assert.equal(api.enqueued.length, jobs);
    });

    test('text XML or the database cannot carry (NUL) is a 400 naming the field; the requests sent beside it are stored', async () => {
      const bad = api.call('POST', '/v1/documents', { body: submission({}, { format: 'ubl', note: 'before\u0000after' }) });
      const good = Array.from({ length: 4 }, (_, i) => api.call('POST', '/v1/documents', { body: submission({}, { format: 'ubl', seq: i }) }));
      const [badAnswer, ...goodAnswers] = await Promise.all([bad, ...good]);
      const problem = expectProblem(badAnswer, 400, 'invalid-context');
      assert.ok(problem.errors?.some((e) => e.path === 'context.note' && /NUL/.test(e.message)), JSON.stringify(problem.errors));
      for (const answer of goodAnswers) assert.equal(answer.status, 202, answer.text);

      const invoice = submission().invoice as Record<string, unknown>;
      const nul = await api.call('POST', '/v1/documents', { body: submission({ seller: { ...(invoice['seller'] as object), name: 'Bad\u0000Name' } }, { format: 'ubl' }) });
      const invoiceProblem = expectProblem(nul, 400, 'invalid-invoice');
      assert.ok(invoiceProblem.errors?.some((e) => e.path === 'invoice.seller.name' && /U\+0000/.test(e.message)), JSON.stringify(invoiceProblem.errors));
    });

    test('a documentType that contradicts BT-3 is a 400 invalid-context', async () => {
      const answer = await api.call('POST', '/v1/documents', { body: submission({}, { format: 'ubl', documentType: 'credit-note' }) });
      const problem = expectProblem(answer, 400, 'invalid-context');
      assert.equal(problem.errors?.[0]?.path, 'context.documentType');
    });

    test('an invalid invoice is a 400 invalid-invoice with the reader\'s problems, and nothing is stored', async () => {
      const before = await api.db.query<{ n: number }>('select count(*)::int as n from documents');
      const answer = await api.call('POST', '/v1/documents', { body: submission({ issueDate: '02.03.2026', totals: { amountDue: 1875 }, colour: 'red' }) });
      const problem = expectProblem(answer, 400, 'invalid-invoice');
      const paths = problem.errors?.map((e) => e.path) ?? [];
      assert.ok(paths.includes('invoice.issueDate'), paths.join());
      assert.ok(paths.includes('invoice.totals.amountDue'), paths.join());
      assert.ok(problem.errors?.some((e) => e.path === 'invoice' && /colour/.test(e.message)), JSON.stringify(problem.errors));
      const after = await api.db.query<{ n: number }>('select count(*)::int as n from documents');
      assert.equal(after.rows[0]!.n, before.rows[0]!.n);
    });

    test('an envelope with unknown keys or not an object is a 400 bad-request', async () => {
      expectProblem(await api.call('POST', '/v1/documents', { body: { ...submission(), extra: 1 } }), 400, 'bad-request');
      expectProblem(await api.call('POST', '/v1/documents', { body: [submission()] }), 400, 'bad-request');
    });

    test('a bad Idempotency-Key header is a 400', async () => {
      const answer = await api.call('POST', '/v1/documents', { body: submission(), headers: { 'idempotency-key': 'x'.repeat(300) } });
      expectProblem(answer, 400, 'bad-request');
    });
  });
}
