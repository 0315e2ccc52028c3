/**
 * The validator alone, without the JSON model (and its schema library): what `einvoice validate` loads,
 * so that a cold start stays short. Everything here is also exported by the package root.
 */
export { validateDocument, type ValidateDocumentOptions } from './rules/validate-document.js';
export { RULE_SET_NAMES } from './rules/rule-sets.js';
export type { Finding, Severity, ValidationReport } from './rules/finding.js';
export { DocumentReadError, type ReadErrorCode } from './xml/read-error.js';
export { DEFAULT_XML_LIMITS, type XmlLimits } from './xml/xml-limits.js';
export { looksLikeJson } from './convert/looks-like-json.js';
