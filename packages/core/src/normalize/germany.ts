import type { Invoice } from '../model/invoice.js';
import { hasValidLeitwegIdCheckDigits, looksLikeLeitwegId, readLeitwegIdShape } from './leitweg-id.js';
import type { InvoicePath, NormalizationLog } from './normalization-log.js';
import { electronicAddressSlots, hasScheme } from './identifier-slots.js';
import { editField, toAsciiLowerCase, toAsciiUpperCase } from './text-edit.js';

/** EAS code of an electronic address that is an e-mail address. */
const EMAIL_SCHEME = 'EM';
/** ISO 6523 ICD / EAS code of the Leitweg-ID. */
const LEITWEG_ID_SCHEME = '0204';

/**
 * Rule 4, German conventions (context country DE): e-mail addresses in lowercase, and the Leitweg-ID
 * (BT-10, or an electronic address with scheme 0204) in uppercase with its check digits verified.
 */
export function normalizeForGermany(invoice: Invoice, log: NormalizationLog): void {
  lowercaseEmailAddresses(invoice, log);
  normalizeBuyerReference(invoice, log);
  for (const { identifier, path } of electronicAddressSlots(invoice)) {
    if (hasScheme(identifier, LEITWEG_ID_SCHEME)) normalizeDeclaredLeitwegId(identifier, [...path, 'id'], log);
  }
}

/**
 * E-mail addresses in lowercase: German receiving platforms match addresses as text, and the domain is
 * case-insensitive anyway. Only ASCII letters change, so internationalized addresses keep their form.
 */
function lowercaseEmailAddresses(invoice: Invoice, log: NormalizationLog): void {
  const reason = 'wrote the e-mail address in lowercase';
  editField(log, { holder: invoice.seller?.contact, key: 'email', path: ['seller', 'contact', 'email'], rewrite: toAsciiLowerCase, reason });
  editField(log, { holder: invoice.buyer?.contact, key: 'email', path: ['buyer', 'contact', 'email'], rewrite: toAsciiLowerCase, reason });
  for (const { identifier, path } of electronicAddressSlots(invoice)) {
    if (!hasScheme(identifier, EMAIL_SCHEME)) continue;
    editField(log, { holder: identifier, key: 'id', path: [...path, 'id'], rewrite: toAsciiLowerCase, reason });
  }
}

/** BT-10 is a Leitweg-ID only when it looks like one (see `looksLikeLeitwegId`); other references pass. */
function normalizeBuyerReference(invoice: Invoice, log: NormalizationLog): void {
  const reference = invoice.buyerReference;
  if (reference === undefined || !looksLikeLeitwegId(toAsciiUpperCase(reference))) return;
  const path = ['buyerReference'];
  editField(log, { holder: invoice, key: 'buyerReference', path, rewrite: toAsciiUpperCase, reason: 'wrote the Leitweg-ID in uppercase' });
  reportWrongCheckDigits(invoice.buyerReference ?? reference, path, log);
}

/** An electronic address with scheme 0204 is a Leitweg-ID by declaration, so any other shape is an error too. */
function normalizeDeclaredLeitwegId(identifier: { id: string }, path: InvoicePath, log: NormalizationLog): void {
  editField(log, { holder: identifier, key: 'id', path, rewrite: toAsciiUpperCase, reason: 'wrote the Leitweg-ID in uppercase' });
  if (readLeitwegIdShape(identifier.id) === undefined) {
    const message =
      'the electronic address is declared a Leitweg-ID (scheme 0204) but does not have its form: 2–12 digits, an optional part of up to 30 letters and digits, and 2 check digits, separated by hyphens';
    log.problem(path, identifier.id, 'leitweg-id-format', message);
    return;
  }
  reportWrongCheckDigits(identifier.id, path, log);
}

function reportWrongCheckDigits(leitwegId: string, path: InvoicePath, log: NormalizationLog): void {
  if (hasValidLeitwegIdCheckDigits(leitwegId)) return;
  const message = 'the Leitweg-ID has wrong check digits (ISO 7064 MOD 97-10): it is probably mistyped';
  log.problem(path, leitwegId, 'leitweg-id-check-digits', message);
}
