import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import { excerpt, transportFailure, type DeliveryMessage, type DeliveryOutcome, type Destination } from './destination.js';
import { errorCode } from './network-error.js';

/** A folder destination's settings. */
export type FolderDestinationSettings = {
  /** An absolute path to an existing directory (a share another system picks files up from). */
  directory: string;
  /** The file's name for a message; `<documentId>.xml` by default. Names with separators or '..' are refused. */
  fileName?: (message: DeliveryMessage) => string;
};

/** Errors that come from the name itself: writing the same name again would fail again. */
const NAME_ERRORS = new Set(['ENAMETOOLONG', 'EINVAL', 'EISDIR']);
/** Longest name most filesystems accept, in bytes. */
const MAX_NAME_BYTES = 255;

/**
 * A destination that writes the e-invoice into a directory, atomically: a temporary file in the same
 * directory (its name starts with '.', which pickup jobs conventionally skip), written, flushed, then
 * renamed to the final name, and the directory flushed. A reader sees the whole file or none.
 * The same message twice yields the same file (rename replaces it), so retries are harmless; a later
 * revision with the same name replaces the earlier one.
 *
 * The directory is NOT created: when it is missing, the share may simply not be mounted yet, and
 * creating it would write invoices onto the local disk under the mount point, where no one collects
 * them. A missing directory is a transport failure that clears once the share is back.
 */
export function createFolderDestination(settings: FolderDestinationSettings): Destination {
  if (!isAbsolute(settings.directory)) throw new AppError('bad-request', 'folder destination: directory must be an absolute path');
  const directory = settings.directory;
  const nameOf = settings.fileName ?? ((message: DeliveryMessage) => `${message.documentId}.xml`);

  return {
    description: `folder ${directory}`,
    async send(message: DeliveryMessage): Promise<DeliveryOutcome> {
      let name: string;
      try {
        name = nameOf(message);
      } catch (error) {
        return { kind: 'rejected', detail: `no file name: ${excerpt(String(error), 200)}` };
      }
      const problem = fileNameProblem(name);
      if (problem !== undefined) return { kind: 'rejected', detail: problem };
      try {
        const info = await stat(directory);
        if (!info.isDirectory()) return transportFailure(`${directory} is not a directory`);
        await writeAtomically(directory, name, message.body);
        return { kind: 'delivered', detail: `written to ${join(directory, name)}`, externalId: name };
      } catch (error) {
        const code = errorCode(error);
        const detail = `${code ?? 'error'} writing ${name} in ${directory}: ${excerpt(error instanceof Error ? error.message : String(error), 200)}`;
        // EACCES, ENOSPC, EDQUOT, EROFS, EIO, ENOENT (unmounted share) …: an operator can clear them.
        return code !== undefined && NAME_ERRORS.has(code) ? { kind: 'rejected', detail } : transportFailure(detail);
      }
    },
  };
}

/**
 * Why a name cannot be a file name in the destination directory, or `undefined` when it can: one plain
 * name, never a path (no separators, no '.' or '..'), no control characters, not hidden (names
 * starting with '.' are the temporary files'), at most 255 bytes.
 */
export function fileNameProblem(name: string): string | undefined {
  const shown = JSON.stringify(excerpt(name, 80));
  if (name === '') return 'the file name is empty';
  if (/[/\\]/.test(name)) return `the file name ${shown} contains a path separator`;
  if (name.startsWith('.')) return `the file name ${shown} starts with '.'`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return `the file name ${shown} contains control characters`;
  if (new TextEncoder().encode(name).byteLength > MAX_NAME_BYTES) return `the file name ${shown} is longer than ${MAX_NAME_BYTES} bytes`;
  return undefined;
}

async function writeAtomically(directory: string, name: string, body: Uint8Array): Promise<void> {
  // Unique per attempt, so concurrent writers of the same name never share a temporary file; short
  // whatever the final name's length, so a name that fits also fits as a temporary file.
  const temp = join(directory, `.einvoice-${randomBytes(8).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx', 0o644);
    try {
      await file.writeFile(body);
      // Durable before visible: the delivery is recorded as done right after this returns.
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, join(directory, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

/** Flushes the directory entry (the rename); skipped where directories cannot be opened or synced. */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
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
