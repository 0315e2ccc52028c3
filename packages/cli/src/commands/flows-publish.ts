import { EXIT, writeText, type CommandIo } from '../io.js';
import { callApi, ServiceCallError, type ServiceTarget } from './flows-api.js';
import type { FlowSource } from './flows-source.js';
import { describeProblemAnswer, printableLine } from './flows-text.js';

const PREFIX = 'einvoice flows publish';

/** The part of a flow version answer (POST /v1/flows, POST …/publish) the command reads. */
type VersionAnswer = { name: string; version: number };

/**
 * `einvoice flows publish <file>`: posts the definition as a new draft version, then publishes it. The file is
 * sent as written (YAML stays YAML), so the service stores the administrator's text and comments.
 */
export async function publishFlow(target: ServiceTarget, source: FlowSource, io: CommandIo): Promise<number> {
  const created = await callApi(target, { method: 'POST', path: '/v1/flows', body: source.text, contentType: source.mediaType });
  const draft = created.status === 201 ? versionOf(created.json) : undefined;
  if (!draft) {
    await writeText(io.stderr, describeProblemAnswer(`${PREFIX}: ${printableLine(source.file)}`, created, source.file));
    return EXIT.failed;
  }
  const published = await callApi(target, { method: 'POST', path: `/v1/flows/${encodeURIComponent(draft.name)}/publish` });
  const version = published.status === 200 ? versionOf(published.json) : undefined;
  if (!version) {
    // The draft stays: say so, so that the person knows a retry of publish alone is enough.
    await writeText(io.stderr, `${PREFIX}: ${draft.name} version ${draft.version} was added as a draft but not published\n`);
    await writeText(io.stderr, describeProblemAnswer(PREFIX, published, source.file));
    return EXIT.failed;
  }
  await writeText(io.stdout, `Published ${version.name} version ${version.version}\n`);
  return EXIT.ok;
}

/** A version answer's name and number; throws when the service answered success with something else. */
function versionOf(json: unknown): VersionAnswer {
  const answer = (typeof json === 'object' && json !== null ? json : {}) as { name?: unknown; version?: unknown };
  if (typeof answer.name !== 'string' || !/^[a-z0-9-]+$/.test(answer.name) || typeof answer.version !== 'number') {
    throw new ServiceCallError('the service answered without the flow\'s name and version; not the eInvoice Hub API?');
  }
  return { name: answer.name, version: answer.version };
}
