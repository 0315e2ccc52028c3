import type { Invoice, PrecedingInvoice } from '../../model/invoice.js';
import type { ElementReader } from '../element-reader.js';
import { parseCiiDocumentAllowanceCharges, parseCiiTaxes, parseCiiTotals } from './cii-parse-amounts.js';
import { parseCiiPayee } from './cii-parse-party.js';
import { parseCiiPaymentInstructions, parseCiiPaymentTerms } from './cii-parse-payment.js';
import { compact, nestedText, nonEmpty, readDate, readPeriod } from './cii-read-values.js';

/** The invoice terms of `ram:ApplicableHeaderTradeSettlement`. */
export type CiiSettlementTerms = Pick<
  Invoice,
  | 'currencyCode'
  | 'vatAccountingCurrencyCode'
  | 'payee'
  | 'paymentInstructions'
  | 'vatBreakdown'
  | 'vatPointDate'
  | 'vatPointDateCode'
  | 'invoicingPeriod'
  | 'allowances'
  | 'charges'
  | 'paymentTerms'
  | 'dueDate'
  | 'totals'
  | 'precedingInvoices'
  | 'buyerAccountingReference'
>;

/** Reads `ram:ApplicableHeaderTradeSettlement`: currencies, payee, payment, VAT, allowances and charges, totals. */
export function parseCiiSettlement(reader: ElementReader): CiiSettlementTerms {
  const creditorId = reader.text('ram:CreditorReferenceID');
  const remittanceInformation = reader.text('ram:PaymentReference');
  const vatAccountingCurrencyCode = reader.text('ram:TaxCurrencyCode');
  const currencyCode = reader.text('ram:InvoiceCurrencyCode');
  const payee = reader.child('ram:PayeeTradeParty');
  const terms = parseCiiPaymentTerms(reader);
  const paymentInstructions = parseCiiPaymentInstructions(reader, { creditorId, mandateReference: terms.mandateReference, remittanceInformation });
  const taxes = parseCiiTaxes(reader);
  const invoicingPeriod = readPeriod(reader, 'ram:BillingSpecifiedPeriod');
  const { allowances, charges } = parseCiiDocumentAllowanceCharges(reader);
  const summation = reader.child('ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  const settlement = compact<CiiSettlementTerms>({
    currencyCode,
    vatAccountingCurrencyCode,
    payee: payee ? parseCiiPayee(payee) : undefined,
    paymentInstructions,
    vatBreakdown: nonEmpty(taxes.breakdown),
    vatPointDate: taxes.vatPointDate,
    vatPointDateCode: taxes.vatPointDateCode,
    invoicingPeriod,
    allowances: nonEmpty(allowances),
    charges: nonEmpty(charges),
    paymentTerms: terms.paymentTerms,
    dueDate: terms.dueDate,
    totals: summation ? parseCiiTotals(summation, { invoice: currencyCode, accounting: vatAccountingCurrencyCode }) : undefined,
    precedingInvoices: nonEmpty(reader.all('ram:InvoiceReferencedDocument').map((element) => parsePrecedingInvoice(reader.over(element)))),
    buyerAccountingReference: nestedText(reader, 'ram:ReceivableSpecifiedTradeAccountingAccount', 'ram:ID'),
  });
  reader.finish();
  return settlement ?? {};
}

/**
 * BG-3 from a `ram:InvoiceReferencedDocument`. The D16B XSD allows one, EN 16931 several; all are read so
 * that a document written to the norm rather than to the XSD loses nothing.
 */
function parsePrecedingInvoice(reader: ElementReader): PrecedingInvoice {
  const preceding = compact<PrecedingInvoice>({
    reference: reader.text('ram:IssuerAssignedID'),
    issueDate: readDate(reader, 'ram:FormattedIssueDateTime', 'qdt:DateTimeString'),
  });
  reader.finish();
  return preceding ?? {};
}
