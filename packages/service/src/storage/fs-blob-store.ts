import { constants } from 'node:fs';
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError } from '../errors/app-error.js';
import type { BlobRef, BlobStore } from './blob-store.js';
import { writeBlobFile } from './blob-file-writer.js';
import { assertBlobIntegrity, assertSha256Hex, sha256Hex } from './sha256.js';

/**
 * A content-addressed blob store in a directory: `<root>/ab/<sha256>`, 256 directories as git keeps its
 * objects. A blob is written to a temporary file, flushed, and renamed into place (by `writeBlobFile`, on
 * a writer thread), so a reader (or a process restarted after SIGKILL) sees either the whole blob or none
 * of it.
 *
 * Why one level: stores written by earlier versions used two (`<root>/ab/cd/<sha256>`, 65,536 directories),
 * and in a young store nearly every write then created a directory — the most expensive thing a write can
 * do to the filesystem (its inode, its block and the parent's entry all flushed). Blobs at the old place
 * are still read.
 */
export function createFsBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string): string => join(root, sha256.slice(0, 2), sha256);
  const legacyPathOf = (sha256: string): string => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  return {
    async put(bytes: Uint8Array): Promise<BlobRef> {
      const sha256 = sha256Hex(bytes);
      await writeBlobFile({ path: pathOf(sha256), bytes });
      return { sha256, size: bytes.byteLength };
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

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
