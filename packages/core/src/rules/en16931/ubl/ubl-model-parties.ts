import type { XmlElement } from '../../../xml/xml-element.js';
import { fatal, warning, type Assertion } from '../../binding.js';
import { filledPath, hasAttributeNamed, hasPath } from '../../assertion-tests.js';
import { at, has, normalizeSpace, stringLength, stringValue, text } from '../../xpath.js';
import { vatKids } from './ubl-query.js';
import { hasVatPrefix } from './ubl-model-vat-prefixes.js';

/**
 * The UBL binding of the core rules on the parties (seller, buyer, payee, tax representative), their
 * addresses and identifiers, the payment instructions and the document references.
 */

/** `a = b` on two node-sets of untyped values: some pair has equal string values. */
function anyEqual(a: readonly XmlElement[], b: readonly XmlElement[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const values = new Set(b.map(stringValue));
  return a.some((node) => values.has(stringValue(node)));
}

/**
 * BR-17: the payee has a name, and neither its name nor its identifier equals the seller's (the official
 * test reads "different from the seller" as: no equal name and no equal identifier).
 */
function payeeDiffersFromSeller(payee: XmlElement): boolean {
  if (!has(payee, 'cac:PartyName/cbc:Name')) return false;
  const seller = at(payee.parent, 'cac:AccountingSupplierParty/cac:Party');
  return (
    !anyEqual(at(payee, 'cac:PartyName/cbc:Name'), at(seller, 'cac:PartyName/cbc:Name')) &&
    !anyEqual(at(payee, 'cac:PartyIdentification/cbc:ID'), at(seller, 'cac:PartyIdentification/cbc:ID'))
  );
}

/** BR-61: a credit transfer means type (30 or 58) needs a payment account identifier. */
function creditTransferHasAccount(means: XmlElement): boolean {
  const code = normalizeSpace(text(means, 'cbc:PaymentMeansCode'));
  const creditTransfer = code === '30' || code === '58';
  return !creditTransfer || has(means, 'cac:PayeeFinancialAccount/cbc:ID');
}

/** BR-CO-26: a seller VAT identifier, a seller identifier that is not a SEPA creditor id, or a legal registration id. */
function sellerIdentifiable(supplier: XmlElement): boolean {
  const party = at(supplier, 'cac:Party');
  return (
    party.some((p) => vatKids(p, 'cac:PartyTaxScheme').some((scheme) => has(scheme, 'cbc:CompanyID'))) ||
    at(party, 'cac:PartyIdentification/cbc:ID').some((id) => id.attributes['schemeID'] !== 'SEPA') ||
    has(party, 'cac:PartyLegalEntity/cbc:CompanyID')
  );
}

/** Assertions on the seller, buyer, payee and tax representative. */
const PARTY_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-63', 'Buyer_electronic_address', hasAttributeNamed('schemeID')),
  fatal('BR-11', 'Buyer_postal_address', filledPath('cac:Country/cbc:IdentificationCode')),
  fatal('BR-17', 'Payee', payeeDiffersFromSeller),
  fatal('BR-CO-26', 'Seller', sellerIdentifiable),
  fatal('BR-62', 'Seller_electronic_address', hasAttributeNamed('schemeID')),
  fatal('BR-09', 'Seller_postal_address', filledPath('cac:Country/cbc:IdentificationCode')),
  fatal('BR-18', 'Tax_Representative', filledPath('cac:PartyName/cbc:Name')),
  fatal('BR-19', 'Tax_Representative', hasPath('cac:PostalAddress')),
  fatal('BR-56', 'Tax_Representative', (e) => vatKids(e, 'cac:PartyTaxScheme').some((scheme) => has(scheme, 'cbc:CompanyID'))),
  fatal('BR-20', 'Tax_Representative_postal_address', filledPath('cac:Country/cbc:IdentificationCode')),
  // Any party tax scheme of VAT (seller, buyer, tax representative, elsewhere): the first CompanyID is checked.
  fatal('BR-CO-09', 'VAT_identifiers', (e) => hasVatPrefix(text(e, 'cbc:CompanyID'))),
];

/** Assertions on payment instructions, delivery and document references. */
const OTHER_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-52', 'Additional_supporting_documents', filledPath('cbc:ID')),
  // BR-51: at most 10 characters of the card number (first 6 and last 4 digits) may be shown.
  warning('BR-51', 'Card_information', (e) => stringLength(normalizeSpace(stringValue(e))) <= 10),
  fatal('BR-57', 'Deliver_to_address', hasPath('cac:Country/cbc:IdentificationCode')),
  fatal('BR-50', 'Payee_Financial_Account', filledPath('cbc:ID')),
  fatal('BR-49', 'Payment_instructions', hasPath('cbc:PaymentMeansCode')),
  fatal('BR-61', 'Payment_instructions', creditTransferHasAccount),
  fatal('BR-55', 'Preceding_Invoice', hasPath('cac:InvoiceDocumentReference/cbc:ID')),
];

/** Assertions on parties, payment and references. */
export const UBL_MODEL_PARTY_ASSERTIONS: readonly Assertion[] = [...PARTY_ASSERTIONS, ...OTHER_ASSERTIONS];
