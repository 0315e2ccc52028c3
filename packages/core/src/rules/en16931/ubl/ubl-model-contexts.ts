import type { RuleContext } from '../../binding.js';
import { kids, stringValue } from '../../xpath.js';
import { chargeIndicatorIs, isRootChild, isUblRoot, isVatScheme, underLineNames, underNames } from './ubl-query.js';

/** `cac:InvoiceLine/e | cac:CreditNoteLine/e`. */
const inLine = underLineNames();

/**
 * The rule contexts of the pattern "UBL-model" up to the VAT identifiers, in the official order (the
 * VAT-category contexts that follow are declared in `ubl-vat.ts`). Within the pattern an element is checked by
 * the first context that matches it, so the order and the conditions are those of the official artefact.
 */
export const UBL_MODEL_CORE_CONTEXTS: readonly RuleContext[] = [
  { name: 'Additional_supporting_documents', pattern: 'model', elements: ['cac:AdditionalDocumentReference'] },
  {
    name: 'Buyer_electronic_address',
    pattern: 'model',
    elements: ['cbc:EndpointID'],
    matches: underNames('cac:AccountingCustomerParty', 'cac:Party'),
  },
  {
    name: 'Buyer_postal_address',
    pattern: 'model',
    elements: ['cac:PostalAddress'],
    matches: underNames('cac:AccountingCustomerParty', 'cac:Party'),
  },
  {
    name: 'Card_information',
    pattern: 'model',
    elements: ['cbc:PrimaryAccountNumberID'],
    matches: underNames('cac:PaymentMeans', 'cac:CardAccount'),
  },
  {
    name: 'Deliver_to_address',
    pattern: 'model',
    elements: ['cac:Address'],
    matches: underNames('cac:Delivery', 'cac:DeliveryLocation'),
  },
  {
    name: 'Document_level_allowances',
    pattern: 'model',
    elements: ['cac:AllowanceCharge'],
    matches: (e) => isRootChild(e) && chargeIndicatorIs(e, false),
  },
  {
    name: 'Document_level_charges',
    pattern: 'model',
    elements: ['cac:AllowanceCharge'],
    matches: (e) => isRootChild(e) && chargeIndicatorIs(e, true),
  },
  { name: 'Document_totals', pattern: 'model', elements: ['cac:LegalMonetaryTotal'] },
  { name: 'Invoice', pattern: 'model', elements: ['Invoice', 'CreditNote'], matches: (e) => isUblRoot(e) },
  { name: 'Invoice_Line', pattern: 'model', elements: ['cac:InvoiceLine', 'cac:CreditNoteLine'] },
  {
    name: 'Invoice_line_allowances',
    pattern: 'model',
    elements: ['cac:AllowanceCharge'],
    matches: (e) => inLine(e) && chargeIndicatorIs(e, false),
  },
  {
    name: 'Invoice_line_charges',
    pattern: 'model',
    elements: ['cac:AllowanceCharge'],
    matches: (e) => inLine(e) && chargeIndicatorIs(e, true),
  },
  { name: 'Invoice_Line_Period', pattern: 'model', elements: ['cac:InvoicePeriod'], matches: inLine },
  { name: 'Invoice_Period', pattern: 'model', elements: ['cac:InvoicePeriod'] },
  { name: 'Item_attributes', pattern: 'model', elements: ['cac:AdditionalItemProperty'] },
  {
    name: 'Item_classification_identifier',
    pattern: 'model',
    elements: ['cbc:ItemClassificationCode'],
    matches: underLineNames('cac:Item', 'cac:CommodityClassification'),
  },
  {
    name: 'Item_standard_identifier',
    pattern: 'model',
    elements: ['cbc:ID'],
    matches: underLineNames('cac:Item', 'cac:StandardItemIdentification'),
  },
  { name: 'Note', pattern: 'model', elements: ['cbc:Note'], matches: (e) => isRootChild(e) },
  { name: 'Payee', pattern: 'model', elements: ['cac:PayeeParty'] },
  {
    name: 'Payee_Financial_Account',
    pattern: 'model',
    elements: ['cac:PayeeFinancialAccount'],
    // cac:PaymentMeans[cbc:PaymentMeansCode = '30' or cbc:PaymentMeansCode = '58']: exact string values.
    matches: (e) =>
      e.parent?.name === 'cac:PaymentMeans' &&
      kids(e.parent, 'cbc:PaymentMeansCode').some((code) => {
        const value = stringValue(code);
        return value === '30' || value === '58';
      }),
  },
  { name: 'Payment_instructions', pattern: 'model', elements: ['cac:PaymentMeans'] },
  { name: 'Preceding_Invoice', pattern: 'model', elements: ['cac:BillingReference'] },
  { name: 'Seller', pattern: 'model', elements: ['cac:AccountingSupplierParty'] },
  {
    name: 'Seller_electronic_address',
    pattern: 'model',
    elements: ['cbc:EndpointID'],
    matches: underNames('cac:AccountingSupplierParty', 'cac:Party'),
  },
  {
    name: 'Seller_postal_address',
    pattern: 'model',
    elements: ['cac:PostalAddress'],
    matches: underNames('cac:AccountingSupplierParty', 'cac:Party'),
  },
  { name: 'Tax_Representative', pattern: 'model', elements: ['cac:TaxRepresentativeParty'] },
  {
    name: 'Tax_Representative_postal_address',
    pattern: 'model',
    elements: ['cac:PostalAddress'],
    matches: underNames('cac:TaxRepresentativeParty'),
  },
  { name: 'Tax_Total', pattern: 'model', elements: ['cac:TaxTotal'], matches: (e) => isRootChild(e) },
  { name: 'VAT_breakdown', pattern: 'model', elements: ['cac:TaxSubtotal'], matches: underNames('cac:TaxTotal') },
  { name: 'VAT_identifiers', pattern: 'model', elements: ['cac:PartyTaxScheme'], matches: (e) => isVatScheme(e) },
];
