import type { RuleContext } from '../../binding.js';
import { valueIs } from '../../xpath.js';
import { CII_ROOT, fromHeaderSettlement, hasAncestors, isCiiRoot, values } from './cii-model-query.js';

/**
 * The contexts of the official pattern EN16931-CII-Model, in the official order. The VAT category
 * contexts (declared with the VAT rules) sit between the head and the tail, so an element they match — a
 * VAT breakdown of category L, M or O, for instance — is not seen by the tail context.
 */

const HEADER_SETTLEMENT = 'ram:ApplicableHeaderTradeSettlement';
const LINE_SETTLEMENT = 'ram:SpecifiedLineTradeSettlement';
const ALLOWANCE_CHARGE = 'ram:SpecifiedTradeAllowanceCharge';

/** `ram:ChargeIndicator[udt:Indicator = 'false' | 'true']` below `//<settlement>/ram:SpecifiedTradeAllowanceCharge`. */
function chargeIndicator(settlement: string, indicator: 'true' | 'false'): RuleContext['matches'] {
  return (element) => hasAncestors(element, [ALLOWANCE_CHARGE, settlement]) && valueIs(element, 'udt:Indicator', indicator);
}

/**
 * The contexts before the VAT category contexts, from `//ram:DesignatedProductClassification` to
 * `//ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']`.
 */
export const CII_MODEL_CONTEXTS_HEAD: readonly RuleContext[] = [
  { name: 'Item_classification', pattern: 'model', elements: ['ram:DesignatedProductClassification'] },
  { name: 'Additional_supporting_document', pattern: 'model', elements: ['ram:AdditionalReferencedDocument'] },
  { name: 'Payment_card', pattern: 'model', elements: ['ram:ApplicableTradeSettlementFinancialCard'] },
  {
    // [ram:TypeCode='30' or ram:TypeCode='58']: credit transfer.
    name: 'Credit_transfer_account',
    pattern: 'model',
    elements: ['ram:PayeePartyCreditorFinancialAccount'],
    matches: (element) => {
      const means = element.parent;
      return (
        means?.name === 'ram:SpecifiedTradeSettlementPaymentMeans' && (valueIs(means, 'ram:TypeCode', '30') || valueIs(means, 'ram:TypeCode', '58'))
      );
    },
  },
  {
    name: 'Delivery',
    pattern: 'model',
    elements: ['ram:ApplicableHeaderTradeDelivery'],
    matches: (element) => hasAncestors(element, ['rsm:SupplyChainTradeTransaction', CII_ROOT], true),
  },
  {
    name: 'Document_level_allowances',
    pattern: 'model',
    elements: ['ram:ChargeIndicator'],
    matches: chargeIndicator(HEADER_SETTLEMENT, 'false'),
  },
  { name: 'Document_level_charges', pattern: 'model', elements: ['ram:ChargeIndicator'], matches: chargeIndicator(HEADER_SETTLEMENT, 'true') },
  { name: 'Document_totals', pattern: 'model', elements: ['ram:SpecifiedTradeSettlementHeaderMonetarySummation'] },
  { name: 'Invoice', pattern: 'model', elements: [CII_ROOT], matches: (element) => isCiiRoot(element) },
  { name: 'Invoice_line', pattern: 'model', elements: ['ram:IncludedSupplyChainTradeLineItem'] },
  { name: 'Invoice_line_allowances', pattern: 'model', elements: ['ram:ChargeIndicator'], matches: chargeIndicator(LINE_SETTLEMENT, 'false') },
  { name: 'Invoice_line_charges', pattern: 'model', elements: ['ram:ChargeIndicator'], matches: chargeIndicator(LINE_SETTLEMENT, 'true') },
  {
    name: 'Invoice_line_period',
    pattern: 'model',
    elements: ['ram:BillingSpecifiedPeriod'],
    matches: (element) => hasAncestors(element, [LINE_SETTLEMENT]),
  },
  {
    name: 'Invoicing_period',
    pattern: 'model',
    elements: ['ram:BillingSpecifiedPeriod'],
    matches: (element) => hasAncestors(element, [HEADER_SETTLEMENT]),
  },
  { name: 'Item_attributes', pattern: 'model', elements: ['ram:ApplicableProductCharacteristic'] },
  { name: 'Payee', pattern: 'model', elements: ['ram:PayeeTradeParty'] },
  { name: 'Payment_instructions', pattern: 'model', elements: ['ram:SpecifiedTradeSettlementPaymentMeans'] },
  {
    name: 'Preceding_invoice_reference',
    pattern: 'model',
    elements: ['ram:InvoiceReferencedDocument'],
    matches: (element) => hasAncestors(element, [HEADER_SETTLEMENT, 'rsm:SupplyChainTradeTransaction', CII_ROOT], true),
  },
  { name: 'Seller', pattern: 'model', elements: ['ram:SellerTradeParty'] },
  { name: 'Seller_tax_representative', pattern: 'model', elements: ['ram:SellerTaxRepresentativeTradeParty'] },
  {
    // [@currencyID = /rsm:CrossIndustryInvoice/.../ram:InvoiceCurrencyCode]: the total VAT in the invoice currency.
    name: 'Invoice_total_VAT_amount',
    pattern: 'model',
    elements: ['ram:TaxTotalAmount'],
    matches: (element, doc) => {
      if (element.parent?.name !== 'ram:SpecifiedTradeSettlementHeaderMonetarySummation') return false;
      const currency = element.attributes['currencyID'];
      return currency !== undefined && values(fromHeaderSettlement(doc, 'ram:InvoiceCurrencyCode')).includes(currency);
    },
  },
  {
    name: 'VAT_identifier',
    pattern: 'model',
    elements: ['ram:ID'],
    matches: (element) => element.parent?.name === 'ram:SpecifiedTaxRegistration' && element.attributes['schemeID'] === 'VA',
  },
];

/** The last context of the pattern: `//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax`, the VAT breakdown. */
export const CII_MODEL_CONTEXTS_TAIL: readonly RuleContext[] = [
  { name: 'VAT_breakdown', pattern: 'model', elements: ['ram:ApplicableTradeTax'], matches: (element) => hasAncestors(element, [HEADER_SETTLEMENT]) },
];
