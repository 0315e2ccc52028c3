import { readInvoiceJson } from '../model/invoice-json.js';
import type { Invoice } from '../model/invoice.js';
import type { ParsedInvoice, SyntaxId } from '../syntax/codec.js';
import { CODECS } from '../syntax/codecs.js';
import type { Diagnostic } from '../syntax/diagnostic.js';
import { DocumentReadError } from '../xml/read-error.js';
import { decodeXmlBytes } from '../xml/decode.js';
import { readXml } from '../xml/xml-read.js';
import { looksLikeJson } from './looks-like-json.js';
import { DEFAULT_XML_LIMITS, type XmlLimits } from '../xml/xml-limits.js';

/** The form a document came in. */
export type InputFormat = SyntaxId | 'json';

/** An invoice read from any supported input. */
export type ReadInvoiceResult = {
  format: InputFormat;
  invoice: Invoice;
  diagnostics: Diagnostic[];
  /** Present for XML input: the parsed document. */
  parsed?: ParsedInvoice;
};

/**
 * Reads an invoice from JSON (the EN 16931 JSON form), UBL 2.1 or CII D16B, detecting which.
 * Throws {@link DocumentReadError} when the input cannot be read at all.
 */
export function readInvoice(input: string | Uint8Array, limits: Partial<XmlLimits> = {}): ReadInvoiceResult {
  const maxBytes = limits.maxBytes ?? DEFAULT_XML_LIMITS.maxBytes;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) return readXmlInvoice(input, limits); // readXml reports the size problem uniformly
  if (looksLikeJson(input)) return readJsonInvoice(typeof input === 'string' ? input : decodeXmlBytes(input));
  return readXmlInvoice(input, limits);
}

/** Reads a UBL or CII document. */
export function readXmlInvoice(input: string | Uint8Array, limits: Partial<XmlLimits> = {}): ReadInvoiceResult {
  const root = readXml(input, limits);
  for (const codec of Object.values(CODECS)) {
    if (!codec.detect(root)) continue;
    const parsed = codec.parse(root);
    return { format: codec.syntax, invoice: parsed.invoice, diagnostics: parsed.diagnostics, parsed };
  }
  const ns = root.ns === '' ? 'no namespace' : `namespace ${root.ns}`;
  throw new DocumentReadError({
    code: 'document-unknown',
    message: `The root element <${root.local}> (${ns}) is not a UBL 2.1 Invoice or CreditNote nor a CII D16B CrossIndustryInvoice`,
    line: root.line,
    column: root.column,
  });
}

/** Reads the EN 16931 JSON form; every problem is named in the error's details. */
export function readJsonInvoice(text: string): ReadInvoiceResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DocumentReadError({ code: 'json-malformed', message: `The input is not valid JSON: ${(cause as Error).message}`, cause });
  }
  const result = readInvoiceJson(value);
  if (!result.ok) {
    const list = result.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new DocumentReadError({ code: 'json-invalid', message: `The JSON is not a valid EN 16931 invoice: ${list}`, details: result.problems });
  }
  return { format: 'json', invoice: result.invoice, diagnostics: [] };
}
