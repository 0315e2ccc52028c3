import type { ParsedInvoice } from '../../../src/syntax/codec.js';
import { ciiCodec } from '../../../src/syntax/cii/cii.codec.js';
import { CII_NS } from '../../../src/syntax/cii/cii-names.js';
import { readXml } from '../../../src/xml/xml-read.js';

/** A CII document around `body` (the children of `rsm:CrossIndustryInvoice`), with the usual prefixes. */
export function ciiDocument(body: string): string {
  return `<rsm:CrossIndustryInvoice xmlns:rsm="${CII_NS.rsm}" xmlns:ram="${CII_NS.ram}" xmlns:udt="${CII_NS.udt}" xmlns:qdt="${CII_NS.qdt}">${body}</rsm:CrossIndustryInvoice>`;
}

/** A CII document whose header settlement holds `settlement`. */
export function ciiSettlement(settlement: string): string {
  return ciiDocument(
    `<rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeSettlement>${settlement}</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>`,
  );
}

/** Reads a CII document with the codec. */
export function parseCiiXml(xml: string | Uint8Array): ParsedInvoice {
  return ciiCodec.parse(readXml(xml));
}

/** Diagnostics as `code path` strings, easy to compare and to read in a failure. */
export function describeDiagnostics(parsed: { diagnostics: ReadonlyArray<{ code: string; path: string }> }): string[] {
  return parsed.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path}`);
}
