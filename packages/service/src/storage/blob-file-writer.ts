import { requestThread } from '../threads/request-thread.js';

/** A file to write: its final path and its bytes (the directory is created when missing). */
export type BlobFileWrite = { path: string; bytes: Uint8Array };

/** What the main thread sends the writer thread, and what comes back per request. */
export type BlobFileRequest = BlobFileWrite & { id: number };
export type BlobFileResult = { id: number; error?: { message: string; code?: string } };

// One thread: its own work per file is a few quick system calls; the flushes run on the thread pool.
const writer = requestThread<BlobFileResult>(import.meta.url, 'blob-file-writer.thread', 'blob writer thread');
const inFlight = new Map<string, Promise<void>>();

/**
 * Writes a blob file durably, unless a complete file is already at its path: under a temporary name,
 * renamed into place, flushed, and its directory flushed; resolves once all of that is on disk. The work
 * runs on a writer thread: from the main thread, a write through the event loop's thread pool costs about
 * nine round trips to it (stat, open, write, sync, close, rename, and the directory's open, sync, close),
 * each waking a thread, and on a busy two-core machine those wake-ups cost more than the writes
 * themselves. Here the main thread sends one message and gets one answer (shared with the writes that
 * end at the same moment).
 */
export function writeBlobFile(write: BlobFileWrite): Promise<void> {
  // A write of the same path in flight is the same bytes (the path is their hash): wait for it rather than
  // write again — a second write could find the first one's file renamed into place but not yet flushed,
  // and resolve before the blob is on disk.
  const running = inFlight.get(write.path);
  if (running) return running;
  const written = writer((id) => ({ id, path: write.path, bytes: write.bytes }) satisfies BlobFileRequest)
    .then(() => undefined)
    .finally(() => inFlight.delete(write.path));
  inFlight.set(write.path, written);
  return written;
}
