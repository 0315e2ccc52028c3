import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';

/** The streams a command talks through; tests pass their own. */
export type CommandIo = { stdin: Readable; stdout: Writable; stderr: Writable };

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A problem with how the command was called: reported with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input that could not be read from disk or stdin. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Reads a file, or standard input for "-", refusing more than `maxBytes` (read at most one byte past it). */
export async function readInput(path: string, stdin: Readable, maxBytes: number): Promise<Uint8Array> {
  if (path !== '-') {
    try {
      return await readFile(path);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(cause);
      throw new InputError(`Cannot read ${path}: ${why}`, { cause });
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.byteLength;
    chunks.push(buffer);
    // Keep one byte past the limit so the reader reports "too large" instead of a truncated document.
    if (size > maxBytes) break;
  }
  return Buffer.concat(chunks);
}

/** Writes text to a stream and waits until it is flushed. */
export function writeText(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
