import { z } from 'zod';
import { contactSchema, postalAddressSchema } from './address.js';
import { identifierSchema, textSchema } from './primitives.js';

/** BG-4 SELLER: the party that supplies the goods or services and issues the invoice. */
export const sellerSchema = z
  .object({
    /** BT-27 Seller name (1..1). */
    name: textSchema.optional().describe('BT-27 Seller name (1..1).'),
    /** BT-28 Seller trading name (0..1). */
    tradingName: textSchema.optional().describe('BT-28 Seller trading name (0..1).'),
    /** BT-29 Seller identifier, with BT-29-1 scheme (0..n). */
    identifiers: z.array(identifierSchema).optional().describe('BT-29 Seller identifier, with BT-29-1 scheme (0..n).'),
    /** BT-30 Seller legal registration identifier, with BT-30-1 scheme (0..1). */
    legalRegistrationId: identifierSchema.optional().describe('BT-30 Seller legal registration identifier, with BT-30-1 scheme (0..1).'),
    /** BT-31 Seller VAT identifier (0..1). */
    vatId: textSchema.optional().describe('BT-31 Seller VAT identifier (0..1).'),
    /** BT-32 Seller tax registration identifier (0..1). */
    taxRegistrationId: textSchema.optional().describe('BT-32 Seller tax registration identifier (0..1).'),
    /** BT-33 Seller additional legal information (0..1). */
    additionalLegalInformation: textSchema.optional().describe('BT-33 Seller additional legal information (0..1).'),
    /** BT-34 Seller electronic address, with BT-34-1 scheme (0..1). */
    electronicAddress: identifierSchema.optional().describe('BT-34 Seller electronic address, with BT-34-1 scheme (0..1).'),
    /** BG-5 SELLER POSTAL ADDRESS (1..1). */
    address: postalAddressSchema.optional().describe('BG-5 SELLER POSTAL ADDRESS (1..1).'),
    /** BG-6 SELLER CONTACT (0..1). */
    contact: contactSchema.optional().describe('BG-6 SELLER CONTACT (0..1).'),
  })
  .strict();
/** BG-4 SELLER. */
export type Seller = z.infer<typeof sellerSchema>;

/** BG-7 BUYER: the party that acquires the goods or services. */
export const buyerSchema = z
  .object({
    /** BT-44 Buyer name (1..1). */
    name: textSchema.optional().describe('BT-44 Buyer name (1..1).'),
    /** BT-45 Buyer trading name (0..1). */
    tradingName: textSchema.optional().describe('BT-45 Buyer trading name (0..1).'),
    /** BT-46 Buyer identifier, with BT-46-1 scheme (0..1). */
    identifier: identifierSchema.optional().describe('BT-46 Buyer identifier, with BT-46-1 scheme (0..1).'),
    /** BT-47 Buyer legal registration identifier, with BT-47-1 scheme (0..1). */
    legalRegistrationId: identifierSchema.optional().describe('BT-47 Buyer legal registration identifier, with BT-47-1 scheme (0..1).'),
    /** BT-48 Buyer VAT identifier (0..1). */
    vatId: textSchema.optional().describe('BT-48 Buyer VAT identifier (0..1).'),
    /** BT-49 Buyer electronic address, with BT-49-1 scheme (0..1). */
    electronicAddress: identifierSchema.optional().describe('BT-49 Buyer electronic address, with BT-49-1 scheme (0..1).'),
    /** BG-8 BUYER POSTAL ADDRESS (1..1). */
    address: postalAddressSchema.optional().describe('BG-8 BUYER POSTAL ADDRESS (1..1).'),
    /** BG-9 BUYER CONTACT (0..1). */
    contact: contactSchema.optional().describe('BG-9 BUYER CONTACT (0..1).'),
  })
  .strict();
/** BG-7 BUYER. */
export type Buyer = z.infer<typeof buyerSchema>;

/** BG-10 PAYEE: the party that receives the payment, when it is not the seller. */
export const payeeSchema = z
  .object({
    /** BT-59 Payee name (1..1). */
    name: textSchema.optional().describe('BT-59 Payee name (1..1).'),
    /** BT-60 Payee identifier, with BT-60-1 scheme (0..1). */
    identifier: identifierSchema.optional().describe('BT-60 Payee identifier, with BT-60-1 scheme (0..1).'),
    /** BT-61 Payee legal registration identifier, with BT-61-1 scheme (0..1). */
    legalRegistrationId: identifierSchema.optional().describe('BT-61 Payee legal registration identifier, with BT-61-1 scheme (0..1).'),
  })
  .strict();
/** BG-10 PAYEE. */
export type Payee = z.infer<typeof payeeSchema>;

/** BG-11 SELLER TAX REPRESENTATIVE PARTY: accounts for VAT on the seller's behalf. */
export const sellerTaxRepresentativeSchema = z
  .object({
    /** BT-62 Seller tax representative name (1..1). */
    name: textSchema.optional().describe('BT-62 Seller tax representative name (1..1).'),
    /** BT-63 Seller tax representative VAT identifier (1..1). */
    vatId: textSchema.optional().describe('BT-63 Seller tax representative VAT identifier (1..1).'),
    /** BG-12 SELLER TAX REPRESENTATIVE POSTAL ADDRESS (1..1). */
    address: postalAddressSchema.optional().describe('BG-12 SELLER TAX REPRESENTATIVE POSTAL ADDRESS (1..1).'),
  })
  .strict();
/** BG-11 SELLER TAX REPRESENTATIVE PARTY. */
export type SellerTaxRepresentative = z.infer<typeof sellerTaxRepresentativeSchema>;
