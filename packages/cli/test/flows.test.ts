import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadConfig, startService, type RunningService } from '@einvoice-hub/service';
import { pino } from 'pino';

// The CLI runs as a real subprocess from the built package (npm ci / npm test build it), the way a user runs it.
// spawn, not spawnSync: the service of the publish tests runs in this process and must keep answering.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO, 'packages', 'cli', 'bin', 'einvoice.js');

type Run = { status: number | null; stdout: string; stderr: string };

/** Runs `einvoice` to completion with only the given EINVOICE_URL / EINVOICE_API_KEY in its environment. */
function einvoice(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ['EINVOICE_URL', 'EINVOICE_API_KEY']) if (!options.env?.[name]) delete env[name];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const GOOD_YAML = `# Peppol for ACME's German customers; the comment is part of the stored source.
name: acme-peppol
description: Peppol BIS 3 for ACME
match:
  format: peppol-bis-3
  country: DE
steps:
  - normalize: {}
  - transform: { format: peppol-bis-3 }
  - validate: { rules: [en16931] }
`;

/** The same flow as JSON, with one step fewer: a second version of it. */
const GOOD_JSON = JSON.stringify({ name: 'acme-peppol', match: { format: 'peppol-bis-3', country: 'DE' }, steps: [{ transform: { format: 'peppol-bis-3' } }, { validate: {} }] });

/** Three schema problems at three paths. */
const BAD_SCHEMA_YAML = `name: Bad_Name
match:
  format: [ubl]
steps: []
`;

/** Well-formed, but the steps are out of order: validate and deliver before any transform. */
const BAD_ORDER_YAML = `name: out-of-order
steps:
  - validate: {}
  - deliver: { destination: { type: folder, path: out } }
`;

