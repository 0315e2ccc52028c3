import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AppError, NotFoundError } from '../errors/app-error.js';
import type { BlobRef, BlobStore } from './blob-store.js';
import { assertBlobIntegrity, assertSha256Hex, sha256Hex } from './sha256.js';

/** Where the S3 blob store keeps its objects. */
export type S3BlobStoreOptions = {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, Ceph, R2 …); AWS when absent. */
  endpoint?: string;
  /** Prepended to every key, e.g. `einvoice/`; a missing trailing slash is added. */
  prefix: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`; most S3-compatible stores need it. */
  forcePathStyle: boolean;
  /** Explicit credentials; otherwise the AWS SDK's default chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
};

/**
 * A content-addressed blob store in an S3 bucket: the object `<prefix>blobs/<sha256>`. Objects are never
 * overwritten; a put whose object already exists only costs a HEAD request.
 */
export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    forcePathStyle: options.forcePathStyle,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    // The SDK's default CRC32 trailers are not understood by every S3-compatible store; we send the
    // SHA-256 we already have instead (below), which S3 verifies just as well.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const prefix = options.prefix === '' || options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
  const keyOf = (sha256: string): string => `${prefix}blobs/${sha256}`;

  return {
    async put(bytes: Uint8Array): Promise<BlobRef> {
      const sha256 = sha256Hex(bytes);
      const ref = { sha256, size: bytes.byteLength };
      const key = keyOf(sha256);
      if (await objectExists(client, options.bucket, key)) return ref;
      await client.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: 'application/octet-stream',
          // The store rejects the upload if the bytes it received do not have this digest.
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
      return ref;
    },

    async get(sha256: string): Promise<Uint8Array> {
      const address = assertSha256Hex(sha256);
      try {
        const result = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: keyOf(address) }));
        if (!result.Body) throw new AppError('internal', `The object store returned no body for blob ${address}`);
        return assertBlobIntegrity(address, await result.Body.transformToByteArray());
      } catch (error) {
        if (isNotFound(error)) throw new NotFoundError(`No blob ${address}`);
        throw error;
      }
    },

    async check(): Promise<void> {
      await client.send(new HeadBucketCommand({ Bucket: options.bucket }));
    },
  };
}

async function objectExists(client: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/**
 * Whether the object is absent: HEAD answers a bare 404 (`NotFound`), GET a `NoSuchKey` error document. A
 * missing bucket is a configuration problem, not a missing blob, so `NoSuchBucket` stays an error.
 */
function isNotFound(error: unknown): boolean {
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } } | null;
  if (e?.name === 'NoSuchBucket') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
