import type { CommandIo } from '../io.js';

/** One `einvoice` sub-command. */
export interface Command {
  readonly name: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs the command; resolves to the exit code. Throws `UsageError` for bad arguments. */
  run(args: string[], io: CommandIo): Promise<number>;
}
