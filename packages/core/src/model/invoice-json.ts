import { z } from 'zod';
import { invoiceSchema, type Invoice } from './invoice.js';
import { findUnwritableText, unwritableTextMessage } from './text-characters.js';

/** One problem found in a JSON invoice: where (a JSON path such as `lines[0].quantity`) and what. */
export type JsonInvoiceProblem = { path: string; message: string };

/** The result of reading a JSON invoice: the invoice, or every problem found. */
export type JsonInvoiceResult = { ok: true; invoice: Invoice } | { ok: false; problems: JsonInvoiceProblem[] };

/**
 * Checks an already-parsed JSON value against the EN 16931 JSON form, and that all its text can be written
 * as XML; reports every problem at once.
 */
export function readInvoiceJson(value: unknown): JsonInvoiceResult {
  const result = invoiceSchema.safeParse(value);
  const unwritable = findUnwritableText(value).map((found) => ({ path: formatJsonPath(found.path), message: unwritableTextMessage(found.codePoint) }));
  if (result.success && unwritable.length === 0) return { ok: true, invoice: result.data };
  return { ok: false, problems: [...(result.success ? [] : result.error.issues.map(toProblem)), ...unwritable] };
}

function toProblem(issue: z.core.$ZodIssue): JsonInvoiceProblem {
  const path = formatJsonPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
  }
  if (issue.code === 'invalid_type') {
    return { path, message: `must be ${article(issue.expected)}` };
  }
  return { path, message: issue.message };
}

function article(expected: string): string {
  return expected === 'array' || expected === 'object' ? `an ${expected}` : `a ${expected}`;
}

/** Writes a JSON path the way a person reads it: `seller.address.countryCode`, `lines[2].price`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(document)' : out;
}

/** The JSON Schema (draft 2020-12) of the EN 16931 JSON form, generated from the model's zod schema. */
export function invoiceJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(invoiceSchema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'urn:einvoice-hub:schema:invoice',
    title: 'EN 16931 invoice (eInvoice Hub JSON form)',
  };
}
