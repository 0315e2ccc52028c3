import type { DocumentAllowanceCharge, LineAllowanceCharge } from '../../model/allowance-charge.js';
import type { Invoice } from '../../model/invoice.js';
import type { VatBreakdown } from '../../model/totals.js';
import { leaf, type XmlNode } from '../../xml/xml-write.js';
import { chargeIndicator, dateNode, element, reportWrite, vatTypeCode, type WriteContext } from './cii-write-values.js';

/**
 * BG-23 as `ram:ApplicableTradeTax`es. BT-7 and BT-8 are single in the model but live in each breakdown in
 * CII, so they are written on every one; without a breakdown they have no place and are reported.
 */
export function vatBreakdownNodes(invoice: Invoice, context: WriteContext): XmlNode[] {
  const breakdowns = invoice.vatBreakdown ?? [];
  if (breakdowns.length === 0) {
    if (invoice.vatPointDate !== undefined) reportWrite(context, 'not-representable', 'BT-7', 'CII writes the VAT point date in a VAT breakdown (BG-23), and the invoice has none; it was not written');
    if (invoice.vatPointDateCode !== undefined) reportWrite(context, 'not-representable', 'BT-8', 'CII writes the VAT point date code in a VAT breakdown (BG-23), and the invoice has none; it was not written');
  }
  return breakdowns.map((breakdown, index) => vatBreakdownNode(breakdown, { invoice, context, first: index === 0 }));
}

function vatBreakdownNode(breakdown: VatBreakdown, options: { invoice: Invoice; context: WriteContext; first: boolean }): XmlNode {
  // A date that cannot be written as format 102 is reported once, not once per breakdown.
  const dateContext = options.first ? options.context : { diagnostics: [] };
  return element('ram:ApplicableTradeTax', [
    leaf('ram:CalculatedAmount', breakdown.taxAmount),
    vatTypeCode(),
    leaf('ram:ExemptionReason', breakdown.exemptionReason),
    leaf('ram:BasisAmount', breakdown.taxableAmount),
    leaf('ram:CategoryCode', breakdown.categoryCode),
    leaf('ram:ExemptionReasonCode', breakdown.exemptionReasonCode),
    dateNode({ name: 'ram:TaxPointDate', date: options.invoice.vatPointDate, term: 'BT-7', context: dateContext, inner: 'udt:DateString' }),
    leaf('ram:DueDateTypeCode', options.invoice.vatPointDateCode),
    leaf('ram:RateApplicablePercent', breakdown.rate),
  ]);
}

/** BG-20 (allowance) or BG-21 (charge) as a header `ram:SpecifiedTradeAllowanceCharge`. */
export function documentAllowanceChargeNode(value: DocumentAllowanceCharge, charge: boolean): XmlNode {
  const hasCategory = value.vatCategoryCode !== undefined || value.vatRate !== undefined;
  return allowanceChargeNode(value, charge, [
    hasCategory
      ? element('ram:CategoryTradeTax', [vatTypeCode(), leaf('ram:CategoryCode', value.vatCategoryCode), leaf('ram:RateApplicablePercent', value.vatRate)])
      : undefined,
  ]);
}

/** BG-27 (allowance) or BG-28 (charge) as a line `ram:SpecifiedTradeAllowanceCharge`. */
export function lineAllowanceChargeNode(value: LineAllowanceCharge, charge: boolean): XmlNode {
  return allowanceChargeNode(value, charge, []);
}

function allowanceChargeNode(value: LineAllowanceCharge, charge: boolean, tail: (XmlNode | undefined)[]): XmlNode {
  return element('ram:SpecifiedTradeAllowanceCharge', [
    chargeIndicator(charge),
    leaf('ram:CalculationPercent', value.percentage),
    leaf('ram:BasisAmount', value.baseAmount),
    leaf('ram:ActualAmount', value.amount),
    leaf('ram:ReasonCode', value.reasonCode),
    leaf('ram:Reason', value.reason),
    ...tail,
  ]);
}

/**
 * BG-22 as `ram:SpecifiedTradeSettlementHeaderMonetarySummation`. Only the VAT totals carry a currencyID:
 * BT-110 in the invoice currency (BT-5), BT-111 in the VAT accounting currency (BT-6), which tells them apart.
 */
export function totalsNode(invoice: Invoice, context: WriteContext): XmlNode | undefined {
  const totals = invoice.totals;
  if (!totals) return undefined;
  return element('ram:SpecifiedTradeSettlementHeaderMonetarySummation', [
    leaf('ram:LineTotalAmount', totals.lineNetTotal),
    leaf('ram:ChargeTotalAmount', totals.chargeTotal),
    leaf('ram:AllowanceTotalAmount', totals.allowanceTotal),
    leaf('ram:TaxBasisTotalAmount', totals.taxExclusiveAmount),
    leaf('ram:TaxTotalAmount', totals.vatTotal, { currencyID: invoice.currencyCode }),
    accountingVatTotalNode(invoice, context),
    leaf('ram:RoundingAmount', totals.roundingAmount),
    leaf('ram:GrandTotalAmount', totals.taxInclusiveAmount),
    leaf('ram:TotalPrepaidAmount', totals.paidAmount),
    leaf('ram:DuePayableAmount', totals.amountDue),
  ]);
}

/** BT-111: only its currencyID (BT-6) marks it, so without a distinguishable BT-6 it cannot be written. */
function accountingVatTotalNode(invoice: Invoice, context: WriteContext): XmlNode | undefined {
  const total = invoice.totals?.vatTotalInAccountingCurrency;
  if (total === undefined) return undefined;
  const accounting = invoice.vatAccountingCurrencyCode;
  if (accounting === undefined) {
    reportWrite(context, 'not-representable', 'BT-111', 'CII tells the VAT total in accounting currency by its currencyID, the VAT accounting currency (BT-6), which the invoice lacks; it was not written');
    return undefined;
  }
  if (invoice.totals?.vatTotal === undefined && accounting.trim() === invoice.currencyCode?.trim()) {
    reportWrite(context, 'not-representable', 'BT-111', 'Without BT-110, a VAT total in the invoice currency would be read back as BT-110; BT-111 was not written');
    return undefined;
  }
  return leaf('ram:TaxTotalAmount', total, { currencyID: accounting });
}
