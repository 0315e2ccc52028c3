import type { Invoice } from '../model/invoice.js';

/**
 * The vocabulary of the `normalize` step: what it changed, what it could not repair, and what it needs.
 *
 * Normalization repairs mistakes whose correction is unambiguous (stray whitespace, lowercase codes, a
 * missing VAT prefix); a value that is wrong beyond repair becomes a problem, and the caller fails the
 * document naming the value and the check, instead of guessing.
 */

/** The checks whose failure makes a value invalid beyond repair. */
export const NORMALIZATION_CHECKS = [
  'leitweg-id-format',
  'leitweg-id-check-digits',
  'codice-destinatario-format',
  'ipa-code-format',
  'codice-fiscale-format',
  'codice-fiscale-check-character',
  'codice-fiscale-check-digit',
] as const;
/** A check whose failure makes a value invalid beyond repair. */
export type NormalizationCheck = (typeof NORMALIZATION_CHECKS)[number];

/** One repair, with the value before and after, so a person can see and undo what the hub did. */
export type NormalizationChange = {
  /** JSON path in the invoice JSON form, e.g. `seller.vatId`, `lines[0].note`. */
  path: string;
  /** The business terms of the value, e.g. `['BT-31']`. */
  terms: string[];
  /** The value as received (long values are shortened, see `MAX_REPORTED_LENGTH`). */
  from: string;
  /** The value after the repair (shortened like `from`). */
  to: string;
  /** Why the value was changed, in a short sentence. */
  reason: string;
};

/** A value invalid beyond repair: the caller fails the document and names the value and the check. */
export type NormalizationProblem = {
  /** JSON path in the invoice JSON form. */
  path: string;
  /** The business terms of the value. */
  terms: string[];
  /** The offending value (after the repairs that could be made, shortened like a change's values). */
  value: string;
  /** Which check failed. */
  check: NormalizationCheck;
  /** What is wrong, in a sentence. */
  message: string;
};

/** The outcome of normalization: a repaired copy of the invoice, every repair, every unrepairable value. */
export type NormalizationResult = { invoice: Invoice; changes: NormalizationChange[]; problems: NormalizationProblem[] };

/** What normalization needs to know beyond the invoice: the country whose conventions apply (ISO 3166-1 alpha-2). */
export type NormalizationContext = { country?: string | undefined };
