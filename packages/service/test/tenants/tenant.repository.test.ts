import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashApiKey } from '../../src/tenants/api-key.js';
import { createTenant, findTenantByApiKey, issueApiKey, listTenants, revokeApiKey } from '../../src/tenants/tenant.repository.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';

for (const engine of testDatabases()) {
  describe(`tenant repository (${engine.name})`, () => {
    let t: TestDatabase;
    before(async () => (t = await engine.open()));
    after(() => t.cleanup());

    test('createTenant returns the key once; only its hash and prefix are stored', async () => {
      const created = await createTenant(t.db, 'Acme GmbH');
      assert.equal(created.name, 'Acme GmbH');
      assert.match(created.apiKey, /^eih_/);
      const { rows } = await t.db.query<{ row: string; key_hash: string; key_prefix: string }>(
        'select k::text as row, key_hash, key_prefix from api_keys k where tenant_id = $1',
        [created.tenantId],
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.key_hash, hashApiKey(created.apiKey));
      assert.equal(rows[0]?.key_prefix, created.apiKey.slice(0, 12));
      assert.ok(!rows[0]?.row.includes(created.apiKey), 'the key in clear is not stored');
      const { rows: all } = await t.db.query<{ dump: string }>('select string_agg(t::text, chr(10)) as dump from tenants t');
      assert.ok(!all[0]?.dump.includes(created.apiKey));
    });

    test('findTenantByApiKey finds the tenant by its key; a wrong key finds nothing', async () => {
      const a = await createTenant(t.db, 'A');
      const b = await createTenant(t.db, 'B');
      assert.deepEqual(await findTenantByApiKey(t.db, a.apiKey), { id: a.tenantId, name: 'A' });
      assert.deepEqual(await findTenantByApiKey(t.db, b.apiKey), { id: b.tenantId, name: 'B' });
      const lastChar = a.apiKey.at(-1) === 'A' ? 'B' : 'A';
      for (const wrong of [`${a.apiKey.slice(0, -1)}${lastChar}`, a.apiKey.slice(0, -1), `${a.apiKey}x`, '', 'eih_', hashApiKey(a.apiKey), a.apiKey.slice(0, 12), 'x'.repeat(10_000)]) {
        assert.equal(await findTenantByApiKey(t.db, wrong), undefined, wrong.slice(0, 20));
      }
    });

    test('a revoked key is refused; another key of the tenant keeps working', async () => {
      const tenant = await createTenant(t.db, 'Rotating');
      const second = await issueApiKey(t.db, tenant.tenantId);
      assert.equal((await findTenantByApiKey(t.db, second.apiKey))?.id, tenant.tenantId);
      const other = await createTenant(t.db, 'Other');
      assert.equal(await revokeApiKey(t.db, other.tenantId, second.keyId), false, 'a tenant cannot revoke another tenant’s key');
      assert.equal(await revokeApiKey(t.db, tenant.tenantId, second.keyId), true);
      assert.equal(await findTenantByApiKey(t.db, second.apiKey), undefined);
      assert.equal((await findTenantByApiKey(t.db, tenant.apiKey))?.id, tenant.tenantId);
      assert.equal(await revokeApiKey(t.db, tenant.tenantId, second.keyId), false, 'already revoked');
    });

    test('listTenants lists every tenant, oldest first', async () => {
      const created = await createTenant(t.db, 'Listed');
      const list = await listTenants(t.db);
      assert.ok(list.some((x) => x.id === created.tenantId && x.name === 'Listed' && x.createdAt instanceof Date));
      const times = list.map((x) => x.createdAt.getTime());
      assert.deepEqual(times, [...times].sort((x, y) => x - y));
    });
  });
}
