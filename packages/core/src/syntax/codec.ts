import type { Invoice } from '../model/invoice.js';
import type { XmlElement } from '../xml/xml-element.js';
import type { Diagnostic } from './diagnostic.js';

/** The XML syntaxes the hub reads and writes. */
export const SYNTAX_IDS = ['ubl', 'cii'] as const;
/** An XML syntax the hub reads and writes. */
export type SyntaxId = (typeof SYNTAX_IDS)[number];

/** An invoice read from a document, with what could not be read faithfully. */
export type ParsedInvoice = {
  syntax: SyntaxId;
  invoice: Invoice;
  diagnostics: Diagnostic[];
  /** The element tree the invoice was read from (the validator works on it). */
  root: XmlElement;
};

/** A document written from an invoice, with the terms the syntax could not carry. */
export type SerializedInvoice = {
  xml: string;
  diagnostics: Diagnostic[];
};

/** One XML syntax: recognise it, read it into the model, write the model into it. */
export interface SyntaxCodec {
  readonly syntax: SyntaxId;
  /** True when `root` is a document of this syntax. */
  detect(root: XmlElement): boolean;
  /** Reads the document into the model; never throws on content, reports what it could not read. */
  parse(root: XmlElement): ParsedInvoice;
  /** Writes the model as a document of this syntax. */
  serialize(invoice: Invoice): SerializedInvoice;
}
