import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { validateAgainstXsd } from '../../core/test/support/xsd.js';
import { apiClient, einvoice, freshPostgresDatabase, REPO, startEinvoice, startServe, waitFor, type ServeProcess } from './support/service-process.js';

const INVOICE = JSON.parse(readFileSync(join(REPO, 'packages', 'core', 'test', 'fixtures', 'invoice-xrechnung.json'), 'utf8')) as Record<string, unknown>;
const TENANT_JSON_LINE = /^\{"tenantId": "([0-9a-f-]{36})", "apiKey": "([^"]+)"\}$/;

type Api = ReturnType<typeof apiClient>;
type DocumentDetail = { status: string; log: { step: string; message: string }[]; artifacts: { name: string; mediaType: string; href: string }[] };

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'einvoice-serve-'));
}

/** Creates a tenant with `einvoice tenants create --json` and returns its id and key from the last line. */
function createTenantWithCli(name: string, options: { dataDir: string; databaseUrl?: string }): { tenantId: string; apiKey: string } {
  const result = einvoice(['tenants', 'create', name, '--json', '--data-dir', options.dataDir], options);
  assert.equal(result.status, 0, result.stderr);
  const match = TENANT_JSON_LINE.exec(result.stdout.trimEnd().split('\n').at(-1) ?? '');
  assert.ok(match, `last line of ${JSON.stringify(result.stdout)}`);
  return { tenantId: match[1]!, apiKey: match[2]! };
}

async function documentOf(api: Api, id: string): Promise<DocumentDetail> {
  const response = await api.get(`/v1/documents/${id}`);
  assert.equal(response.status, 200, response.text);
  return response.json as unknown as DocumentDetail;
}

async function waitUntilDone(api: Api, id: string): Promise<DocumentDetail> {
  return waitFor(`document ${id} to be processed`, async () => {
    const doc = await documentOf(api, id);
    return doc.status === 'completed' || doc.status === 'failed' ? doc : undefined;
  });
}

/** Submit → completed, with an XSD-valid e-invoice downloadable from its href. */
async function submitAndCheck(api: Api): Promise<void> {
  const accepted = await api.post('/v1/documents', { context: { format: 'xrechnung-ubl', country: 'DE', documentType: 'invoice' }, invoice: INVOICE });
  assert.equal(accepted.status, 202, accepted.text);
  const id = accepted.json!['id'] as string;
  const doc = await waitUntilDone(api, id);
  assert.equal(doc.status, 'completed', JSON.stringify(doc.log));
  const einvoice = doc.artifacts.find((a) => a.name === 'invoice.xml');
  assert.ok(einvoice, JSON.stringify(doc.artifacts));
  const download = await api.get(einvoice.href);
  assert.equal(download.status, 200);
  assert.match(download.headers.get('content-type') ?? '', /^application\/xml/);
  assert.deepEqual(validateAgainstXsd(download.text, 'ubl-invoice'), []);
}

