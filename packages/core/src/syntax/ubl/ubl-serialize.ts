import { documentKindOf } from '../../model/document-kind.js';
import type { Invoice } from '../../model/invoice.js';
import type { PaymentInstructions } from '../../model/payment.js';
import { group, leaf, writeXml, type XmlNode } from '../../xml/xml-write.js';
import type { SerializedInvoice } from '../codec.js';
import type { Diagnostic } from '../diagnostic.js';
import { firstOf } from '../payment-sharing.js';
import { CREDIT_NOTE_VOCABULARY, INVOICE_VOCABULARY, joinUblNote, UBL_NS, vatDateCodeToUbl, type UblVocabulary } from './ubl-names.js';
import { writeUblAllowanceCharge, writeUblLine } from './ubl-serialize-line.js';
import { writeUblAddress, writeUblBuyer, writeUblPayee, writeUblSeller, writeUblTaxRepresentative } from './ubl-serialize-party.js';
import { amountWriter, idGroup, identifierLeaf, VAT_SCHEME, type AmountWriter } from './ubl-write-values.js';

/** Writes the model as a UBL 2.1 Invoice or CreditNote (by the document kind). */
export function serializeUbl(invoice: Invoice): SerializedInvoice {
  const diagnostics: Diagnostic[] = [];
  const vocabulary = documentKindOf(invoice) === 'credit-note' ? CREDIT_NOTE_VOCABULARY : INVOICE_VOCABULARY;
  const amount = amountWriter(invoice.currencyCode);
  const creditNote = vocabulary.kind === 'credit-note';
  if (creditNote && invoice.dueDate !== undefined && !invoice.paymentInstructions?.length) {
    diagnostics.push({ code: 'not-representable', path: 'BT-9', message: 'A UBL credit note carries the payment due date only in a payment means; with no payment means (BG-16) it is dropped' });
  }
  const period = group('cac:InvoicePeriod', [
    leaf('cbc:StartDate', invoice.invoicingPeriod?.startDate),
    leaf('cbc:EndDate', invoice.invoicingPeriod?.endDate),
    leaf('cbc:DescriptionCode', invoice.vatPointDateCode === undefined ? undefined : vatDateCodeToUbl(invoice.vatPointDateCode)),
  ]);
  const typeCode = leaf(vocabulary.typeCode, invoice.typeCode);
  const taxPointDate = leaf('cbc:TaxPointDate', invoice.vatPointDate);
  const root: XmlNode = {
    name: vocabulary.root,
    attributes: { xmlns: vocabulary.namespace, 'xmlns:cac': UBL_NS.cac, 'xmlns:cbc': UBL_NS.cbc },
    children: [
      leaf('cbc:CustomizationID', invoice.processControl?.specificationIdentifier),
      leaf('cbc:ProfileID', invoice.processControl?.businessProcessType),
      leaf('cbc:ID', invoice.number),
      leaf('cbc:IssueDate', invoice.issueDate),
      ...(creditNote ? [taxPointDate, typeCode] : [leaf('cbc:DueDate', invoice.dueDate), typeCode]),
      ...(invoice.notes ?? []).map((note) => leaf('cbc:Note', joinUblNote(note.subjectCode, note.text))),
      creditNote ? undefined : taxPointDate,
      leaf('cbc:DocumentCurrencyCode', invoice.currencyCode),
      leaf('cbc:TaxCurrencyCode', invoice.vatAccountingCurrencyCode),
      leaf('cbc:AccountingCost', invoice.buyerAccountingReference),
      leaf('cbc:BuyerReference', invoice.buyerReference),
      period,
      writeOrderReference(invoice),
      ...(invoice.precedingInvoices ?? []).map((p) =>
        group('cac:BillingReference', [group('cac:InvoiceDocumentReference', [leaf('cbc:ID', p.reference), leaf('cbc:IssueDate', p.issueDate)])]),
      ),
      idGroup('cac:DespatchDocumentReference', invoice.despatchAdviceReference),
      idGroup('cac:ReceiptDocumentReference', invoice.receivingAdviceReference),
      ...writeDocumentReferences(invoice, vocabulary),
      writeUblSeller(invoice.seller, invoice.payee ? undefined : sepaCreditorIdOf(invoice)),
      writeUblBuyer(invoice.buyer),
      writeUblPayee(invoice.payee, sepaCreditorIdOf(invoice)),
      writeUblTaxRepresentative(invoice.sellerTaxRepresentative),
      writeDelivery(invoice),
      ...(invoice.paymentInstructions ?? []).flatMap((entry) => writePaymentMeans(entry, creditNote ? invoice.dueDate : undefined)),
      group('cac:PaymentTerms', [leaf('cbc:Note', invoice.paymentTerms)]),
      ...(invoice.allowances ?? []).map((a) => writeUblAllowanceCharge(a, false, amount)),
      ...(invoice.charges ?? []).map((c) => writeUblAllowanceCharge(c, true, amount)),
      ...writeTaxTotals(invoice, amount),
      writeMonetaryTotal(invoice, amount),
      ...(invoice.lines ?? []).map((line) => writeUblLine(line, vocabulary, amount)),
    ],
  };
  return { xml: writeXml(root), diagnostics };
}

