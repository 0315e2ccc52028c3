import { randomBytes } from 'node:crypto';
import { closeSync, fsync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { workerData, type MessagePort } from 'node:worker_threads';
import type { BlobFileRequest, BlobFileResult } from './blob-file-writer.js';

// The thread behind writeBlobFile. The quick steps of a write (stat, open, write, rename, close) are plain
// blocking calls here, off the main thread's event loop. The flushes, which wait for the disk, run on the
// thread pool, several at once: a journalling filesystem commits flushes that arrive together in one go,
// and a write never waits for another one's flush. Each request is answered as soon as its own file and
// directory are flushed; the answers of one moment go back in one message.

const port = (workerData as { port: MessagePort }).port;
// Fan-out directories known to exist: created once, not asked for again on every write.
const knownDirs = new Set<string>();
const flush = promisify(fsync);

let answers: BlobFileResult[] = [];
function answer(result: BlobFileResult): void {
  answers.push(result);
  if (answers.length === 1) {
    setImmediate(() => {
      port.postMessage(answers);
      answers = [];
    });
  }
}

port.on('message', (request: BlobFileRequest) => {
  write(request).then(
    () => answer({ id: request.id }),
    (error: unknown) => {
      const { message, code } = error as { message?: string; code?: string };
      answer({ id: request.id, error: { message: message ?? String(error), ...(code ? { code } : {}) } });
    },
  );
});

/**
 * Writes the file under a temporary name and renames it into place, so a reader never sees part of it;
 * then flushes it and its directory. Renaming before the flush lets one journal commit carry both the data
 * and the rename on filesystems that journal metadata (ext4, XFS): the directory's flush that follows finds
 * nothing left to write. A crash before the flush can leave a short file at the final path; `isComplete`
 * rewrites it. An existing complete file is kept: same address, same bytes.
 */
async function write(request: BlobFileRequest): Promise<void> {
  if (isComplete(request.path, request.bytes.byteLength)) return;
  const dir = dirname(request.path);
  const temp = `${request.path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openTemp(temp, dir);
  try {
    try {
      for (let written = 0; written < request.bytes.byteLength; ) written += writeSync(fd, request.bytes, written);
      renameSync(temp, request.path);
      // Durable before the write resolves: a document may be committed pointing at this blob right after.
      await flush(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Whether a complete file is at `path`: same address, same bytes, so a file of the right size is the
 * blob (a crash between a rename and its flush can leave a shorter one; readers check the hash too).
 */
function isComplete(path: string, size: number): boolean {
  try {
    return statSync(path).size === size;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
}

function openTemp(temp: string, dir: string): number {
  const open = () => {
    if (!knownDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      knownDirs.add(dir);
    }
    return openSync(temp, 'wx', 0o644);
  };
  try {
    return open();
  } catch (error) {
    // A directory known to exist may have been removed since (by hand): create it again once.
    if ((error as { code?: string }).code !== 'ENOENT' || !knownDirs.delete(dir)) throw error;
    return open();
  }
}

/** Flushes a directory's entries; where directories cannot be opened or flushed, the files themselves already are. */
async function syncDirectory(dir: string): Promise<void> {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    await flush(fd);
  } catch {
    // Some filesystems refuse fsync on a directory.
  } finally {
    closeSync(fd);
  }
}
