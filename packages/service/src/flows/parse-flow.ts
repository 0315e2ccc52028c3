import { parse as parseYaml, YAMLParseError } from 'yaml';
import { flowDefinitionSchema, type FlowDefinition } from './flow-definition.schema.js';
import { checkStepOrder } from './step-order.js';

/** Largest flow definition accepted, in characters: flows are short; anything bigger is a mistake or an attack. */
export const MAX_FLOW_SOURCE_LENGTH = 256 * 1024;

/** Names reserved for the flows that ship with the hub. */
export const BUILTIN_PREFIX = 'builtin-';

/** One thing wrong with a flow definition, located by its path in the definition (`steps[2].deliver.retry`). */
export type FlowProblem = { path: string; message: string };

/** The outcome of reading a flow: a definition, or every problem found. */
export type FlowParseResult = { ok: true; flow: FlowDefinition } | { ok: false; problems: FlowProblem[] };

/**
 * Reads a flow definition written in YAML or JSON (JSON is YAML too) and checks it completely: the schema,
 * then the order of its steps. Every problem is reported at once, each with its path.
 */
export function parseFlow(source: string): FlowParseResult {
  if (source.length > MAX_FLOW_SOURCE_LENGTH) return fail('', `The flow definition is larger than ${MAX_FLOW_SOURCE_LENGTH / 1024} KiB`);
  let document: unknown;
  try {
    // The core schema: plain JSON types only (no custom tags, no timestamps); aliases bounded against expansion bombs.
    document = parseYaml(source, { schema: 'core', maxAliasCount: 50, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0] ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})` : '';
      return fail('', `Not valid YAML or JSON${where}: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
  return checkFlow(document);
}

/** Checks a flow definition already parsed into plain data (a JSON body). */
export function checkFlow(document: unknown): FlowParseResult {
  const parsed = flowDefinitionSchema.safeParse(document);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
  }
  const flow = parsed.data as FlowDefinition;
  const problems = checkStepOrder(flow);
  if (flow.name.startsWith(BUILTIN_PREFIX)) problems.unshift({ path: 'name', message: `must not start with "${BUILTIN_PREFIX}": those names are the hub's built-in flows (copy one under a name of your own)` });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, flow };
}

function fail(path: string, message: string): FlowParseResult {
  return { ok: false, problems: [{ path, message }] };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}
