import type { DocumentAllowanceCharge } from '../../model/allowance-charge.js';
import type { Delivery } from '../../model/delivery.js';
import type { Invoice, InvoiceNote } from '../../model/invoice.js';
import type { PaymentInstructions } from '../../model/payment.js';
import type { XmlElement } from '../../xml/xml-element.js';
import type { ParsedInvoice } from '../codec.js';
import type { Diagnostic } from '../diagnostic.js';
import { ElementReader } from '../element-reader.js';
import { attachSharedPaymentTerms } from '../payment-sharing.js';
import { CREDIT_NOTE_VOCABULARY, INVOICE_VOCABULARY, splitUblNote, vatDateCodeFromUbl, type UblVocabulary } from './ubl-names.js';
import { parseUblDocumentAllowanceCharge, parseUblMonetaryTotal, parseUblTaxTotals } from './ubl-parse-amounts.js';
import { parseUblLine } from './ubl-parse-line.js';
import { parseUblAddress, parseUblBuyer, parseUblPayee, parseUblSeller, parseUblTaxRepresentative } from './ubl-parse-party.js';
import { parseUblPaymentMeans } from './ubl-parse-payment.js';
import { parseUblAdditionalReferences, parseUblDocumentId, parseUblPrecedingInvoices } from './ubl-parse-references.js';
import { compact, identifierOf, nestedText, nonEmpty } from './ubl-read-values.js';

/** Reads a UBL 2.1 Invoice or CreditNote into the model. Never throws on content; reports what it skipped. */
export function parseUbl(root: XmlElement): ParsedInvoice {
  const diagnostics: Diagnostic[] = [];
  const vocabulary = root.local === 'CreditNote' ? CREDIT_NOTE_VOCABULARY : INVOICE_VOCABULARY;
  const reader = new ElementReader(root, diagnostics);
  reader.skip('cbc:UBLVersionID');
  const currencyCode = reader.text('cbc:DocumentCurrencyCode');
  const vatAccountingCurrencyCode = reader.text('cbc:TaxCurrencyCode');
  const period = reader.child('cac:InvoicePeriod');
  const invoicingPeriod = period ? (compact({ startDate: period.text('cbc:StartDate'), endDate: period.text('cbc:EndDate') }) ?? {}) : undefined;
  const vatDateCode = period?.text('cbc:DescriptionCode');
  period?.finish();
  const order = reader.child('cac:OrderReference');
  const orderId = order?.text('cbc:ID');
  const salesOrderReference = order?.text('cbc:SalesOrderID');
  order?.finish();
  const additional = parseUblAdditionalReferences(reader);
  const seller = reader.child('cac:AccountingSupplierParty');
  const parsedSeller = seller ? parseUblSeller(seller) : undefined;
  const buyer = reader.child('cac:AccountingCustomerParty');
  const payeeReader = reader.child('cac:PayeeParty');
  const parsedPayee = payeeReader ? parseUblPayee(payeeReader) : undefined;
  const taxRepresentative = reader.child('cac:TaxRepresentativeParty');
  const payment = parsePayment(reader, vocabulary, parsedPayee?.sepaCreditorId ?? parsedSeller?.sepaCreditorId);
  const { allowances, charges } = parseAllowanceCharges(reader);
  const taxTotals = parseUblTaxTotals(reader, { invoice: currencyCode, accounting: vatAccountingCurrencyCode });
  const monetary = reader.child('cac:LegalMonetaryTotal');
  const totals = monetary ? parseUblMonetaryTotal(monetary) : undefined;

  const invoice = compact<Invoice>({
    kind: vocabulary.kind,
    number: reader.text('cbc:ID'),
    issueDate: reader.text('cbc:IssueDate'),
    typeCode: reader.text(vocabulary.typeCode),
    currencyCode,
    vatAccountingCurrencyCode,
    vatPointDate: reader.text('cbc:TaxPointDate'),
    vatPointDateCode: vatDateCode === undefined ? undefined : vatDateCodeFromUbl(vatDateCode),
    dueDate: (vocabulary.kind === 'invoice' ? reader.text('cbc:DueDate') : undefined) ?? payment.dueDate,
    buyerReference: reader.text('cbc:BuyerReference'),
    projectReference: parseUblDocumentId(reader, 'cac:ProjectReference') ?? additional.project,
    contractReference: parseUblDocumentId(reader, 'cac:ContractDocumentReference'),
    // Peppol convention: when only BT-14 is known, the mandatory order reference ID is "NA".
    purchaseOrderReference: orderId?.trim() === 'NA' && salesOrderReference !== undefined ? undefined : orderId,
    salesOrderReference,
    receivingAdviceReference: parseUblDocumentId(reader, 'cac:ReceiptDocumentReference'),
    despatchAdviceReference: parseUblDocumentId(reader, 'cac:DespatchDocumentReference'),
    tenderOrLotReference: parseUblDocumentId(reader, 'cac:OriginatorDocumentReference'),
    invoicedObjectIdentifier: additional.invoicedObject,
    buyerAccountingReference: reader.text('cbc:AccountingCost'),
    paymentTerms: nestedText(reader, 'cac:PaymentTerms', 'cbc:Note'),
    notes: nonEmpty(reader.all('cbc:Note').map((note) => compact<InvoiceNote>(splitUblNote(note.text)) ?? {})),
    processControl: compact({ businessProcessType: reader.text('cbc:ProfileID'), specificationIdentifier: reader.text('cbc:CustomizationID') }),
    precedingInvoices: nonEmpty(parseUblPrecedingInvoices(reader)),
    seller: parsedSeller?.seller,
    buyer: buyer ? parseUblBuyer(buyer) : undefined,
    payee: parsedPayee?.payee,
    sellerTaxRepresentative: taxRepresentative ? parseUblTaxRepresentative(taxRepresentative) : undefined,
    delivery: parseDelivery(reader),
    invoicingPeriod,
    paymentInstructions: nonEmpty(payment.instructions),
    allowances: nonEmpty(allowances),
    charges: nonEmpty(charges),
    totals:
      totals || taxTotals.vatTotal !== undefined || taxTotals.vatTotalInAccountingCurrency !== undefined
        ? compact({ ...totals, vatTotal: taxTotals.vatTotal, vatTotalInAccountingCurrency: taxTotals.vatTotalInAccountingCurrency })
        : undefined,
    vatBreakdown: nonEmpty(taxTotals.breakdown),
    supportingDocuments: nonEmpty(additional.documents),
    lines: nonEmpty(reader.all(vocabulary.line).map((line) => parseUblLine(reader.over(line), vocabulary))),
  });
  reader.finish();
  return { syntax: 'ubl', invoice: invoice ?? {}, diagnostics, root };
}

