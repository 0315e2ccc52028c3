import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fixtureInvoice } from '../api/api-harness.js';
import { testDatabases } from '../support/databases.js';
import { waitFor } from '../support/wait-for.js';
import { expectedSignature, startFlowService, startReceiver, type FlowService } from './flow-harness.js';

const HMAC_SECRET = 'webhook-secret-value';

/** A flow delivering to `url` with quick retries, so a test sees several attempts in seconds. */
function webhookFlow(name: string, url: string, match: Record<string, string>, extra = ''): string {
  return `name: ${name}
match: { ${Object.entries(match).map(([k, v]) => `${k}: ${v}`).join(', ')} }
steps:
  - normalize: {}
  - transform: { format: ubl }
  - validate: { rules: [en16931] }
  - deliver:
      destination: { type: http, url: "${url}", hmacSecret: hook-secret }
      retry: { deadline: PT2M, initialDelay: PT0.2S, maxDelay: PT0.5S }
  - notify: { on: [failed], to: contact }
${extra}`;
}

for (const engine of testDatabases()) {
  describe(`flows end to end on ${engine.name}`, { timeout: 240_000 }, () => {
    let hub: FlowService;

    before(async () => {
      hub = await startFlowService(engine);
      assert.equal((await hub.call('PUT', '/v1/secrets/hook-secret', { kind: 'secret', value: HMAC_SECRET })).status, 201);
    });
    after(async () => hub?.close());

    const publish = async (source: string) => {
      const draft = await hub.call('POST', '/v1/flows', source);
      assert.equal(draft.status, 201, draft.text);
      const published = await hub.call('POST', `/v1/flows/${draft.json.name}/publish`);
      assert.equal(published.status, 200, published.text);
      return published.json as { name: string; version: number };
    };
    const submit = async (context: Record<string, unknown>, invoice: Record<string, unknown> = fixtureInvoice()) => {
      const answer = await hub.call('POST', '/v1/documents', { context, invoice });
      assert.equal(answer.status, 202, answer.text);
      return answer.json.id as string;
    };
    const documentOf = async (id: string) => (await hub.call('GET', `/v1/documents/${id}`)).json;
    const untilStatus = (id: string, statuses: string[], timeoutMs = 30_000) =>
      waitFor(async () => {
        const doc = await documentOf(id);
        return statuses.includes(doc.status) ? doc : undefined;
      }, { timeoutMs, what: `document ${id} to be ${statuses.join(' or ')}` });

    it('retries a destination that fails three times, then delivers exactly once with one Idempotency-Key', async () => {
      const receiver = await startReceiver((n) => (n <= 3 ? 503 : 200));
      try {
        await publish(webhookFlow('flaky-hook', receiver.url, { country: 'SE', tag: 'flaky' }));
        const id = await submit({ country: 'SE', tag: 'flaky', documentType: 'invoice' });
        const doc = await untilStatus(id, ['delivered', 'failed']);
        assert.equal(doc.status, 'delivered', JSON.stringify(doc.log, null, 1));
        assert.deepEqual(doc.flow, { name: 'flaky-hook', version: 1 });
        assert.equal(receiver.received.length, 4);
        assert.equal(new Set(receiver.received.map((r) => r.idempotencyKey)).size, 1);
        for (const request of receiver.received) assert.equal(request.signature, expectedSignature(HMAC_SECRET, request.body));
        assert.match(receiver.received[0]!.body, /<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/);
        const failures = doc.log.filter((e: { message: string }) => /^Attempt \d failed .*next attempt at \d{4}-/.test(e.message));
        assert.equal(failures.length, 3, 'each failed attempt is logged with the next attempt time');
        assert.ok(doc.log.some((e: { message: string }) => /Delivered .* on attempt 4/.test(e.message)));
        assert.equal(doc.externalIds.delivery, 'rcv-4');
        // Back-off: the gaps between attempts are not zero and respect the initial delay's lower half (0.1 s).
        const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i]!.at);
        assert.ok(gaps.every((gap) => gap >= 90), `gaps ${gaps.join(', ')}`);
      } finally {
        await receiver.close();
      }
    });

    it('fails at once on a rejection (400) and mails the seller contact a working correction link', async () => {
      const receiver = await startReceiver(() => 400);
      try {
        await publish(webhookFlow('strict-hook', receiver.url, { country: 'SE', tag: 'strict' }));
        const invoice = fixtureInvoice();
        const seller = invoice['seller'] as Record<string, unknown>;
        seller['contact'] = { ...(seller['contact'] as object), email: 'billing@seller.example' };
        const id = await submit({ country: 'SE', tag: 'strict' }, invoice);
        const doc = await untilStatus(id, ['failed', 'delivered']);
        assert.equal(doc.status, 'failed');
        assert.equal(receiver.received.length, 1, 'a rejection is not retried');
        assert.ok(doc.log.some((e: { message: string }) => /rejected .* HTTP 400|rejected .*400/.test(e.message)), JSON.stringify(doc.log));
        const mail = await waitFor(() => hub.mail.mails.find((m) => m.text?.includes(id)), { timeoutMs: 20_000, what: 'the failure mail' });
        assert.equal((mail.to as { text: string }).text, 'billing@seller.example');
        const link = /(http:\/\/\S+\/correct\/[\w.-]+)/.exec(mail.text ?? '')?.[1];
        assert.ok(link, mail.text);
        const page = await fetch(link);
        assert.equal(page.status, 200);
        assert.match(await page.text(), /<form/);
      } finally {
        await receiver.close();
      }
    });

    it('holds documents while the destination is down and sends them in the order accepted once it is back', async () => {
      // Take a free port, then close it: nothing listens there until the receiver starts on it.
      const placeholder = await startReceiver(() => 200);
      const port = placeholder.port;
      await placeholder.close();
      await publish(webhookFlow('outage-hook', `http://127.0.0.1:${port}/in`, { country: 'SE', tag: 'outage' }));
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push(await submit({ country: 'SE', tag: 'outage', seq: i }));
      await untilStatus(ids[0]!, ['waiting-for-retry']);
      const first = await documentOf(ids[0]!);
      assert.ok(first.log.some((e: { message: string }) => /Attempt 1 failed .*ECONNREFUSED|Attempt 1 failed .*refused/i.test(e.message)), JSON.stringify(first.log));
      const receiver = await startReceiver(() => 200, port);
      try {
        for (const id of ids) assert.equal((await untilStatus(id, ['delivered', 'failed'])).status, 'delivered');
        assert.deepEqual(receiver.received.map((r) => r.documentId), ids, 'delivered in the order accepted');
        assert.equal(new Set(receiver.received.map((r) => r.idempotencyKey)).size, ids.length);
      } finally {
        await receiver.close();
      }
    });

    it('applies a newly published version to new documents only, without a restart', async () => {
      await publish(`name: versioned\nmatch: { country: SE, tag: versioned }\nsteps:\n  - transform: { format: ubl }\n`);
      const early = await submit({ country: 'SE', tag: 'versioned' });
      assert.equal((await untilStatus(early, ['completed', 'failed'])).status, 'completed');
      const v2 = await publish(`name: versioned\nmatch: { country: SE, tag: versioned }\nsteps:\n  - transform: { format: cii }\n  - validate: {}\n`);
      assert.equal(v2.version, 2);
      const late = await submit({ country: 'SE', tag: 'versioned' });
      const lateDoc = await untilStatus(late, ['completed', 'failed']);
      const earlyDoc = await documentOf(early);
      assert.deepEqual(earlyDoc.flow, { name: 'versioned', version: 1 });
      assert.deepEqual(lateDoc.flow, { name: 'versioned', version: 2 });
      const xml = async (doc: { artifacts: { name: string; href: string }[] }) => (await hub.call('GET', doc.artifacts.find((a) => a.name === 'invoice.xml')!.href)).text;
      assert.match(await xml(earlyDoc), /urn:oasis:names:specification:ubl:schema:xsd:Invoice-2/);
      assert.match(await xml(lateDoc), /CrossIndustryInvoice/);
      assert.deepEqual(lateDoc.artifacts.map((a: { name: string }) => a.name).sort(), ['invoice.xml', 'validation-report.json']);
      const jobs = await hub.call('GET', '/v1/jobs?flow=versioned');
      assert.deepEqual(jobs.json.items.map((j: { documentId: string }) => j.documentId), [late, early]);
      assert.equal((await hub.call('GET', jobs.json.items[0].files[0].href)).status, 200);
    });

    it('logs every normalization with the original value (DE: VAT prefix, e-mail case, Leitweg-ID)', async () => {
      await publish(`name: de-normalized\nmatch: { country: DE, tag: norm }\nsteps:\n  - normalize: {}\n  - transform: { format: xrechnung-ubl }\n`);
      const invoice = fixtureInvoice();
      const seller = invoice['seller'] as Record<string, unknown>;
      seller['vatId'] = ' 123456789 ';
      (seller['address'] as Record<string, unknown>)['countryCode'] = 'de';
      seller['contact'] = { ...(seller['contact'] as object), email: 'Billing@Seller.EXAMPLE' };
      invoice['buyerReference'] = '04011000-1234512345-06';
      const id = await submit({ country: 'DE', tag: 'norm' }, invoice);
      const doc = await untilStatus(id, ['completed', 'failed']);
      const warnings = doc.log.filter((e: { step: string; level: string }) => e.step === 'normalize' && e.level === 'warning').map((e: { message: string }) => e.message);
      assert.ok(warnings.some((m: string) => m.includes('BT-31') && m.includes('"123456789"') && m.includes('"DE123456789"')), warnings.join('\n'));
      assert.ok(warnings.some((m: string) => m.includes('BT-43') && m.includes('"billing@seller.example"')), warnings.join('\n'));
      assert.ok(warnings.some((m: string) => m.includes('"de"') && m.includes('"DE"')), warnings.join('\n'));

      invoice['buyerReference'] = '04011000-1234512345-07';
      const broken = await submit({ country: 'DE', tag: 'norm' }, invoice);
      const failed = await untilStatus(broken, ['completed', 'failed']);
      assert.equal(failed.status, 'failed');
      assert.ok(failed.log.some((e: { message: string }) => e.message.includes('04011000-1234512345-07') && e.message.includes('leitweg-id-check-digits')), JSON.stringify(failed.log));
    });

    it('await-status by polling: asks the status URL until the receiver decides, then the document is accepted', async () => {
      // One real HTTP server: POST /in takes the e-invoice; GET /status/<document id> says pending twice, then accepted.
      const polls: string[] = [];
      const server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          if (req.method === 'POST') return res.writeHead(202, { 'content-type': 'application/json' }).end('{"id":"inbox-7"}');
          polls.push(req.url ?? '');
          const status = polls.length <= 2 ? 'pending' : 'accepted';
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status, reason: status === 'accepted' ? 'Booked as 2024-77' : undefined }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        await publish(`name: polled
match: { country: SE, tag: polled }
steps:
  - transform: { format: ubl }
  - deliver: { destination: { type: http, url: "${base}/in" } }
  - await-status: { poll: { url: "${base}/status/{documentId}?receipt={externalId}", interval: PT0.2S }, deadline: PT2M }
`);
        const id = await submit({ country: 'SE', tag: 'polled' });
        const doc = await untilStatus(id, ['accepted', 'failed', 'rejected']);
        assert.equal(doc.status, 'accepted', JSON.stringify(doc.log, null, 1));
        assert.equal(polls.length, 3, 'polled until the verdict, then no more');
        assert.deepEqual(new Set(polls), new Set([`/status/${id}?receipt=inbox-7`]), 'the URL names the document and the receiver\'s id');
        assert.ok(doc.log.some((e: { message: string }) => /Waiting for the receiver's verdict by polling every PT0.2S/.test(e.message)), JSON.stringify(doc.log));
        assert.ok(doc.log.some((e: { message: string }) => e.message === 'Accepted by the receiver (poll): Booked as 2024-77'), JSON.stringify(doc.log));
        await new Promise((resolve) => setTimeout(resolve, 600));
        assert.equal(polls.length, 3, 'no poll after the verdict');
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });

    it('await-status by callback: a rejection ends the document rejected and mails a correction link; a second verdict is refused', async () => {
      const receiver = await startReceiver(() => 200);
      try {
        await publish(`name: called-back
match: { country: SE, tag: callback }
steps:
  - transform: { format: ubl }
  - deliver: { destination: { type: http, url: "${receiver.url}" } }
  - await-status: { callback: true, deadline: PT2M }
  - notify: { on: [rejected], to: contact }
`);
        const invoice = fixtureInvoice();
        const seller = invoice['seller'] as Record<string, unknown>;
        seller['contact'] = { ...(seller['contact'] as object), email: 'ap@seller.example' };
        const id = await submit({ country: 'SE', tag: 'callback' }, invoice);
        await untilStatus(id, ['awaiting-status']);
        const other = await hub.call('POST', `/v1/documents/00000000-0000-4000-8000-000000000000/status`, { status: 'accepted' });
        assert.equal(other.status, 404);
        const verdict = await hub.call('POST', `/v1/documents/${id}/status`, { status: 'rejected', reason: 'Purchase order 4711 unknown' });
        assert.equal(verdict.status, 200, verdict.text);
        assert.deepEqual(verdict.json, { documentId: id, status: 'rejected' });
        const again = await hub.call('POST', `/v1/documents/${id}/status`, { status: 'accepted' });
        assert.equal(again.status, 409, again.text);
        const doc = await documentOf(id);
        assert.equal(doc.status, 'rejected');
        assert.ok(doc.log.some((e: { message: string }) => e.message === 'Rejected by the receiver (callback): Purchase order 4711 unknown'), JSON.stringify(doc.log));
        const mail = await waitFor(() => hub.mail.mails.find((m) => m.text?.includes(id)), { timeoutMs: 20_000, what: 'the rejection mail' });
        assert.equal((mail.to as { text: string }).text, 'ap@seller.example');
        assert.match(mail.text ?? '', /\/correct\/[\w.-]+/);
      } finally {
        await receiver.close();
      }
    });

    it('await-status without a verdict before the deadline fails the document', async () => {
      const receiver = await startReceiver(() => 200);
      try {
        await publish(`name: silent
match: { country: SE, tag: silent }
steps:
  - transform: { format: ubl }
  - deliver: { destination: { type: http, url: "${receiver.url}" } }
  - await-status: { callback: true, deadline: PT1S }
`);
        const id = await submit({ country: 'SE', tag: 'silent' });
        const doc = await untilStatus(id, ['failed', 'accepted']);
        assert.equal(doc.status, 'failed');
        assert.ok(doc.log.some((e: { message: string }) => e.message === 'Failed: no verdict from the receiver before the deadline (PT1S)'), JSON.stringify(doc.log));
        const late = await hub.call('POST', `/v1/documents/${id}/status`, { status: 'accepted' });
        assert.equal(late.status, 409, 'a verdict after the deadline changes nothing');
      } finally {
        await receiver.close();
      }
    });

    it('serves the flow JSON Schema and refuses an invalid flow with every problem', async () => {
      const schema = await hub.call('GET', '/v1/flows/schema');
      assert.equal(schema.status, 200);
      assert.equal(schema.json.$id, 'urn:einvoice-hub:schema:flow');
      const bad = await hub.call('POST', '/v1/flows', 'name: Bad Name\nsteps:\n  - sign: { method: xmldsig-enveloped, certificate: c }\n  - deliver: { destination: { type: ftp } }\n');
      assert.equal(bad.status, 422);
      assert.equal(bad.json.code, 'invalid-flow');
      assert.ok(bad.json.errors.some((e: { path: string }) => e.path === 'name'));
      assert.ok(bad.json.errors.some((e: { path: string }) => e.path.startsWith('steps[1]')));
    });
  });
}
