import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { readInvoiceJson, writeInvoice, type Finding } from '@einvoice-hub/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerProblemHandlers } from '../../src/api/problem.js';
import { registerCorrectionRoutes } from '../../src/correction/correction.route.js';
import { createCorrectionToken, deriveCorrectionKey } from '../../src/correction/correction-token.js';
import type { Database } from '../../src/db/database.js';
import { appendLog, listLog } from '../../src/documents/document-log.repository.js';
import { findCurrentRevision, findDocumentRevision } from '../../src/documents/document-revision.repository.js';
import { PROCESS_DOCUMENT } from '../../src/queue/job-queue.js';
import { createPgBossQueue, type PgBossQueue } from '../../src/queue/pg-boss-queue.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { createFsBlobStore } from '../../src/storage/fs-blob-store.js';
import { createTenant } from '../../src/tenants/tenant.repository.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';
import { makeTempDir } from '../support/temp-dir.js';
import { fixtureInvoice } from '../worker/documents.js';
import { BR_02, failureLog, insertFailedDocument } from './failed-documents.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";
const FORM_LIMIT = 64 * 1024;

type Page = { status: number; headers: Headers; text: string; url: string };

/** The values a browser would post for this form: every control's name and current value. */
function formValues(page: string): Map<string, string> {
  const unescape = (text: string) => text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');
  const values = new Map<string, string>();
  for (const m of page.matchAll(/<input type="text" [^>]*name="([^"]*)"[^>]*value="([^"]*)">/g)) values.set(unescape(m[1]!), unescape(m[2]!));
  // Browsers post a textarea's line breaks as CRLF.
  for (const m of page.matchAll(/<textarea [^>]*name="([^"]*)"[^>]*>([^<]*)<\/textarea>/g)) values.set(unescape(m[1]!), unescape(m[2]!).replace(/\n/g, '\r\n'));
  for (const m of page.matchAll(/<select [^>]*name="([^"]*)"[^>]*>(.*?)<\/select>/g)) values.set(unescape(m[1]!), unescape(/<option value="([^"]*)" selected>/.exec(m[2]!)?.[1] ?? ''));
  return values;
}

