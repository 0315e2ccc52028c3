import type { SyntaxCodec, SyntaxId } from './codec.js';
import { ciiCodec } from './cii/cii.codec.js';
import { ublCodec } from './ubl/ubl.codec.js';

/** Every syntax codec, tried in this order when detecting a document's syntax. */
export const CODECS: Readonly<Record<SyntaxId, SyntaxCodec>> = { ubl: ublCodec, cii: ciiCodec };
