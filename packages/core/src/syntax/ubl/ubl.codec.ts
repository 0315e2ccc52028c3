import type { SyntaxCodec } from '../codec.js';
import { UBL_NS } from './ubl-names.js';
import { parseUbl } from './ubl-parse.js';
import { serializeUbl } from './ubl-serialize.js';

/** UBL 2.1 Invoice and CreditNote, as bound to EN 16931 (Peppol BIS Billing 3.0, XRechnung UBL). */
export const ublCodec: SyntaxCodec = {
  syntax: 'ubl',
  detect: (root) =>
    (root.local === 'Invoice' && root.ns === UBL_NS.invoice) || (root.local === 'CreditNote' && root.ns === UBL_NS.creditNote),
  parse: parseUbl,
  serialize: serializeUbl,
};
