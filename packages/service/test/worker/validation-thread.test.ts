import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validateDocument } from '@einvoice-hub/core';
import { validateOnThread } from '../../src/pipeline/validation-thread.js';
import { threadNice } from '../support/thread-nice.js';

const EXAMPLE = fileURLToPath(new URL('../../../../../shared/conformance/en16931/examples/ubl/ubl-tc434-example1.xml', import.meta.url));

describe('validateOnThread', () => {
  test('gives the report validating on the main thread gives, and its JSON file', async () => {
    const bytes = readFileSync(EXAMPLE);
    const { report, json } = await validateOnThread(bytes, ['en16931']);
    assert.deepEqual(report, validateDocument(bytes, { rules: ['en16931'] }));
    assert.deepEqual(JSON.parse(new TextDecoder().decode(json)), report);
  });

  test('answers concurrent validations each with its own report', async () => {
    const valid = readFileSync(EXAMPLE);
    // The same invoice without its number (BT-1): BR-02 is fatal.
    const invalid = new TextEncoder().encode(valid.toString('utf8').replace(/<cbc:ID>[^<]*<\/cbc:ID>/, ''));
    const results = await Promise.all([valid, invalid, valid, invalid].map((bytes) => validateOnThread(bytes, ['en16931'])));
    assert.deepEqual(results.map((r) => r.report.valid), [true, false, true, false]);
    assert.ok(results[1]!.report.findings.some((f) => f.rule === 'BR-02' && f.severity === 'fatal'), JSON.stringify(results[1]!.report.findings));
  });

  test('a document that cannot be read rejects with the read error, and the thread goes on', async () => {
    await assert.rejects(validateOnThread(new TextEncoder().encode('<Invoice'), ['en16931']), (error: Error & { code?: string }) => error.name === 'DocumentReadError' && typeof error.code === 'string');
    assert.equal((await validateOnThread(readFileSync(EXAMPLE), ['en16931'])).report.valid, true);
  });

  test('validates below the priority of the main thread (Linux)', { skip: process.platform !== 'linux' }, async () => {
    const before = getPriority();
    await validateOnThread(readFileSync(EXAMPLE), ['en16931']);
    const tasks = readdirSync('/proc/self/task');
    assert.equal(threadNice(process.pid), before, 'the main thread keeps its priority');
    assert.ok(
      tasks.some((tid) => threadNice(tid) === 10),
      `no thread at nice 10: ${tasks.map((tid) => `${tid}=${threadNice(tid)}`).join(' ')}`,
    );
  });

  test('a process that validated exits on its own: the thread does not keep it alive', () => {
    const script = [
      `import { readFileSync } from 'node:fs';`,
      `import { validateOnThread } from ${JSON.stringify(new URL('../../src/pipeline/validation-thread.ts', import.meta.url).href)};`,
      `const { report } = await validateOnThread(readFileSync(${JSON.stringify(EXAMPLE)}), ['en16931']);`,
      `console.log(report.valid);`,
    ].join('\n');
    const child = spawnSync(process.execPath, [...process.execArgv, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), 'true');
  });
});
