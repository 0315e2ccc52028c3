import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { acquireInstanceLock, InstanceLockError, instanceFilePath, readLiveInstance } from '../../src/embedded/instance-lock.js';
import { makeTempDir } from '../support/temp-dir.js';

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the embedded instance lock (service.json)', () => {
  it('is created 0600, published with the URL and token, and removed on release', async () => {
    const dir = await makeTempDir();
    try {
      const dataDir = join(dir.path, 'data');
      const lock = await acquireInstanceLock(dataDir);
      const path = instanceFilePath(dataDir);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), { pid: process.pid });
      await lock.publish({ url: 'http://127.0.0.1:1234', adminToken: 'secret' });
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.deepEqual(await readLiveInstance(dataDir), { pid: process.pid, url: 'http://127.0.0.1:1234', adminToken: 'secret' });
      await lock.release();
      assert.equal(existsSync(path), false);
      assert.equal(await readLiveInstance(dataDir), undefined);
    } finally {
      await dir.remove();
    }
  });

  it('refuses a second holder while the first lives, naming the process and what to do', async () => {
    const dir = await makeTempDir();
    try {
      const lock = await acquireInstanceLock(dir.path);
      await lock.publish({ url: 'http://127.0.0.1:1234', adminToken: 'secret' });
      await assert.rejects(acquireInstanceLock(dir.path), (error: unknown) => {
        assert.ok(error instanceof InstanceLockError);
        assert.match(error.message, new RegExp(`in use by another einvoice process \\(pid ${process.pid}, serving http://127\\.0\\.0\\.1:1234\\)`));
        assert.match(error.message, /DATABASE_URL/);
        return true;
      });
      await lock.release();
      await (await acquireInstanceLock(dir.path)).release();
    } finally {
      await dir.remove();
    }
  });

  it('replaces a stale file whose process is gone (after SIGKILL)', async () => {
    const dir = await makeTempDir();
    try {
      writeFileSync(instanceFilePath(dir.path), JSON.stringify({ pid: deadPid(), url: 'http://127.0.0.1:1', adminToken: 'old' }));
      assert.equal(await readLiveInstance(dir.path), undefined);
      const lock = await acquireInstanceLock(dir.path);
      assert.deepEqual(JSON.parse(readFileSync(instanceFilePath(dir.path), 'utf8')), { pid: process.pid });
      await lock.release();
    } finally {
      await dir.remove();
    }
  });
});
