import type { Invoice } from '../model/invoice.js';
import type { InvoicePath, NormalizationLog } from './normalization-log.js';

/**
 * Rule 1: every string value of the invoice loses its leading and trailing whitespace.
 *
 * The walk rebuilds every object and list, so its result is the private copy the later rules may edit;
 * the caller's invoice is never touched. Whitespace here is what `String.prototype.trim` removes (XML
 * whitespace plus the Unicode spaces people paste from office documents).
 *
 * Two kinds of value are left as they are:
 * - a value made only of whitespace: trimming would turn it into an empty value, which says no more than
 *   the blank one, and validation already treats it as empty (normalize-space) and names the term when
 *   the term is required;
 * - attachment content (BT-125): base64Binary ignores whitespace, and the value can be megabytes long.
 */
export function trimStrings(invoice: Invoice, log: NormalizationLog): Invoice {
  // The copy has the invoice's shape: trimming changes string contents only, never the structure.
  return trimValue(invoice, [], log) as Invoice;
}

function trimValue(value: unknown, path: InvoicePath, log: NormalizationLog): unknown {
  if (typeof value === 'string') return trimText(value, path, log);
  if (Array.isArray(value)) return value.map((entry: unknown, index) => trimValue(entry, [...path, index], log));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      copy[key] = isAttachmentContent(path, key) ? entry : trimValue(entry, [...path, key], log);
    }
    return copy;
  }
  return value;
}

function trimText(value: string, path: InvoicePath, log: NormalizationLog): string {
  const trimmed = value.trim();
  if (trimmed === value || trimmed === '') return value;
  log.change(path, value, trimmed, 'removed the whitespace around the value');
  return trimmed;
}

function isAttachmentContent(path: InvoicePath, key: string): boolean {
  return key === 'content' && path[path.length - 1] === 'attachment';
}
