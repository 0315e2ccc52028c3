import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { buildApi } from './api/build-api.js';
import type { ServiceConfig } from './config/config.schema.js';
import type { Database } from './db/database.js';
import { openDatabase, openJobDatabase } from './db/open-database.js';
import { registerAdminRoutes } from './embedded/admin-routes.js';
import type { CreatedTenant } from './embedded/admin-client.js';
import { acquireInstanceLock } from './embedded/instance-lock.js';
import { AppError } from './errors/app-error.js';
import { createPgBossQueue } from './queue/pg-boss-queue.js';
import { loadMasterKey } from './secrets/master-key.js';
import { createSecretBox } from './secrets/secret-box.js';
import { deriveCorrectionKey } from './correction/correction-token.js';
import { releaseAllDestinationLeases } from './delivery/destination-lease.repository.js';
import { openBlobStore } from './storage/open-blob-store.js';
import { createTenant, listTenants } from './tenants/tenant.repository.js';
import { startWorker } from './worker/start-worker.js';

/** What to run in this process: the HTTP API, a worker, or both (`einvoice serve`). */
export type ServiceRoles = {
  api: boolean;
  worker: boolean;
  /** Where logs go; by default a pino logger on standard output at `config.logLevel`. */
  logger?: Logger;
};

/** A started service. */
export type RunningService = {
  /** The API's base URL (with the actual port when `port` was 0), when the API runs. */
  url?: string;
  engine: 'pglite' | 'postgres';
  /** The tenant created on the first start of an empty embedded database; its key is shown only here. */
  initialTenant?: CreatedTenant;
  /** Stops taking requests and jobs, waits for those in progress, closes the database; safe to call twice. */
  close(): Promise<void>;
};

/** The configuration cannot work: the roles asked for on this engine, or the master key. */
export class ServiceConfigError extends Error {
  override readonly name = 'ServiceConfigError';
}

/** How long a job may run before the queue hands it to another worker (see createPgBossQueue). */
const JOB_EXPIRY_SECONDS = 60;

/** Name of the tenant created on the first start of an empty embedded database. */
export const INITIAL_TENANT_NAME = 'default';

/**
 * Starts the service from a validated configuration: the database (migrated), the blob store, the queue,
 * then the API and/or a worker. With the embedded database the process first takes the data directory's
 * lock (`service.json`): PGlite admits one process, so a second one fails with a clear message.
 */
export async function startService(config: ServiceConfig, roles: ServiceRoles): Promise<RunningService> {
  const embedded = config.databaseUrl === undefined;
  if (embedded && !roles.api) {
    throw new ServiceConfigError('Workers on their own need a shared PostgreSQL database (set DATABASE_URL): the embedded database admits one process, and `einvoice serve` already runs a worker beside the API.');
  }
  const logger = roles.logger ?? pino({ level: config.logLevel });
  // Everything opened so far, closed in reverse order: on close(), and when start-up fails half-way.
  const closers: { what: string; close: () => Promise<void> }[] = [];
  const closeAll = async () => {
    for (const { what, close } of closers.splice(0).reverse()) {
      await close().catch((error: unknown) => logger.error({ err: error }, `closing the ${what} failed`));
    }
  };
  try {
    const lock = embedded ? await acquireInstanceLock(config.dataDir) : undefined;
    if (lock) closers.push({ what: 'data directory lock', close: () => lock.release() });
    // A missing or malformed master key stops the start, not the first secret written hours later
    // (the embedded default generates one in the data directory).
    const masterKey = await loadMasterKey(config).catch((error: unknown) => {
      throw error instanceof AppError ? new ServiceConfigError(error.message, { cause: error }) : error;
    });
    const secrets = createSecretBox(masterKey);
    const correctionKey = deriveCorrectionKey(masterKey);
    const db = await openDatabase(config);
    closers.push({ what: 'database', close: () => db.close() });
    const initialTenant = embedded ? await createInitialTenant(db) : undefined;
    const jobDb = await openJobDatabase(config, db);
    if (jobDb !== db) closers.push({ what: 'job database', close: () => jobDb.close() });
    const blobs = openBlobStore(config);
    // The queue takes and completes jobs through the job database; the API enqueues through its own
    // transactions, which wait for the flush (accepted means durable).
    const queue = await createPgBossQueue(jobDb, {
      // Alone on the embedded database (the lock says so), every job left active was orphaned by a crash.
      recoverActiveJobs: embedded,
      // On a shared server an orphaned job is retried once it expires: soon after a crash, yet far beyond
      // the milliseconds a document takes (the handler is abandoned and retried past it).
      expireInSeconds: JOB_EXPIRY_SECONDS,
      onError: (error) => logger.error({ err: error }, 'job queue'),
    });
    closers.push({ what: 'queue', close: () => queue.stop() });
    // Alone on the embedded database, every destination lease belongs to a process that is gone.
    if (embedded) await releaseAllDestinationLeases(jobDb);

    let url: string | undefined;
    if (roles.api) {
      const app = await buildApi({ db, blobs, queue, config, logger, secrets, correctionKey });
      const adminToken = lock ? randomBytes(32).toString('base64url') : undefined;
      if (adminToken) registerAdminRoutes(app, { db, adminToken });
      await app.listen({ host: config.host, port: config.port });
      closers.push({ what: 'HTTP server', close: () => app.close() });
      url = baseUrl(config.host, (app.server.address() as AddressInfo).port);
      if (lock && adminToken) await lock.publish({ url, adminToken });
    }
    if (roles.worker) {
      const serviceUrl = url;
      await startWorker({
        db: jobDb,
        blobs,
        queue,
        secrets,
        concurrency: config.workerConcurrency,
        logger,
        destinations: { folderRoot: config.folderRoot ?? join(config.dataDir, 'outbox'), mailFrom: config.mailFrom },
        mail: { ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}), from: config.mailFrom },
        publicUrl: () => config.publicUrl ?? serviceUrl ?? `http://${config.host}:${config.port}`,
        correctionKey,
        correctionLinkTtlSeconds: config.correctionLinkTtlSeconds,
      });
    }
    logger.info({ url, engine: db.engine, api: roles.api, worker: roles.worker }, 'service started');

    let closing: Promise<void> | undefined;
    return {
      ...(url === undefined ? {} : { url }),
      engine: db.engine,
      ...(initialTenant ? { initialTenant } : {}),
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** On the first start of an empty embedded database, a tenant to use right away (`npm start` prints its key). */
async function createInitialTenant(db: Database): Promise<CreatedTenant | undefined> {
  if ((await listTenants(db)).length > 0) return undefined;
  return createTenant(db, INITIAL_TENANT_NAME);
}

/** The URL clients on this machine use: a wildcard listen address is reached through loopback. */
function baseUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
