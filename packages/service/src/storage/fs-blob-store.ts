import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError } from '../errors/app-error.js';
import type { BlobRef, BlobStore } from './blob-store.js';
import { assertBlobIntegrity, assertSha256Hex, sha256Hex } from './sha256.js';

/**
 * A content-addressed blob store in a directory: `<root>/ab/<sha256>`, 256 directories as git keeps its
 * objects. A blob is written to a temporary file, flushed, and renamed into place, so a reader (or a
 * process restarted after SIGKILL) sees either the whole blob or none of it.
 *
 * Why one level: stores written by earlier versions used two (`<root>/ab/cd/<sha256>`, 65,536 directories),
 * and in a young store nearly every write then created a directory — the most expensive thing a write can
 * do to the filesystem (its inode, its block and the parent's entry all flushed). Blobs at the old place
 * are still read.
 */
export function createFsBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string): string => join(root, sha256.slice(0, 2), sha256);
  const legacyPathOf = (sha256: string): string => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  // Fan-out directories known to exist: created once, not asked for again on every put.
  const knownDirs = new Set<string>();

  return {
    async put(bytes: Uint8Array): Promise<BlobRef> {
      const sha256 = sha256Hex(bytes);
      const ref = { sha256, size: bytes.byteLength };
      const path = pathOf(sha256);
      // Same address, same bytes: an existing blob is complete (rename is atomic), so there is nothing to do.
      if (await exists(path)) return ref;
      const dir = join(root, sha256.slice(0, 2));
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      const openTemp = async () => {
        if (!knownDirs.has(dir)) {
          await mkdir(dir, { recursive: true });
          knownDirs.add(dir);
        }
        return open(temp, 'wx', 0o644);
      };
      try {
        // A directory known to exist may have been removed since (by hand): create it again once.
        const file = await openTemp().catch((error: unknown) => {
          if (!isMissing(error) || !knownDirs.delete(dir)) throw error;
          return openTemp();
        });
        try {
          await file.writeFile(bytes);
          // Durable before it is visible: a document may be committed pointing at this blob right after.
          await file.sync();
        } finally {
          await file.close();
        }
        // Concurrent puts of the same bytes each rename their own complete copy; the last one wins harmlessly.
        await rename(temp, path);
        await syncDirectory(dir);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return ref;
    },

    async get(sha256: string): Promise<Uint8Array> {
      const address = assertSha256Hex(sha256);
      const bytes = (await readIfPresent(pathOf(address))) ?? (await readIfPresent(legacyPathOf(address)));
      if (!bytes) throw new NotFoundError(`No blob ${address}`);
      return assertBlobIntegrity(address, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },

    async check(): Promise<void> {
      await mkdir(root, { recursive: true });
      await access(root, constants.R_OK | constants.W_OK);
    },
  };
}

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Flushes a directory entry (the rename) to disk; where directories cannot be opened (Windows) it is skipped. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the file itself is already flushed.
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
