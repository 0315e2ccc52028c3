/** Namespace URIs of UN/CEFACT CII D16B, by the prefix the product always writes them with. */
export const CII_NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
} as const;

/** Canonical name of the CII root element. */
export const CII_ROOT = 'rsm:CrossIndustryInvoice';

/**
 * `ram:AdditionalReferencedDocument/ram:TypeCode` values (UNTDID 1001) that tell the header references apart:
 * 916 a supporting document (BG-24), 50 a tender or lot (BT-17), 130 an invoiced object (BT-18, and BT-128 on a line).
 */
export const REFERENCE_TYPE = { supportingDocument: '916', tenderOrLot: '50', invoicedObject: '130' } as const;

/** The only tax type EN 16931 covers; `ram:TypeCode` of every `ram:ApplicableTradeTax` and `ram:CategoryTradeTax`. */
export const VAT_TYPE_CODE = 'VAT';

/** CII writes every date as format 102 (`YYYYMMDD`). */
export const DATE_FORMAT_102 = '102';
