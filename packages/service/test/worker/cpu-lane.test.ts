import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onCpuLane } from '../../src/pipeline/cpu-lane.js';

describe('the CPU lane', () => {
  it('runs pieces in order, one per turn of the event loop, letting other callbacks in between', async () => {
    const events: string[] = [];
    const pieces = [1, 2, 3].map((n) =>
      onCpuLane(() => {
        events.push(`piece ${n}`);
        // What arrived meanwhile (an HTTP request, say) is handled before the next piece.
        setImmediate(() => events.push(`after piece ${n}`));
        return n;
      }),
    );
    assert.deepEqual(await Promise.all(pieces), [1, 2, 3]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(events, ['piece 1', 'after piece 1', 'piece 2', 'after piece 2', 'piece 3', 'after piece 3']);
  });

  it('rejects with the error a piece throws, and goes on with the next', async () => {
    const failing = onCpuLane(() => {
      throw new Error('boom');
    });
    const next = onCpuLane(() => 'next');
    await assert.rejects(failing, /boom/);
    assert.equal(await next, 'next');
  });
});
