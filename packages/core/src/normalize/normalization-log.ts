import { formatJsonPath } from '../model/invoice-json.js';
import { termsAt } from './business-terms.js';
import type { NormalizationChange, NormalizationCheck, NormalizationProblem } from './normalization.js';

/**
 * Values longer than this are shortened in changes and problems: a report names the value, it does not
 * carry a megabyte note twice (before and after) into logs and API answers.
 */
export const MAX_REPORTED_LENGTH = 200;

/** A path in the invoice JSON form as keys: `['lines', 0, 'note']`. */
export type InvoicePath = readonly (string | number)[];

/** Collects the changes and problems of one normalization run, in the order they were found. */
export class NormalizationLog {
  readonly changes: NormalizationChange[] = [];
  readonly problems: NormalizationProblem[] = [];

  /** Records one repair of the value at `path`. */
  change(path: InvoicePath, from: string, to: string, reason: string): void {
    this.changes.push({ path: formatJsonPath(path), terms: termsAt(path), from: shorten(from), to: shorten(to), reason });
  }

  /** Records a value at `path` that no repair can make valid. */
  problem(path: InvoicePath, value: string, check: NormalizationCheck, message: string): void {
    this.problems.push({ path: formatJsonPath(path), terms: termsAt(path), value: shorten(value), check, message });
  }
}

function shorten(value: string): string {
  if (value.length <= MAX_REPORTED_LENGTH) return value;
  // Never cut a surrogate pair in half: the report must stay well-formed text.
  const end = isHighSurrogate(value.charCodeAt(MAX_REPORTED_LENGTH - 1)) ? MAX_REPORTED_LENGTH - 1 : MAX_REPORTED_LENGTH;
  return `${value.slice(0, end)}… (${value.length} characters)`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
