import { z } from 'zod';
import { codeSchema, textSchema } from './primitives.js';

/**
 * A postal address: the shape shared by BG-5 (seller), BG-8 (buyer), BG-12 (tax representative) and
 * BG-15 (deliver-to). The business term ids differ per group; they are listed on each field.
 */
export const postalAddressSchema = z
  .object({
    /** BT-35 / BT-50 / BT-64 / BT-75 Address line 1. */
    line1: textSchema.optional().describe('BT-35 / BT-50 / BT-64 / BT-75 Address line 1.'),
    /** BT-36 / BT-51 / BT-65 / BT-76 Address line 2. */
    line2: textSchema.optional().describe('BT-36 / BT-51 / BT-65 / BT-76 Address line 2.'),
    /** BT-162 / BT-163 / BT-164 / BT-165 Address line 3. */
    line3: textSchema.optional().describe('BT-162 / BT-163 / BT-164 / BT-165 Address line 3.'),
    /** BT-37 / BT-52 / BT-66 / BT-77 City. */
    city: textSchema.optional().describe('BT-37 / BT-52 / BT-66 / BT-77 City.'),
    /** BT-38 / BT-53 / BT-67 / BT-78 Post code. */
    postCode: textSchema.optional().describe('BT-38 / BT-53 / BT-67 / BT-78 Post code.'),
    /** BT-39 / BT-54 / BT-68 / BT-79 Country subdivision. */
    countrySubdivision: textSchema.optional().describe('BT-39 / BT-54 / BT-68 / BT-79 Country subdivision.'),
    /** BT-40 / BT-55 / BT-69 / BT-80 Country code (ISO 3166-1 alpha-2). */
    countryCode: codeSchema.optional().describe('BT-40 / BT-55 / BT-69 / BT-80 Country code (ISO 3166-1 alpha-2).'),
  })
  .strict();
/** A postal address (BG-5, BG-8, BG-12, BG-15). */
export type PostalAddress = z.infer<typeof postalAddressSchema>;

/** A contact: BG-6 (seller contact) or BG-9 (buyer contact). */
export const contactSchema = z
  .object({
    /** BT-41 / BT-56 Contact point. */
    name: textSchema.optional().describe('BT-41 / BT-56 Contact point.'),
    /** BT-42 / BT-57 Contact telephone number. */
    telephone: textSchema.optional().describe('BT-42 / BT-57 Contact telephone number.'),
    /** BT-43 / BT-58 Contact email address. */
    email: textSchema.optional().describe('BT-43 / BT-58 Contact email address.'),
  })
  .strict();
/** A contact (BG-6, BG-9). */
export type Contact = z.infer<typeof contactSchema>;
