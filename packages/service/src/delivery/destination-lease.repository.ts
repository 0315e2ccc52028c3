import type { Database } from '../db/database.js';

/** How long a lease on a destination lasts without renewal: longer than any attempt (HTTP times out at 30 s). */
export const LEASE_SECONDS = 90;

/**
 * Takes the lease on a tenant's destination for `holder`, if no one else holds a live one. One sender per
 * destination keeps the deliveries in order; a lease that expires frees a destination whose sender died.
 */
export async function acquireDestinationLease(db: Database, at: { tenantId: string; destinationKey: string }, holder: string): Promise<boolean> {
  const { rows } = await db.query(
    `insert into destination_leases (tenant_id, destination_key, holder, expires_at)
     values ($1, $2, $3, now() + $4 * interval '1 second')
     on conflict (tenant_id, destination_key) do update set holder = excluded.holder, expires_at = excluded.expires_at
       where destination_leases.expires_at < now() or destination_leases.holder = excluded.holder
     returning holder`,
    [at.tenantId, at.destinationKey, holder, LEASE_SECONDS],
  );
  return rows.length > 0;
}

/** Releases the lease if `holder` still has it. */
export async function releaseDestinationLease(db: Database, at: { tenantId: string; destinationKey: string }, holder: string): Promise<void> {
  await db.query('delete from destination_leases where tenant_id = $1 and destination_key = $2 and holder = $3', [at.tenantId, at.destinationKey, holder]);
}

/** Frees every lease: for a process alone on its database (the embedded default), whose leases all died with it. */
export async function releaseAllDestinationLeases(db: Database): Promise<void> {
  await db.query('delete from destination_leases');
}
