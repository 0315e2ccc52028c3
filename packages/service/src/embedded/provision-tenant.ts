import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceConfig } from '../config/config.schema.js';
import { openDatabase } from '../db/open-database.js';
import { createTenant } from '../tenants/tenant.repository.js';
import { createTenantThroughService, type CreatedTenant } from './admin-client.js';
import { acquireInstanceLock, InstanceLockError, readLiveInstance, type InstanceLock } from './instance-lock.js';

/** How long to wait for a process that holds the data directory without serving (starting up, or another command). */
const BUSY_WAIT_MS = 30_000;
const POLL_MS = 200;

/**
 * Creates a tenant wherever the configuration points: directly in PostgreSQL (`databaseUrl`); in the
 * embedded database through the running service that holds it (its admin route); or, when no service
 * runs, in the embedded database opened directly — under the data directory's lock, so a `serve`
 * starting meanwhile cannot open the same files.
 */
export async function provisionTenant(config: ServiceConfig, name: string): Promise<CreatedTenant & { via: 'service' | 'database' }> {
  let lock: InstanceLock | undefined;
  if (config.databaseUrl === undefined) {
    const taken = await takeEmbeddedDatabase(config.dataDir);
    if ('service' in taken) return { ...(await createTenantThroughService(taken.service, name)), via: 'service' };
    lock = taken.lock;
  }
  try {
    const db = await openDatabase(config);
    try {
      return { ...(await createTenant(db, name)), via: 'database' };
    } finally {
      await db.close();
    }
  } finally {
    await lock?.release();
  }
}

/** The running service to go through, or the lock of the data directory when none runs. */
async function takeEmbeddedDatabase(dataDir: string): Promise<{ service: { pid: number; url: string; adminToken: string } } | { lock: InstanceLock }> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    const running = await readLiveInstance(dataDir);
    if (running?.url !== undefined && running.adminToken !== undefined) return { service: { pid: running.pid, url: running.url, adminToken: running.adminToken } };
    if (!running) {
      try {
        return { lock: await acquireInstanceLock(dataDir) };
      } catch (error) {
        // A process took it between the look and the take: look again.
        if (!(error instanceof InstanceLockError) || Date.now() > deadline) throw error;
      }
    } else if (Date.now() > deadline) {
      throw new InstanceLockError(dataDir, running);
    }
    await sleep(POLL_MS);
  }
}
