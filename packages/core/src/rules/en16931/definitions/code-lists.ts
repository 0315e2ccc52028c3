import { rule, type RuleDefinition } from '../../rule-definition.js';

/**
 * The code-list rules (BR-CL-*): a coded business term must hold a code of the list EN 16931 prescribes
 * for it. Shared by UBL and CII; the lists themselves are in `../code-lists/`.
 */
export const CODE_LIST_DEFINITIONS: readonly RuleDefinition[] = [
  rule(
    'BR-CL-01',
    ['BT-3'],
    'The Invoice type code (BT-3) is not an invoice or credit note code of UNTDID 1001; use one of them, e.g. 380 (commercial invoice) or 381 (credit note).',
  ),
  rule(
    'BR-CL-03',
    ['BT-5', 'BT-6'],
    'The currency of an amount (its currencyID) is missing or not an ISO 4217 alpha-3 code; give every amount the currency code of the invoice (BT-5) or, for the VAT total in accounting currency, of BT-6, e.g. EUR.',
  ),
  rule(
    'BR-CL-04',
    ['BT-5'],
    'The Invoice currency code (BT-5) is not an ISO 4217 alpha-3 currency code; use a code such as EUR or USD.',
  ),
  rule(
    'BR-CL-05',
    ['BT-6'],
    'The VAT accounting currency code (BT-6) is not an ISO 4217 alpha-3 currency code; use a code such as EUR or SEK.',
  ),
  rule(
    'BR-CL-06',
    ['BT-8'],
    'The Value added tax point date code (BT-8) is not allowed; use a code of the EN 16931 subset: 3, 35 or 432 (UNTDID 2005) in UBL, 5, 29 or 72 (UNTDID 2475) in CII.',
  ),
  rule(
    'BR-CL-07',
    ['BT-18', 'BT-128'],
    'The scheme of the Invoiced object identifier (BT-18) or of the Invoice line object identifier (BT-128) is not a UNTDID 1153 reference code qualifier; use a code of that list, e.g. AAA or ABZ.',
  ),
  rule(
    'BR-CL-08',
    ['BT-21'],
    'The Invoice note subject code (BT-21) is not a UNTDID 4451 text subject qualifier; use a code of that list, e.g. AAI (general information) or REG (regulatory information).',
  ),
  rule(
    'BR-CL-10',
    ['BT-29', 'BT-46', 'BT-60'],
    'The scheme of a party identifier (Seller BT-29, Buyer BT-46, Payee BT-60) is not an ISO 6523 ICD code; use the ICD of the identifier scheme, e.g. 0088 for a GLN (SEPA is also accepted for a seller or payee creditor identifier).',
  ),
  rule(
    'BR-CL-11',
    ['BT-30', 'BT-47', 'BT-61'],
    'The scheme of a legal registration identifier (Seller BT-30, Buyer BT-47, Payee BT-61) is not an ISO 6523 ICD code; use the ICD of the register, e.g. 0002 or 0208, or leave the scheme out.',
  ),
  rule(
    'BR-CL-13',
    ['BT-158'],
    'The scheme of the Item classification identifier (BT-158) is not a UNTDID 7143 item type code; use a code of that list, e.g. STI (CPV) or HS (Harmonised System).',
  ),
  rule(
    'BR-CL-14',
    ['BT-40', 'BT-55', 'BT-69', 'BT-80'],
    'A country code (Seller BT-40, Buyer BT-55, Tax representative BT-69 or Deliver-to BT-80) is not an ISO 3166-1 alpha-2 code; use a two-letter code such as DE or FR.',
  ),
  rule(
    'BR-CL-15',
    ['BT-159'],
    'The Item country of origin (BT-159) is not an ISO 3166-1 alpha-2 code; use a two-letter code such as CN or IT.',
  ),
  rule(
    'BR-CL-16',
    ['BT-81'],
    'The Payment means type code (BT-81) is not a UNTDID 4461 payment means code; use a code of that list, e.g. 30 (credit transfer), 58 (SEPA credit transfer) or 59 (SEPA direct debit).',
  ),
  rule(
    'BR-CL-17',
    ['BT-95', 'BT-102', 'BT-118'],
    'A VAT category code (of a VAT breakdown BT-118, or of a document level allowance BT-95 or charge BT-102) is not a UNTDID 5305 code allowed by EN 16931; use S, Z, E, AE, K, G, O, L, M or B.',
  ),
  rule(
    'BR-CL-18',
    ['BT-151'],
    'The Invoiced item VAT category code (BT-151) is not a UNTDID 5305 code allowed by EN 16931; use S, Z, E, AE, K, G, O, L, M or B.',
  ),
  rule(
    'BR-CL-19',
    ['BT-98', 'BT-140'],
    'An allowance reason code (document level BT-98, line level BT-140) is not a UNTDID 5189 allowance reason code; use a code of that list, e.g. 95 (discount).',
  ),
  rule(
    'BR-CL-20',
    ['BT-105', 'BT-145'],
    'A charge reason code (document level BT-105, line level BT-145) is not a UNTDID 7161 special service code; use a code of that list, e.g. FC (freight) or ABL (packaging).',
  ),
  rule(
    'BR-CL-21',
    ['BT-157'],
    'The scheme of the Item standard identifier (BT-157) is not an ISO 6523 ICD code; use the ICD of the scheme, e.g. 0160 for a GTIN.',
  ),
  rule(
    'BR-CL-22',
    ['BT-121'],
    'The VAT exemption reason code (BT-121) is not a code of the VATEX list; use a VATEX code such as VATEX-EU-AE or VATEX-EU-IC.',
  ),
  rule(
    'BR-CL-23',
    ['BT-130', 'BT-150'],
    'A unit of measure code (Invoiced quantity unit BT-130 or Item price base quantity unit BT-150) is not a UN/ECE Recommendation 20 or 21 code; use a code such as C62 (one), H87 (piece), KGM or HUR.',
  ),
  rule(
    'BR-CL-24',
    ['BT-125'],
    'The MIME code of an Attached document (BT-125) is not allowed; use application/pdf, image/png, image/jpeg, text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/vnd.oasis.opendocument.spreadsheet.',
  ),
  rule(
    'BR-CL-25',
    ['BT-34', 'BT-49'],
    'The scheme of an electronic address (Seller BT-34, Buyer BT-49) is not a code of the EAS (electronic address scheme) list; use a code such as 0088, 0208, 9930 or EM (e-mail).',
  ),
  rule(
    'BR-CL-26',
    ['BT-71'],
    'The scheme of the Deliver to location identifier (BT-71) is not an ISO 6523 ICD code; use the ICD of the scheme, e.g. 0088 for a GLN.',
  ),
];
