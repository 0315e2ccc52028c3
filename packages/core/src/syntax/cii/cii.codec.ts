import type { SyntaxCodec } from '../codec.js';
import { CII_ROOT } from './cii-names.js';
import { parseCii } from './cii-parse.js';
import { serializeCii } from './cii-serialize.js';

/** UN/CEFACT CII D16B `CrossIndustryInvoice`, as bound to EN 16931 (XRechnung CII, Factur-X EN 16931). */
export const ciiCodec: SyntaxCodec = {
  syntax: 'cii',
  // Names are canonical, so the prefixed name alone pins the CII namespace whatever prefix the document used.
  detect: (root) => root.name === CII_ROOT,
  parse: parseCii,
  serialize: serializeCii,
};
