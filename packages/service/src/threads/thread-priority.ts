import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the CPU priority of the calling thread alone to `nice` (0 normal, 19 lowest), where the system
 * allows it: on Linux, whose scheduler keeps a nice value per thread and names the calling thread's id in
 * /proc/thread-self; elsewhere nothing happens. Returns whether it did. Lowering is always allowed; the
 * thread cannot raise it again without privileges.
 */
export function lowerThreadPriority(nice: number): boolean {
  let threadId: number;
  try {
    threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return false;
  }
  if (!Number.isInteger(threadId) || threadId <= 0) return false;
  try {
    setPriority(threadId, nice);
    return true;
  } catch {
    return false;
  }
}
