import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../src/errors/app-error.js';
import type { Database } from '../../src/db/database.js';
import { createSecretBox } from '../../src/secrets/secret-box.js';
import { deleteSecret, listSecrets, putSecret, readSecret } from '../../src/secrets/secret.repository.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';

const text = (bytes: Uint8Array | undefined): string | undefined => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

async function insertTenant(db: Database, name: string): Promise<string> {
  const id = randomUUID();
  await db.query('insert into tenants (id, name) values ($1, $2)', [id, name]);
  return id;
}

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

for (const engine of testDatabases()) {
  describe(`secret repository (${engine.name})`, () => {
    let t: TestDatabase;
    let tenantA: string;
    let tenantB: string;
    const box = createSecretBox(randomBytes(32));
    before(async () => {
      t = await engine.open();
      tenantA = await insertTenant(t.db, 'A');
      tenantB = await insertTenant(t.db, 'B');
    });
    after(() => t.cleanup());

    test('put then read returns the value and kind', async () => {
      const info = await putSecret(t.db, box, { tenantId: tenantA, name: 'sdi-password', kind: 'password', value: 'hunter2-ÄÖ' });
      assert.equal(info.name, 'sdi-password');
      assert.equal(info.kind, 'password');
      assert.ok(info.createdAt instanceof Date);
      const read = await readSecret(t.db, box, tenantA, 'sdi-password');
      assert.equal(read?.kind, 'password');
      assert.equal(text(read?.value), 'hunter2-ÄÖ');
    });

    test('binary values round-trip', async () => {
      const der = randomBytes(1200);
      await putSecret(t.db, box, { tenantId: tenantA, name: 'signing-key', kind: 'private-key', value: der });
      assert.deepEqual(Buffer.from((await readSecret(t.db, box, tenantA, 'signing-key'))?.value ?? []), der);
    });

    test('put again replaces the value (upsert), keeping created_at', async () => {
      const first = await putSecret(t.db, box, { tenantId: tenantA, name: 'rotating', kind: 'password', value: 'v1' });
      const second = await putSecret(t.db, box, { tenantId: tenantA, name: 'rotating', kind: 'token', value: 'v2' });
      assert.equal(second.createdAt.getTime(), first.createdAt.getTime());
      assert.ok(second.updatedAt.getTime() >= first.updatedAt.getTime());
      const read = await readSecret(t.db, box, tenantA, 'rotating');
      assert.deepEqual({ kind: read?.kind, value: text(read?.value) }, { kind: 'token', value: 'v2' });
    });

    test('tenants are isolated: same name, different values; no reading across tenants', async () => {
      await putSecret(t.db, box, { tenantId: tenantA, name: 'shared-name', kind: 'password', value: 'for A' });
      assert.equal(await readSecret(t.db, box, tenantB, 'shared-name'), undefined);
      await putSecret(t.db, box, { tenantId: tenantB, name: 'shared-name', kind: 'password', value: 'for B' });
      assert.equal(text((await readSecret(t.db, box, tenantA, 'shared-name'))?.value), 'for A');
      assert.equal(text((await readSecret(t.db, box, tenantB, 'shared-name'))?.value), 'for B');
      assert.deepEqual((await listSecrets(t.db, tenantB)).map((s) => s.name), ['shared-name']);
    });

    test('listSecrets gives names, kinds and dates, never values', async () => {
      const list = await listSecrets(t.db, tenantA);
      assert.deepEqual(list.map((s) => s.name), [...list.map((s) => s.name)].sort());
      for (const item of list) assert.deepEqual(Object.keys(item).sort(), ['createdAt', 'kind', 'name', 'updatedAt']);
    });

    test('an unknown name reads as undefined; delete removes', async () => {
      assert.equal(await readSecret(t.db, box, tenantA, 'nope'), undefined);
      await putSecret(t.db, box, { tenantId: tenantA, name: 'temporary', kind: 'password', value: 'x' });
      assert.equal(await deleteSecret(t.db, tenantB, 'temporary'), false, 'another tenant cannot delete it');
      assert.equal(await deleteSecret(t.db, tenantA, 'temporary'), true);
      assert.equal(await readSecret(t.db, box, tenantA, 'temporary'), undefined);
      assert.equal(await deleteSecret(t.db, tenantA, 'temporary'), false);
    });

    test('the database holds no plaintext', async () => {
      const marker = `plaintext-marker-${randomBytes(8).toString('hex')}`;
      await putSecret(t.db, box, { tenantId: tenantA, name: 'marker', kind: 'password', value: marker });
      const { rows } = await t.db.query<{ row: string }>('select s::text as row from secrets s');
      const dump = rows.map((r) => r.row).join('\n');
      for (const form of [marker, Buffer.from(marker).toString('hex'), Buffer.from(marker).toString('base64')]) {
        assert.ok(!dump.includes(form), `the secrets table contains the value (${form.slice(0, 12)}…)`);
      }
      if (t.dataDir) {
        // On disk too: after a checkpoint, no file of the embedded database contains the value.
        await t.db.exec('checkpoint');
        for (const file of await filesUnder(join(t.dataDir, 'pgdata'))) {
          assert.ok(!(await readFile(file)).includes(marker), `${file} contains the value`);
        }
      }
    });

    test('a row moved to another tenant or name does not decrypt', async () => {
      await putSecret(t.db, box, { tenantId: tenantA, name: 'moved', kind: 'password', value: 'stay' });
      await t.db.query(`update secrets set tenant_id = $1 where tenant_id = $2 and name = 'moved'`, [tenantB, tenantA]);
      await assert.rejects(readSecret(t.db, box, tenantB, 'moved'), AppError);
      await t.db.query(`update secrets set tenant_id = $1, name = 'renamed' where tenant_id = $2 and name = 'moved'`, [tenantA, tenantB]);
      await assert.rejects(readSecret(t.db, box, tenantA, 'renamed'), AppError);
    });

    test('a tampered ciphertext is refused', async () => {
      await putSecret(t.db, box, { tenantId: tenantA, name: 'tampered', kind: 'password', value: 'original' });
      // Flip every bit of the first byte: overwriting it with a fixed value changes nothing 1 time in 256.
      await t.db.query(`update secrets set ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 255) where tenant_id = $1 and name = 'tampered'`, [tenantA]);
      await assert.rejects(readSecret(t.db, box, tenantA, 'tampered'), AppError);
    });
  });
}
