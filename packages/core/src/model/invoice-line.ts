import { z } from 'zod';
import { lineAllowanceChargeSchema } from './allowance-charge.js';
import { periodSchema } from './delivery.js';
import { codeSchema, decimalSchema, identifierSchema, textSchema } from './primitives.js';

/** BG-29 PRICE DETAILS. */
export const priceDetailsSchema = z
  .object({
    /** BT-146 Item net price (1..1). */
    netPrice: decimalSchema.optional().describe('BT-146 Item net price (1..1).'),
    /** BT-147 Item price discount (0..1). */
    discount: decimalSchema.optional().describe('BT-147 Item price discount (0..1).'),
    /** BT-148 Item gross price (0..1). */
    grossPrice: decimalSchema.optional().describe('BT-148 Item gross price (0..1).'),
    /** BT-149 Item price base quantity (0..1). */
    baseQuantity: decimalSchema.optional().describe('BT-149 Item price base quantity (0..1).'),
    /** BT-150 Item price base quantity unit of measure code (0..1). */
    baseQuantityUnitCode: codeSchema.optional().describe('BT-150 Item price base quantity unit of measure code (0..1).'),
  })
  .strict();
/** BG-29 PRICE DETAILS. */
export type PriceDetails = z.infer<typeof priceDetailsSchema>;

/** BG-30 LINE VAT INFORMATION. */
export const lineVatSchema = z
  .object({
    /** BT-151 Invoiced item VAT category code (1..1). */
    categoryCode: codeSchema.optional().describe('BT-151 Invoiced item VAT category code (1..1).'),
    /** BT-152 Invoiced item VAT rate (0..1). */
    rate: decimalSchema.optional().describe('BT-152 Invoiced item VAT rate (0..1).'),
  })
  .strict();
/** BG-30 LINE VAT INFORMATION. */
export type LineVat = z.infer<typeof lineVatSchema>;

/** BT-158 Item classification identifier, with BT-158-1 scheme and BT-158-2 scheme version. */
export const itemClassificationSchema = z
  .object({
    /** BT-158 Item classification identifier. */
    id: textSchema.describe('BT-158 Item classification identifier.'),
    /** BT-158-1 Scheme identifier, UNTDID 7143 (1..1 when BT-158 is given). */
    schemeId: codeSchema.optional().describe('BT-158-1 Scheme identifier, UNTDID 7143 (1..1 when BT-158 is given).'),
    /** BT-158-2 Scheme version identifier (0..1). */
    schemeVersionId: textSchema.optional().describe('BT-158-2 Scheme version identifier (0..1).'),
  })
  .strict();
/** BT-158 Item classification identifier. */
export type ItemClassification = z.infer<typeof itemClassificationSchema>;

/** BG-32 ITEM ATTRIBUTES. */
export const itemAttributeSchema = z
  .object({
    /** BT-160 Item attribute name (1..1). */
    name: textSchema.optional().describe('BT-160 Item attribute name (1..1).'),
    /** BT-161 Item attribute value (1..1). */
    value: textSchema.optional().describe('BT-161 Item attribute value (1..1).'),
  })
  .strict();
/** BG-32 ITEM ATTRIBUTES. */
export type ItemAttribute = z.infer<typeof itemAttributeSchema>;

/** BG-31 ITEM INFORMATION. */
export const itemSchema = z
  .object({
    /** BT-153 Item name (1..1). */
    name: textSchema.optional().describe('BT-153 Item name (1..1).'),
    /** BT-154 Item description (0..1). */
    description: textSchema.optional().describe('BT-154 Item description (0..1).'),
    /** BT-155 Item Seller's identifier (0..1). */
    sellerId: textSchema.optional().describe('BT-155 Item Seller\'s identifier (0..1).'),
    /** BT-156 Item Buyer's identifier (0..1). */
    buyerId: textSchema.optional().describe('BT-156 Item Buyer\'s identifier (0..1).'),
    /** BT-157 Item standard identifier, with BT-157-1 scheme (0..1). */
    standardId: identifierSchema.optional().describe('BT-157 Item standard identifier, with BT-157-1 scheme (0..1).'),
    /** BT-158 Item classification identifiers (0..n). */
    classifications: z.array(itemClassificationSchema).optional().describe('BT-158 Item classification identifiers (0..n).'),
    /** BT-159 Item country of origin (0..1). */
    originCountryCode: codeSchema.optional().describe('BT-159 Item country of origin (0..1).'),
    /** BG-32 ITEM ATTRIBUTES (0..n). */
    attributes: z.array(itemAttributeSchema).optional().describe('BG-32 ITEM ATTRIBUTES (0..n).'),
  })
  .strict();
/** BG-31 ITEM INFORMATION. */
export type Item = z.infer<typeof itemSchema>;

/** BG-25 INVOICE LINE. */
export const invoiceLineSchema = z
  .object({
    /** BT-126 Invoice line identifier (1..1). */
    id: textSchema.optional().describe('BT-126 Invoice line identifier (1..1).'),
    /** BT-127 Invoice line note (0..1). */
    note: textSchema.optional().describe('BT-127 Invoice line note (0..1).'),
    /** BT-128 Invoice line object identifier, with BT-128-1 scheme (0..1). */
    objectIdentifier: identifierSchema.optional().describe('BT-128 Invoice line object identifier, with BT-128-1 scheme (0..1).'),
    /** BT-129 Invoiced quantity (1..1). */
    quantity: decimalSchema.optional().describe('BT-129 Invoiced quantity (1..1).'),
    /** BT-130 Invoiced quantity unit of measure code, UN/ECE Rec 20/21 (1..1). */
    unitCode: codeSchema.optional().describe('BT-130 Invoiced quantity unit of measure code, UN/ECE Rec 20/21 (1..1).'),
    /** BT-131 Invoice line net amount (1..1). */
    netAmount: decimalSchema.optional().describe('BT-131 Invoice line net amount (1..1).'),
    /** BT-132 Referenced purchase order line reference (0..1). */
    orderLineReference: textSchema.optional().describe('BT-132 Referenced purchase order line reference (0..1).'),
    /** BT-133 Invoice line Buyer accounting reference (0..1). */
    buyerAccountingReference: textSchema.optional().describe('BT-133 Invoice line Buyer accounting reference (0..1).'),
    /** BG-26 INVOICE LINE PERIOD (0..1). */
    period: periodSchema.optional().describe('BG-26 INVOICE LINE PERIOD (0..1).'),
    /** BG-27 INVOICE LINE ALLOWANCES (0..n). */
    allowances: z.array(lineAllowanceChargeSchema).optional().describe('BG-27 INVOICE LINE ALLOWANCES (0..n).'),
    /** BG-28 INVOICE LINE CHARGES (0..n). */
    charges: z.array(lineAllowanceChargeSchema).optional().describe('BG-28 INVOICE LINE CHARGES (0..n).'),
    /** BG-29 PRICE DETAILS (1..1). */
    price: priceDetailsSchema.optional().describe('BG-29 PRICE DETAILS (1..1).'),
    /** BG-30 LINE VAT INFORMATION (1..1). */
    vat: lineVatSchema.optional().describe('BG-30 LINE VAT INFORMATION (1..1).'),
    /** BG-31 ITEM INFORMATION (1..1). */
    item: itemSchema.optional().describe('BG-31 ITEM INFORMATION (1..1).'),
  })
  .strict();
/** BG-25 INVOICE LINE. */
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;
