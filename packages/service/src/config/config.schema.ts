import { z } from 'zod';

/** Where files are kept: a directory (default, under the data directory) or S3-compatible object storage. */
export const storageConfigSchema = z.discriminatedUnion('driver', [
  z.object({ driver: z.literal('fs'), root: z.string().min(1).optional() }).strict(),
  z
    .object({
      driver: z.literal('s3'),
      bucket: z.string().min(1),
      region: z.string().min(1).default('us-east-1'),
      /** For S3-compatible stores (MinIO, Ceph …). */
      endpoint: z.string().url().optional(),
      prefix: z.string().default(''),
      forcePathStyle: z.boolean().default(false),
    })
    .strict(),
]);

/** The service configuration: one schema, defaults included, validated once at start-up. */
export const serviceConfigSchema = z
  .object({
    /** HTTP port of the API. */
    port: z.coerce.number().int().min(0).max(65535).default(8080),
    /** Interface to listen on; loopback unless told otherwise. */
    host: z.string().min(1).default('127.0.0.1'),
    /** Directory of the embedded database, the file store and the generated master key. */
    dataDir: z.string().min(1).default('./data'),
    /** A PostgreSQL server (postgres://…); without it the embedded PGlite database in dataDir is used. */
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
    storage: storageConfigSchema.default({ driver: 'fs' }),
    /** Master key for secrets at rest: 32 bytes, base64. Without it one is generated in dataDir (embedded use). */
    masterKey: z.string().optional(),
    /** A file holding the master key (base64), e.g. a mounted secret. */
    masterKeyFile: z.string().optional(),
    /** Largest accepted request body, in bytes. */
    bodyLimit: z.coerce.number().int().positive().default(20 * 1024 * 1024),
    /**
     * Whether the worker's writes wait for the database server to flush them to disk (PostgreSQL's
     * synchronous_commit). Off by default: every worker write is idempotent and re-done when lost, so a
     * database crash can only roll processing back a moment, never lose an accepted document (the API's
     * writes always wait for the flush).
     */
    workerSynchronousCommit: z
      .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
      .default(false),
    /** Jobs processed at the same time by this process's worker. */
    workerConcurrency: z.coerce.number().int().positive().max(256).default(16),
    /** Where `folder` destinations write: flows name directories under it, never outside. Default `<dataDir>/outbox`. */
    folderRoot: z.string().min(1).optional(),
    /** The service's own mail server for notifications: smtp://user:password@host:port or smtps://…. Without it notifications are logged, not sent. */
    smtpUrl: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
    /** The sender of notifications. */
    mailFrom: z.string().min(3).default('eInvoice Hub <einvoice-hub@localhost>'),
    /** The address people reach the service at, for links in mails (correction pages). Default: the address it listens on. */
    publicUrl: z.string().regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL').optional(),
    /** How long a correction link in a mail stays valid, in seconds (default 7 days). */
    correctionLinkTtlSeconds: z.coerce.number().int().positive().default(7 * 24 * 3600),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict();

/** The validated service configuration. */
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;
