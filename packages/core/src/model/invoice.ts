import { z } from 'zod';
import { DOCUMENT_KINDS } from './document-kind.js';
import { documentAllowanceChargeSchema } from './allowance-charge.js';
import { deliverySchema, periodSchema } from './delivery.js';
import { invoiceLineSchema } from './invoice-line.js';
import { buyerSchema, payeeSchema, sellerSchema, sellerTaxRepresentativeSchema } from './party.js';
import { paymentInstructionsSchema } from './payment.js';
import { codeSchema, dateSchema, identifierSchema, textSchema } from './primitives.js';
import { supportingDocumentSchema } from './supporting-document.js';
import { documentTotalsSchema, vatBreakdownSchema } from './totals.js';

/** BG-1 INVOICE NOTE. */
export const invoiceNoteSchema = z
  .object({
    /** BT-21 Invoice note subject code, UNTDID 4451 (0..1). */
    subjectCode: codeSchema.optional().describe('BT-21 Invoice note subject code, UNTDID 4451 (0..1).'),
    /** BT-22 Invoice note (1..1). */
    text: z.string().optional().describe('BT-22 Invoice note (1..1).'),
  })
  .strict();
/** BG-1 INVOICE NOTE. */
export type InvoiceNote = z.infer<typeof invoiceNoteSchema>;

/** BG-2 PROCESS CONTROL. */
export const processControlSchema = z
  .object({
    /** BT-23 Business process type (0..1). */
    businessProcessType: textSchema.optional().describe('BT-23 Business process type (0..1).'),
    /** BT-24 Specification identifier (1..1). */
    specificationIdentifier: textSchema.optional().describe('BT-24 Specification identifier (1..1).'),
  })
  .strict();
/** BG-2 PROCESS CONTROL. */
export type ProcessControl = z.infer<typeof processControlSchema>;

/** BG-3 PRECEDING INVOICE REFERENCE. */
export const precedingInvoiceSchema = z
  .object({
    /** BT-25 Preceding Invoice reference (1..1). */
    reference: textSchema.optional().describe('BT-25 Preceding Invoice reference (1..1).'),
    /** BT-26 Preceding Invoice issue date (0..1). */
    issueDate: dateSchema.optional().describe('BT-26 Preceding Invoice issue date (0..1).'),
  })
  .strict();
/** BG-3 PRECEDING INVOICE REFERENCE. */
export type PrecedingInvoice = z.infer<typeof precedingInvoiceSchema>;

/**
 * BG-0 INVOICE: the EN 16931 semantic model of an invoice or credit note.
 *
 * Every term is optional in the type even where EN 16931 makes it mandatory (the cardinality is given on
 * each field): documents are read as they are, fragments included, and missing mandatory terms are
 * reported by the rules (BR-01 … BR-16 and others), which are the one place where the norm is enforced.
 */
