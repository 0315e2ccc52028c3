import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { fixtureInvoice } from '../api/api-harness.js';
import { testDatabases } from '../support/databases.js';
import { waitFor } from '../support/wait-for.js';
import { startFlowService, startReceiver, type FlowService, type Receiver } from '../flows/flow-harness.js';

const CHROMIUM = '/usr/bin/chromium';
// CI installs Debian's Chromium (.ci/run); a developer machine without it skips this file, CI never does.
const skip = !existsSync(CHROMIUM) && process.env['CI'] !== 'true' ? 'Debian chromium is not installed (apt-get install -y chromium)' : false;

describe('the correction page in a real browser', { timeout: 180_000, skip }, () => {
  const engine = testDatabases()[0]!;
  let hub: FlowService;
  let receiver: Receiver;
  let browser: Browser;

  before(async () => {
    hub = await startFlowService(engine);
    receiver = await startReceiver(() => 200);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const flow = `name: corrected-hook
match: { country: SE, tag: browser }
steps:
  - transform: { format: ubl }
  - validate: {}
  - deliver:
      destination: { type: http, url: "${receiver.url}" }
  - notify: { on: [failed], to: contact }
`;
    assert.equal((await hub.call('POST', '/v1/flows', flow)).status, 201);
    assert.equal((await hub.call('POST', '/v1/flows/corrected-hook/publish')).status, 200);
  });
  after(async () => {
    await browser?.close();
    await receiver?.close();
    await hub?.close();
  });

  it('opens the mailed link, fixes the faulty field, resubmits, and the document ends delivered', async () => {
    const invoice = fixtureInvoice();
    const seller = invoice['seller'] as Record<string, unknown>;
    seller['vatId'] = 'XX556677889901'; // BR-CO-09: the prefix must be a country code
    seller['contact'] = { ...(seller['contact'] as object), email: 'ap@seller.example' };
    const submitted = await hub.call('POST', '/v1/documents', { context: { country: 'SE', tag: 'browser' }, invoice });
    assert.equal(submitted.status, 202);
    const id = submitted.json.id as string;

    const failed = await waitFor(async () => {
      const doc = (await hub.call('GET', `/v1/documents/${id}`)).json;
      return doc.status === 'failed' ? doc : undefined;
    }, { timeoutMs: 30_000, what: 'the document to fail validation' });
    assert.ok(failed.log.some((e: { findings?: { rule: string }[] }) => e.findings?.some((f) => f.rule === 'BR-CO-09')));
    assert.equal(receiver.received.length, 0);

    const mail = await waitFor(() => hub.mail.mails.find((m) => m.text?.includes(id)), { timeoutMs: 20_000, what: 'the failure mail' });
    const link = /(http:\/\/\S+\/correct\/[\w.-]+)/.exec(mail.text ?? '')?.[1];
    assert.ok(link, mail.text);

    const page = await browser.newPage();
    await page.goto(link);
    assert.match(await page.content(), /BR-CO-09/);
    const field = page.locator('[name="seller.vatId"]');
    assert.equal(await field.inputValue(), 'XX556677889901');
    await field.fill('SE556677889901');
    await Promise.all([page.waitForURL(/submitted/), page.getByRole('button', { name: /resubmit/i }).click()]);
    assert.match(await page.content(), /revision 2/i);

    const delivered = await waitFor(async () => {
      const doc = (await hub.call('GET', `/v1/documents/${id}`)).json;
      return doc.status === 'delivered' ? doc : undefined;
    }, { timeoutMs: 30_000, what: 'the corrected document to be delivered' });
    assert.equal(delivered.revision, 2);
    assert.equal(receiver.received.length, 1);
    assert.match(receiver.received[0]!.body, /SE556677889901/);
    // The whole history stays in the log: the failure of revision 1, the correction, the delivery of revision 2.
    const messages = delivered.log.map((e: { message: string }) => e.message).join('\n');
    assert.match(messages, /Processing revision 1 started/);
    assert.match(messages, /Revision 2 submitted through the correction page/);
    assert.match(messages, /Processing revision 2 started/);
    assert.match(messages, /Delivered/);
    await page.close();
  });
});
