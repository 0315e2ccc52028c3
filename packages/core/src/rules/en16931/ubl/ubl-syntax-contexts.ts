import type { RuleContext } from '../../binding.js';
import { flagIs, kid } from '../../xpath.js';
import type { XmlElement } from '../../../xml/xml-element.js';

const INVOICE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const CREDIT_NOTE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';

/** Names of the contexts of the official pattern UBL-syntax, for the assertions to attach to. */
export const SYNTAX = {
  address: 'syntax_address',
  sellerParty: 'syntax_seller_party',
  additionalDocument: 'syntax_additional_document',
  amount: 'syntax_amount',
  binaryObject: 'syntax_binary_object',
  delivery: 'syntax_delivery',
  allowance: 'syntax_allowance',
  charge: 'syntax_charge',
  partyTaxScheme: 'syntax_party_tax_scheme',
  document: 'syntax_document',
  line: 'syntax_line',
  payee: 'syntax_payee',
  paymentMeans: 'syntax_payment_means',
  billingReference: 'syntax_billing_reference',
  taxRepresentative: 'syntax_tax_representative',
  taxSubtotal: 'syntax_tax_subtotal',
} as const;

/**
 * `ends-with(name(), suffix)`. The official test reads `name()`, the qualified name as the document wrote it
 * (with the document's own prefix), while our tree keeps a canonical name. That makes no difference here:
 * the suffixes tested ('Amount', 'PriceAmount', 'BinaryObject') contain no colon, so a qualified name
 * `p:local` ends with one of them exactly when its local part does (a shorter local part would put the colon
 * inside the compared tail). So we test the local name, which is the same whatever prefix the document
 * chose — and also right for elements of unknown namespaces, whose canonical name is `{uri}local`.
 */
function localEndsWith(local: string, suffix: string): boolean {
  return local.endsWith(suffix);
}

/** `ancestor::cac:Price/cac:AllowanceCharge`: some ancestor is a cac:Price that has a cac:AllowanceCharge child. */
function underDiscountedPrice(element: XmlElement): boolean {
  for (let node = element.parent; node; node = node.parent) {
    if (node.name === 'cac:Price' && kid(node, 'cac:AllowanceCharge')) return true;
  }
  return false;
}

/** `/ubl:Invoice | /cn:CreditNote`: the document element, in the UBL invoice or credit note namespace. */
function isUblRoot(element: XmlElement): boolean {
  if (element.parent) return false;
  return element.ns === (element.local === 'Invoice' ? INVOICE_NS : CREDIT_NOTE_NS);
}

/**
 * The 16 contexts of the official pattern UBL-syntax, in the official order: an element is checked by the
 * first of them that matches it.
 */
export const UBL_SYNTAX_CONTEXTS: readonly RuleContext[] = [
  // //cac:PostalAddress | //cac:Address
  { name: SYNTAX.address, pattern: 'syntax', elements: ['cac:PostalAddress', 'cac:Address'] },
  // cac:AccountingSupplierParty/cac:Party
  { name: SYNTAX.sellerParty, pattern: 'syntax', elements: ['cac:Party'], matches: (e) => e.parent?.name === 'cac:AccountingSupplierParty' },
  { name: SYNTAX.additionalDocument, pattern: 'syntax', elements: ['cac:AdditionalDocumentReference'] },
  // //*[ends-with(name(), 'Amount') and not(ends-with(name(),'PriceAmount')) and not(ancestor::cac:Price/cac:AllowanceCharge)]
  {
    name: SYNTAX.amount,
    pattern: 'syntax',
    elements: ['*'],
    nameMatches: (_name, local) => localEndsWith(local, 'Amount') && !localEndsWith(local, 'PriceAmount'),
    matches: (e) => !underDiscountedPrice(e),
  },
  // //*[ends-with(name(), 'BinaryObject')]
  { name: SYNTAX.binaryObject, pattern: 'syntax', elements: ['*'], nameMatches: (_name, local) => localEndsWith(local, 'BinaryObject') },
  { name: SYNTAX.delivery, pattern: 'syntax', elements: ['cac:Delivery'] },
  // cac:AllowanceCharge[cbc:ChargeIndicator = false()]: a value that is no boolean matches neither context.
  { name: SYNTAX.allowance, pattern: 'syntax', elements: ['cac:AllowanceCharge'], matches: (e) => flagIs(e, 'cbc:ChargeIndicator', false) },
  { name: SYNTAX.charge, pattern: 'syntax', elements: ['cac:AllowanceCharge'], matches: (e) => flagIs(e, 'cbc:ChargeIndicator', true) },
  { name: SYNTAX.partyTaxScheme, pattern: 'syntax', elements: ['cac:PartyTaxScheme'] },
  { name: SYNTAX.document, pattern: 'syntax', elements: ['Invoice', 'CreditNote'], matches: isUblRoot },
  { name: SYNTAX.line, pattern: 'syntax', elements: ['cac:InvoiceLine', 'cac:CreditNoteLine'] },
  { name: SYNTAX.payee, pattern: 'syntax', elements: ['cac:PayeeParty'] },
  { name: SYNTAX.paymentMeans, pattern: 'syntax', elements: ['cac:PaymentMeans'] },
  { name: SYNTAX.billingReference, pattern: 'syntax', elements: ['cac:BillingReference'] },
  { name: SYNTAX.taxRepresentative, pattern: 'syntax', elements: ['cac:TaxRepresentativeParty'] },
  { name: SYNTAX.taxSubtotal, pattern: 'syntax', elements: ['cac:TaxSubtotal'] },
];
