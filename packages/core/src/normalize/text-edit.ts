import type { InvoicePath, NormalizationLog } from './normalization-log.js';

/** Uppercases the ASCII letters only: codes are ASCII, and locale rules (ß → SS, dotted İ) must not apply. */
export function toAsciiUpperCase(text: string): string {
  return text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/** Lowercases the ASCII letters only (see {@link toAsciiUpperCase}). */
export function toAsciiLowerCase(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** One edit of a text field: where it is, how the value is rewritten, and why. */
export type FieldEdit<K extends string> = {
  /** The object holding the field; nothing happens when it is absent. */
  holder: { [P in K]?: string | undefined } | undefined;
  /** The field's name. */
  key: K;
  /** The field's path in the invoice JSON form. */
  path: InvoicePath;
  /** The new value for the current one (returning it unchanged records nothing). */
  rewrite: (value: string) => string;
  /** Why, for the change record. */
  reason: string;
};

/** Applies an edit to a text field of the working copy and records it when the value really changed. */
export function editField<K extends string>(log: NormalizationLog, edit: FieldEdit<K>): void {
  const { holder, key } = edit;
  const value = holder?.[key];
  if (holder === undefined || value === undefined) return;
  const next = edit.rewrite(value);
  if (next === value) return;
  holder[key] = next;
  log.change(edit.path, value, next, edit.reason);
}
