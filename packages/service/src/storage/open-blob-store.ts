import { join } from 'node:path';
import type { ServiceConfig } from '../config/config.schema.js';
import type { BlobStore } from './blob-store.js';
import { cachedBlobStore } from './cached-blob-store.js';
import { createFsBlobStore } from './fs-blob-store.js';
import { createS3BlobStore } from './s3-blob-store.js';

/** The directory of the file store when the configuration does not name one. */
export function defaultBlobRoot(dataDir: string): string {
  return join(dataDir, 'blobs');
}

/**
 * Builds the blob store the configuration selects — a directory (default `<dataDir>/blobs`) or an S3
 * bucket — with a cache of the blobs used most recently in front of it.
 */
export function openBlobStore(config: Pick<ServiceConfig, 'dataDir' | 'storage'>): BlobStore {
  return cachedBlobStore(openBackingStore(config));
}

function openBackingStore(config: Pick<ServiceConfig, 'dataDir' | 'storage'>): BlobStore {
  const storage = config.storage;
  switch (storage.driver) {
    case 'fs':
      return createFsBlobStore(storage.root ?? defaultBlobRoot(config.dataDir));
    case 's3':
      return createS3BlobStore({
        bucket: storage.bucket,
        region: storage.region,
        ...(storage.endpoint === undefined ? {} : { endpoint: storage.endpoint }),
        prefix: storage.prefix,
        forcePathStyle: storage.forcePathStyle,
      });
  }
}
