import type { Invoice, PrecedingInvoice } from '../../model/invoice.js';
import { group, leaf, type XmlNode } from '../../xml/xml-write.js';
import { documentAllowanceChargeNode, totalsNode, vatBreakdownNodes } from './cii-serialize-amounts.js';
import { payeeNode } from './cii-serialize-party.js';
import { paymentMeansNodes, sharedPaymentTerms } from './cii-serialize-payment.js';
import { dateNode, element, nested, periodNode, reportWrite, type WriteContext } from './cii-write-values.js';

/** `ram:ApplicableHeaderTradeSettlement` (mandatory in the XSD), children in XSD order. */
export function settlementNode(invoice: Invoice, context: WriteContext): XmlNode {
  const instructions = invoice.paymentInstructions ?? [];
  const shared = sharedPaymentTerms(instructions, context);
  return element('ram:ApplicableHeaderTradeSettlement', [
    leaf('ram:CreditorReferenceID', shared.creditorId),
    leaf('ram:PaymentReference', shared.remittanceInformation),
    leaf('ram:TaxCurrencyCode', invoice.vatAccountingCurrencyCode),
    leaf('ram:InvoiceCurrencyCode', invoice.currencyCode),
    invoice.payee ? payeeNode(invoice.payee) : undefined,
    ...instructions.flatMap(paymentMeansNodes),
    ...vatBreakdownNodes(invoice, context),
    periodNode(invoice.invoicingPeriod, { start: 'BT-73', end: 'BT-74' }, context),
    ...(invoice.allowances ?? []).map((allowance) => documentAllowanceChargeNode(allowance, false)),
    ...(invoice.charges ?? []).map((charge) => documentAllowanceChargeNode(charge, true)),
    group('ram:SpecifiedTradePaymentTerms', [
      leaf('ram:Description', invoice.paymentTerms),
      dateNode({ name: 'ram:DueDateDateTime', date: invoice.dueDate, term: 'BT-9', context }),
      leaf('ram:DirectDebitMandateID', shared.mandateReference),
    ]),
    totalsNode(invoice, context),
    precedingInvoiceNode(invoice.precedingInvoices, context),
    nested('ram:ReceivableSpecifiedTradeAccountingAccount', 'ram:ID', invoice.buyerAccountingReference),
  ]);
}

/** BG-3 as `ram:InvoiceReferencedDocument`, of which the D16B XSD allows one: further references are reported. */
function precedingInvoiceNode(precedingInvoices: readonly PrecedingInvoice[] | undefined, context: WriteContext): XmlNode | undefined {
  const [first, ...others] = precedingInvoices ?? [];
  if (!first) return undefined;
  if (others.length > 0) {
    const references = others.map((preceding) => `"${preceding.reference ?? ''}"`).join(', ');
    reportWrite(context, 'not-representable', 'BG-3', `The CII D16B schema allows one preceding invoice reference; ${others.length} more (${references}) were not written`);
  }
  return element('ram:InvoiceReferencedDocument', [
    leaf('ram:IssuerAssignedID', first.reference),
    dateNode({ name: 'ram:FormattedIssueDateTime', date: first.issueDate, term: 'BT-26', context, inner: 'qdt:DateTimeString' }),
  ]);
}
