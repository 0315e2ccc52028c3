import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { API_KEY_PREFIX, generateApiKey, hashApiKey } from './api-key.js';

/** A tenant as listed (no keys). */
export type TenantInfo = { id: string; name: string; createdAt: Date };

/** A newly issued API key: the key in clear exists only in this value, for the caller to show once. */
export type IssuedApiKey = { keyId: string; apiKey: string; prefix: string };

/** Creates a tenant with its first API key, in one transaction. The key is returned once and stored only hashed. */
export async function createTenant(db: Database, name: string): Promise<{ tenantId: string; name: string; apiKey: string }> {
  const tenantId = randomUUID();
  const issued = await db.transaction(async (tx) => {
    await tx.query('insert into tenants (id, name) values ($1, $2)', [tenantId, name]);
    return insertApiKey(tx, tenantId);
  });
  return { tenantId, name, apiKey: issued.apiKey };
}

/** Issues another API key for a tenant (key rotation); the old ones keep working until revoked. */
export async function issueApiKey(db: Database, tenantId: string): Promise<IssuedApiKey> {
  return insertApiKey(db, tenantId);
}

/** Revokes one of the tenant's keys; false when the tenant has no such (unrevoked) key. */
export async function revokeApiKey(db: Database, tenantId: string, keyId: string): Promise<boolean> {
  const { rows } = await db.query(
    'update api_keys set revoked_at = now() where tenant_id = $1 and id = $2 and revoked_at is null returning id',
    [tenantId, keyId],
  );
  return rows.length > 0;
}

/** The tenant an API key belongs to, or undefined for an unknown or revoked key. Looks up the key's hash only. */
export async function findTenantByApiKey(db: Database, key: string): Promise<{ id: string; name: string } | undefined> {
  // Not one of ours (or absurdly long): no need to hash it or ask the database.
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return undefined;
  const { rows } = await db.query<{ id: string; name: string }>(
    `select t.id, t.name from api_keys k join tenants t on t.id = k.tenant_id
     where k.key_hash = $1 and k.revoked_at is null`,
    [hashApiKey(key)],
  );
  return rows[0];
}

/** Every tenant, oldest first (administration: the CLI, never a tenant's API request). */
export async function listTenants(db: Database): Promise<TenantInfo[]> {
  const { rows } = await db.query<{ id: string; name: string; created_at: Date | string }>('select id, name, created_at from tenants order by created_at, id');
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: new Date(row.created_at) }));
}

async function insertApiKey(db: Database, tenantId: string): Promise<IssuedApiKey> {
  const { key, hash, prefix } = generateApiKey();
  const keyId = randomUUID();
  await db.query('insert into api_keys (id, tenant_id, key_hash, key_prefix) values ($1, $2, $3, $4)', [keyId, tenantId, hash, prefix]);
  return { keyId, apiKey: key, prefix };
}
