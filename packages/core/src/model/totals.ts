import { z } from 'zod';
import { codeSchema, decimalSchema, textSchema } from './primitives.js';

/** BG-22 DOCUMENT TOTALS: the monetary totals of the invoice. */
export const documentTotalsSchema = z
  .object({
    /** BT-106 Sum of Invoice line net amount (1..1). */
    lineNetTotal: decimalSchema.optional().describe('BT-106 Sum of Invoice line net amount (1..1).'),
    /** BT-107 Sum of allowances on document level (0..1). */
    allowanceTotal: decimalSchema.optional().describe('BT-107 Sum of allowances on document level (0..1).'),
    /** BT-108 Sum of charges on document level (0..1). */
    chargeTotal: decimalSchema.optional().describe('BT-108 Sum of charges on document level (0..1).'),
    /** BT-109 Invoice total amount without VAT (1..1). */
    taxExclusiveAmount: decimalSchema.optional().describe('BT-109 Invoice total amount without VAT (1..1).'),
    /** BT-110 Invoice total VAT amount, in the invoice currency (0..1). */
    vatTotal: decimalSchema.optional().describe('BT-110 Invoice total VAT amount, in the invoice currency (0..1).'),
    /** BT-111 Invoice total VAT amount in accounting currency, in BT-6 (0..1). */
    vatTotalInAccountingCurrency: decimalSchema.optional().describe('BT-111 Invoice total VAT amount in accounting currency, in BT-6 (0..1).'),
    /** BT-112 Invoice total amount with VAT (1..1). */
    taxInclusiveAmount: decimalSchema.optional().describe('BT-112 Invoice total amount with VAT (1..1).'),
    /** BT-113 Paid amount (0..1). */
    paidAmount: decimalSchema.optional().describe('BT-113 Paid amount (0..1).'),
    /** BT-114 Rounding amount (0..1). */
    roundingAmount: decimalSchema.optional().describe('BT-114 Rounding amount (0..1).'),
    /** BT-115 Amount due for payment (1..1). */
    amountDue: decimalSchema.optional().describe('BT-115 Amount due for payment (1..1).'),
  })
  .strict();
/** BG-22 DOCUMENT TOTALS. */
export type DocumentTotals = z.infer<typeof documentTotalsSchema>;

/** BG-23 VAT BREAKDOWN: one entry per VAT category and rate. */
export const vatBreakdownSchema = z
  .object({
    /** BT-116 VAT category taxable amount (1..1). */
    taxableAmount: decimalSchema.optional().describe('BT-116 VAT category taxable amount (1..1).'),
    /** BT-117 VAT category tax amount (1..1). */
    taxAmount: decimalSchema.optional().describe('BT-117 VAT category tax amount (1..1).'),
    /** BT-118 VAT category code, UNTDID 5305 subset (1..1). */
    categoryCode: codeSchema.optional().describe('BT-118 VAT category code, UNTDID 5305 subset (1..1).'),
    /** BT-119 VAT category rate (0..1). */
    rate: decimalSchema.optional().describe('BT-119 VAT category rate (0..1).'),
    /** BT-120 VAT exemption reason text (0..1). */
    exemptionReason: textSchema.optional().describe('BT-120 VAT exemption reason text (0..1).'),
    /** BT-121 VAT exemption reason code, VATEX list (0..1). */
    exemptionReasonCode: codeSchema.optional().describe('BT-121 VAT exemption reason code, VATEX list (0..1).'),
  })
  .strict();
/** BG-23 VAT BREAKDOWN. */
export type VatBreakdown = z.infer<typeof vatBreakdownSchema>;
