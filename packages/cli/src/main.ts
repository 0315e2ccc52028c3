import { DocumentReadError } from '@einvoice-hub/core/validator';
import type { Command } from './commands/command.js';
import { EXIT, InputError, UsageError, writeText, type CommandIo } from './io.js';

/** The commands, loaded only when run: `validate` must not pay for what `convert` needs, and back. */
const COMMANDS: readonly { name: string; summary: string; load: () => Promise<Command> }[] = [
  { name: 'convert', summary: 'convert an invoice between EN 16931 JSON, UBL 2.1 and CII D16B', load: async () => (await import('./commands/convert.js')).convertCommand },
  { name: 'validate', summary: 'check invoices against the official EN 16931 rules', load: async () => (await import('./commands/validate.js')).validateCommand },
  { name: 'serve', summary: 'run the service: HTTP API and a worker', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'worker', summary: 'run workers only (scale-out on PostgreSQL)', load: async () => (await import('./commands/worker.js')).workerCommand },
  { name: 'tenants', summary: 'create a tenant and its API key', load: async () => (await import('./commands/tenants.js')).tenantsCommand },
  { name: 'flows', summary: 'check flow definitions offline; publish, list and show them', load: async () => (await import('./commands/flows.js')).flowsCommand },
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: einvoice <command> [options]\n\nCommands:\n${list}\n\nRun "einvoice <command> --help" for a command's options.\n`;
}

/** Runs the `einvoice` command line; resolves to the process exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await writeText(name === undefined ? io.stderr : io.stdout, overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    await writeText(io.stderr, `einvoice: unknown command "${name}"\n\n${overview()}`);
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    // Every command's --help is answered here, in one place, before its own options are checked.
    if (args.includes('--help') || args.includes('-h')) {
      await writeText(io.stdout, `${command.help}\n`);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      await writeText(io.stderr, `einvoice ${name}: ${error.message}\nRun "einvoice ${name} --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof DocumentReadError) {
      await writeText(io.stderr, `einvoice ${name}: ${error.message} [${error.code}]\n`);
      return EXIT.failed;
    }
    if (error instanceof InputError) {
      await writeText(io.stderr, `einvoice ${name}: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}
