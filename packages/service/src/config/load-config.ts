import { serviceConfigSchema, type ServiceConfig } from './config.schema.js';

/** Raw configuration sources; `loadConfig` is pure: the caller reads files and the environment. */
export type ConfigSources = {
  /** Values from command-line flags (already parsed), highest precedence. */
  flags?: Record<string, unknown>;
  /** The process environment. */
  env?: Record<string, string | undefined>;
  /** The parsed config file (JSON), lowest precedence before defaults. */
  file?: Record<string, unknown>;
};

/** The result: a config, or every problem found (all at once, each naming its setting). */
export type ConfigResult = { ok: true; config: ServiceConfig } | { ok: false; problems: string[] };

/** Environment variables and the setting each one sets. */
const ENV: Readonly<Record<string, string>> = {
  EINVOICE_PORT: 'port',
  EINVOICE_HOST: 'host',
  EINVOICE_DATA_DIR: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  EINVOICE_MASTER_KEY: 'masterKey',
  EINVOICE_MASTER_KEY_FILE: 'masterKeyFile',
  EINVOICE_BODY_LIMIT: 'bodyLimit',
  EINVOICE_WORKER_CONCURRENCY: 'workerConcurrency',
  EINVOICE_WORKER_SYNCHRONOUS_COMMIT: 'workerSynchronousCommit',
  EINVOICE_LOG_LEVEL: 'logLevel',
  EINVOICE_FOLDER_ROOT: 'folderRoot',
  EINVOICE_SMTP_URL: 'smtpUrl',
  EINVOICE_MAIL_FROM: 'mailFrom',
  EINVOICE_PUBLIC_URL: 'publicUrl',
  EINVOICE_CORRECTION_LINK_TTL_SECONDS: 'correctionLinkTtlSeconds',
};

/** Storage settings from the environment: EINVOICE_STORAGE=s3 with EINVOICE_S3_BUCKET, _REGION, _ENDPOINT, _PREFIX, _FORCE_PATH_STYLE. */
function storageFromEnv(env: Record<string, string | undefined>): Record<string, unknown> | undefined {
  const driver = env['EINVOICE_STORAGE'];
  if (driver === undefined) return undefined;
  if (driver !== 's3') return { driver };
  const s3: Record<string, unknown> = { driver: 's3', bucket: env['EINVOICE_S3_BUCKET'] };
  if (env['EINVOICE_S3_REGION']) s3['region'] = env['EINVOICE_S3_REGION'];
  if (env['EINVOICE_S3_ENDPOINT']) s3['endpoint'] = env['EINVOICE_S3_ENDPOINT'];
  if (env['EINVOICE_S3_PREFIX']) s3['prefix'] = env['EINVOICE_S3_PREFIX'];
  if (env['EINVOICE_S3_FORCE_PATH_STYLE']) s3['forcePathStyle'] = env['EINVOICE_S3_FORCE_PATH_STYLE'] === 'true';
  return s3;
}

/** Merges flags > environment > file > defaults and validates the result. */
export function loadConfig(sources: ConfigSources): ConfigResult {
  const fromEnv: Record<string, unknown> = {};
  for (const [variable, key] of Object.entries(ENV)) {
    const value = sources.env?.[variable];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const storage = sources.env ? storageFromEnv(sources.env) : undefined;
  if (storage) fromEnv['storage'] = storage;
  const definedFlags = Object.fromEntries(Object.entries(sources.flags ?? {}).filter(([, value]) => value !== undefined));
  const merged = { ...sources.file, ...fromEnv, ...definedFlags };
  const result = serviceConfigSchema.safeParse(merged);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(config)'}: ${issue.message}`),
  };
}
