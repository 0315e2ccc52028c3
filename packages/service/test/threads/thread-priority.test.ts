import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import { describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { threadNice } from '../support/thread-nice.js';

const MODULE = new URL('../../src/threads/thread-priority.ts', import.meta.url).href;

/** Runs lowerThreadPriority(nice) in a new worker thread; answers what it returned and the thread's nice value after. */
function lowerInThread(nice: number): Promise<{ lowered: boolean; nice: number }> {
  // The thread reports its id and then waits, so that its nice value is read while it still runs.
  const script = `
    const { parentPort } = require('node:worker_threads');
    const { readlinkSync } = require('node:fs');
    import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(MODULE)}); }).then(({ lowerThreadPriority }) => {
      const lowered = lowerThreadPriority(${nice});
      parentPort.postMessage({ lowered, tid: readlinkSync('/proc/thread-self').split('/').pop() });
      // Alive until terminated.
      setInterval(() => undefined, 60_000);
    });`;
  const worker = new Worker(script, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('message', ({ lowered, tid }: { lowered: boolean; tid: string }) => {
      const answer = { lowered, nice: threadNice(tid) };
      void worker.terminate().then(() => resolve(answer));
    });
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
