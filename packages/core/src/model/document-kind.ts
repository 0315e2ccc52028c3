import type { Invoice } from './invoice.js';

/** The two kinds of commercial document of EN 16931. */
export const DOCUMENT_KINDS = ['invoice', 'credit-note'] as const;
/** The kind of document: an invoice or a credit note. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** UNTDID 1001 document type codes that denote a credit note in EN 16931. */
export const CREDIT_NOTE_TYPE_CODES: ReadonlySet<string> = new Set(['81', '83', '261', '262', '296', '308', '381', '396', '420', '458', '532']);

/** The document kind of an invoice: its explicit `kind`, or the one BT-3 implies. */
export function documentKindOf(invoice: Invoice): DocumentKind {
  if (invoice.kind) return invoice.kind;
  return invoice.typeCode !== undefined && CREDIT_NOTE_TYPE_CODES.has(invoice.typeCode.trim()) ? 'credit-note' : 'invoice';
}
