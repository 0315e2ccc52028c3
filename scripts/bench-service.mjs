#!/usr/bin/env node
/* global fetch */
// End-to-end benchmark of the service (built packages): starts `einvoice serve` on PGlite, then on
// PostgreSQL (DATABASE_URL, or the local server at 127.0.0.1:5432 when it answers), submits unique
// XRechnung invoices to POST /v1/documents and waits until every accepted document is processed. Two runs
// per engine:
//   saturation  closed loop (autocannon, 20 connections): each client sends its next request as soon as
//               its last one is answered: documents per second completed end to end, and the submit
//               latency at that load (about connections / throughput: it measures queueing as much as the
//               service);
//   steady      open loop (open-loop-load.mjs): requests evenly spaced at BENCH_RATE per second (default
//               200 on PostgreSQL, half the measured saturation throughput on PGlite), over up to 20
//               connections, each latency measured from the moment the request was due: the submit latency
//               p50/p99 at a load the service sustains, and whether processing keeps up. (autocannon's own
//               rate limit sends each second's requests in a burst at the second's start; see that file.)
// Environment: BENCH_REQUESTS (default 3000), BENCH_CONNECTIONS (default 20), BENCH_ENGINES (pglite,postgres),
// BENCH_RATE (requests per second of the steady run), BENCH_NODE_ARGS (more flags for the service's node,
// e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it); service settings pass through, e.g.
// EINVOICE_WORKER_CONCURRENCY=32.
// Diagnostics: BENCH_LATENCY_FILE=<prefix> writes each steady run's latencies to <prefix>-<engine>.json
// (when the run started, its rate, and every request's latency in send order: request i was due
// i / rate s after the start), to find when slow answers happen; BENCH_SERVICE_LOG=<prefix> writes what
// the service printed to <prefix>-<engine>.log (with BENCH_NODE_ARGS=--trace-gc, its collections).
// On ext4, leave five minutes between runs (or keep the data with BENCH_KEEP_DATA=1 and remove it yourself
// after a series of runs): each run removes its data directories (thousands of blob files)
// at the end, and for a few minutes after such a deletion ext4 creates files nearby slowly (it checks each
// recently freed inode before reusing it); a run started at once spends up to a sixth of the machine there.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { validate } from '@einvoice-hub/core';
import autocannon from 'autocannon';
import pg from 'pg';
import { openLoopLoad, quantile } from './open-loop-load.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages', 'cli', 'bin', 'einvoice.js');
const requests = Number(process.env.BENCH_REQUESTS ?? 3000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
// The service runs with the node flags of `npm start` (a bigger young generation: less garbage-collection
// work per document), plus BENCH_NODE_ARGS.
const startFlags = /\bnode((?: --\S+)*) /.exec(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start)?.[1] ?? '';
const nodeArgs = `${startFlags} ${process.env.BENCH_NODE_ARGS ?? ''}`.split(' ').filter(Boolean);
const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const invoice = JSON.parse(readFileSync(join(root, 'packages', 'core', 'test', 'fixtures', 'invoice-xrechnung.json'), 'utf8'));

/**
 * How fast this machine is right now: the median time to validate the official UBL examples (the figure
 * `npm run bench:validate` reports), measured before and after the runs. On a shared virtual machine it
 * drifts by half or more within an hour; the documents per second move with it.
 */
function speedReference() {
  const dir = join(root, '..', 'shared', 'conformance', 'en16931', 'examples', 'ubl');
  if (!existsSync(dir)) return undefined;
  const docs = readdirSync(dir).filter((name) => name.endsWith('.xml')).map((name) => readFileSync(join(dir, name))).filter((bytes) => bytes.length < 200_000);
  const times = [];
  for (let round = 0; round < 13; round++) {
    for (const bytes of docs) {
      const start = performance.now();
      validate(bytes);
      if (round >= 3) times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

function printSpeed(when) {
  const reference = speedReference();
  if (reference !== undefined) console.log(`machine speed ${when}: ${reference.toFixed(3)} ms median validation of an official UBL example (lower is faster)`);
}

/** Polls `check` until it returns a value other than undefined. */
async function waitFor(what, check, timeoutMs = 600_000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

function serviceEnv(databaseUrl) {
  const env = { ...process.env, EINVOICE_LOG_LEVEL: 'warn' }; 
  delete env.DATABASE_URL;
  if (databaseUrl) Object.assign(env, { DATABASE_URL: databaseUrl, EINVOICE_MASTER_KEY: env.EINVOICE_MASTER_KEY ?? randomBytes(32).toString('base64') });
  return env;
}

async function startServe(dataDir, env, engine) {
  const child = spawn(process.execPath, [...nodeArgs, bin, 'serve', '--port', '0', '--data-dir', dataDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (err += chunk));
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code) => ((exited = true), resolve(code))));
  const url = await waitFor('the service URL', () => {
    if (exited) throw new Error(`einvoice serve exited:\n${out}\n${err}`);
    return /is running at (http:\/\/\S+)/.exec(out)?.[1];
  }, 60_000, 50);
  const log = process.env.BENCH_SERVICE_LOG;
  if (log) void exit.then(() => writeFileSync(`${log}-${engine}.log`, `${out}${err}`));
  return { url, apiKey: /^API key: (\S+)$/m.exec(out)?.[1], stop: () => (child.kill('SIGTERM'), exit) };
}

async function api(url, apiKey, path, init = {}) {
  const response = await fetch(new URL(path, url), { ...init, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...init.headers } });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

async function count(url, apiKey, status) {
  let total = 0;
  let cursor = null;
  do {
    const page = await api(url, apiKey, `/v1/documents?status=${status}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

async function pending(url, apiKey) {
  for (const status of ['received', 'processing']) {
    if ((await api(url, apiKey, `/v1/documents?status=${status}&limit=1`)).items.length > 0) return true;
  }
  return false;
}

/**
 * CPU time the whole machine spent (user, system, interrupts; not idle, I/O wait or steal), in
 * milliseconds, from /proc/stat; undefined where there is none. Divided by the documents of a run it gives
 * the CPU cost of a document across the service, the database and the load generator: steadier than a
 * rate on a shared machine.
 */
function busyCpuMs() {
  try {
    const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return ((user + nice + system + irq + softirq) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Submits `amount` unique invoices — closed loop with autocannon, or open loop at `rate` per second — then
 * waits until none is pending.
 */
async function drive(url, apiKey, amount, label, rate, engine) {
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const started = performance.now();
  const cpuBefore = busyCpuMs();
  let load;
  if (rate) {
    // Each body unique: the invoice number carries the run's label and the request's index.
    const prefix = JSON.stringify({ context: { format: 'xrechnung-ubl', country: 'DE' }, invoice: { ...invoice, number: `${label}-\u0000` } });
    const [head, tail] = prefix.split('\\u0000');
    const startedAt = Date.now();
    const result = await openLoopLoad({ url, rate, amount, connections, request: (i) => ({ path: '/v1/documents', headers, body: `${head}${i}-${randomBytes(4).toString('hex')}${tail}` }) });
    const file = process.env.BENCH_LATENCY_FILE;
    if (file) writeFileSync(`${file}-${engine}.json`, JSON.stringify({ startedAt: new Date(startedAt).toISOString(), rate, latenciesMs: result.latencies }));
    load = { accepted: [...result.statuses].filter(([status]) => status >= 200 && status < 300).reduce((sum, [, n]) => sum + n, 0), latencies: result.latencies };
    load.errors = amount - load.accepted;
  } else {
    // autocannon puts a fresh random id wherever the body says [<id>]: every request is a new invoice.
    const body = JSON.stringify({ context: { format: 'xrechnung-ubl', country: 'DE' }, invoice: { ...invoice, number: `${label}-[<id>]` } });
    const result = await autocannon({ url: `${url}/v1/documents`, method: 'POST', connections, amount, headers, body, idReplacement: true, timeout: 30 });
    load = { accepted: result['2xx'], errors: result.non2xx + result.errors + result.timeouts, p50: result.latency.p50, p99: result.latency.p99 };
  }
  const submitted = performance.now();
  await waitFor('every document to be processed', async () => ((await pending(url, apiKey)) ? undefined : true));
  const finished = performance.now();
  const cpuAfter = busyCpuMs();
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { load, submitSeconds: (submitted - started) / 1000, totalSeconds: (finished - started) / 1000, cpuMs };
}

function summarize({ load, submitSeconds, totalSeconds, cpuMs }) {
  const { accepted } = load;
  return {
    cpuPerDocument: cpuMs === undefined || accepted === 0 ? undefined : cpuMs / accepted,
    accepted,
    errors: load.errors,
    submitPerSecond: accepted / submitSeconds,
    completedPerSecond: accepted / totalSeconds,
    p50: load.latencies ? quantile(load.latencies, 0.5) : load.p50,
    p99: load.latencies ? quantile(load.latencies, 0.99) : load.p99,
    max: load.latencies ? Math.max(...load.latencies) : undefined,
    totalSeconds,
  };
}

async function bench(engine) {
  const dataDir = mkdtempSync(join(tmpdir(), `einvoice-bench-${engine}-`));
  let databaseUrl;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    const server = process.env.DATABASE_URL ?? LOCAL_SERVER;
    const name = `einvoice_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    try {
      await admin.connect();
    } catch (error) {
      console.log(`postgres: skipped (no server at ${server}: ${error.message})`);
      return undefined;
    }
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  const env = serviceEnv(databaseUrl);
  try {
    let apiKey;
    if (databaseUrl) {
      const created = spawnSync(process.execPath, [bin, 'tenants', 'create', 'bench', '--json', '--data-dir', dataDir], { cwd: root, env, encoding: 'utf8' });
      if (created.status !== 0) throw new Error(created.stderr);
      apiKey = JSON.parse(created.stdout.trim().split('\n').at(-1)).apiKey;
    }
    const service = await startServe(dataDir, env, engine);
    apiKey ??= service.apiKey;
    try {
      await drive(service.url, apiKey, Math.min(200, requests), 'WARMUP');
      const runs = [];
      const saturation = await drive(service.url, apiKey, requests, 'SATURATION');
      runs.push({ name: 'saturation', ...summarize(saturation) });
      const rate = Math.max(1, Math.round(Number(process.env.BENCH_RATE ?? (engine === 'postgres' ? 200 : 0.5 * runs[0].completedPerSecond))));
      const steady = await drive(service.url, apiKey, requests, 'STEADY', rate, engine);
      runs.push({ name: `steady ${rate}/s`, ...summarize(steady) });
      const failed = await count(service.url, apiKey, 'failed');
      return { engine, runs, failed };
    } finally {
      await service.stop();
    }
  } finally {
    await dropDatabase().catch(() => undefined);
    // Removed when every run is over: ext4 makes creating files slow for up to five minutes after thousands
    // were deleted nearby (it skips recently freed inodes one by one), which would slow the next engine's
    // run by a millisecond per blob.
    dataDirs.push(dataDir);
  }
}

const dataDirs = [];
const ms = (value) => `${Number.isInteger(value) ? value : value.toFixed(1)} ms`;

console.log(
  `einvoice service benchmark: ${requests} POST /v1/documents (xrechnung-ubl, unique bodies), ${connections} connections, node ${process.version} ${nodeArgs.join(' ')}`,
);
printSpeed('before');
for (const engine of engines) {
  const row = await bench(engine);
  if (!row) continue;
  for (const run of row.runs) {
    console.log(
      `${engine.padEnd(8)} ${run.name.padEnd(16)} ${run.completedPerSecond.toFixed(0).padStart(5)} documents/s completed end to end` +
        ` | POST /v1/documents p50 ${ms(run.p50)}, p99 ${ms(run.p99)}${run.max === undefined ? '' : `, max ${ms(run.max)}`}, ${run.submitPerSecond.toFixed(0)} req/s` +
        ` | ${run.accepted} accepted, ${run.errors} errors, ${run.totalSeconds.toFixed(1)} s` +
        (run.cpuPerDocument === undefined ? '' : ` | ${run.cpuPerDocument.toFixed(2)} CPU-ms/document (whole machine)`),
    );
  }
  if (row.failed > 0) console.log(`${engine}: ${row.failed} documents failed (expected none)`);
}
printSpeed('after');
if (process.env.BENCH_KEEP_DATA) console.log(`data directories kept: ${dataDirs.join(' ')}`);
else for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
