import { CODECS } from '../syntax/codecs.js';
import { DocumentReadError } from '../xml/read-error.js';
import { readXml } from '../xml/xml-read.js';
import type { XmlLimits } from '../xml/xml-limits.js';
import { DocumentIndex } from './document-index.js';
import { runRuleSets } from './engine.js';
import type { ValidationReport } from './finding.js';
import { ruleSetFor } from './rule-sets.js';

/** Options of {@link validateDocument}. */
export type ValidateDocumentOptions = {
  /** Rule sets to apply, by name (default `['en16931']`). */
  rules?: readonly string[];
  /** Bounds for reading the document. */
  limits?: Partial<XmlLimits>;
};

/**
 * Validates a UBL or CII document (text or bytes) against the official rules. This is the validator's
 * whole hot path — reading and rules, no model — so it loads and runs fast. Throws `DocumentReadError`
 * when the document cannot be read at all; everything else is a finding.
 */
export function validateDocument(input: string | Uint8Array, options: ValidateDocumentOptions = {}): ValidationReport {
  const names = options.rules ?? ['en16931'];
  const root = readXml(input, options.limits);
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
