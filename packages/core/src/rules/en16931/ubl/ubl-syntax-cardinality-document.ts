import { fatal, type Assertion } from '../../binding.js';
import { hasAttributeNamed } from '../../assertion-tests.js';
import { rule, type RuleDefinition } from '../../rule-definition.js';
import { at, kids } from '../../xpath.js';
import type { XmlElement } from '../../../xml/xml-element.js';
import { SYNTAX } from './ubl-syntax-contexts.js';
import { CountTable } from './ubl-syntax-counts.js';
import { distinctValues, someValueIs, stepsOf, taxSchemeIds, upperAttribute } from './ubl-syntax-query.js';

const SELLER = 'cac:AccountingSupplierParty/cac:Party';
const BUYER = 'cac:AccountingCustomerParty/cac:Party';

/** The document element's `count(path) <= max` rules, counted in one walk. */
const ROOT_COUNTS = new CountTable();

/** `count(path) <= max` on the document element. */
function atMost(id: string, path: string, max = 1): Assertion {
  const row = ROOT_COUNTS.add(stepsOf(path), max);
  return { ...fatal(id, SYNTAX.document, (root) => ROOT_COUNTS.failing(root)?.[row] !== 1), batch: { group: ROOT_COUNTS.group, row } };
}

const SELLER_TAX_SCHEMES = `${SELLER}/cac:PartyTaxScheme`;
const BUYER_TAX_SCHEMES = `${BUYER}/cac:PartyTaxScheme`;

/** `count(<party tax schemes>[cac:TaxScheme/upper-case(cbc:ID) = 'VAT' (or !=)]/cbc:CompanyID)`. */
function taxSchemeCompanyIds(root: XmlElement, partyTaxSchemes: string, vat: boolean): number {
  let count = 0;
  for (const scheme of at(root, partyTaxSchemes)) {
    // General comparison over the tax schemes: `= 'VAT'` holds when one is VAT, `!= 'VAT'` when one is not.
    const ids = taxSchemeIds(scheme);
    if (vat ? ids.includes('VAT') : ids.some((id) => id !== 'VAT')) count += kids(scheme, 'cbc:CompanyID').length;
  }
  return count;
}

/** The UBL-SR rules checked on the document element (/ubl:Invoice | /cn:CreditNote), in official order. */
export const DOCUMENT_CARDINALITY_ASSERTIONS: readonly Assertion[] = [
  atMost('UBL-SR-01', 'cac:ContractDocumentReference/cbc:ID'),
  atMost('UBL-SR-02', 'cac:ReceiptDocumentReference/cbc:ID'),
  atMost('UBL-SR-03', 'cac:DespatchDocumentReference/cbc:ID'),
  fatal('UBL-SR-04', SYNTAX.document, (root) => {
    const invoicedObjects = at(root, 'cac:AdditionalDocumentReference').filter((ref) => someValueIs(kids(ref, 'cbc:DocumentTypeCode'), '130'));
    return at(invoicedObjects, 'cbc:ID').length <= 1;
  }),
  atMost('UBL-SR-05', 'cac:PaymentTerms/cbc:Note'),
  atMost('UBL-SR-08', 'cac:InvoicePeriod'),
  atMost('UBL-SR-09', `${SELLER}/cac:PartyLegalEntity/cbc:RegistrationName`),
  atMost('UBL-SR-10', `${SELLER}/cac:PartyName/cbc:Name`),
  atMost('UBL-SR-11', `${SELLER}/cac:PartyLegalEntity/cbc:CompanyID`),
  fatal('UBL-SR-12', SYNTAX.document, (root) => taxSchemeCompanyIds(root, SELLER_TAX_SCHEMES, true) <= 1),
  fatal('UBL-SR-13', SYNTAX.document, (root) => taxSchemeCompanyIds(root, SELLER_TAX_SCHEMES, false) <= 1),
  atMost('UBL-SR-14', `${SELLER}/cac:PartyLegalEntity/cbc:CompanyLegalForm`),
  atMost('UBL-SR-15', `${BUYER}/cac:PartyLegalEntity/cbc:RegistrationName`),
  atMost('UBL-SR-16', `${BUYER}/cac:PartyIdentification/cbc:ID`),
  atMost('UBL-SR-17', `${BUYER}/cac:PartyLegalEntity/cbc:CompanyID`),
  fatal('UBL-SR-18', SYNTAX.document, (root) => taxSchemeCompanyIds(root, BUYER_TAX_SCHEMES, true) <= 1),
  atMost('UBL-SR-24', 'cac:Delivery'),
  // count(//cac:PartyIdentification/cbc:ID[upper-case(@schemeID) = 'SEPA']) <= 1, anywhere in the document.
  fatal('UBL-SR-29', SYNTAX.document, (_root, doc) => {
    const ids = at(doc.all('cac:PartyIdentification'), 'cbc:ID');
    return ids.filter((id) => upperAttribute(id, 'schemeID') === 'SEPA').length <= 1;
  }),
  atMost('UBL-SR-39', 'cac:ProjectReference/cbc:ID'),
  atMost('UBL-SR-40', `${BUYER}/cac:PartyName/cbc:Name`),
  // All cbc:PaymentID of the document have one value (it may repeat over several payment means).
  fatal('UBL-SR-44', SYNTAX.document, (_root, doc) => distinctValues(doc.all('cbc:PaymentID')) <= 1),
  atMost('UBL-SR-45', 'cac:PaymentMeans/cbc:PaymentDueDate'),
  fatal('UBL-SR-46', SYNTAX.document, (root) => at(root, 'cac:PaymentMeans/cbc:PaymentMeansCode').filter(hasAttributeNamed('name')).length <= 1),
  fatal('UBL-SR-47', SYNTAX.document, (_root, doc) => distinctValues(doc.all('cbc:PaymentMeansCode')) <= 1),
  atMost('UBL-SR-49', 'cac:InvoicePeriod/cbc:DescriptionCode'),
  atMost('UBL-SR-54', 'cac:PaymentMeans/cac:CardAccount'),
  atMost('UBL-SR-55', 'cac:PaymentMeans/cac:PaymentMandate'),
  atMost('UBL-SR-56', 'cac:OriginatorDocumentReference/cbc:ID'),
];

