import type { Invoice } from '../model/invoice.js';
import { normalizeForGermany } from './germany.js';
import { normalizeForItaly } from './italy.js';
import type { NormalizationContext, NormalizationResult } from './normalization.js';
import { NormalizationLog } from './normalization-log.js';
import { toAsciiUpperCase } from './text-edit.js';
import { trimStrings } from './trim-strings.js';
import { uppercaseCodes } from './uppercase-codes.js';
import { addVatPrefixes } from './vat-identifiers.js';

/**
 * Repairs the common mistakes of an invoice before it is transformed, and names what cannot be repaired.
 * Returns a normalized copy (never mutates the input). The rules run in order, each on the result of
 * the previous one: trimming first, so that the later rules see clean values; country codes before VAT
 * prefixes, which are taken from them; the national conventions of the context's country last.
 */
export function normalizeInvoice(invoice: Invoice, context: NormalizationContext): NormalizationResult {
  const log = new NormalizationLog();
  const copy = trimStrings(invoice, log);
  uppercaseCodes(copy, log);
  addVatPrefixes(copy, log);
  const country = toAsciiUpperCase(context.country?.trim() ?? '');
  if (country === 'DE') normalizeForGermany(copy, log);
  if (country === 'IT') normalizeForItaly(copy, log);
  return { invoice: copy, changes: log.changes, problems: log.problems };
}
