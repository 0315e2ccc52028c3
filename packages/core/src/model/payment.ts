import { z } from 'zod';
import { codeSchema, textSchema } from './primitives.js';

/** BG-17 CREDIT TRANSFER: an account the buyer can pay into. */
export const creditTransferSchema = z
  .object({
    /** BT-84 Payment account identifier, e.g. an IBAN (1..1). */
    accountId: textSchema.optional().describe('BT-84 Payment account identifier, e.g. an IBAN (1..1).'),
    /** BT-85 Payment account name (0..1). */
    accountName: textSchema.optional().describe('BT-85 Payment account name (0..1).'),
    /** BT-86 Payment service provider identifier, e.g. a BIC (0..1). */
    serviceProviderId: textSchema.optional().describe('BT-86 Payment service provider identifier, e.g. a BIC (0..1).'),
  })
  .strict();
/** BG-17 CREDIT TRANSFER. */
export type CreditTransfer = z.infer<typeof creditTransferSchema>;

/** BG-18 PAYMENT CARD INFORMATION. */
export const paymentCardSchema = z
  .object({
    /** BT-87 Payment card primary account number; only the last digits may be given (1..1). */
    primaryAccountNumber: textSchema.optional().describe('BT-87 Payment card primary account number; only the last digits may be given (1..1).'),
    /** BT-88 Payment card holder name (0..1). */
    holderName: textSchema.optional().describe('BT-88 Payment card holder name (0..1).'),
  })
  .strict();
/** BG-18 PAYMENT CARD INFORMATION. */
export type PaymentCard = z.infer<typeof paymentCardSchema>;

/** BG-19 DIRECT DEBIT. */
export const directDebitSchema = z
  .object({
    /** BT-89 Mandate reference identifier (0..1). */
    mandateReference: textSchema.optional().describe('BT-89 Mandate reference identifier (0..1).'),
    /** BT-90 Bank assigned creditor identifier (0..1). */
    creditorId: textSchema.optional().describe('BT-90 Bank assigned creditor identifier (0..1).'),
    /** BT-91 Debited account identifier (0..1). */
    debitedAccountId: textSchema.optional().describe('BT-91 Debited account identifier (0..1).'),
  })
  .strict();
/** BG-19 DIRECT DEBIT. */
export type DirectDebit = z.infer<typeof directDebitSchema>;

/**
 * BG-16 PAYMENT INSTRUCTIONS: one way the buyer may pay.
 *
 * EN 16931 has a single BG-16, but both syntaxes repeat it (UBL `cac:PaymentMeans`, CII
 * `ram:SpecifiedTradeSettlementPaymentMeans`) and real invoices offer several means (transfer, card,
 * direct debit). The invoice therefore keeps a list; the first entry is the BG-16 of the norm.
 */
export const paymentInstructionsSchema = z
  .object({
    /** BT-81 Payment means type code, UNTDID 4461 (1..1). */
    meansCode: codeSchema.optional().describe('BT-81 Payment means type code, UNTDID 4461 (1..1).'),
    /** BT-82 Payment means text (0..1). */
    meansText: textSchema.optional().describe('BT-82 Payment means text (0..1).'),
    /** BT-83 Remittance information (0..1). */
    remittanceInformation: textSchema.optional().describe('BT-83 Remittance information (0..1).'),
    /** BG-17 CREDIT TRANSFER (0..n). */
    creditTransfers: z.array(creditTransferSchema).optional().describe('BG-17 CREDIT TRANSFER (0..n).'),
    /** BG-18 PAYMENT CARD INFORMATION (0..1). */
    paymentCard: paymentCardSchema.optional().describe('BG-18 PAYMENT CARD INFORMATION (0..1).'),
    /** BG-19 DIRECT DEBIT (0..1). */
    directDebit: directDebitSchema.optional().describe('BG-19 DIRECT DEBIT (0..1).'),
  })
  .strict();
/** BG-16 PAYMENT INSTRUCTIONS. */
export type PaymentInstructions = z.infer<typeof paymentInstructionsSchema>;
