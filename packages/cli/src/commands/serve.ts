import type { RunningService, ServiceConfig } from '@einvoice-hub/service';
import { UsageError, type CommandIo } from '../io.js';
import { runService } from '../run-service.js';
import { resolveServiceConfig } from '../service-config.js';
import type { Command } from './command.js';
import { parseCommandLine } from '../args.js';

const HELP = `Usage: einvoice serve [--port <n>] [--host <addr>] [--data-dir <dir>] [--config <file.json>]

Runs the eInvoice Hub service: the HTTP API and a worker in one process, until Ctrl+C (SIGINT) or SIGTERM.
Without DATABASE_URL the data lives in the data directory (embedded PostgreSQL, files, master key), and on
the first start a tenant "default" is created: its API key is printed once.

Options:
  --port <n>          HTTP port (default 8080; 0 picks a free one)     env EINVOICE_PORT
  --host <addr>       interface to listen on (default 127.0.0.1)       env EINVOICE_HOST
  --data-dir <dir>    data directory (default ./data)                  env EINVOICE_DATA_DIR
  --config <file>     a JSON file with any setting (see the README)
  -h, --help          show this help

Settings come from flags, then the environment (DATABASE_URL, EINVOICE_*), then the config file, then
defaults; every problem is reported at once. Exit codes: 0 stopped, 1 could not start, 2 bad configuration.`;

/** `einvoice serve`: the API and a worker in one process. */
export const serveCommand: Command = {
  name: 'serve',
  help: HELP,
  async run(args: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseOptions(args);
    if (positionals.length > 0) throw new UsageError(`serve takes no arguments, got: ${positionals.join(' ')}`);
    const config = await resolveServiceConfig({
      flags: { port: values.port, host: values.host, dataDir: values['data-dir'] },
      configFile: values.config,
      env: process.env,
    });
    return runService('serve', config, { api: true, worker: true }, io, (service) => announce(service, config));
  },
};

function announce(service: RunningService, config: ServiceConfig): string {
  const engine = service.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [`eInvoice Hub is running at ${service.url ?? ''}  (database: ${engine}; API docs: ${service.url ?? ''}/docs)`];
  if (service.initialTenant) {
    lines.push(
      `Created the tenant "${service.initialTenant.name}" (id ${service.initialTenant.tenantId}).`,
      `API key: ${service.initialTenant.apiKey}`,
      'This key is shown only once: store it now. Send it as "Authorization: Bearer <key>".',
    );
  }
  lines.push('Press Ctrl+C to stop.');
  return `${lines.join('\n')}\n`;
}

function parseOptions(args: string[]) {
  return parseCommandLine(args, {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      });
}
