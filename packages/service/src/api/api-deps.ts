import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/config.schema.js';
import type { Database } from '../db/database.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { BlobStore } from '../storage/blob-store.js';

/** What the API needs, built by the entry point from the configuration (the API never builds adapters). */
export type ApiDeps = {
  db: Database;
  blobs: BlobStore;
  queue: JobQueue;
  config: ServiceConfig;
  /** Seals tenants' secrets; when absent, built on first use from the master key the configuration names. */
  secrets?: SecretBox;
  /** Keys the correction links mailed to people; without it the correction pages are not served. */
  correctionKey?: Uint8Array;
  /** A pino logger for requests and faults; false (or absent) logs nothing. */
  logger?: Logger | false;
};
