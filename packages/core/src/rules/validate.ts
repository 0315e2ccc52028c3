import { looksLikeJson } from '../convert/looks-like-json.js';
import { readJsonInvoice } from '../convert/read-invoice.js';
import type { Invoice } from '../model/invoice.js';
import { CODECS } from '../syntax/codecs.js';
import type { SyntaxId } from '../syntax/codec.js';
import { decodeXmlBytes } from '../xml/decode.js';
import type { ValidationReport } from './finding.js';
import { validateDocument, type ValidateDocumentOptions } from './validate-document.js';

/** Options of {@link validate}. */
export type ValidateOptions = ValidateDocumentOptions & {
  /** The syntax an invoice given as a model or as JSON is written in before it is checked (default `ubl`). */
  syntax?: SyntaxId;
};

/**
 * Validates a UBL or CII document (text or bytes), an EN 16931 JSON invoice, or an invoice model against
 * the official rules. A model or JSON invoice is checked in the syntax of `options.syntax` (paths in the
 * findings refer to that document). Throws `DocumentReadError` when the input cannot be read at all.
 */
export function validate(input: string | Uint8Array | Invoice, options: ValidateOptions = {}): ValidationReport {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    if (!looksLikeJson(input)) return validateDocument(input, options);
    const invoice = readJsonInvoice(typeof input === 'string' ? input : decodeXmlBytes(input)).invoice;
    return validateDocument(CODECS[options.syntax ?? 'ubl'].serialize(invoice).xml, options);
  }
  return validateDocument(CODECS[options.syntax ?? 'ubl'].serialize(input).xml, options);
}
