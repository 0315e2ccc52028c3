import { z } from 'zod';
import { codeSchema, decimalSchema, textSchema } from './primitives.js';

/**
 * A document level allowance (BG-20) or charge (BG-21). Whether it is an allowance or a charge is given
 * by the list that holds it (`allowances` or `charges` of the invoice).
 */
export const documentAllowanceChargeSchema = z
  .object({
    /** BT-92 Document level allowance amount / BT-99 charge amount (1..1). */
    amount: decimalSchema.optional().describe('BT-92 Document level allowance amount / BT-99 charge amount (1..1).'),
    /** BT-93 Document level allowance base amount / BT-100 charge base amount (0..1). */
    baseAmount: decimalSchema.optional().describe('BT-93 Document level allowance base amount / BT-100 charge base amount (0..1).'),
    /** BT-94 Document level allowance percentage / BT-101 charge percentage (0..1). */
    percentage: decimalSchema.optional().describe('BT-94 Document level allowance percentage / BT-101 charge percentage (0..1).'),
    /** BT-95 Document level allowance VAT category code / BT-102 charge VAT category code (1..1). */
    vatCategoryCode: codeSchema.optional().describe('BT-95 Document level allowance VAT category code / BT-102 charge VAT category code (1..1).'),
    /** BT-96 Document level allowance VAT rate / BT-103 charge VAT rate (0..1). */
    vatRate: decimalSchema.optional().describe('BT-96 Document level allowance VAT rate / BT-103 charge VAT rate (0..1).'),
    /** BT-97 Document level allowance reason / BT-104 charge reason (0..1). */
    reason: textSchema.optional().describe('BT-97 Document level allowance reason / BT-104 charge reason (0..1).'),
    /** BT-98 Document level allowance reason code (UNTDID 5189) / BT-105 charge reason code (UNTDID 7161) (0..1). */
    reasonCode: codeSchema.optional().describe('BT-98 Document level allowance reason code (UNTDID 5189) / BT-105 charge reason code (UNTDID 7161) (0..1).'),
  })
  .strict();
/** A document level allowance (BG-20) or charge (BG-21). */
export type DocumentAllowanceCharge = z.infer<typeof documentAllowanceChargeSchema>;

/** An invoice line allowance (BG-27) or charge (BG-28). */
export const lineAllowanceChargeSchema = z
  .object({
    /** BT-136 Invoice line allowance amount / BT-141 charge amount (1..1). */
    amount: decimalSchema.optional().describe('BT-136 Invoice line allowance amount / BT-141 charge amount (1..1).'),
    /** BT-137 Invoice line allowance base amount / BT-142 charge base amount (0..1). */
    baseAmount: decimalSchema.optional().describe('BT-137 Invoice line allowance base amount / BT-142 charge base amount (0..1).'),
    /** BT-138 Invoice line allowance percentage / BT-143 charge percentage (0..1). */
    percentage: decimalSchema.optional().describe('BT-138 Invoice line allowance percentage / BT-143 charge percentage (0..1).'),
    /** BT-139 Invoice line allowance reason / BT-144 charge reason (0..1). */
    reason: textSchema.optional().describe('BT-139 Invoice line allowance reason / BT-144 charge reason (0..1).'),
    /** BT-140 Invoice line allowance reason code / BT-145 charge reason code (0..1). */
    reasonCode: codeSchema.optional().describe('BT-140 Invoice line allowance reason code / BT-145 charge reason code (0..1).'),
  })
  .strict();
/** An invoice line allowance (BG-27) or charge (BG-28). */
export type LineAllowanceCharge = z.infer<typeof lineAllowanceChargeSchema>;
