import { CREDIT_NOTE_TYPE_CODES } from '../../model/document-kind.js';
import type { Invoice, InvoiceNote } from '../../model/invoice.js';
import type { XmlElement } from '../../xml/xml-element.js';
import type { ParsedInvoice } from '../codec.js';
import type { Diagnostic } from '../diagnostic.js';
import { ElementReader } from '../element-reader.js';
import { parseCiiAgreement } from './cii-parse-agreement.js';
import { parseCiiDelivery } from './cii-parse-delivery.js';
import { parseCiiLine } from './cii-parse-line.js';
import { parseCiiSettlement } from './cii-parse-settlement.js';
import { compact, nestedText, nonEmpty, readDate } from './cii-read-values.js';

/**
 * Reads a CII D16B `rsm:CrossIndustryInvoice` into the model, as bound by EN 16931. Never throws on
 * content: a fragment gives whatever terms it has, and every element not read becomes a diagnostic.
 */
export function parseCii(root: XmlElement): ParsedInvoice {
  const diagnostics: Diagnostic[] = [];
  const reader = new ElementReader(root, diagnostics);
  const context = reader.child('rsm:ExchangedDocumentContext');
  const document = reader.child('rsm:ExchangedDocument');
  const transaction = reader.child('rsm:SupplyChainTradeTransaction');
  const header = document ? parseExchangedDocument(document) : {};
  const invoice = compact<Invoice>({
    kind: header.typeCode !== undefined && CREDIT_NOTE_TYPE_CODES.has(header.typeCode.trim()) ? 'credit-note' : 'invoice',
    processControl: context ? parseDocumentContext(context) : undefined,
    ...header,
    ...(transaction ? parseTransaction(transaction) : {}),
  });
  reader.finish();
  return { syntax: 'cii', invoice: invoice ?? {}, diagnostics, root };
}

/** BG-2 from `rsm:ExchangedDocumentContext`: BT-23 business process, BT-24 specification identifier. */
function parseDocumentContext(reader: ElementReader): Invoice['processControl'] {
  const control = compact({
    businessProcessType: nestedText(reader, 'ram:BusinessProcessSpecifiedDocumentContextParameter', 'ram:ID'),
    specificationIdentifier: nestedText(reader, 'ram:GuidelineSpecifiedDocumentContextParameter', 'ram:ID'),
  });
  reader.finish();
  return control;
}

/** BT-1, BT-3, BT-2 and the notes (BG-1) from `rsm:ExchangedDocument`. */
function parseExchangedDocument(reader: ElementReader): Pick<Invoice, 'number' | 'typeCode' | 'issueDate' | 'notes'> {
  const header = compact<Pick<Invoice, 'number' | 'typeCode' | 'issueDate' | 'notes'>>({
    number: reader.text('ram:ID'),
    typeCode: reader.text('ram:TypeCode'),
    issueDate: readDate(reader, 'ram:IssueDateTime'),
    notes: nonEmpty(reader.all('ram:IncludedNote').map((element) => parseNote(reader.over(element)))),
  });
  reader.finish();
  return header ?? {};
}

/** BG-1 from `ram:IncludedNote`: BT-22 `ram:Content`, BT-21 `ram:SubjectCode`. */
function parseNote(reader: ElementReader): InvoiceNote {
  const note = compact<InvoiceNote>({ text: reader.text('ram:Content'), subjectCode: reader.text('ram:SubjectCode') });
  reader.finish();
  return note ?? {};
}

/** The lines and the header agreement, delivery and settlement of `rsm:SupplyChainTradeTransaction`. */
function parseTransaction(reader: ElementReader): Partial<Invoice> {
  const lines = nonEmpty(reader.all('ram:IncludedSupplyChainTradeLineItem').map((element) => parseCiiLine(reader.over(element))));
  const agreement = reader.child('ram:ApplicableHeaderTradeAgreement');
  const delivery = reader.child('ram:ApplicableHeaderTradeDelivery');
  const settlement = reader.child('ram:ApplicableHeaderTradeSettlement');
  const terms: Partial<Invoice> = {
    ...(agreement ? parseCiiAgreement(agreement) : {}),
    ...(delivery ? parseCiiDelivery(delivery) : {}),
    ...(settlement ? parseCiiSettlement(settlement) : {}),
    lines,
  };
  reader.finish();
  return terms;
}
