#!/usr/bin/env node
// Runs every *.test.ts under packages/*/test with Node's own test runner, from source (tsx), resolving
// workspace packages to their TypeScript sources through the "source" export condition.
// Usage: node scripts/run-tests.mjs [filter...]   (filters match against the test file path)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filters = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const files = readdirSync(join(root, 'packages'))
  .flatMap((pkg) => {
    try {
      return findTests(join(root, 'packages', pkg, 'test'));
    } catch {
      return [];
    }
  })
  .map((file) => relative(root, file))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

if (files.length === 0) {
  console.error('No test files found');
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
