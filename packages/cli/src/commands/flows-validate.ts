import { parseFlow } from '@einvoice-hub/service';
import { EXIT, InputError, UsageError, writeText, type CommandIo } from '../io.js';
import { readFlowSource } from './flows-source.js';
import { formatProblem, printableLine } from './flows-text.js';

/**
 * `einvoice flows validate <file...>`: checks flow definitions offline with the service's own parser, so a
 * file that passes here is accepted by POST /v1/flows. Every file is checked even after a bad one.
 * Exit 0 all valid, 1 some invalid, 2 some file unreadable (which wins: the verdict is incomplete).
 */
export async function validateFlowFiles(files: readonly string[], io: CommandIo): Promise<number> {
  if (files.length === 0) throw new UsageError('flows validate needs at least one file (or - for standard input)');
  if (files.filter((file) => file === '-').length > 1) throw new UsageError('standard input (-) can be given only once');
  let exitCode: number = EXIT.ok;
  for (const file of files) {
    let text: string;
    try {
      text = (await readFlowSource(file, io.stdin)).text;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      await writeText(io.stderr, `einvoice flows validate: ${printableLine(error.message)}\n`);
      exitCode = EXIT.usage;
      continue;
    }
    const result = parseFlow(text);
    if (result.ok) {
      const steps = result.flow.steps.length;
      await writeText(io.stdout, `${printableLine(file)}: ok (flow ${result.flow.name}, ${steps} step${steps === 1 ? '' : 's'})\n`);
    } else {
      await writeText(io.stdout, result.problems.map((problem) => formatProblem(file, problem)).join(''));
      if (exitCode === EXIT.ok) exitCode = EXIT.failed;
    }
  }
  return exitCode;
}