for (const engine of testDatabases()) {
  describe(`correction pages on ${engine.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase;
    let blobDir: Awaited<ReturnType<typeof makeTempDir>>;
    let deps: { db: Database; blobs: BlobStore };
    let queue: PgBossQueue;
    let app: FastifyInstance;
    let url: string;
    let tenantId: string;
    let otherTenantId: string;
    const key = deriveCorrectionKey(randomBytes(32));
    let clock = new Date('2026-03-01T12:00:00Z');
    const expiresAt = new Date('2026-03-08T12:00:00Z');

    before(async () => {
      database = await engine.open();
      blobDir = await makeTempDir('einvoice-correction');
      deps = { db: database.db, blobs: createFsBlobStore(blobDir.path) };
      queue = await createPgBossQueue(database.db);
      tenantId = (await createTenant(database.db, 'acme')).tenantId;
      otherTenantId = (await createTenant(database.db, 'globex')).tenantId;
      // Like buildApi: problem+json errors and no text/plain parser at the root; the correction scope adds its own.
      app = Fastify({ logger: false });
      registerProblemHandlers(app);
      app.removeContentTypeParser('text/plain');
      await registerCorrectionRoutes(app, { ...deps, queue, correctionKey: key, now: () => clock, maxFormBytes: FORM_LIMIT });
      await app.listen({ host: '127.0.0.1', port: 0 });
      url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await app.close();
      await queue.stop();
      await database.cleanup();
      await blobDir.remove();
    });

    const tokenFor = (documentId: string, options: { revision?: number; tenant?: string } = {}) =>
      createCorrectionToken({ tenantId: options.tenant ?? tenantId, documentId, revision: options.revision ?? 1, expiresAt }, key);
    const request = async (path: string, init: RequestInit = {}): Promise<Page> => {
      const response = await fetch(new URL(path, url), { redirect: 'manual', ...init });
      return { status: response.status, headers: response.headers, text: await response.text(), url: response.url };
    };
    const post = (path: string, fields: Map<string, string> | Record<string, string>) =>
      request(path, { method: 'POST', body: new URLSearchParams(fields instanceof Map ? [...fields] : Object.entries(fields)) });
    const jobsOf = async (documentId: string) =>
      (await deps.db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = $1 and data->>'documentId' = $2`, [PROCESS_DOCUMENT, documentId])).rows[0]?.n;
    const withoutNumber = () => {
      const invoice = fixtureInvoice();
      delete invoice['number'];
      return invoice;
    };
    const assertSecurityHeaders = (page: Page) => {
      assert.equal(page.headers.get('content-security-policy'), CSP);
      assert.equal(page.headers.get('x-frame-options'), 'DENY');
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(page.headers.get('cache-control'), 'no-store');
    };

    it('shows the form with the failure, the findings tied to fields, and the invoice values', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: withoutNumber() });
      const page = await request(`/correct/${tokenFor(id)}`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
      assertSecurityHeaders(page);
      assert.match(page.text, /<h1>Correct document [0-9a-f-]{36}<\/h1>/);
      assert.ok(page.text.includes(`<code>${id}</code>`));
      assert.match(page.text, /<li>Failed: The e-invoice breaks 1 EN 16931 rule: BR-02<\/li>/);
      assert.match(page.text, /<td>BR-02<\/td><td class="fatal">fatal<\/td><td>The Invoice number \(BT-1\) is missing; give the invoice its unique number\.<\/td><td><code>\/Invoice<\/code><\/td><td><a href="#f-number">BT-1 Invoice number<\/a><\/td>/);
      assert.match(page.text, /<label for="f-number">BT-1 Invoice number <span class="path">number<\/span><\/label>/);
      assert.match(page.text, /<input type="text" id="f-number" name="number" aria-describedby="f-number-notes" value="">/);
      assert.match(page.text, /<input type="text" id="f-seller-vatId" name="seller.vatId" value="DE123456789">/);
      assert.match(page.text, /<button type="submit">Resubmit<\/button>/);
    });

    it('resubmits the edited form as revision 2, processed again, and confirms it', async () => {
      const original = withoutNumber();
      const { id, inputSha256 } = await insertFailedDocument(deps, { tenantId, input: original });
      const token = tokenFor(id);
      const fields = formValues((await request(`/correct/${token}`)).text);
      assert.ok(fields.size > 40, `the form posts every field (${fields.size})`);
      fields.set('number', 'RE-2026-00042');

      const answer = await post(`/correct/${token}`, fields);
      assert.equal(answer.status, 303);
      assertSecurityHeaders(answer);
      const location = new URL(answer.headers.get('location') ?? '', new URL(`/correct/${token}`, url));
      assert.equal(location.pathname, `/correct/${token}/submitted`);

      const current = await findCurrentRevision(deps.db, tenantId, id);
      assert.equal(current?.revision, 2);
      assert.equal(current?.status, 'received');
      assert.notEqual(current?.inputSha256, inputSha256);
      assert.equal((await findDocumentRevision(deps.db, tenantId, id, 2))?.source, 'correction');
      assert.equal((await listLog(deps.db, tenantId, id)).at(-1)?.message, 'Revision 2 submitted through the correction page');
      assert.equal(await jobsOf(id), 1);
      // The stored input is the same invoice with BT-1 added, and valid EN 16931 JSON.
      const stored = JSON.parse(new TextDecoder().decode(await deps.blobs.get(current!.inputSha256))) as Record<string, unknown>;
      assert.deepEqual(stored, { ...original, number: 'RE-2026-00042' });
      assert.equal(readInvoiceJson(stored).ok, true);

      const submitted = await request(location.pathname);
      assert.equal(submitted.status, 200);
      assertSecurityHeaders(submitted);
      assert.match(submitted.text, /<h1>Submitted — revision 2 is being processed<\/h1>/);
      assert.ok(submitted.text.includes(`<code>${id}</code>`));

      // A repeated post (double click, reload) lands on the same confirmation; another edit is refused.
      const repeated = await post(`/correct/${token}`, fields);
      assert.equal(repeated.status, 303);
      assert.equal(repeated.headers.get('location'), `${token}/submitted`);
      fields.set('number', 'RE-OTHER');
      const other = await post(`/correct/${token}`, fields);
      assert.equal(other.status, 409);
      assert.match(other.text, /<h1>This invoice has already been corrected<\/h1>/);
      const stale = await request(`/correct/${token}`);
      assert.equal(stale.status, 409);
      assert.match(stale.text, /This link was sent for revision 1; the document is at revision 2 now, which is received\./);
      assert.equal((await findCurrentRevision(deps.db, tenantId, id))?.revision, 2);
      assert.equal(await jobsOf(id), 1);
    });

    it('answers two simultaneous posts of the same form with the same confirmation, submitting once', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: withoutNumber() });
      const token = tokenFor(id);
      const answers = await Promise.all([post(`/correct/${token}`, { number: 'RE-7' }), post(`/correct/${token}`, { number: 'RE-7' })]);
      assert.deepEqual(answers.map((a) => [a.status, a.headers.get('location')]), [[303, `${token}/submitted`], [303, `${token}/submitted`]]);
      assert.equal((await findCurrentRevision(deps.db, tenantId, id))?.revision, 2);
      assert.equal(await jobsOf(id), 1);
    });

    it('shows a later revision only its own failure', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: withoutNumber() });
      assert.equal((await post(`/correct/${tokenFor(id)}`, { number: 'RE-1' })).status, 303);
      // Revision 2 fails again, for another reason.
      const br_co_10: Finding = { rule: 'BR-CO-10', severity: 'fatal', message: 'Sum of Invoice line net amount (BT-106) differs', path: '/Invoice/cac:LegalMonetaryTotal', terms: ['BT-106', 'BT-131'] };
      await deps.db.query(`update documents set status = 'failed' where id = $1`, [id]);
      await appendLog(deps.db, tenantId, id, failureLog([br_co_10]));
      const page = await request(`/correct/${tokenFor(id, { revision: 2 })}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /<h1>Correct invoice RE-1<\/h1>/);
      assert.match(page.text, /<td>BR-CO-10<\/td>/);
      assert.equal(page.text.includes('BR-02'), false, "revision 1's finding is not shown");
      assert.match(page.text, /<a href="#f-totals-lineNetTotal">BT-106 Sum of Invoice line net amount<\/a>, <a href="#f-lines-0-netAmount">BT-131 Invoice line net amount<\/a>/);
    });

    it('answers an edit that breaks the invoice with 422 and the problems next to the fields, submitting nothing', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: withoutNumber() });
      const answer = await post(`/correct/${tokenFor(id)}`, { number: 'RE-9', 'lines[0].quantity': 'twelve' });
      assert.equal(answer.status, 422);
      assertSecurityHeaders(answer);
      assert.match(answer.text, /<h2>The corrected invoice is not valid yet<\/h2>/);
      assert.match(answer.text, /<input type="text" id="f-lines-0-quantity" name="lines\[0\]\.quantity" aria-describedby="f-lines-0-quantity-notes" aria-invalid="true" value="twelve">/);
      assert.match(answer.text, /<p class="error">must be a decimal number written as a string/);
      assert.match(answer.text, /<input type="text" id="f-number" name="number" aria-describedby="f-number-notes" value="RE-9">/, 'the other edit is kept');
      assert.equal((await findCurrentRevision(deps.db, tenantId, id))?.revision, 1);
      assert.equal(await jobsOf(id), 0);
    });

    it('refuses a correction that turns the invoice into a credit note', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: withoutNumber(), context: { format: 'ubl', documentType: 'invoice' } });
      const answer = await post(`/correct/${tokenFor(id)}`, { number: 'RE-9', typeCode: '381' });
      assert.equal(answer.status, 422);
      assert.match(answer.text, /<a href="#f-typeCode">BT-3 Invoice type code<\/a> \(<code>typeCode<\/code>\): makes the document a credit note, but it was submitted as an invoice/);
      assert.equal((await findCurrentRevision(deps.db, tenantId, id))?.revision, 1);
    });

    it('refuses fields the invoice does not have, prototype tricks included', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: withoutNumber() });
      for (const name of ['__proto__.polluted', 'constructor.prototype.polluted', 'seller.nmae']) {
        const answer = await post(`/correct/${tokenFor(id)}`, { number: 'RE-9', [name]: '<b>x</b>' });
        assert.equal(answer.status, 400, name);
        assert.match(answer.text, /<h1>The form does not match this invoice<\/h1>/);
      }
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
      const twice = await request(`/correct/${tokenFor(id)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'number=A&number=B' });
      assert.equal(twice.status, 400);
      assert.match(twice.text, /was posted more than once/);
      assert.equal((await findCurrentRevision(deps.db, tenantId, id))?.revision, 1);
    });

    it('refuses expired, tampered, foreign and unknown links with their own pages', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: withoutNumber() });
      const token = tokenFor(id);
      clock = new Date(expiresAt.getTime() + 1000);
      try {
        const expired = await request(`/correct/${token}`);
        assert.equal(expired.status, 410);
        assertSecurityHeaders(expired);
        assert.match(expired.text, /<h1>This correction link has expired<\/h1>/);
        assert.equal((await post(`/correct/${token}`, { number: 'X' })).status, 410);
      } finally {
        clock = new Date('2026-03-01T12:00:00Z');
      }
      const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
      const forged = await request(`/correct/${tampered}`);
      assert.equal(forged.status, 403);
      assert.match(forged.text, /<h1>This correction link is not valid<\/h1>/);
      const foreign = await request(`/correct/${tokenFor(id, { tenant: otherTenantId })}`);
      assert.equal(foreign.status, 404, "a token for another tenant does not reach this tenant's document");
      assert.equal((await request(`/correct/${tokenFor(randomUUID())}`)).status, 404);
      const unknown = await request('/correct/not%20a%20token');
      assert.equal(unknown.status, 404);
      assertSecurityHeaders(unknown);
      assert.equal((await findCurrentRevision(deps.db, tenantId, id))?.revision, 1);
    });

    it('has nothing to correct in a completed document, and no confirmation before a submission', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: fixtureInvoice(), status: 'completed', log: [] });
      const page = await request(`/correct/${tokenFor(id)}`);
      assert.equal(page.status, 409);
      assert.match(page.text, /<h1>There is nothing to correct now<\/h1>/);
      const failed = await insertFailedDocument(deps, { tenantId, input: withoutNumber() });
      const token = tokenFor(failed.id);
      const early = await request(`/correct/${token}/submitted`);
      assert.equal(early.status, 303);
      assert.equal(new URL(early.headers.get('location') ?? '', new URL(`/correct/${token}/submitted`, url)).pathname, `/correct/${token}`);
    });

    it('edits a UBL input in its JSON form and stores the correction as JSON', async () => {
      const read = readInvoiceJson(withoutNumber());
      assert.ok(read.ok);
      const ubl = writeInvoice(read.invoice, 'ubl').output;
      const { id } = await insertFailedDocument(deps, { tenantId, input: new TextEncoder().encode(ubl) });
      const token = tokenFor(id);
      const page = await request(`/correct/${token}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /name="seller.vatId" value="DE123456789"/);
      assert.equal((await post(`/correct/${token}`, { number: 'RE-UBL-1' })).status, 303);
      const current = await findCurrentRevision(deps.db, tenantId, id);
      const stored = JSON.parse(new TextDecoder().decode(await deps.blobs.get(current!.inputSha256))) as Record<string, unknown>;
      assert.equal(stored['number'], 'RE-UBL-1');
      assert.equal((stored['seller'] as Record<string, unknown>)['vatId'], 'DE123456789');
    });

    it('escapes invoice data on the page', async () => {
      const invoice = withoutNumber();
      (invoice['seller'] as Record<string, unknown>)['name'] = '<script>alert(1)</script>';
      const { id } = await insertFailedDocument(deps, { tenantId, input: invoice, log: failureLog([{ ...BR_02, message: '<img src=x onerror=alert(1)>' }]) });
      const page = await request(`/correct/${tokenFor(id)}`);
      assert.equal(page.status, 200);
      assert.equal(page.text.includes('<script'), false);
      assert.equal(page.text.includes('<img'), false);
      assert.match(page.text, /name="seller.name" value="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    });

    it('accepts only bounded form posts', async () => {
      const { id } = await insertFailedDocument(deps, { tenantId, input: withoutNumber() });
      const json = await request(`/correct/${tokenFor(id)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ number: 'X' }) });
      assert.equal(json.status, 415);
      assert.match(json.headers.get('content-type') ?? '', /^text\/html/);
      const large = await post(`/correct/${tokenFor(id)}`, { number: 'X', paymentTerms: 'x'.repeat(FORM_LIMIT) });
      assert.equal(large.status, 413);
      assertSecurityHeaders(large);
      assert.match(large.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal((await findCurrentRevision(deps.db, tenantId, id))?.revision, 1);
    });
  });
}
