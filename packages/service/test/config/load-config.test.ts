import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../src/config/load-config.js';

describe('loadConfig: workerSynchronousCommit', () => {
  test('off by default; "true" and "false" from the environment, booleans from the file', () => {
    const read = (sources: Parameters<typeof loadConfig>[0]) => {
      const result = loadConfig(sources);
      assert.ok(result.ok, JSON.stringify(result));
      return result.config.workerSynchronousCommit;
    };
    assert.equal(read({}), false);
    assert.equal(read({ env: { EINVOICE_WORKER_SYNCHRONOUS_COMMIT: 'true' } }), true);
    assert.equal(read({ env: { EINVOICE_WORKER_SYNCHRONOUS_COMMIT: 'false' } }), false);
    assert.equal(read({ file: { workerSynchronousCommit: true } }), true);
    // The environment beats the file.
    assert.equal(read({ file: { workerSynchronousCommit: true }, env: { EINVOICE_WORKER_SYNCHRONOUS_COMMIT: 'false' } }), false);
  });

  test('anything else is a problem that names the setting, reported with the others', () => {
    const result = loadConfig({ env: { EINVOICE_WORKER_SYNCHRONOUS_COMMIT: 'yes', EINVOICE_PORT: 'eighty' } });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.ok(result.problems.some((p) => p.includes('workerSynchronousCommit')), result.problems.join('\n'));
    assert.ok(result.problems.some((p) => p.includes('port')), result.problems.join('\n'));
  });
});