function sepaCreditorIdOf(invoice: Invoice): string | undefined {
  return firstOf(invoice.paymentInstructions, (entry) => entry.directDebit?.creditorId);
}

/** `cac:OrderReference`: its ID is mandatory, so BT-14 alone is written with ID "NA" (Peppol convention). */
function writeOrderReference(invoice: Invoice): XmlNode | undefined {
  if (invoice.purchaseOrderReference === undefined && invoice.salesOrderReference === undefined) return undefined;
  return {
    name: 'cac:OrderReference',
    children: [leaf('cbc:ID', invoice.purchaseOrderReference ?? 'NA'), leaf('cbc:SalesOrderID', invoice.salesOrderReference)],
  };
}

/** The document references whose order differs between Invoice and CreditNote; BT-11 of a credit note is a type-50 reference. */
function writeDocumentReferences(invoice: Invoice, vocabulary: UblVocabulary): (XmlNode | undefined)[] {
  const additional: (XmlNode | undefined)[] = [
    invoice.invoicedObjectIdentifier
      ? { name: 'cac:AdditionalDocumentReference', children: [identifierLeaf('cbc:ID', invoice.invoicedObjectIdentifier), leaf('cbc:DocumentTypeCode', '130')] }
      : undefined,
    vocabulary.kind === 'credit-note' && invoice.projectReference !== undefined
      ? { name: 'cac:AdditionalDocumentReference', children: [leaf('cbc:ID', invoice.projectReference), leaf('cbc:DocumentTypeCode', '50')] }
      : undefined,
    ...(invoice.supportingDocuments ?? []).map((doc) =>
      group('cac:AdditionalDocumentReference', [
        leaf('cbc:ID', doc.reference),
        leaf('cbc:DocumentDescription', doc.description),
        group('cac:Attachment', [
          doc.attachment
            ? leaf('cbc:EmbeddedDocumentBinaryObject', doc.attachment.content, { mimeCode: doc.attachment.mimeCode, filename: doc.attachment.filename })
            : undefined,
          group('cac:ExternalReference', [leaf('cbc:URI', doc.externalLocation)]),
        ]),
      ]),
    ),
  ];
  const originator = idGroup('cac:OriginatorDocumentReference', invoice.tenderOrLotReference);
  const contract = idGroup('cac:ContractDocumentReference', invoice.contractReference);
  if (vocabulary.kind === 'credit-note') return [contract, ...additional, originator];
  return [originator, contract, ...additional, idGroup('cac:ProjectReference', invoice.projectReference)];
}

function writeDelivery(invoice: Invoice): XmlNode | undefined {
  const delivery = invoice.delivery;
  if (!delivery) return undefined;
  return {
    name: 'cac:Delivery',
    children: [
      leaf('cbc:ActualDeliveryDate', delivery.actualDeliveryDate),
      group('cac:DeliveryLocation', [identifierLeaf('cbc:ID', delivery.locationId), writeUblAddress('cac:Address', delivery.address)]),
      group('cac:DeliveryParty', [group('cac:PartyName', [leaf('cbc:Name', delivery.partyName)])]),
    ],
  };
}

