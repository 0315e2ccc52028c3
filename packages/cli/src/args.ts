import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments (positionals allowed); an unknown or malformed option is a usage error. */
export function parseCommandLine<const T extends Options>(args: string[], options: T): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: T }>> {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (cause) {
    throw new UsageError((cause as Error).message, { cause });
  }
}
