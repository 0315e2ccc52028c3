import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import type { ServiceConfig } from '../../src/config/config.schema.js';
import { InstanceLockError, instanceFilePath } from '../../src/embedded/instance-lock.js';
import { ServiceConfigError, startService, type RunningService } from '../../src/service.js';
import { makeTempDir } from '../support/temp-dir.js';

function embeddedConfig(dataDir: string): ServiceConfig {
  const result = loadConfig({ flags: { port: 0, dataDir } });
  assert.ok(result.ok);
  return result.config;
}

describe('startService on the embedded database', { timeout: 120_000 }, () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let service: RunningService;
  let adminToken: string;
  const logger = pino({ level: 'silent' });

  before(async () => {
    dir = await makeTempDir('einvoice-service');
    service = await startService(embeddedConfig(dir.path), { api: true, worker: true, logger });
    adminToken = (JSON.parse(readFileSync(instanceFilePath(dir.path), 'utf8')) as { adminToken: string }).adminToken;
  });
  after(async () => {
    await service.close();
    await dir.remove();
  });

  const admin = (body: unknown, token = adminToken) =>
    fetch(`${service.url}/admin/tenants`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('creates the tenant "default" on the first start and gives its key once', async () => {
    assert.equal(service.engine, 'pglite');
    assert.equal(service.initialTenant?.name, 'default');
    const listing = await fetch(`${service.url}/v1/documents`, { headers: { authorization: `Bearer ${service.initialTenant!.apiKey}` } });
    assert.equal(listing.status, 200);
  });

  it('creates tenants through POST /admin/tenants with the admin token only', async () => {
    const created = await admin({ name: 'acme' });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('cache-control'), 'no-store');
    const tenant = (await created.json()) as { tenantId: string; name: string; apiKey: string };
    assert.equal(tenant.name, 'acme');
    assert.equal((await fetch(`${service.url}/v1/documents`, { headers: { authorization: `Bearer ${tenant.apiKey}` } })).status, 200);

    const wrongToken = await admin({ name: 'mallory' }, 'guess');
    assert.equal(wrongToken.status, 401);
    assert.equal(wrongToken.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal((await admin({ name: 'mallory' }, tenant.apiKey)).status, 401);
    const badBody = await admin({ name: '  ' });
    assert.equal(badBody.status, 400);
    assert.equal(((await badBody.json()) as { code: string }).code, 'bad-request');
  });

  it('keeps the admin route out of the OpenAPI document', async () => {
    const openapi = (await (await fetch(`${service.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    assert.ok(Object.keys(openapi.paths).some((path) => path.startsWith('/v1/documents')));
    assert.equal(Object.keys(openapi.paths).some((path) => path.startsWith('/admin')), false);
  });

  it('refuses a second service on the same data directory, and workers alone on the embedded database', async () => {
    await assert.rejects(startService(embeddedConfig(dir.path), { api: true, worker: true, logger }), InstanceLockError);
    await assert.rejects(startService(embeddedConfig(join(dir.path, 'other')), { api: false, worker: true, logger }), ServiceConfigError);
  });

  it('gives no new tenant on a later start', async () => {
    const other = await makeTempDir('einvoice-service');
    try {
      const first = await startService(embeddedConfig(other.path), { api: true, worker: false, logger });
      assert.ok(first.initialTenant);
      await first.close();
      await first.close();
      const second = await startService(embeddedConfig(other.path), { api: true, worker: false, logger });
      assert.equal(second.initialTenant, undefined);
      await second.close();
    } finally {
      await other.remove();
    }
  });
});
