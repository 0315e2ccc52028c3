import { EXIT, writeText, type CommandIo } from '../io.js';
import { callApi, ServiceCallError, type ServiceTarget } from './flows-api.js';
import { describeProblemAnswer, printable } from './flows-text.js';

/** The part of a flow version in GET /v1/flows/{name} the command prints. */
type ShownVersion = { source?: string; definition: Record<string, unknown> };

/**
 * `einvoice flows show <name>`: the latest version's definition as it was posted, so that it can be saved,
 * edited and published again. Built-in flows have no posted text: their definition is printed as JSON, which
 * is YAML too. `--json` prints the service's answer (every version) as it came.
 */
export async function showFlow(target: ServiceTarget, name: string, options: { json: boolean }, io: CommandIo): Promise<number> {
  const answer = await callApi(target, { method: 'GET', path: `/v1/flows/${encodeURIComponent(name)}` });
  if (answer.status !== 200) {
    await writeText(io.stderr, describeProblemAnswer('einvoice flows show', answer, name));
    return EXIT.failed;
  }
  if (options.json) {
    await writeText(io.stdout, `${answer.text.trimEnd()}\n`);
    return EXIT.ok;
  }
  // Versions come newest first: the latest, draft or published, is what an administrator edits next.
  const latest = latestVersionOf(answer.json);
  const text = latest.source ?? JSON.stringify(latest.definition, null, 2);
  await writeText(io.stdout, printable(text.endsWith('\n') ? text : `${text}\n`));
  return EXIT.ok;
}

function latestVersionOf(json: unknown): ShownVersion {
  const versions = (json as { versions?: unknown } | undefined)?.versions;
  const latest: unknown = Array.isArray(versions) ? versions[0] : undefined;
  if (typeof latest !== 'object' || latest === null) throw new ServiceCallError('the service answered without the flow\'s versions; not the eInvoice Hub API?');
  const { source, definition } = latest as { source?: unknown; definition?: unknown };
  if (typeof definition !== 'object' || definition === null) throw new ServiceCallError('the service answered a flow version without its definition');
  return { definition: definition as Record<string, unknown>, ...(typeof source === 'string' ? { source } : {}) };
}
