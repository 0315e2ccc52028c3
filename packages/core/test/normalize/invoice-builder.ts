import { readFileSync } from 'node:fs';
import { readInvoiceJson, type Invoice, type NormalizationChange, type NormalizationProblem, type NormalizationResult } from '@einvoice-hub/core';

/** The JSON fixtures under packages/core/test/fixtures. */
export type FixtureName =
  | 'credit-note-xrechnung'
  | 'invoice-allowances-charges'
  | 'invoice-factur-x-reverse-charge'
  | 'invoice-peppol-norway'
  | 'invoice-standard-rated'
  | 'invoice-xrechnung';

/** Every fixture, for tests that loop over all of them. */
export const FIXTURES: readonly FixtureName[] = [
  'credit-note-xrechnung',
  'invoice-allowances-charges',
  'invoice-factur-x-reverse-charge',
  'invoice-peppol-norway',
  'invoice-standard-rated',
  'invoice-xrechnung',
];

/** Reads a fixture through the JSON form (so it is a valid model) and lets the test edit it. */
export function buildInvoice(fixture: FixtureName, edit?: (invoice: Invoice) => void): Invoice {
  const json: unknown = JSON.parse(readFileSync(new URL(`../fixtures/${fixture}.json`, import.meta.url), 'utf8'));
  const result = readInvoiceJson(json);
  if (!result.ok) throw new Error(`fixture ${fixture} is not a valid invoice: ${JSON.stringify(result.problems)}`);
  edit?.(result.invoice);
  return result.invoice;
}

/**
 * The ISO 7064 MOD 97-10 check digits of a Leitweg-ID without them, computed here independently of the
 * code under test: letters become A = 10 … Z = 35, two zeros are appended, check = 98 − (number mod 97).
 */
export function leitwegCheckDigits(withoutCheckDigits: string): string {
  const digits = withoutCheckDigits
    .toUpperCase()
    .replaceAll('-', '')
    .replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return String(98n - (BigInt(`${digits}00`) % 97n)).padStart(2, '0');
}

/** A Leitweg-ID with right check digits. */
export function validLeitwegId(withoutCheckDigits: string): string {
  return `${withoutCheckDigits}-${leitwegCheckDigits(withoutCheckDigits)}`;
}

/** The same Leitweg-ID with wrong check digits (the right ones plus one, mod 97 never 1 then). */
export function wrongLeitwegId(withoutCheckDigits: string): string {
  const wrong = (Number(leitwegCheckDigits(withoutCheckDigits)) + 1) % 100;
  return `${withoutCheckDigits}-${String(wrong).padStart(2, '0')}`;
}

/**
 * Puts a Leitweg-ID with right check digits in BT-10 and in BT-49 (scheme 0204). The German fixtures carry
 * "04011000-12345-34", whose check digits are wrong (right would be 03).
 */
export function useValidLeitwegId(invoice: Invoice): void {
  const leitwegId = validLeitwegId('04011000-12345');
  invoice.buyerReference = leitwegId;
  if (invoice.buyer?.electronicAddress) invoice.buyer.electronicAddress.id = leitwegId;
}

/** The German fixture with a valid Leitweg-ID (see {@link useValidLeitwegId}). */
export function buildGermanInvoice(edit?: (invoice: Invoice) => void): Invoice {
  return buildInvoice('invoice-xrechnung', (invoice) => {
    useValidLeitwegId(invoice);
    edit?.(invoice);
  });
}

/** An Italian B2B invoice: Italian seller and buyer, the buyer reached by its codice destinatario (0205). */
export function buildItalianInvoice(edit?: (invoice: Invoice) => void): Invoice {
  return buildInvoice('invoice-standard-rated', (invoice) => {
    invoice.currencyCode = 'EUR';
    invoice.seller = {
      name: 'Rossi Forniture S.r.l.',
      vatId: 'IT00743110157',
      identifiers: [{ id: '00743110157', schemeId: '0210' }],
      electronicAddress: { id: 'IT00743110157', schemeId: '0211' },
      address: { line1: 'Via Roma 1', city: 'Milano', postCode: '20121', countryCode: 'IT' },
    };
    invoice.buyer = {
      name: 'Mario Rossi',
      identifier: { id: 'RSSMRA80A01H501U', schemeId: '0210' },
      electronicAddress: { id: 'ABC1234', schemeId: '0205' },
      address: { line1: 'Via Appia 2', city: 'Roma', postCode: '00184', countryCode: 'IT' },
    };
    edit?.(invoice);
  });
}

/** The one change recorded at `path`; fails the test when there is none or several. */
export function changeAt(result: NormalizationResult, path: string): NormalizationChange {
  const found = result.changes.filter((change) => change.path === path);
  if (found.length !== 1) throw new Error(`expected one change at ${path}, found ${JSON.stringify(result.changes)}`);
  return found[0] as NormalizationChange;
}

/** The one problem recorded at `path`; fails the test when there is none or several. */
export function problemAt(result: NormalizationResult, path: string): NormalizationProblem {
  const found = result.problems.filter((problem) => problem.path === path);
  if (found.length !== 1) throw new Error(`expected one problem at ${path}, found ${JSON.stringify(result.problems)}`);
  return found[0] as NormalizationProblem;
}
