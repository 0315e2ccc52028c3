/**
 * Runs CPU-bound work (reading, writing or signing an invoice: about a millisecond each) one piece per
 * turn of the event loop (validation has a thread of its own: `validation-thread.ts`). Without it, the
 * jobs whose I/O completed together run all their CPU work in one burst — 32 jobs × 1 ms — and every HTTP
 * request that arrived meanwhile waits behind it; through the lane
 * the event loop handles pending I/O between any two pieces, so the API's latency stays low while the
 * worker is busy. This work still runs on the main thread: the lane orders it, it does not add threads.
 */
export function onCpuLane<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    lane.push(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    });
    if (!draining) {
      draining = true;
      setImmediate(runNext);
    }
  });
}

const lane: (() => void)[] = [];
let draining = false;

/** One piece per check phase: the next piece is scheduled only after this one ran, so I/O comes in between. */
function runNext(): void {
  lane.shift()?.();
  if (lane.length > 0) setImmediate(runNext);
  else draining = false;
}
