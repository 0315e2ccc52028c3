import type { Database } from '../db/database.js';
import type { SecretBox } from './secret-box.js';

/** What is known about a stored secret without decrypting it: everything except its value. */
export type SecretInfo = { name: string; kind: string; createdAt: Date; updatedAt: Date };

/** A secret to store. */
export type NewSecret = {
  tenantId: string;
  /** Unique per tenant, e.g. `signing-key` or `sdi-credentials`. */
  name: string;
  /** What the value is, e.g. `certificate`, `private-key`, `password`. */
  kind: string;
  /** The value in clear; strings are stored as UTF-8. */
  value: Uint8Array | string;
};

type SecretRow = { name: string; kind: string; created_at: Date | string; updated_at: Date | string };

/**
 * Ties a ciphertext to its tenant and name (GCM associated data): a row copied to another tenant or
 * renamed by someone with write access to the database no longer decrypts.
 */
function associatedData(tenantId: string, name: string): Uint8Array {
  return new TextEncoder().encode(`einvoice-secret\u0000${tenantId}\u0000${name}`);
}

function toInfo(row: SecretRow): SecretInfo {
  return { name: row.name, kind: row.kind, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at) };
}

/** Stores a secret encrypted, replacing any secret of that name for the tenant. Only the ciphertext reaches the database. */
export async function putSecret(db: Database, box: SecretBox, secret: NewSecret): Promise<SecretInfo> {
  const plaintext = typeof secret.value === 'string' ? new TextEncoder().encode(secret.value) : secret.value;
  const sealed = box.seal(plaintext, associatedData(secret.tenantId, secret.name));
  const { rows } = await db.query<SecretRow>(
    `insert into secrets (tenant_id, name, kind, nonce, ciphertext, tag)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (tenant_id, name) do update
       set kind = excluded.kind, nonce = excluded.nonce, ciphertext = excluded.ciphertext, tag = excluded.tag, updated_at = now()
     returning name, kind, created_at, updated_at`,
    [secret.tenantId, secret.name, secret.kind, Buffer.from(sealed.nonce), Buffer.from(sealed.ciphertext), Buffer.from(sealed.tag)],
  );
  return toInfo(rows[0] as SecretRow);
}

/**
 * The decrypted value of a tenant's secret, or undefined when it has none of that name. For the service's
 * own use (signing, delivering): secrets are write-only through the API, so no route may return this.
 */
export async function readSecret(db: Database, box: SecretBox, tenantId: string, name: string): Promise<{ kind: string; value: Uint8Array } | undefined> {
  const { rows } = await db.query<{ kind: string; nonce: Uint8Array; ciphertext: Uint8Array; tag: Uint8Array }>(
    'select kind, nonce, ciphertext, tag from secrets where tenant_id = $1 and name = $2',
    [tenantId, name],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { kind: row.kind, value: box.open({ nonce: row.nonce, ciphertext: row.ciphertext, tag: row.tag }, associatedData(tenantId, name)) };
}

/** The tenant's secrets by name — names, kinds and dates, never values. */
export async function listSecrets(db: Database, tenantId: string): Promise<SecretInfo[]> {
  const { rows } = await db.query<SecretRow>('select name, kind, created_at, updated_at from secrets where tenant_id = $1 order by name', [tenantId]);
  return rows.map(toInfo);
}

/** Deletes a tenant's secret; false when there was none of that name. */
export async function deleteSecret(db: Database, tenantId: string, name: string): Promise<boolean> {
  const { rows } = await db.query('delete from secrets where tenant_id = $1 and name = $2 returning name', [tenantId, name]);
  return rows.length > 0;
}
