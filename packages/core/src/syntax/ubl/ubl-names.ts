import type { DocumentKind } from '../../model/document-kind.js';

/** Namespace URIs of UBL 2.1. */
export const UBL_NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
} as const;

/** The element names that differ between a UBL Invoice and a UBL CreditNote. */
export type UblVocabulary = {
  kind: DocumentKind;
  root: 'Invoice' | 'CreditNote';
  namespace: string;
  typeCode: 'cbc:InvoiceTypeCode' | 'cbc:CreditNoteTypeCode';
  line: 'cac:InvoiceLine' | 'cac:CreditNoteLine';
  quantity: 'cbc:InvoicedQuantity' | 'cbc:CreditedQuantity';
};

export const INVOICE_VOCABULARY: UblVocabulary = {
  kind: 'invoice',
  root: 'Invoice',
  namespace: UBL_NS.invoice,
  typeCode: 'cbc:InvoiceTypeCode',
  line: 'cac:InvoiceLine',
  quantity: 'cbc:InvoicedQuantity',
};

export const CREDIT_NOTE_VOCABULARY: UblVocabulary = {
  kind: 'credit-note',
  root: 'CreditNote',
  namespace: UBL_NS.creditNote,
  typeCode: 'cbc:CreditNoteTypeCode',
  line: 'cac:CreditNoteLine',
  quantity: 'cbc:CreditedQuantity',
};

/**
 * BT-8: UBL writes the VAT point date code as UNTDID 2005 (3 issue date, 35 delivery date, 432 paid-to date);
 * the model keeps the CII form (5, 29, 72), as EN 16931 lists it. Unknown codes pass through unchanged.
 */
const UBL_TO_MODEL_DATE_CODE: Readonly<Record<string, string>> = { '3': '5', '35': '29', '432': '72' };
const MODEL_TO_UBL_DATE_CODE: Readonly<Record<string, string>> = { '5': '3', '29': '35', '72': '432' };

/** BT-8 as the model keeps it, from the UBL code. */
export function vatDateCodeFromUbl(code: string): string {
  return UBL_TO_MODEL_DATE_CODE[code.trim()] ?? code;
}

/** BT-8 as UBL writes it, from the model's code. */
export function vatDateCodeToUbl(code: string): string {
  return MODEL_TO_UBL_DATE_CODE[code.trim()] ?? code;
}

/** UBL has no element for BT-21; EN 16931 puts the subject code before the note text as `#CODE#text`. */
const NOTE_WITH_SUBJECT = /^#([A-Z]{3})#([\s\S]*)$/;

/** Splits a UBL note into BT-21 subject code and BT-22 text. */
export function splitUblNote(text: string): { subjectCode?: string; text: string } {
  const match = NOTE_WITH_SUBJECT.exec(text);
  return match ? { subjectCode: match[1] as string, text: match[2] as string } : { text };
}

/** Joins BT-21 and BT-22 into one UBL note. */
export function joinUblNote(subjectCode: string | undefined, text: string | undefined): string {
  return subjectCode === undefined ? (text ?? '') : `#${subjectCode}#${text ?? ''}`;
}
