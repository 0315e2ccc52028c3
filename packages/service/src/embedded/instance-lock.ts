import { mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What `<dataDir>/service.json` says about the process that holds the embedded database. */
export type InstanceInfo = {
  pid: number;
  /** The API's URL, once it listens (absent while starting, or for a command holding the database briefly). */
  url?: string;
  /** The bearer token of the admin routes of that process. */
  adminToken?: string;
};

/** The data directory's lock, held while this process has the embedded database open. */
export interface InstanceLock {
  /** Records the URL and admin token of the running service, for `einvoice tenants create`. */
  publish(info: { url: string; adminToken: string }): Promise<void>;
  /** Removes the lock file, if it is still this process's. */
  release(): Promise<void>;
}

/** Another live process holds the data directory. */
export class InstanceLockError extends Error {
  override readonly name = 'InstanceLockError';
  readonly holder: InstanceInfo;
  constructor(dataDir: string, holder: InstanceInfo) {
    super(
      `The data directory ${dataDir} is in use by another einvoice process (${describe(holder)}). ` +
        'The embedded database admits one process at a time: stop that process, use another --data-dir, or set DATABASE_URL to share a PostgreSQL server. ' +
        `If no such process is running, delete ${join(dataDir, LOCK_FILE)}.`,
    );
    this.holder = holder;
  }
}

function describe(holder: InstanceInfo): string {
  if (holder.pid === 0) return 'starting up';
  return `pid ${holder.pid}${holder.url ? `, serving ${holder.url}` : ''}`;
}

const LOCK_FILE = 'service.json';
/** Lock files this process holds. Its own pid in a lock file it does not hold is from a previous life (a restarted container reuses pids). */
const HELD = new Set<string>();
/** A lock file younger than this that cannot be parsed is being written by a process starting right now. */
const WRITE_GRACE_MS = 2_000;

/** The path of the lock file of a data directory. */
export function instanceFilePath(dataDir: string): string {
  return join(dataDir, LOCK_FILE);
}

/** The process holding the data directory, if a live one does; a stale file (dead pid) reads as free. */
export async function readLiveInstance(dataDir: string): Promise<InstanceInfo | undefined> {
  const found = await readInstanceFile(instanceFilePath(dataDir));
  return found && found.state === 'live' ? found.info : undefined;
}

/**
 * Takes the data directory for this process: creates `service.json` (mode 0600) exclusively, replacing a
 * stale one whose process is gone (SIGKILL, power loss). Throws {@link InstanceLockError} when a live
 * process holds it. Exclusive creation (`wx`) makes two processes starting together see one winner.
 */
export async function acquireInstanceLock(dataDir: string): Promise<InstanceLock> {
  await mkdir(dataDir, { recursive: true });
  const path = instanceFilePath(dataDir);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify({ pid: process.pid })}\n`);
      } finally {
        await handle.close();
      }
      HELD.add(path);
      return lockFor(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = await readInstanceFile(path);
    if (found?.state === 'live') throw new InstanceLockError(dataDir, found.info);
    // Accepted race: two processes replacing the same stale file at the same instant could both win.
    // It needs a crash followed by two simultaneous starts on one data directory.
    if (found?.state === 'stale') await unlink(path).catch(ignoreMissing);
  }
  throw new Error(`Could not take ${path}: other processes keep replacing it`);
}

function lockFor(path: string): InstanceLock {
  return {
    async publish(info) {
      // Write beside and rename: a reader never sees a half-written file.
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify({ pid: process.pid, ...info })}\n`, { mode: 0o600 });
      await rename(temporary, path);
    },
    async release() {
      if (!HELD.delete(path)) return;
      const found = await readInstanceFile(path);
      if (found && found.info.pid === process.pid) await unlink(path).catch(ignoreMissing);
    },
  };
}

type FoundInstance = { state: 'live' | 'stale'; info: InstanceInfo };

/** Reads a lock file; undefined when there is none. */
async function readInstanceFile(path: string): Promise<FoundInstance | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const info = parseInfo(text);
  if (!info) {
    const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => Infinity);
    // Empty or torn: a process is between creating and writing it, or died there.
    return age < WRITE_GRACE_MS ? { state: 'live', info: { pid: 0 } } : { state: 'stale', info: { pid: 0 } };
  }
  const alive = info.pid === process.pid ? HELD.has(path) : isAlive(info.pid);
  return { state: alive ? 'live' : 'stale', info };
}

function parseInfo(text: string): InstanceInfo | undefined {
  try {
    const value = JSON.parse(text) as Partial<InstanceInfo>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return undefined;
    return {
      pid: value.pid,
      ...(typeof value.url === 'string' ? { url: value.url } : {}),
      ...(typeof value.adminToken === 'string' ? { adminToken: value.adminToken } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid exists. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
