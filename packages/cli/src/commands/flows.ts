import { parseCommandLine } from '../args.js';
import { EXIT, InputError, UsageError, writeText, type CommandIo } from '../io.js';
import type { Command } from './command.js';
import { DEFAULT_SERVICE_URL, resolveServiceTarget, ServiceCallError } from './flows-api.js';
import { listFlows } from './flows-list.js';
import { publishFlow } from './flows-publish.js';
import { showFlow } from './flows-show.js';
import { readFlowSource } from './flows-source.js';
import { printableLine } from './flows-text.js';

const HELP = `Usage: einvoice flows validate <file|->...
       einvoice flows publish <file|-> [--url <url>] [--api-key <key>]
       einvoice flows list [--json] [--url <url>] [--api-key <key>]
       einvoice flows show <name> [--json] [--url <url>] [--api-key <key>]

Flows say what the hub does with a tenant's documents (transform, validate, sign, deliver, …); they are
written in YAML or JSON (see GET /v1/flows/schema for their JSON Schema).

Actions:
  validate   check flow files offline, with the service's own rules; prints "<file>: ok (flow <name>, N steps)"
             or one line per problem: "<file>: <path>: <message>"
  publish    add the file as a new version of its flow and publish it; .json files are sent as JSON,
             other files (.yaml, .yml, -) as YAML, exactly as written
  list       the tenant's flows and the built-in ones: latest version, its state, the published version
  show       the latest version of a flow as it was posted (built-in flows: their definition as JSON)

Options:
  --url <url>         the service (default ${DEFAULT_SERVICE_URL})          env EINVOICE_URL
  --api-key <key>     the tenant's API key (needed by publish, list, show)   env EINVOICE_API_KEY
  --json              list, show: print the service's JSON answer
  -h, --help          show this help

Exit codes: 0 done (validate: every file valid), 1 invalid flow or refused by the service or service
unreachable, 2 usage error or a file that could not be read.`;

/** The actions and the options each accepts besides --help; any other option given is a usage error. */
const ACTIONS = {
  validate: [],
  publish: ['url', 'api-key'],
  list: ['url', 'api-key', 'json'],
  show: ['url', 'api-key', 'json'],
} as const satisfies Record<string, readonly string[]>;

type Action = keyof typeof ACTIONS;

/** `einvoice flows`: check flow definitions offline, and publish, list and show them on a running service. */
export const flowsCommand: Command = {
  name: 'flows',
  help: HELP,
  async run(args: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseCommandLine(args, {
      url: { type: 'string' },
      'api-key': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    const [actionName, ...operands] = positionals;
    const action = checkAction(actionName, values);
    try {
      if (action === 'validate') return await (await import('./flows-validate.js')).validateFlowFiles(operands, io);
      const target = resolveServiceTarget({ url: values.url, apiKey: values['api-key'] }, process.env);
      const json = values.json === true;
      if (action === 'list') {
        if (operands.length > 0) throw new UsageError(`flows list takes no arguments, got: ${operands.join(' ')}`);
        return await listFlows(target, { json }, io);
      }
      const [operand, ...extra] = operands;
      const what = action === 'show' ? 'a flow name' : 'one file (or - for standard input)';
      if (operand === undefined || operand === '' || extra.length > 0) throw new UsageError(`flows ${action} needs ${what}`);
      if (action === 'show') return await showFlow(target, operand, { json }, io);
      return await publishFlow(target, await readFlowSource(operand, io.stdin), io);
    } catch (error) {
      if (error instanceof InputError) {
        // The same code as validate gives an unreadable file: nothing was sent.
        await writeText(io.stderr, `einvoice flows ${action}: ${printableLine(error.message)}\n`);
        return EXIT.usage;
      }
      if (error instanceof ServiceCallError) {
        await writeText(io.stderr, `einvoice flows ${action}: ${printableLine(error.message)}\n`);
        return EXIT.failed;
      }
      throw error;
    }
  },
};

/** The action named, refusing options it does not use (validate never talks to a service). */
function checkAction(name: string | undefined, values: Record<string, unknown>): Action {
  if (name === undefined) throw new UsageError(`flows needs an action: ${Object.keys(ACTIONS).join(', ')}`);
  if (!Object.hasOwn(ACTIONS, name)) throw new UsageError(`unknown action "${name}"; use: ${Object.keys(ACTIONS).join(', ')}`);
  const action = name as Action;
  const allowed: readonly string[] = ACTIONS[action];
  const refused = Object.keys(values).filter((option) => option !== 'help' && !allowed.includes(option));
  if (refused.length > 0) {
    const why = action === 'validate' ? ' (it works offline)' : '';
    throw new UsageError(`flows ${action} does not take ${refused.map((option) => `--${option}`).join(', ')}${why}`);
  }
  return action;
}
