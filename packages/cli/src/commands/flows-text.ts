import type { ApiAnswer } from './flows-api.js';

// Text that comes from a flow file or from the service is shown on a terminal: control characters in it
// (ANSI escape sequences above all) could rewrite what the person sees, so they are shown as \u escapes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as above, and line breaks too for one-line fields
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text safe to print: tabs and line breaks (CR LF too) kept, every other control character escaped. */
export function printable(text: string): string {
  return text.replace(CONTROL, escapeControl);
}

/** Text safe to print on one line: every control character escaped, line breaks included. */
export function printableLine(text: string): string {
  return text.replace(CONTROL_OR_BREAK, escapeControl);
}

function escapeControl(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One problem of a flow, as the validator and the API's `errors` items give it. */
type ProblemItem = { path?: string; message: string };

/** A problem as a line of its own, `<where>: <path>: <message>`, or `<where>: <message>` when it has no path. */
export function formatProblem(where: string, item: ProblemItem): string {
  const path = item.path === undefined || item.path === '' ? '' : `${printableLine(item.path)}: `;
  return `${printableLine(where)}: ${path}${printableLine(item.message)}\n`;
}

/**
 * What an error answer of the API says: its detail with its stable code and status, then each of its
 * `errors` items located by `where` (the file, for a flow definition the service refused).
 */
export function describeProblemAnswer(prefix: string, answer: ApiAnswer, where: string): string {
  const problem = (typeof answer.json === 'object' && answer.json !== null ? answer.json : {}) as { detail?: unknown; code?: unknown; errors?: unknown };
  const detail = typeof problem.detail === 'string' ? problem.detail : `the service answered HTTP ${answer.status}`;
  const code = typeof problem.code === 'string' ? ` [${problem.code}, HTTP ${answer.status}]` : ` [HTTP ${answer.status}]`;
  const items = Array.isArray(problem.errors) ? problem.errors.filter(isProblemItem) : [];
  return `${prefix}: ${printableLine(detail)}${printableLine(code)}\n${items.map((item) => formatProblem(where, item)).join('')}`;
}

function isProblemItem(value: unknown): value is ProblemItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as { path?: unknown; message?: unknown };
  return typeof item.message === 'string' && (item.path === undefined || typeof item.path === 'string');
}
