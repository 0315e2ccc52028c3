import { UsageError, type CommandIo } from '../io.js';
import { runService } from '../run-service.js';
import { resolveServiceConfig } from '../service-config.js';
import type { Command } from './command.js';
import { parseCommandLine } from '../args.js';

const HELP = `Usage: einvoice worker [--concurrency <n>] [--data-dir <dir>] [--config <file.json>]

Runs workers only — no HTTP API — to process documents beside one or more "einvoice serve" processes.
Scale-out needs a shared PostgreSQL database: set DATABASE_URL (the embedded database admits one process,
and "einvoice serve" already runs a worker). Every process must reach the same files: the same data
directory on one host, or S3 storage (EINVOICE_STORAGE=s3) across hosts. Stops gracefully on Ctrl+C
(SIGINT) or SIGTERM.

Options:
  --concurrency <n>   documents processed at the same time (default 16)   env EINVOICE_WORKER_CONCURRENCY
  --data-dir <dir>    data directory, for the file store (default ./data) env EINVOICE_DATA_DIR
  --config <file>     a JSON file with any setting (see the README)
  -h, --help          show this help

Exit codes: 0 stopped, 1 could not start, 2 bad configuration (e.g. no DATABASE_URL).`;

/** `einvoice worker`: workers only, for scale-out on PostgreSQL. */
export const workerCommand: Command = {
  name: 'worker',
  help: HELP,
  async run(args: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseOptions(args);
    if (positionals.length > 0) throw new UsageError(`worker takes no arguments, got: ${positionals.join(' ')}`);
    const config = await resolveServiceConfig({ flags: { workerConcurrency: values.concurrency, dataDir: values['data-dir'] }, configFile: values.config, env: process.env });
    if (config.databaseUrl === undefined) {
      throw new UsageError('workers on their own need a shared PostgreSQL database: set DATABASE_URL. The embedded database admits one process; "einvoice serve" runs the API and a worker together.');
    }
    return runService('worker', config, { api: false, worker: true }, io, () => `eInvoice Hub worker is running (concurrency ${config.workerConcurrency}). Press Ctrl+C to stop.\n`);
  },
};

function parseOptions(args: string[]) {
  return parseCommandLine(args, { concurrency: { type: 'string' }, 'data-dir': { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
}
