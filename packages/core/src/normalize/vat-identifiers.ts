import type { Invoice } from '../model/invoice.js';
import type { NormalizationLog } from './normalization-log.js';
import { editField, toAsciiUpperCase } from './text-edit.js';

/** The parties with a VAT identifier and a postal address of their own (BT-31, BT-48, BT-63). */
const VAT_PARTIES = [
  { group: 'seller', noun: 'seller' },
  { group: 'buyer', noun: 'buyer' },
  { group: 'sellerTaxRepresentative', noun: "seller's tax representative" },
] as const;

const COUNTRY_CODE = /^[A-Z]{2}$/;
const LETTER_PREFIX = /^[A-Za-z]{2}/;

/**
 * Rule 3: VAT identifiers carry the prefix of their country (BR-CO-09).
 *
 * - A value that does not start with two letters gets the prefix of the party's postal address country;
 *   Greece uses EL (the EU VAT prefix), not its ISO code GR. Without a known country nothing is guessed,
 *   and validation reports BR-CO-09.
 * - A prefix that is that country's, written in lowercase ("de123…"), is uppercased.
 * - Inner spaces, dots and hyphens are kept: several official forms carry them (the Swiss
 *   "CHE-123.456.789 MWST" among them), and BR-CO-09 checks only the prefix, so removing them is not
 *   clearly safe.
 */
export function addVatPrefixes(invoice: Invoice, log: NormalizationLog): void {
  for (const { group, noun } of VAT_PARTIES) {
    const party = invoice[group];
    const country = party?.address?.countryCode;
    if (party === undefined || country === undefined || !COUNTRY_CODE.test(country)) continue;
    const prefix = vatPrefixOf(country);
    const path = [group, 'vatId'];
    editField(log, {
      holder: party,
      key: 'vatId',
      path,
      rewrite: (value) => (value.trim() === '' || LETTER_PREFIX.test(value) ? value : `${prefix}${value}`),
      reason: `added the VAT prefix ${prefix} of the ${noun}'s country ${country}`,
    });
    editField(log, {
      holder: party,
      key: 'vatId',
      path,
      rewrite: (value) => (isOwnPrefixInLowercase(value, country) ? toAsciiUpperCase(value.slice(0, 2)) + value.slice(2) : value),
      reason: `wrote the VAT prefix of the ${noun}'s country ${country} in uppercase`,
    });
  }
}

/** The VAT identifier prefix of a country: its ISO 3166-1 code, except EL for Greece (GR). */
export function vatPrefixOf(country: string): string {
  return country === 'GR' ? 'EL' : country;
}

function isOwnPrefixInLowercase(value: string, country: string): boolean {
  const letters = value.slice(0, 2);
  if (!LETTER_PREFIX.test(letters) || letters === toAsciiUpperCase(letters)) return false;
  const upper = toAsciiUpperCase(letters);
  return upper === country || upper === vatPrefixOf(country);
}
