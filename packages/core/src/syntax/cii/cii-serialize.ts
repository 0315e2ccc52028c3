import { CREDIT_NOTE_TYPE_CODES } from '../../model/document-kind.js';
import type { Invoice } from '../../model/invoice.js';
import { leaf, writeXml, type XmlNode } from '../../xml/xml-write.js';
import type { SerializedInvoice } from '../codec.js';
import { CII_NS, CII_ROOT } from './cii-names.js';
import { agreementNode, deliveryNode } from './cii-serialize-agreement.js';
import { lineNode } from './cii-serialize-line.js';
import { settlementNode } from './cii-serialize-settlement.js';
import { dateNode, element, nested, reportWrite, type WriteContext } from './cii-write-values.js';

/**
 * Writes the model as a CII D16B `rsm:CrossIndustryInvoice` in the element order of the official XSD.
 * Terms CII cannot carry are reported in the diagnostics, never dropped silently.
 */
export function serializeCii(invoice: Invoice): SerializedInvoice {
  const context: WriteContext = { diagnostics: [] };
  checkKind(invoice, context);
  const root: XmlNode = element(
    CII_ROOT,
    [documentContextNode(invoice), exchangedDocumentNode(invoice, context), transactionNode(invoice, context)],
    { 'xmlns:rsm': CII_NS.rsm, 'xmlns:ram': CII_NS.ram, 'xmlns:udt': CII_NS.udt, 'xmlns:qdt': CII_NS.qdt },
  );
  return { xml: writeXml(root), diagnostics: context.diagnostics };
}

/** CII has one document for invoices and credit notes: the kind can only follow from BT-3. */
function checkKind(invoice: Invoice, context: WriteContext): void {
  if (invoice.kind === undefined) return;
  const implied = invoice.typeCode !== undefined && CREDIT_NOTE_TYPE_CODES.has(invoice.typeCode.trim()) ? 'credit-note' : 'invoice';
  if (invoice.kind === implied) return;
  const typeCode = invoice.typeCode === undefined ? 'no invoice type code (BT-3)' : `the invoice type code (BT-3) "${invoice.typeCode}"`;
  reportWrite(context, 'not-representable', 'kind', `CII has no separate credit note document; with ${typeCode} the document is read back as ${implied === 'invoice' ? 'an invoice' : 'a credit note'}, not as ${invoice.kind === 'invoice' ? 'an invoice' : 'a credit note'}`);
}

/** BG-2 as `rsm:ExchangedDocumentContext` (mandatory in the XSD). */
function documentContextNode(invoice: Invoice): XmlNode {
  const control = invoice.processControl;
  return element('rsm:ExchangedDocumentContext', [
    nested('ram:BusinessProcessSpecifiedDocumentContextParameter', 'ram:ID', control?.businessProcessType),
    nested('ram:GuidelineSpecifiedDocumentContextParameter', 'ram:ID', control?.specificationIdentifier),
  ]);
}

/** BT-1, BT-3, BT-2 and BG-1 as `rsm:ExchangedDocument`. */
function exchangedDocumentNode(invoice: Invoice, context: WriteContext): XmlNode {
  return element('rsm:ExchangedDocument', [
    leaf('ram:ID', invoice.number),
    leaf('ram:TypeCode', invoice.typeCode),
    dateNode({ name: 'ram:IssueDateTime', date: invoice.issueDate, term: 'BT-2', context }),
    ...(invoice.notes ?? []).map((note) => element('ram:IncludedNote', [leaf('ram:Content', note.text), leaf('ram:SubjectCode', note.subjectCode)])),
  ]);
}

/** `rsm:SupplyChainTradeTransaction`: the lines, then the header agreement, delivery and settlement. */
function transactionNode(invoice: Invoice, context: WriteContext): XmlNode {
  return element('rsm:SupplyChainTradeTransaction', [
    ...(invoice.lines ?? []).map((line) => lineNode(line, context)),
    agreementNode(invoice),
    deliveryNode(invoice, context),
    settlementNode(invoice, context),
  ]);
}

