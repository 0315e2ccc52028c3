/** @einvoice-hub/core — the pure core: EN 16931 model, syntax codecs, conversion. No I/O. */
export * from './model/index.js';
export * from './xml/xml-element.js';
export * from './xml/xml-read.js';
export * from './xml/xml-limits.js';
export * from './xml/read-error.js';
export * from './syntax/codec.js';
export * from './syntax/codecs.js';
export * from './syntax/diagnostic.js';
export * from './convert/targets.js';
export * from './convert/read-invoice.js';
export * from './convert/convert-invoice.js';
export { ublCodec } from './syntax/ubl/ubl.codec.js';
export { ciiCodec } from './syntax/cii/cii.codec.js';
export * from './rules/finding.js';
export * from './rules/validate.js';
export * from './rules/validate-document.js';
export { RULE_SET_NAMES } from './rules/rule-sets.js';
export { looksLikeJson } from './convert/looks-like-json.js';
