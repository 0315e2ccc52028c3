import { looksLikeJson, readJsonInvoice } from '../convert/read-invoice.js';
import type { Invoice } from '../model/invoice.js';
import { CODECS } from '../syntax/codecs.js';
import type { SyntaxId } from '../syntax/codec.js';
import { DocumentReadError } from '../xml/read-error.js';
import { decodeXmlBytes } from '../xml/decode.js';
import { readXml } from '../xml/xml-read.js';
import type { XmlLimits } from '../xml/xml-limits.js';
import { DocumentIndex } from './document-index.js';
import { runRuleSets } from './engine.js';
import type { ValidationReport } from './finding.js';
import { ruleSetFor } from './rule-sets.js';

/** Options of {@link validate}. */
export type ValidateOptions = {
  /** Rule sets to apply, by name (default `['en16931']`). */
  rules?: readonly string[];
  /** The syntax an `Invoice` (model) input is written in before it is checked (default `ubl`). */
  syntax?: SyntaxId;
  /** Bounds for reading the document. */
  limits?: Partial<XmlLimits>;
};

/**
 * Validates a UBL or CII document (text or bytes), an EN 16931 JSON invoice, or an invoice model against
 * the official rules. Throws `DocumentReadError` when the input cannot be read at all; everything else is
 * a finding in the report.
 */
export function validate(input: string | Uint8Array | Invoice, options: ValidateOptions = {}): ValidationReport {
  const names = options.rules ?? ['en16931'];
  const root = toXmlRoot(input, options);
  const codec = Object.values(CODECS).find((c) => c.detect(root));
  if (!codec) {
    throw new DocumentReadError({
      code: 'document-unknown',
      message: `The root element <${root.local}> is not a UBL 2.1 Invoice or CreditNote nor a CII D16B CrossIndustryInvoice`,
      line: root.line,
      column: root.column,
    });
  }
  const ruleSets = names.map((name) => ruleSetFor(name, codec.syntax));
  const findings = runRuleSets(new DocumentIndex(root, codec.syntax), ruleSets);
  return { valid: !findings.some((f) => f.severity === 'fatal'), syntax: codec.syntax, ruleSets: [...names], findings };
}

function toXmlRoot(input: string | Uint8Array | Invoice, options: ValidateOptions) {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    if (!looksLikeJson(input)) return readXml(input, options.limits);
    const invoice = readJsonInvoice(typeof input === 'string' ? input : decodeXmlBytes(input)).invoice;
    return readXml(CODECS[options.syntax ?? 'ubl'].serialize(invoice).xml);
  }
  return readXml(CODECS[options.syntax ?? 'ubl'].serialize(input).xml);
}