/** Counts the tenant's documents with a status (pages of 500). */
async function countDocuments(api: Api, status: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page = await api.get(`/v1/documents?status=${status}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(page.status, 200, page.text);
    count += (page.json!['items'] as unknown[]).length;
    cursor = page.json!['nextCursor'] as string | null;
  } while (cursor);
  return count;
}

/**
 * Submits a batch of 200, SIGKILLs the service while it processes them, restarts it, and checks that every
 * document completes exactly once: one e-invoice artifact and one recorded result each.
 */
async function crashDuringBatch(start: () => Promise<ServeProcess>, apiKey: string): Promise<void> {
  const first = await start();
  const api = apiClient(first.url, apiKey);
  const documents = Array.from({ length: 200 }, (_, i) => ({
    context: { format: i % 2 === 0 ? 'xrechnung-ubl' : 'xrechnung-cii', country: 'DE' },
    invoice: { ...INVOICE, number: `CRASH-${i}` },
  }));
  const batch = await api.post('/v1/documents/batch', { documents });
  assert.equal(batch.status, 200, batch.text);
  const results = batch.json!['results'] as { status: number; id: string }[];
  assert.deepEqual(new Set(results.map((r) => r.status)), new Set([202]));
  const ids = results.map((r) => r.id);

  // Kill as soon as processing is under way: some documents are done, others are not.
  await waitFor('the first completed document', async () => ((await countDocuments(api, 'completed')) > 0 ? true : undefined), 60_000, 10);
  const doneAtKill = await countDocuments(api, 'completed');
  await first.kill();
  assert.ok(doneAtKill < 200, `the kill came too late: ${doneAtKill} of 200 were already completed`);

  const second = await start();
  try {
    const api2 = apiClient(second.url, apiKey);
    // On PostgreSQL a job the killed process held is retried once it expires (other processes may be alive).
    await waitFor('all 200 documents to complete', async () => ((await countDocuments(api2, 'completed')) === 200 ? true : undefined), 300_000, 200);
    for (const id of ids) {
      const doc = await documentOf(api2, id);
      assert.equal(doc.status, 'completed');
      assert.deepEqual(doc.artifacts.map((a) => a.name).sort(), ['invoice.xml', 'validation-report.json'], id);
      assert.equal(doc.log.filter((entry) => entry.step === 'result').length, 1, JSON.stringify(doc.log));
    }
  } finally {
    assert.equal(await second.stop(), 0, second.stderr());
  }
}

describe('einvoice serve on the embedded database (subprocess)', { timeout: 600_000 }, () => {
  let dataDir: string;
  before(async () => {
    dataDir = await tempDir();
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the URL and a ready-to-use API key once; a submitted invoice completes with an XSD-valid e-invoice', async () => {
    const service = await startServe({ dataDir });
    try {
      assert.match(service.stdout(), /is running at http:\/\/127\.0\.0\.1:\d+ /);
      assert.match(service.stdout(), /shown only once/);
      assert.ok(service.apiKey);
      await submitAndCheck(apiClient(service.url, service.apiKey));
      assert.ok(existsSync(join(dataDir, 'service.json')));
    } finally {
      assert.equal(await service.stop(), 0, service.stderr());
    }
    assert.equal(existsSync(join(dataDir, 'service.json')), false, 'the lock file is removed on a graceful stop');
    // Not the first start any more: no new tenant, no key.
    const again = await startServe({ dataDir });
    assert.equal(again.apiKey, undefined);
    assert.doesNotMatch(again.stdout(), /API key/);
    assert.equal(await again.stop(), 0);
  });

  it('creates tenants with `tenants create --json` while the service runs and while it is stopped', async () => {
    const service = await startServe({ dataDir });
    let whileRunning: { tenantId: string; apiKey: string };
    try {
      whileRunning = createTenantWithCli('acme', { dataDir });
      const listing = await apiClient(service.url, whileRunning.apiKey).get('/v1/documents');
      assert.equal(listing.status, 200, listing.text);
      assert.deepEqual(listing.json!['items'], []);
    } finally {
      assert.equal(await service.stop(), 0, service.stderr());
    }
    const whileStopped = createTenantWithCli('globex', { dataDir });
    assert.notEqual(whileStopped.tenantId, whileRunning.tenantId);
    const restarted = await startServe({ dataDir });
    try {
      for (const key of [whileRunning.apiKey, whileStopped.apiKey]) assert.equal((await apiClient(restarted.url, key).get('/v1/documents')).status, 200);
      assert.equal((await apiClient(restarted.url, 'not-a-key').get('/v1/documents')).status, 401);
    } finally {
      assert.equal(await restarted.stop(), 0);
    }
  });

  it('refuses a second process on the same data directory, and workers without DATABASE_URL, saying what to do', async () => {
    const service = await startServe({ dataDir });
    try {
      const second = einvoice(['serve', '--port', '0', '--data-dir', dataDir]);
      assert.equal(second.status, 1, second.stdout);
      assert.match(second.stderr, new RegExp(`in use by another einvoice process \\(pid ${service.child.pid}, serving ${service.url.replace(/\./g, '\\.')}\\)`));
      assert.match(second.stderr, /DATABASE_URL/);
      const worker = einvoice(['worker']);
      assert.equal(worker.status, 2);
      assert.match(worker.stderr, /need a shared PostgreSQL database: set DATABASE_URL/);
    } finally {
      assert.equal(await service.stop(), 0);
    }
  });

  it('reports every configuration problem at once, exit 2', async () => {
    const config = join(dataDir, 'bad-config.json');
    writeFileSync(config, JSON.stringify({ workerConcurrency: 0, storage: { driver: 'ftp' } }));
    const result = einvoice(['serve', '--port', 'eighty', '--config', config]);
    assert.equal(result.status, 2);
    for (const setting of ['port', 'workerConcurrency', 'storage']) assert.match(result.stderr, new RegExp(`- ${setting}`));
    const missing = einvoice(['serve', '--config', join(dataDir, 'nope.json')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json: no such file/);
  });

  it('SIGKILL during a batch of 200: after a restart all 200 complete, each with exactly one e-invoice', async () => {
    const crashDir = await tempDir();
    try {
      const first = await startServe({ dataDir: crashDir });
      const apiKey = first.apiKey!;
      assert.equal(await first.stop(), 0);
      await crashDuringBatch(() => startServe({ dataDir: crashDir }), apiKey);
    } finally {
      await rm(crashDir, { recursive: true, force: true });
    }
  });
});

describe('einvoice serve on PostgreSQL (subprocess, DATABASE_URL)', { timeout: 600_000, skip: process.env['DATABASE_URL'] ? false : 'DATABASE_URL is not set' }, () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let dataDir: string;
  before(async () => {
    database = await freshPostgresDatabase();
    dataDir = await tempDir();
  });
  after(async () => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates a tenant directly with `tenants create --json`; a submitted invoice completes', async () => {
    const tenant = createTenantWithCli('acme', { dataDir, databaseUrl: database!.url });
    const service = await startServe({ dataDir, databaseUrl: database!.url });
    try {
      assert.equal(service.apiKey, undefined, 'no default tenant on a server database');
      // The service runs: tenants are still created directly in PostgreSQL.
      const another = createTenantWithCli('globex', { dataDir, databaseUrl: database!.url });
      assert.equal((await apiClient(service.url, another.apiKey).get('/v1/documents')).status, 200);
      await submitAndCheck(apiClient(service.url, tenant.apiKey));
    } finally {
      assert.equal(await service.stop(), 0, service.stderr());
    }
  });

  it('scales out with `einvoice worker` beside the service; both stop gracefully', async () => {
    const tenant = createTenantWithCli('scale', { dataDir, databaseUrl: database!.url });
    const service = await startServe({ dataDir, databaseUrl: database!.url });
    // The same data directory: the file store must be shared (across hosts it would be S3).
    const worker = await startEinvoice(['worker', '--concurrency', '4', '--data-dir', dataDir], database!.url, /worker is running \(concurrency 4\)/);
    try {
      const api = apiClient(service.url, tenant.apiKey);
      const batch = await api.post('/v1/documents/batch', { documents: Array.from({ length: 40 }, (_, i) => ({ context: { format: 'cii' }, invoice: { ...INVOICE, number: `SCALE-${i}` } })) });
      assert.equal(batch.status, 200, batch.text);
      await waitFor('40 completed documents', async () => ((await countDocuments(api, 'completed')) === 40 ? true : undefined));
    } finally {
      assert.equal(await worker.stop(), 0, worker.stderr());
      assert.equal(await service.stop(), 0, service.stderr());
    }
  });

  it('SIGKILL during a batch of 200: after a restart all 200 complete, each with exactly one e-invoice', async () => {
    const tenant = createTenantWithCli('crash', { dataDir, databaseUrl: database!.url });
    await crashDuringBatch(() => startServe({ dataDir, databaseUrl: database!.url }), tenant.apiKey);
  });
});
