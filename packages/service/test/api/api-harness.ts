import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../src/api/build-api.js';
import { serviceConfigSchema } from '../../src/config/config.schema.js';
import type { Database } from '../../src/db/database.js';
import { createPgBossQueue } from '../../src/queue/pg-boss-queue.js';
import { PROCESS_DOCUMENT, type JobQueue, type ProcessDocumentJob } from '../../src/queue/job-queue.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { createFsBlobStore } from '../../src/storage/fs-blob-store.js';
import { createTenant } from '../../src/tenants/tenant.repository.js';
import type { TestEngine } from '../support/databases.js';
import { makeTempDir } from '../support/temp-dir.js';

const FIXTURES = fileURLToPath(new URL('../../../core/test/fixtures/', import.meta.url));

/** An EN 16931 JSON invoice of the core's fixtures, as a fresh plain object to modify. */
export function fixtureInvoice(name = 'invoice-standard-rated.json'): Record<string, unknown> {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as Record<string, unknown>;
}

/** A valid submission body; `overrides` replace top-level keys of the invoice. */
export function submission(overrides: Record<string, unknown> = {}, context: Record<string, unknown> = { format: 'ubl', country: 'SE' }) {
  return { context, invoice: { ...fixtureInvoice(), ...overrides } };
}

/** An HTTP answer, body read as text and, when it is JSON, parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely and assert their shape
export type Answer = { status: number; headers: Headers; text: string; json: any };

/** A running API over a real port, on a fresh database, with two tenants. */
export type ApiHarness = {
  url: string;
  db: Database;
  blobs: BlobStore;
  app: FastifyInstance;
  tenant: { id: string; key: string };
  other: { id: string; key: string };
  /** Every job the API enqueued, in order (recorded on top of the real pg-boss queue). */
  enqueued: ProcessDocumentJob[];
  /** The queues whose local workers the API woke, once per call, in order. */
  woken: string[];
  /** How many process-document jobs pg-boss holds for a document (read from pg-boss's own table). */
  jobsInQueue(documentId: string): Promise<number>;
  /** Sends a request; `body` objects are sent as JSON, strings and bytes as they are. */
  call(method: string, path: string, options?: { key?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<Answer>;
  close(): Promise<void>;
};

/** Starts the API on 127.0.0.1:0 over a fresh database of `engine`, with a filesystem blob store and the pg-boss queue. */
export async function startApi(
  engine: TestEngine,
  options: { bodyLimit?: number; wrapBlobs?: (blobs: BlobStore) => BlobStore; wrapDb?: (db: Database) => Database } = {},
): Promise<ApiHarness> {
  const database = await engine.open();
  const dir = await makeTempDir('einvoice-api');
  const closers: (() => Promise<unknown>)[] = [() => dir.remove(), () => database.cleanup()];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  };
  try {
    const db = database.db;
    const fsBlobs = createFsBlobStore(join(dir.path, 'blobs'));
    const blobs = options.wrapBlobs ? options.wrapBlobs(fsBlobs) : fsBlobs;
    const realQueue = await createPgBossQueue(db);
    closers.push(() => realQueue.stop());
    const enqueued: ProcessDocumentJob[] = [];
    const woken: string[] = [];
    const queue: JobQueue = {
      enqueue: async (tx, name, jobs) => {
        await realQueue.enqueue(tx, name, jobs);
        if (name === PROCESS_DOCUMENT) enqueued.push(...(jobs as readonly ProcessDocumentJob[]));
      },
      wake: (name) => {
        woken.push(name);
        realQueue.wake?.(name);
      },
      work: (name, handler, workOptions) => realQueue.work(name, handler, workOptions),
      stop: () => realQueue.stop(),
    };
    const config = serviceConfigSchema.parse({ dataDir: dir.path, ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}) });
    // The API's own database (a test may put faults in it); the harness reads and writes `db` directly.
    const app = await buildApi({ db: options.wrapDb ? options.wrapDb(db) : db, blobs, queue, config, logger: false });
    closers.push(() => app.close());
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const first = await createTenant(db, 'acme');
    const second = await createTenant(db, 'globex');
    const tenant = { id: first.tenantId, key: first.apiKey };
    return {
      url,
      db,
      blobs,
      app,
      tenant,
      other: { id: second.tenantId, key: second.apiKey },
      enqueued,
      woken,
      async jobsInQueue(documentId) {
        const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = $1 and data->>'documentId' = $2`, [PROCESS_DOCUMENT, documentId]);
        return rows[0]?.n ?? 0;
      },
      async call(method, path, callOptions = {}) {
        const headers: Record<string, string> = { ...callOptions.headers };
        const key = callOptions.key === undefined ? tenant.key : callOptions.key;
        if (key !== null) headers['authorization'] = `Bearer ${key}`;
        let body: string | Uint8Array | undefined;
        if (typeof callOptions.body === 'string' || callOptions.body instanceof Uint8Array) body = callOptions.body;
        else if (callOptions.body !== undefined) {
          body = JSON.stringify(callOptions.body);
          headers['content-type'] ??= 'application/json';
        }
        const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
        const text = await response.text();
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        return { status: response.status, headers: response.headers, text, json };
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** Asserts a problem+json answer with this status and code; returns the problem. */
export function expectProblem(answer: Answer, status: number, code: string): { detail: string; errors?: { path?: string; message: string; line?: number; column?: number; code?: string }[] } {
  const type = answer.headers.get('content-type') ?? '';
  if (answer.status !== status || !type.startsWith('application/problem+json') || answer.json?.code !== code) {
    throw new Error(`Expected a ${status} ${code} problem+json, got ${answer.status} ${type}: ${answer.text.slice(0, 500)}`);
  }
  for (const member of ['type', 'title', 'status', 'detail', 'code']) {
    if (answer.json[member] === undefined) throw new Error(`The problem has no "${member}": ${answer.text}`);
  }
  if (answer.json.status !== status) throw new Error(`The problem's status ${answer.json.status} is not ${status}`);
  return answer.json;
}
