import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

// The CLI runs as a real subprocess from the built package (npm ci / npm test build it), the way a user runs it.
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = join(REPO, 'packages', 'cli', 'bin', 'einvoice.js');

/** Waits until `check` returns a value (not undefined), polling; fails with `what` at the deadline. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** An `einvoice serve` subprocess. */
export type ServeProcess = {
  url: string;
  /** The API key printed on the first start of an empty embedded database. */
  apiKey: string | undefined;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, then waits until the process is gone. */
  kill(): Promise<void>;
};

/** A master key for the tests on PostgreSQL (which need one given; only the embedded default generates its own). */
const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

/** The environment of a subprocess: quiet logs, and DATABASE_URL (with a master key) only when given. */
export function serviceEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, EINVOICE_LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'EINVOICE_MASTER_KEY', 'EINVOICE_MASTER_KEY_FILE', 'EINVOICE_DATA_DIR', 'EINVOICE_PORT']) delete env[name];
  if (databaseUrl) Object.assign(env, { DATABASE_URL: databaseUrl, EINVOICE_MASTER_KEY: TEST_MASTER_KEY });
  return env;
}

/** Starts `einvoice serve --port 0` and waits until it prints its URL. */
export async function startServe(options: { dataDir: string; databaseUrl?: string; args?: string[] }): Promise<ServeProcess> {
  const started = await startEinvoice(['serve', '--port', '0', '--data-dir', options.dataDir, ...(options.args ?? [])], options.databaseUrl, /is running at (http:\/\/\S+)/);
  return { ...started, url: started.match[1]!, apiKey: /^API key: (\S+)$/m.exec(started.stdout())?.[1] };
}

/** Starts an `einvoice` command that runs until stopped, and waits until its output matches `ready`. */
export async function startEinvoice(args: string[], databaseUrl: string | undefined, ready: RegExp): Promise<Omit<ServeProcess, 'url' | 'apiKey'> & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: serviceEnv(databaseUrl), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const match = await waitFor(`einvoice ${args[0] ?? ''} to be ready`, () => {
    if (gone) throw new Error(`einvoice ${args.join(' ')} exited early:\n${out}\n${err}`);
    return ready.exec(out) ?? undefined;
  });
  return {
    match,
    child,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs an `einvoice` command to completion. */
export function einvoice(args: string[], options: { databaseUrl?: string } = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, env: serviceEnv(options.databaseUrl), encoding: 'utf8', timeout: 120_000 });
}

/** A fresh database on the PostgreSQL server of DATABASE_URL, and how to drop it; undefined without DATABASE_URL. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) return undefined;
  const name = `einvoice_cli_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`) };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A small HTTP client for the API with one tenant's key. */
export function apiClient(url: string, apiKey: string) {
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(new URL(path, url), {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, text, json: (type.includes('json') && text !== '' ? JSON.parse(text) : undefined) as Record<string, unknown> | undefined };
  };
  return {
    get: (path: string) => request('GET', path),
    post: (path: string, body: unknown) => request('POST', path, body),
  };
}
