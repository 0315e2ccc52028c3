import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The read-only reference material beside the repository (`../shared`). */
export const SHARED = join(REPO_ROOT, '..', 'shared');

/** The official EN 16931 example invoices of one syntax, as absolute paths. */
export function exampleFiles(syntax: 'ubl' | 'cii'): string[] {
  const dir = join(SHARED, 'conformance', 'en16931', 'examples', syntax);
  return readdirSync(dir)
    .filter((name) => /\.xml$/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** The official EN 16931 unit-test documents whose name starts with `prefix`. */
export function unitFiles(prefix: string): string[] {
  const dir = join(SHARED, 'conformance', 'en16931', 'units');
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.xml'))
    .sort()
    .map((name) => join(dir, name));
}
