import { fatal, type Assertion } from '../../binding.js';
import { hasAttributeNamed } from '../../assertion-tests.js';
import { rule, type RuleDefinition } from '../../rule-definition.js';
import { at, has, kids } from '../../xpath.js';
import type { XmlElement } from '../../../xml/xml-element.js';
import { SYNTAX } from './ubl-syntax-contexts.js';
import { CountTable } from './ubl-syntax-counts.js';
import { someDiffer, someValueIs, stepsOf, upperAttribute } from './ubl-syntax-query.js';

/** Per context, its `count(path) <= max` rules, counted in one walk of the element. */
const COUNTS = new Map<string, CountTable>();

/** `count(path) <= max` in `context`. */
function atMost(id: string, context: string, path: string, max = 1): Assertion {
  let table = COUNTS.get(context);
  if (!table) COUNTS.set(context, (table = new CountTable()));
  const counts = table;
  const row = counts.add(stepsOf(path), max);
  return { ...fatal(id, context, (element) => counts.failing(element)?.[row] !== 1), batch: { group: counts.group, row } };
}

/**
 * `(cac:PartyName/cbc:Name) != (../cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName)`
 * on a cac:PayeeParty: a payee name differs from a Seller name. As a general comparison it is false when
 * either name is missing, so these rules also fail for a payee without a name.
 */
function payeeDiffersFromSeller(payee: XmlElement): boolean {
  return someDiffer(at(payee, 'cac:PartyName/cbc:Name'), at(payee, '../cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName'));
}

/**
 * UBL-SR-43 on a cac:AdditionalDocumentReference: the scheme identifier of its ID (and a document type code
 * at all) only for an invoiced object, type 130 — or 50 in a credit note (`local-name(/*)` is the root's local name).
 */
function schemeOnlyForInvoicedObject(reference: XmlElement, root: XmlElement): boolean {
  const types = kids(reference, 'cbc:DocumentTypeCode');
  if (someValueIs(types, '130')) return true;
  if (root.local === 'CreditNote' && someValueIs(types, '50')) return true;
  return !kids(reference, 'cbc:ID').some(hasAttributeNamed('schemeID')) && types.length === 0;
}

