import type { PaymentInstructions } from '../model/payment.js';

/** UNTDID 4461 codes of direct debits: 49 direct debit, 59 SEPA direct debit. */
const DIRECT_DEBIT_CODES = new Set(['49', '59']);

/**
 * Terms a syntax carries once per document though the model keeps them per payment means:
 * BT-90 (UBL: a party identifier with scheme SEPA; CII: `ram:CreditorReferenceID`), BT-89 in CII
 * (`ram:DirectDebitMandateID`) and BT-83 in CII (`ram:PaymentReference`).
 */
export type SharedPaymentTerms = { creditorId?: string; mandateReference?: string; remittanceInformation?: string };

/**
 * Puts document-level payment terms on the payment means they belong to: direct-debit terms on every
 * direct-debit means (or the first means when none is one), remittance information on every means.
 * Both codecs use this one rule, so reading UBL and CII gives the same model.
 */
export function attachSharedPaymentTerms(instructions: PaymentInstructions[], shared: SharedPaymentTerms): PaymentInstructions[] {
  const { creditorId, mandateReference, remittanceInformation } = shared;
  if (creditorId === undefined && mandateReference === undefined && remittanceInformation === undefined) return instructions;
  const list = instructions.length > 0 ? instructions.map((entry) => ({ ...entry })) : [{}];
  const debits = list.filter((entry) => entry.meansCode !== undefined && DIRECT_DEBIT_CODES.has(entry.meansCode.trim()));
  const targets = debits.length > 0 ? debits : list.slice(0, 1);
  for (const entry of targets) {
    if (creditorId === undefined && mandateReference === undefined) break;
    entry.directDebit = {
      ...(mandateReference !== undefined && entry.directDebit?.mandateReference === undefined ? { mandateReference } : {}),
      ...entry.directDebit,
      ...(creditorId !== undefined ? { creditorId } : {}),
    };
  }
  if (remittanceInformation !== undefined) {
    for (const entry of list) if (entry.remittanceInformation === undefined) entry.remittanceInformation = remittanceInformation;
  }
  return list;
}

/** The first value of a per-means term, for syntaxes that carry it once per document. */
export function firstOf<T>(instructions: readonly PaymentInstructions[] | undefined, pick: (entry: PaymentInstructions) => T | undefined): T | undefined {
  for (const entry of instructions ?? []) {
    const value = pick(entry);
    if (value !== undefined) return value;
  }
  return undefined;
}
