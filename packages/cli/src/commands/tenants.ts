import { provisionTenant } from '@einvoice-hub/service';
import { EXIT, UsageError, writeText, type CommandIo } from '../io.js';
import { resolveServiceConfig } from '../service-config.js';
import type { Command } from './command.js';
import { parseCommandLine } from '../args.js';

const HELP = `Usage: einvoice tenants create <name> [--json] [--data-dir <dir>] [--config <file.json>]

Creates a tenant and prints its API key — once: only a hash of the key is stored.
With the embedded database this works whether the service runs or not: a running "einvoice serve" on
the same data directory creates it (the embedded database admits one process); otherwise the database is
opened directly. With DATABASE_URL the tenant is created in that PostgreSQL database.

Options:
  --json              print {"tenantId": "...", "apiKey": "..."} as the last line
  --data-dir <dir>    data directory (default ./data)                  env EINVOICE_DATA_DIR
  --config <file>     a JSON file with any setting (see the README)
  -h, --help          show this help

Exit codes: 0 created, 1 could not create, 2 usage error.`;

/** `einvoice tenants create`: a tenant and its API key. */
export const tenantsCommand: Command = {
  name: 'tenants',
  help: HELP,
  async run(args: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseOptions(args);
    const [action, name, ...extra] = positionals;
    if (action !== 'create') throw new UsageError(action === undefined ? 'tenants needs an action: create' : `unknown action "${action}"; use: create`);
    if (name === undefined || name.trim() === '') throw new UsageError('tenants create needs a tenant name');
    if (extra.length > 0) throw new UsageError(`tenants create takes one name, got also: ${extra.join(' ')} (quote a name with spaces)`);
    const config = await resolveServiceConfig({ flags: { dataDir: values['data-dir'] }, configFile: values.config, env: process.env });

    let tenant: Awaited<ReturnType<typeof provisionTenant>>;
    try {
      tenant = await provisionTenant(config, name.trim());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await writeText(io.stderr, `einvoice tenants: the tenant could not be created: ${message}\n`);
      return EXIT.failed;
    }
    if (values.json) {
      await writeText(io.stdout, `{"tenantId": ${JSON.stringify(tenant.tenantId)}, "apiKey": ${JSON.stringify(tenant.apiKey)}}\n`);
    } else {
      await writeText(
        io.stdout,
        `Created the tenant "${tenant.name}" (id ${tenant.tenantId}).\nAPI key: ${tenant.apiKey}\nThis key is shown only once: store it now. Send it as "Authorization: Bearer <key>".\n`,
      );
    }
    return EXIT.ok;
  },
};

function parseOptions(args: string[]) {
  return parseCommandLine(args, { json: { type: 'boolean' }, 'data-dir': { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
}
