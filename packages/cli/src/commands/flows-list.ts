import { EXIT, writeText, type CommandIo } from '../io.js';
import { callApi, ServiceCallError, type ServiceTarget } from './flows-api.js';
import { describeProblemAnswer, printableLine } from './flows-text.js';

/** One row of GET /v1/flows, as far as the table shows it. */
type FlowListItem = { name: string; latestVersion: number; latestState: string; publishedVersion: number | null; match: Record<string, unknown> };

/**
 * `einvoice flows list`: the tenant's flows and the built-in ones, one row each (latest version, its state, the
 * published version, what the flow matches); `--json` prints the service's answer as it came.
 */
export async function listFlows(target: ServiceTarget, options: { json: boolean }, io: CommandIo): Promise<number> {
  const answer = await callApi(target, { method: 'GET', path: '/v1/flows' });
  if (answer.status !== 200) {
    await writeText(io.stderr, describeProblemAnswer('einvoice flows list', answer, 'flows'));
    return EXIT.failed;
  }
  const items = itemsOf(answer.json);
  await writeText(io.stdout, options.json ? `${answer.text.trimEnd()}\n` : formatFlowTable(items));
  return EXIT.ok;
}

/** The rows as aligned columns under a header; every value from the service made printable on one line. */
export function formatFlowTable(items: readonly FlowListItem[]): string {
  const rows = items.map((item) => [
    item.name,
    String(item.latestVersion),
    item.latestState,
    item.publishedVersion === null ? '-' : String(item.publishedVersion),
    Object.entries(item.match).map(([key, value]) => `${key}=${String(value)}`).join(', ') || '(any document)',
  ].map(printableLine));
  const header = ['NAME', 'LATEST', 'STATE', 'PUBLISHED', 'MATCH'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) => `${cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')}\n`;
  return [header, ...rows].map(line).join('');
}

function itemsOf(json: unknown): FlowListItem[] {
  const items = (json as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items) || !items.every(isListItem)) throw new ServiceCallError('the service answered GET /v1/flows without a list of flows; not the eInvoice Hub API?');
  return items;
}

function isListItem(value: unknown): value is FlowListItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item['name'] === 'string' &&
    typeof item['latestVersion'] === 'number' &&
    typeof item['latestState'] === 'string' &&
    (item['publishedVersion'] === null || typeof item['publishedVersion'] === 'number') &&
    typeof item['match'] === 'object' &&
    item['match'] !== null
  );
}
