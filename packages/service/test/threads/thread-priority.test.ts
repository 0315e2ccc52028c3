import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import { describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';

const MODULE = new URL('../../src/threads/thread-priority.ts', import.meta.url).href;

/** Runs lowerThreadPriority(nice) in a new worker thread; answers what it returned and the thread's nice value after. */
function lowerInThread(nice: number): Promise<{ lowered: boolean; nice: number }> {
  const script = `
    const { parentPort } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(MODULE)}); }).then(({ lowerThreadPriority }) => {
      const lowered = lowerThreadPriority(${nice});
      // Field 19 of /proc/thread-self/stat: this thread's nice value.
      const nice = Number(readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ')[16]);
      parentPort.postMessage({ lowered, nice });
    });`;
  const worker = new Worker(script, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: { lowered: boolean; nice: number }) => void worker.terminate().then(() => resolve(answer)));
    worker.once('error', reject);
  });
}

describe('lowerThreadPriority', { skip: process.platform !== 'linux' }, () => {
  test('lowers the calling thread alone', async () => {
    const before = getPriority();
    const lower = Math.min(19, before + 7);
    assert.deepEqual(await lowerInThread(lower), { lowered: true, nice: lower });
    assert.equal(getPriority(), before, 'the main thread keeps its priority');
  });
});