/** One `cac:PaymentMeans` per credit transfer of the entry (at least one); card and mandate go on the first. */
function writePaymentMeans(entry: PaymentInstructions, dueDate: string | undefined): XmlNode[] {
  const transfers = entry.creditTransfers?.length ? entry.creditTransfers : [undefined];
  return transfers.map((transfer, index) => ({
    name: 'cac:PaymentMeans',
    children: [
      leaf('cbc:PaymentMeansCode', entry.meansCode, { name: entry.meansText }),
      leaf('cbc:PaymentDueDate', dueDate),
      leaf('cbc:PaymentID', entry.remittanceInformation),
      index === 0 && entry.paymentCard
        ? {
            name: 'cac:CardAccount',
            // cbc:NetworkID is mandatory in UBL but not a business term; "NA" says it is not given.
            children: [leaf('cbc:PrimaryAccountNumberID', entry.paymentCard.primaryAccountNumber), leaf('cbc:NetworkID', 'NA'), leaf('cbc:HolderName', entry.paymentCard.holderName)],
          }
        : undefined,
      transfer
        ? group('cac:PayeeFinancialAccount', [
            leaf('cbc:ID', transfer.accountId),
            leaf('cbc:Name', transfer.accountName),
            group('cac:FinancialInstitutionBranch', [leaf('cbc:ID', transfer.serviceProviderId)]),
          ])
        : undefined,
      index === 0
        ? group('cac:PaymentMandate', [
            leaf('cbc:ID', entry.directDebit?.mandateReference),
            group('cac:PayerFinancialAccount', [leaf('cbc:ID', entry.directDebit?.debitedAccountId)]),
          ])
        : undefined,
    ],
  }));
}

/** BT-110 with the VAT breakdown, then BT-111 in the accounting currency. */
function writeTaxTotals(invoice: Invoice, amount: AmountWriter): (XmlNode | undefined)[] {
  const breakdown = (invoice.vatBreakdown ?? []).map((b) => ({
    name: 'cac:TaxSubtotal',
    children: [
      amount('cbc:TaxableAmount', b.taxableAmount),
      amount('cbc:TaxAmount', b.taxAmount),
      {
        name: 'cac:TaxCategory',
        children: [
          leaf('cbc:ID', b.categoryCode),
          leaf('cbc:Percent', b.rate),
          leaf('cbc:TaxExemptionReasonCode', b.exemptionReasonCode),
          leaf('cbc:TaxExemptionReason', b.exemptionReason),
          VAT_SCHEME,
        ],
      },
    ],
  }));
  const main = invoice.totals?.vatTotal !== undefined || breakdown.length > 0 ? { name: 'cac:TaxTotal', children: [amount('cbc:TaxAmount', invoice.totals?.vatTotal), ...breakdown] } : undefined;
  const accounting = invoice.totals?.vatTotalInAccountingCurrency;
  const second =
    accounting !== undefined ? { name: 'cac:TaxTotal', children: [leaf('cbc:TaxAmount', accounting, { currencyID: invoice.vatAccountingCurrencyCode })] } : undefined;
  return [main, second];
}

function writeMonetaryTotal(invoice: Invoice, amount: AmountWriter): XmlNode | undefined {
  const t = invoice.totals;
  if (!t) return undefined;
  return group('cac:LegalMonetaryTotal', [
    amount('cbc:LineExtensionAmount', t.lineNetTotal),
    amount('cbc:TaxExclusiveAmount', t.taxExclusiveAmount),
    amount('cbc:TaxInclusiveAmount', t.taxInclusiveAmount),
    amount('cbc:AllowanceTotalAmount', t.allowanceTotal),
    amount('cbc:ChargeTotalAmount', t.chargeTotal),
    amount('cbc:PrepaidAmount', t.paidAmount),
    amount('cbc:PayableRoundingAmount', t.roundingAmount),
    amount('cbc:PayableAmount', t.amountDue),
  ]);
}