export const invoiceSchema = z
  .object({
    /**
     * Invoice or credit note. Not a business term: it selects the UBL root (`Invoice` or `CreditNote`).
     * When absent it follows BT-3 (credit-note type codes give a credit note).
     */
    kind: z.enum(DOCUMENT_KINDS).optional().describe('Invoice or credit note (not a business term): selects the UBL root; when absent it follows BT-3.'),
    /** BT-1 Invoice number (1..1). */
    number: textSchema.optional().describe('BT-1 Invoice number (1..1).'),
    /** BT-2 Invoice issue date (1..1). */
    issueDate: dateSchema.optional().describe('BT-2 Invoice issue date (1..1).'),
    /** BT-3 Invoice type code, UNTDID 1001 subset (1..1). */
    typeCode: codeSchema.optional().describe('BT-3 Invoice type code, UNTDID 1001 subset (1..1).'),
    /** BT-5 Invoice currency code, ISO 4217 (1..1). */
    currencyCode: codeSchema.optional().describe('BT-5 Invoice currency code, ISO 4217 (1..1).'),
    /** BT-6 VAT accounting currency code (0..1). */
    vatAccountingCurrencyCode: codeSchema.optional().describe('BT-6 VAT accounting currency code (0..1).'),
    /** BT-7 Value added tax point date (0..1). */
    vatPointDate: dateSchema.optional().describe('BT-7 Value added tax point date (0..1).'),
    /**
     * BT-8 Value added tax point date code, UNTDID 2005 as used in CII: "5" issue date, "29" delivery date,
     * "72" paid-to date. UBL writes these as UNTDID 2005 codes 3, 35 and 432; the codecs translate.
     */
    vatPointDateCode: codeSchema.optional().describe('BT-8 Value added tax point date code (0..1), UNTDID 2005 as in CII: 5 issue date, 29 delivery date, 72 paid-to date.'),
    /** BT-9 Payment due date (0..1). */
    dueDate: dateSchema.optional().describe('BT-9 Payment due date (0..1).'),
    /** BT-10 Buyer reference (0..1). */
    buyerReference: textSchema.optional().describe('BT-10 Buyer reference (0..1).'),
    /** BT-11 Project reference (0..1). */
    projectReference: textSchema.optional().describe('BT-11 Project reference (0..1).'),
    /** BT-12 Contract reference (0..1). */
    contractReference: textSchema.optional().describe('BT-12 Contract reference (0..1).'),
    /** BT-13 Purchase order reference (0..1). */
    purchaseOrderReference: textSchema.optional().describe('BT-13 Purchase order reference (0..1).'),
    /** BT-14 Sales order reference (0..1). */
    salesOrderReference: textSchema.optional().describe('BT-14 Sales order reference (0..1).'),
    /** BT-15 Receiving advice reference (0..1). */
    receivingAdviceReference: textSchema.optional().describe('BT-15 Receiving advice reference (0..1).'),
    /** BT-16 Despatch advice reference (0..1). */
    despatchAdviceReference: textSchema.optional().describe('BT-16 Despatch advice reference (0..1).'),
    /** BT-17 Tender or lot reference (0..1). */
    tenderOrLotReference: textSchema.optional().describe('BT-17 Tender or lot reference (0..1).'),
    /** BT-18 Invoiced object identifier, with BT-18-1 scheme (0..1). */
    invoicedObjectIdentifier: identifierSchema.optional().describe('BT-18 Invoiced object identifier, with BT-18-1 scheme (0..1).'),
    /** BT-19 Buyer accounting reference (0..1). */
    buyerAccountingReference: textSchema.optional().describe('BT-19 Buyer accounting reference (0..1).'),
    /** BT-20 Payment terms (0..1). */
    paymentTerms: textSchema.optional().describe('BT-20 Payment terms (0..1).'),
    /** BG-1 INVOICE NOTE (0..n). */
    notes: z.array(invoiceNoteSchema).optional().describe('BG-1 INVOICE NOTE (0..n).'),
    /** BG-2 PROCESS CONTROL (1..1). */
    processControl: processControlSchema.optional().describe('BG-2 PROCESS CONTROL (1..1).'),
    /** BG-3 PRECEDING INVOICE REFERENCE (0..n). */
    precedingInvoices: z.array(precedingInvoiceSchema).optional().describe('BG-3 PRECEDING INVOICE REFERENCE (0..n).'),
    /** BG-4 SELLER (1..1). */
    seller: sellerSchema.optional().describe('BG-4 SELLER (1..1).'),
    /** BG-7 BUYER (1..1). */
    buyer: buyerSchema.optional().describe('BG-7 BUYER (1..1).'),
    /** BG-10 PAYEE (0..1). */
    payee: payeeSchema.optional().describe('BG-10 PAYEE (0..1).'),
    /** BG-11 SELLER TAX REPRESENTATIVE PARTY (0..1). */
    sellerTaxRepresentative: sellerTaxRepresentativeSchema.optional().describe('BG-11 SELLER TAX REPRESENTATIVE PARTY (0..1).'),
    /** BG-13 DELIVERY INFORMATION (0..1). */
    delivery: deliverySchema.optional().describe('BG-13 DELIVERY INFORMATION (0..1).'),
    /**
     * BG-14 INVOICING PERIOD (0..1). EN 16931 nests it in BG-13; it is kept at the top level here because
     * it describes the whole invoice and both syntaxes carry it outside the delivery.
     */
    invoicingPeriod: periodSchema.optional().describe('BG-14 INVOICING PERIOD (0..1); kept at the top level, see the type documentation.'),
    /** BG-16 PAYMENT INSTRUCTIONS (0..1 in EN 16931; a list because the syntaxes offer several means, see payment.ts). */
    paymentInstructions: z.array(paymentInstructionsSchema).optional().describe('BG-16 PAYMENT INSTRUCTIONS (0..1 in EN 16931; a list because the syntaxes offer several means, see payment.ts).'),
    /** BG-20 DOCUMENT LEVEL ALLOWANCES (0..n). */
    allowances: z.array(documentAllowanceChargeSchema).optional().describe('BG-20 DOCUMENT LEVEL ALLOWANCES (0..n).'),
    /** BG-21 DOCUMENT LEVEL CHARGES (0..n). */
    charges: z.array(documentAllowanceChargeSchema).optional().describe('BG-21 DOCUMENT LEVEL CHARGES (0..n).'),
    /** BG-22 DOCUMENT TOTALS (1..1). */
    totals: documentTotalsSchema.optional().describe('BG-22 DOCUMENT TOTALS (1..1).'),
    /** BG-23 VAT BREAKDOWN (1..n). */
    vatBreakdown: z.array(vatBreakdownSchema).optional().describe('BG-23 VAT BREAKDOWN (1..n).'),
    /** BG-24 ADDITIONAL SUPPORTING DOCUMENTS (0..n). */
    supportingDocuments: z.array(supportingDocumentSchema).optional().describe('BG-24 ADDITIONAL SUPPORTING DOCUMENTS (0..n).'),
    /** BG-25 INVOICE LINE (1..n). */
    lines: z.array(invoiceLineSchema).optional().describe('BG-25 INVOICE LINE (1..n).'),
  })
  .strict();

/** BG-0 INVOICE: the EN 16931 semantic model of an invoice or credit note. */
export type Invoice = z.infer<typeof invoiceSchema>;
