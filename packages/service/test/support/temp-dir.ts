import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh, empty directory under the system temp directory, and a way to remove it with everything in it. */
export async function makeTempDir(label = 'einvoice-test'): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `${label}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
