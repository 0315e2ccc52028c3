import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { threadEntry } from '../threads/thread-entry.js';

/** A file to write: its final path and its bytes (the directory is created when missing). */
export type BlobFileWrite = { path: string; bytes: Uint8Array };

/** What the main thread sends the writer thread, and what comes back per request. */
export type BlobFileRequest = BlobFileWrite & { id: number };
export type BlobFileResult = { id: number; error?: { message: string; code?: string } };

type Pending = { resolve: () => void; reject: (error: Error) => void };
type WriterThread = { worker: Worker; port: MessagePort; pending: Map<number, Pending> };

// One thread: its own work per file is a few quick system calls; the flushes run on the thread pool.
let thread: WriterThread | undefined;
let nextId = 0;
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
  const id = nextId++;
  const writer = writerThread();
  const written = new Promise<void>((resolve, reject) => {
    writer.pending.set(id, { resolve, reject });
    // Keep the process alive while a write is in flight, not while the thread idles.
    if (writer.pending.size === 1) writer.worker.ref();
    writer.port.postMessage({ id, path: write.path, bytes: write.bytes } satisfies BlobFileRequest);
  }).finally(() => inFlight.delete(write.path));
  inFlight.set(write.path, written);
  return written;
}

function writerThread(): WriterThread {
  return (thread ??= startThread());
}

function startThread(): WriterThread {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(threadEntry(import.meta.url, 'blob-file-writer.thread'), { eval: true, workerData: { port: port2 }, transferList: [port2] });
  worker.unref();
  const started: WriterThread = { worker, port: port1, pending: new Map() };
  port1.on('message', (results: BlobFileResult[]) => {
    for (const result of results) {
      const pending = started.pending.get(result.id);
      if (!pending) continue;
      started.pending.delete(result.id);
      if (result.error) pending.reject(Object.assign(new Error(result.error.message), result.error.code ? { code: result.error.code } : {}));
      else pending.resolve();
    }
    if (started.pending.size === 0) started.worker.unref();
  });
  port1.unref();
  const fail = (error: Error) => {
    // The thread is gone: its writes fail (a caller's retry starts a new thread).
    if (thread === started) thread = undefined;
    for (const pending of started.pending.values()) pending.reject(error);
    started.pending.clear();
    port1.close();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The blob writer thread stopped (exit code ${code})`)));
  return started;
}