/** BG-16 entries from the `cac:PaymentMeans`, with BT-90 (a SEPA party identifier) and, in credit notes, BT-9. */
function parsePayment(reader: ElementReader, vocabulary: UblVocabulary, sepaCreditorId: string | undefined): { instructions: PaymentInstructions[]; dueDate?: string } {
  let dueDate: string | undefined;
  const instructions: PaymentInstructions[] = [];
  for (const element of reader.all('cac:PaymentMeans')) {
    const parsed = parseUblPaymentMeans(reader.over(element), { readDueDate: vocabulary.kind === 'credit-note' });
    instructions.push(parsed.entry);
    if (parsed.dueDate === undefined) continue;
    if (dueDate === undefined) dueDate = parsed.dueDate;
    else if (dueDate !== parsed.dueDate) reader.report(element, 'repeated-element', 'Payment means give different due dates; BT-9 keeps the first');
  }
  const shared = sepaCreditorId === undefined ? {} : { creditorId: sepaCreditorId };
  const withShared = instructions.length === 0 && sepaCreditorId === undefined ? instructions : attachSharedPaymentTerms(instructions, shared);
  return dueDate === undefined ? { instructions: withShared } : { instructions: withShared, dueDate };
}

function parseAllowanceCharges(reader: ElementReader): { allowances: DocumentAllowanceCharge[]; charges: DocumentAllowanceCharge[] } {
  const allowances: DocumentAllowanceCharge[] = [];
  const charges: DocumentAllowanceCharge[] = [];
  for (const element of reader.all('cac:AllowanceCharge')) {
    const { charge, value } = parseUblDocumentAllowanceCharge(reader.over(element));
    (charge ? charges : allowances).push(value);
  }
  return { allowances, charges };
}

/** BG-13 from `cac:Delivery`. */
function parseDelivery(root: ElementReader): Delivery | undefined {
  const reader = root.child('cac:Delivery');
  if (!reader) return undefined;
  const actualDeliveryDate = reader.text('cbc:ActualDeliveryDate');
  const location = reader.child('cac:DeliveryLocation');
  const locationId = identifierOf(location?.one('cbc:ID'));
  const address = location ? parseUblAddress(location.child('cac:Address')) : undefined;
  location?.finish();
  const party = reader.child('cac:DeliveryParty');
  const partyName = party ? nestedText(party, 'cac:PartyName', 'cbc:Name') : undefined;
  party?.finish();
  reader.finish();
  return compact<Delivery>({ partyName, locationId, actualDeliveryDate, address }) ?? {};
}