/** The UBL-SR rules of the contexts other than the document element, in official order. */
export const CARDINALITY_ASSERTIONS: readonly Assertion[] = [
  // An address has either no third line or exactly one (`not(cac:AddressLine) or count(cac:AddressLine) = 1`).
  atMost('UBL-SR-51', SYNTAX.address, 'cac:AddressLine'),
  atMost('UBL-SR-42', SYNTAX.sellerParty, 'cac:PartyTaxScheme', 2),
  atMost('UBL-SR-33', SYNTAX.additionalDocument, 'cbc:DocumentDescription'),
  fatal('UBL-SR-43', SYNTAX.additionalDocument, (reference, doc) => schemeOnlyForInvoicedObject(reference, doc.root)),
  atMost('UBL-SR-25', SYNTAX.delivery, 'cac:DeliveryParty/cac:PartyName/cbc:Name'),
  atMost('UBL-SR-30', SYNTAX.allowance, 'cbc:AllowanceChargeReason'),
  atMost('UBL-SR-31', SYNTAX.charge, 'cbc:AllowanceChargeReason'),
  fatal('UBL-SR-53', SYNTAX.partyTaxScheme, (scheme) => has(scheme, 'cac:TaxScheme/cbc:ID') && has(scheme, 'cbc:CompanyID')),
  atMost('UBL-SR-34', SYNTAX.line, 'cbc:Note'),
  atMost('UBL-SR-35', SYNTAX.line, 'cac:OrderLineReference/cbc:LineID'),
  atMost('UBL-SR-36', SYNTAX.line, 'cac:InvoicePeriod'),
  atMost('UBL-SR-37', SYNTAX.line, 'cac:Price/cac:AllowanceCharge/cbc:Amount'),
  fatal('UBL-SR-48', SYNTAX.line, (line) => at(line, 'cac:Item/cac:ClassifiedTaxCategory').length === 1),
  atMost('UBL-SR-50', SYNTAX.line, 'cac:Item/cbc:Description'),
  atMost('UBL-SR-52', SYNTAX.line, 'cac:DocumentReference'),
  fatal('UBL-SR-19', SYNTAX.payee, (payee) => at(payee, 'cac:PartyName/cbc:Name').length <= 1 && payeeDiffersFromSeller(payee)),
  fatal('UBL-SR-20', SYNTAX.payee, (payee) => {
    // upper-case() of a missing schemeID is '', which is not 'SEPA': identifiers without a scheme count.
    const identifiers = at(payee, 'cac:PartyIdentification/cbc:ID').filter((id) => upperAttribute(id, 'schemeID') !== 'SEPA');
    return identifiers.length <= 1 && payeeDiffersFromSeller(payee);
  }),
  fatal('UBL-SR-21', SYNTAX.payee, (payee) => at(payee, 'cac:PartyLegalEntity/cbc:CompanyID').length <= 1 && payeeDiffersFromSeller(payee)),
  atMost('UBL-SR-26', SYNTAX.paymentMeans, 'cbc:PaymentID'),
  atMost('UBL-SR-27', SYNTAX.paymentMeans, 'cbc:PaymentMeansCode'),
  atMost('UBL-SR-28', SYNTAX.paymentMeans, 'cac:PaymentMandate/cbc:ID'),
  atMost('UBL-SR-06', SYNTAX.billingReference, 'cac:InvoiceDocumentReference'),
  fatal('UBL-SR-07', SYNTAX.billingReference, (reference) => has(reference, 'cac:InvoiceDocumentReference/cbc:ID')),
  atMost('UBL-SR-22', SYNTAX.taxRepresentative, 'cac:PartyName/cbc:Name'),
  atMost('UBL-SR-23', SYNTAX.taxRepresentative, 'cac:PartyTaxScheme/cbc:CompanyID'),
  atMost('UBL-SR-32', SYNTAX.taxSubtotal, 'cac:TaxCategory/cbc:TaxExemptionReason'),
];

const PAYEE_NOT_SELLER = 'and the payee must not be the Seller: its name (BT-59) must be given and differ from the Seller name (BT-27)';

