import type { Invoice } from '../model/invoice.js';
import type { NormalizationLog } from './normalization-log.js';
import { editField, toAsciiUpperCase } from './text-edit.js';

/**
 * Rule 2: country codes (ISO 3166-1 alpha-2) and currency codes (ISO 4217) in uppercase.
 *
 * Both lists are defined in uppercase and the rules compare codes exactly, so "de" or "eur" would fail
 * validation although their meaning is plain. Only values with the shape of a code (2 letters for a
 * country, 3 for a currency) are touched: "Sweden" would not become a code by being shouted. The model
 * keeps no currency on amounts (no currencyID): BT-5 and BT-6 are the only currency codes.
 */
export function uppercaseCodes(invoice: Invoice, log: NormalizationLog): void {
  const reason = 'wrote the code in uppercase, as its code list does';
  const currency = { rewrite: uppercaseLetters(3), reason };
  const edit = { rewrite: uppercaseLetters(2), reason };
  editField(log, { ...currency, holder: invoice, key: 'currencyCode', path: ['currencyCode'] });
  editField(log, { ...currency, holder: invoice, key: 'vatAccountingCurrencyCode', path: ['vatAccountingCurrencyCode'] });
  const addresses = [
    ['seller', invoice.seller?.address],
    ['buyer', invoice.buyer?.address],
    ['sellerTaxRepresentative', invoice.sellerTaxRepresentative?.address],
    ['delivery', invoice.delivery?.address],
  ] as const;
  for (const [group, address] of addresses) {
    editField(log, { ...edit, holder: address, key: 'countryCode', path: [group, 'address', 'countryCode'] });
  }
  invoice.lines?.forEach((line, index) => {
    editField(log, { ...edit, holder: line.item, key: 'originCountryCode', path: ['lines', index, 'item', 'originCountryCode'] });
  });
}

/** Uppercases a value made of exactly `length` ASCII letters; leaves any other value as it is. */
function uppercaseLetters(length: number): (value: string) => string {
  const shape = new RegExp(`^[A-Za-z]{${length}}$`);
  return (value) => (shape.test(value) ? toAsciiUpperCase(value) : value);
}
