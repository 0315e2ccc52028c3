import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/config.schema.js';
import type { Database } from '../db/database.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { BlobStore } from '../storage/blob-store.js';

/** What the API needs, built by the entry point from the configuration (the API never builds adapters). */
export type ApiDeps = {
  db: Database;
  blobs: BlobStore;
  queue: JobQueue;
  config: ServiceConfig;
  /** A pino logger for requests and faults; false (or absent) logs nothing. */
  logger?: Logger | false;
};