/** What the document level UBL-SR rules mean. */
export const DOCUMENT_CARDINALITY_DEFINITIONS: readonly RuleDefinition[] = [
  rule('UBL-SR-01', ['BT-12'], 'Only one contract reference (BT-12) may be given; keep a single cac:ContractDocumentReference/cbc:ID.'),
  rule('UBL-SR-02', ['BT-15'], 'Only one receiving advice reference (BT-15) may be given; keep a single cac:ReceiptDocumentReference/cbc:ID.'),
  rule('UBL-SR-03', ['BT-16'], 'Only one despatch advice reference (BT-16) may be given; keep a single cac:DespatchDocumentReference/cbc:ID.'),
  rule(
    'UBL-SR-04',
    ['BT-18'],
    'Only one invoiced object identifier (BT-18) may be given: keep one cbc:ID among the additional document references with document type code 130.',
  ),
  rule('UBL-SR-05', ['BT-20'], 'The payment terms (BT-20) may be given only once; merge the cac:PaymentTerms/cbc:Note texts into one.'),
  rule('UBL-SR-08', ['BG-14'], 'Only one invoicing period (BG-14) may be given; keep a single cac:InvoicePeriod at document level.'),
  rule('UBL-SR-09', ['BT-27'], 'The Seller name (BT-27) may be given only once; keep a single cbc:RegistrationName in the Seller legal entity.'),
  rule('UBL-SR-10', ['BT-28'], 'The Seller trading name (BT-28) may be given only once; keep a single cac:PartyName/cbc:Name for the Seller.'),
  rule(
    'UBL-SR-11',
    ['BT-30'],
    'The Seller legal registration identifier (BT-30) may be given only once; keep a single cbc:CompanyID in the Seller legal entity.',
  ),
  rule('UBL-SR-12', ['BT-31'], 'The Seller VAT identifier (BT-31) may be given only once; keep a single CompanyID under the VAT tax scheme.'),
  rule(
    'UBL-SR-13',
    ['BT-32'],
    'The Seller tax registration identifier (BT-32) may be given only once; keep a single CompanyID under a tax scheme other than VAT.',
  ),
  rule(
    'UBL-SR-14',
    ['BT-33'],
    'The Seller additional legal information (BT-33) may be given only once; keep a single cbc:CompanyLegalForm.',
  ),
  rule('UBL-SR-15', ['BT-44'], 'The Buyer name (BT-44) may be given only once; keep a single cbc:RegistrationName in the Buyer legal entity.'),
  rule('UBL-SR-16', ['BT-46'], 'The Buyer identifier (BT-46) may be given only once; keep a single cac:PartyIdentification/cbc:ID for the Buyer.'),
  rule(
    'UBL-SR-17',
    ['BT-47'],
    'The Buyer legal registration identifier (BT-47) may be given only once; keep a single cbc:CompanyID in the Buyer legal entity.',
  ),
  rule('UBL-SR-18', ['BT-48'], 'The Buyer VAT identifier (BT-48) may be given only once; keep a single CompanyID under the VAT tax scheme.'),
  rule('UBL-SR-24', ['BG-13'], 'The delivery information (BG-13) may be given only once; keep a single cac:Delivery at document level.'),
  rule(
    'UBL-SR-29',
    ['BT-90'],
    'The bank assigned creditor identifier (BT-90, a party identifier with scheme SEPA) may be given only once in the document.',
  ),
  rule('UBL-SR-39', ['BT-11'], 'Only one project reference (BT-11) may be given; keep a single cac:ProjectReference/cbc:ID.'),
  rule('UBL-SR-40', ['BT-45'], 'The Buyer trading name (BT-45) may be given only once; keep a single cac:PartyName/cbc:Name for the Buyer.'),
  rule(
    'UBL-SR-44',
    ['BT-83'],
    'All payment identifiers must be the same: the remittance information (BT-83) may repeat over several payment means but have one value only.',
  ),
  rule('UBL-SR-45', ['BT-9'], 'The payment due date (BT-9) may be given only once; keep a single cac:PaymentMeans/cbc:PaymentDueDate.'),
  rule('UBL-SR-46', ['BT-82'], 'The payment means text (BT-82) may be given only once; keep the name attribute on one payment means code only.'),
  rule('UBL-SR-47', ['BT-81'], 'All payment means type codes (BT-81) in the document must have the same value; use one payment means type.'),
  rule('UBL-SR-49', ['BT-8'], 'The value added tax point date code (BT-8) may be given only once; keep a single cac:InvoicePeriod/cbc:DescriptionCode.'),
  rule('UBL-SR-54', ['BG-18'], 'Only one payment card (BG-18) may be given; keep a single cac:PaymentMeans/cac:CardAccount.'),
  rule('UBL-SR-55', ['BG-19'], 'Only one direct debit mandate (BG-19) may be given; keep a single cac:PaymentMeans/cac:PaymentMandate.'),
  rule('UBL-SR-56', ['BT-17'], 'Only one tender or lot reference (BT-17) may be given; keep a single cac:OriginatorDocumentReference/cbc:ID.'),
];