describe('einvoice flows', { timeout: 120_000 }, () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'einvoice-flows-'));
    for (const [name, text] of Object.entries({ 'good.yaml': GOOD_YAML, 'good.json': GOOD_JSON, 'bad-schema.yml': BAD_SCHEMA_YAML, 'bad-order.yaml': BAD_ORDER_YAML })) {
      writeFileSync(file(name), text);
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  describe('validate (offline)', () => {
    it('says ok for valid YAML and JSON files, with the flow name and step count', async () => {
      const result = await einvoice(['flows', 'validate', file('good.yaml'), file('good.json')]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `${file('good.yaml')}: ok (flow acme-peppol, 3 steps)\n${file('good.json')}: ok (flow acme-peppol, 2 steps)\n`);
    });

    it('prints every problem with its path and exits 1, checking every file', async () => {
      const result = await einvoice(['flows', 'validate', file('bad-schema.yml'), file('good.yaml'), file('bad-order.yaml')]);
      assert.equal(result.status, 1, result.stderr);
      const lines = result.stdout.trimEnd().split('\n');
      const schema = lines.filter((line) => line.startsWith(`${file('bad-schema.yml')}: `)).map((line) => line.slice(file('bad-schema.yml').length + 2));
      assert.deepEqual(schema.map((line) => line.split(': ')[0]).sort(), ['match.format', 'name', 'steps']);
      assert.ok(schema.some((line) => /^steps: needs at least one step$/.test(line)), schema.join('\n'));
      assert.ok(lines.includes(`${file('good.yaml')}: ok (flow acme-peppol, 3 steps)`));
      assert.ok(lines.includes(`${file('bad-order.yaml')}: steps[0].validate: needs a transform step before it`), result.stdout);
      assert.ok(lines.includes(`${file('bad-order.yaml')}: steps[1].deliver: needs a transform step before it`), result.stdout);
      assert.ok(lines.some((line) => line.startsWith(`${file('bad-order.yaml')}: steps: needs a transform step`)), result.stdout);
    });

    it('reads standard input and reports YAML syntax errors with their line', async () => {
      const result = await einvoice(['flows', 'validate', '-'], { input: 'name: [\n' });
      assert.equal(result.status, 1);
      assert.match(result.stdout, /^-: Not valid YAML or JSON \(line \d+, column \d+\): /);
    });

    it('exits 2 for a file it cannot read, still checking the others', async () => {
      const result = await einvoice(['flows', 'validate', file('missing.yaml'), file('good.yaml')]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^einvoice flows validate: Cannot read .*missing\.yaml: no such file$/m);
      assert.equal(result.stdout, `${file('good.yaml')}: ok (flow acme-peppol, 3 steps)\n`);
    });

    it('exits 2 on usage errors, and lists flows in the help', async () => {
      for (const args of [['flows'], ['flows', 'nope'], ['flows', 'validate'], ['flows', 'validate', '--url', 'http://x', file('good.yaml')], ['flows', 'list', 'extra']]) {
        const result = await einvoice(args, { env: { EINVOICE_API_KEY: 'key' } });
        assert.equal(result.status, 2, args.join(' '));
        assert.match(result.stderr, /Run "einvoice flows --help" for usage\./, args.join(' '));
      }
      const help = await einvoice(['flows', '--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /einvoice flows publish <file\|->/);
      assert.match((await einvoice(['--help'])).stdout, /^ {2}flows +check flow definitions/m);
    });
  });

  describe('publish, list, show (against a service)', () => {
    let service: RunningService;
    let url: string;
    let apiKey: string;
    let serviceDir: string;
    const withKey = (args: string[]) => ['flows', ...args, '--url', url, '--api-key', apiKey];

    before(async () => {
      serviceDir = await mkdtemp(join(tmpdir(), 'einvoice-flows-service-'));
      const config = loadConfig({ flags: { port: 0, dataDir: serviceDir } });
      assert.ok(config.ok);
      service = await startService(config.config, { api: true, worker: false, logger: pino({ level: 'silent' }) });
      assert.ok(service.url && service.initialTenant);
      url = service.url;
      apiKey = service.initialTenant.apiKey;
    });
    after(async () => {
      await service.close();
      await rm(serviceDir, { recursive: true, force: true });
    });

    it('needs an API key', async () => {
      const result = await einvoice(['flows', 'list', '--url', url]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /needs the tenant's API key: give --api-key <key> or set EINVOICE_API_KEY/);
    });

    it('publishes a YAML file, lists it as published and shows its source as written', async () => {
      const published = await einvoice(withKey(['publish', file('good.yaml')]));
      assert.equal(published.status, 0, published.stderr);
      assert.equal(published.stdout, 'Published acme-peppol version 1\n');

      const listed = await einvoice(withKey(['list', '--json']));
      assert.equal(listed.status, 0, listed.stderr);
      const items = (JSON.parse(listed.stdout) as { items: { name: string; builtin: boolean; latestVersion: number; latestState: string; publishedVersion: number | null }[] }).items;
      const own = items.find((item) => item.name === 'acme-peppol');
      assert.deepEqual(own && { builtin: own.builtin, latestVersion: own.latestVersion, latestState: own.latestState, publishedVersion: own.publishedVersion }, {
        builtin: false,
        latestVersion: 1,
        latestState: 'published',
        publishedVersion: 1,
      });
      assert.ok(items.some((item) => item.builtin && item.name === 'builtin-ubl'));

      const table = await einvoice(withKey(['list']));
      assert.equal(table.status, 0, table.stderr);
      assert.match(table.stdout, /^NAME +LATEST +STATE +PUBLISHED +MATCH\n/);
      assert.match(table.stdout, /^acme-peppol +1 +published +1 +format=peppol-bis-3, country=DE$/m);

      const shown = await einvoice(withKey(['show', 'acme-peppol']));
      assert.equal(shown.status, 0, shown.stderr);
      assert.equal(shown.stdout, GOOD_YAML);
    });

    it('publishes a JSON file as the next version, with the service found through the environment', async () => {
      const env = { EINVOICE_URL: url, EINVOICE_API_KEY: apiKey };
      const published = await einvoice(['flows', 'publish', file('good.json')], { env });
      assert.equal(published.status, 0, published.stderr);
      assert.equal(published.stdout, 'Published acme-peppol version 2\n');
      const shown = await einvoice(['flows', 'show', 'acme-peppol', '--json'], { env });
      assert.equal(shown.status, 0, shown.stderr);
      const detail = JSON.parse(shown.stdout) as { versions: { version: number; state: string; source?: string }[] };
      assert.deepEqual(detail.versions.map((v) => [v.version, v.state]), [[2, 'published'], [1, 'published']]);
      assert.deepEqual(JSON.parse(detail.versions[0]?.source ?? ''), JSON.parse(GOOD_JSON));
    });

    it('shows a built-in flow as its JSON definition', async () => {
      const shown = await einvoice(withKey(['show', 'builtin-cii']));
      assert.equal(shown.status, 0, shown.stderr);
      assert.deepEqual((JSON.parse(shown.stdout) as { name: string; steps: unknown[] }).name, 'builtin-cii');
    });

    it('prints each problem of a refused flow and exits 1, publishing nothing', async () => {
      const result = await einvoice(withKey(['publish', file('bad-order.yaml')]));
      assert.equal(result.status, 1);
      assert.match(result.stderr, /^einvoice flows publish: .*bad-order\.yaml: The flow definition has 3 problems \[invalid-flow, HTTP 422\]$/m);
      assert.ok(result.stderr.includes(`${file('bad-order.yaml')}: steps[0].validate: needs a transform step before it\n`), result.stderr);
      assert.ok(result.stderr.includes(`${file('bad-order.yaml')}: steps[1].deliver: needs a transform step before it\n`), result.stderr);
      const shown = await einvoice(withKey(['show', 'out-of-order']));
      assert.equal(shown.status, 1);
      assert.match(shown.stderr, /^einvoice flows show: No flow out-of-order \[not-found, HTTP 404\]$/m);
    });

    it('reports a refused key and an unreachable service, exit 1', async () => {
      const refused = await einvoice(['flows', 'list', '--url', url, '--api-key', 'not-a-key']);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /^einvoice flows list: .*\[unauthorized, HTTP 401\]$/m);
      assert.equal(refused.stderr.includes('not-a-key'), false, 'the key is never printed');

      const closedPort = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      });
      const unreachable = await einvoice(['flows', 'list', '--url', `http://127.0.0.1:${closedPort}`, '--api-key', apiKey]);
      assert.equal(unreachable.status, 1);
      assert.match(unreachable.stderr, /^einvoice flows list: cannot reach the service at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/m);
    });
  });
});