/** What the UBL-SR rules outside the document element mean. */
export const CARDINALITY_DEFINITIONS: readonly RuleDefinition[] = [
  rule(
    'UBL-SR-51',
    ['BT-162', 'BT-163', 'BT-164', 'BT-165'],
    'An address has at most one third address line (BT-162, BT-163, BT-164, BT-165); keep a single cac:AddressLine.',
  ),
  rule(
    'UBL-SR-42',
    ['BT-31', 'BT-32'],
    'The Seller may have at most two tax schemes (cac:PartyTaxScheme): one for the VAT identifier (BT-31) and one for the tax registration identifier (BT-32).',
  ),
  rule('UBL-SR-33', ['BT-123'], 'A supporting document has at most one description (BT-123); keep a single cbc:DocumentDescription.'),
  rule(
    'UBL-SR-43',
    ['BT-18', 'BT-18-1'],
    'Only an invoiced object identifier (BT-18, document type code 130, or 50 in a credit note) may carry a scheme identifier (BT-18-1); remove the schemeID attribute from other document references.',
  ),
  rule('UBL-SR-25', ['BT-70'], 'The Deliver to party name (BT-70) may be given only once; keep a single cac:PartyName/cbc:Name for the delivery party.'),
  rule(
    'UBL-SR-30',
    ['BT-97', 'BT-139'],
    'An allowance has at most one reason text (BT-97, BT-139); keep a single cbc:AllowanceChargeReason.',
  ),
  rule('UBL-SR-31', ['BT-104', 'BT-144'], 'A charge has at most one reason text (BT-104, BT-144); keep a single cbc:AllowanceChargeReason.'),
  rule(
    'UBL-SR-53',
    ['BT-31', 'BT-32', 'BT-48', 'BT-63'],
    'A party tax scheme must give both the tax scheme (cac:TaxScheme/cbc:ID) and the identifier registered under it (cbc:CompanyID, e.g. the VAT identifier BT-31, BT-48 or BT-63); add the missing one.',
  ),
  rule('UBL-SR-34', ['BT-127'], 'An invoice line has at most one note (BT-127); merge the line notes into one cbc:Note.'),
  rule(
    'UBL-SR-35',
    ['BT-132'],
    'An invoice line refers to at most one purchase order line (BT-132); keep a single cac:OrderLineReference/cbc:LineID.',
  ),
  rule('UBL-SR-36', ['BG-26'], 'An invoice line has at most one invoice line period (BG-26); keep a single cac:InvoicePeriod in the line.'),
  rule('UBL-SR-37', ['BT-147'], 'An item price has at most one price discount (BT-147); keep a single cac:Price/cac:AllowanceCharge/cbc:Amount.'),
  rule(
    'UBL-SR-48',
    ['BG-30', 'BT-151'],
    'Each invoice line must have exactly one line VAT information (BG-30): one cac:Item/cac:ClassifiedTaxCategory with the VAT category (BT-151).',
  ),
  rule('UBL-SR-50', ['BT-154'], 'An item has at most one description (BT-154); merge the texts into one cac:Item/cbc:Description.'),
  rule('UBL-SR-52', ['BT-128'], 'An invoice line has at most one invoice line object identifier (BT-128); keep a single cac:DocumentReference in the line.'),
  rule('UBL-SR-19', ['BT-59', 'BT-27'], `The Payee name (BT-59) may be given only once, ${PAYEE_NOT_SELLER}; when the Seller is paid, leave the payee out.`),
  rule(
    'UBL-SR-20',
    ['BT-60', 'BT-59', 'BT-27'],
    `The Payee identifier (BT-60; a SEPA creditor identifier aside) may be given only once, ${PAYEE_NOT_SELLER}; when the Seller is paid, leave the payee out.`,
  ),
  rule(
    'UBL-SR-21',
    ['BT-61', 'BT-59', 'BT-27'],
    `The Payee legal registration identifier (BT-61) may be given only once, ${PAYEE_NOT_SELLER}; when the Seller is paid, leave the payee out.`,
  ),
  rule('UBL-SR-26', ['BT-83'], 'A payment instruction has at most one remittance information (BT-83); keep a single cbc:PaymentID per cac:PaymentMeans.'),
  rule('UBL-SR-27', ['BT-81'], 'A payment instruction has at most one payment means type code (BT-81); keep a single cbc:PaymentMeansCode per cac:PaymentMeans.'),
  rule('UBL-SR-28', ['BT-89'], 'A direct debit has at most one mandate reference identifier (BT-89); keep a single cac:PaymentMandate/cbc:ID.'),
  rule(
    'UBL-SR-06',
    ['BG-3'],
    'A billing reference refers to at most one preceding invoice (BG-3); use one cac:BillingReference per preceding invoice.',
  ),
  rule(
    'UBL-SR-07',
    ['BT-25'],
    'A billing reference must give the preceding invoice number (BT-25) in cac:InvoiceDocumentReference/cbc:ID; add it or remove the reference.',
  ),
  rule('UBL-SR-22', ['BT-62'], 'The Seller tax representative name (BT-62) may be given only once; keep a single cac:PartyName/cbc:Name.'),
  rule(
    'UBL-SR-23',
    ['BT-63'],
    'The Seller tax representative VAT identifier (BT-63) may be given only once; keep a single cac:PartyTaxScheme/cbc:CompanyID.',
  ),
  rule('UBL-SR-32', ['BT-120'], 'A VAT breakdown has at most one VAT exemption reason text (BT-120); keep a single cbc:TaxExemptionReason.'),
];
