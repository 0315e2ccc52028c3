import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../src/db/database.js';
import { cachedApiKeyLookup } from '../../src/tenants/api-key-cache.js';
import { createTenant, issueApiKey, revokeApiKey } from '../../src/tenants/tenant.repository.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';

/** The database, counting the statements that reach it. */
function counting(db: Database): { db: Database; count: () => number } {
  let statements = 0;
  return {
    db: { ...db, query: (...args: Parameters<Database['query']>) => ((statements += 1), db.query(...args)) } as Database,
    count: () => statements,
  };
}

for (const engine of testDatabases()) {
  describe(`cachedApiKeyLookup (${engine.name})`, () => {
    let t: TestDatabase;
    before(async () => (t = await engine.open()));
    after(() => t.cleanup());

    test('a valid key is looked up once and then remembered until its time is up', async () => {
      const tenant = await createTenant(t.db, 'Cached GmbH');
      const { db, count } = counting(t.db);
      const lookup = cachedApiKeyLookup(db, { ttlMs: 200, maxKeys: 10 });
      for (let n = 0; n < 5; n++) assert.deepEqual(await lookup(tenant.apiKey), { id: tenant.tenantId, name: 'Cached GmbH' });
      assert.equal(count(), 1);
      await sleep(250);
      assert.deepEqual(await lookup(tenant.apiKey), { id: tenant.tenantId, name: 'Cached GmbH' });
      assert.equal(count(), 2);
    });

    test('a revoked key works at most until its remembered time is up', async () => {
      const tenant = await createTenant(t.db, 'Revoking GmbH');
      const second = await issueApiKey(t.db, tenant.tenantId);
      const lookup = cachedApiKeyLookup(t.db, { ttlMs: 200, maxKeys: 10 });
      assert.equal((await lookup(second.apiKey))?.id, tenant.tenantId);
      assert.equal(await revokeApiKey(t.db, tenant.tenantId, second.keyId), true);
      assert.equal((await lookup(second.apiKey))?.id, tenant.tenantId, 'still remembered');
      await sleep(250);
      assert.equal(await lookup(second.apiKey), undefined);
      assert.equal((await lookup(tenant.apiKey))?.id, tenant.tenantId, 'the other key keeps working');
    });

    test('unknown keys are never remembered: every guess is asked, and none fills the cache', async () => {
      const tenant = await createTenant(t.db, 'Guarded GmbH');
      const { db, count } = counting(t.db);
      const lookup = cachedApiKeyLookup(db, { ttlMs: 60_000, maxKeys: 2 });
      const wrong = `${tenant.apiKey.slice(0, -1)}${tenant.apiKey.endsWith('A') ? 'B' : 'A'}`;
      for (let n = 0; n < 3; n++) assert.equal(await lookup(wrong), undefined);
      assert.equal(count(), 3);
      // Not even asked: not one of our keys.
      assert.equal(await lookup('x'.repeat(10_000)), undefined);
      assert.equal(await lookup('not-a-key'), undefined);
      assert.equal(count(), 3);
      assert.equal((await lookup(tenant.apiKey))?.id, tenant.tenantId);
      assert.equal((await lookup(tenant.apiKey))?.id, tenant.tenantId);
      assert.equal(count(), 4);
    });

    test('keeps at most maxKeys keys, forgetting the oldest first', async () => {
      const tenants = await Promise.all(['One', 'Two', 'Three'].map((name) => createTenant(t.db, name)));
      const { db, count } = counting(t.db);
      const lookup = cachedApiKeyLookup(db, { ttlMs: 60_000, maxKeys: 2 });
      for (const tenant of tenants) await lookup(tenant.apiKey);
      assert.equal(count(), 3);
      await lookup(tenants[2]!.apiKey);
      await lookup(tenants[1]!.apiKey);
      assert.equal(count(), 3, 'the two newest are remembered');
      await lookup(tenants[0]!.apiKey);
      assert.equal(count(), 4, 'the oldest was forgotten');
    });
  });
}
