import type { DocumentAllowanceCharge, LineAllowanceCharge } from '../../model/allowance-charge.js';
import type { DocumentTotals, VatBreakdown } from '../../model/totals.js';
import type { ElementReader } from '../element-reader.js';
import { compact, isTrue } from './ubl-read-values.js';

/** A `cac:TaxCategory` / `cac:ClassifiedTaxCategory`: VAT category code, rate and exemption. */
export function parseUblTaxCategory(reader: ElementReader): { code?: string; rate?: string; exemptionCode?: string; exemption?: string } {
  const result = {
    code: reader.text('cbc:ID'),
    rate: reader.text('cbc:Percent'),
    exemptionCode: reader.text('cbc:TaxExemptionReasonCode'),
    exemption: reader.text('cbc:TaxExemptionReason'),
  };
  reader.skip('cac:TaxScheme');
  reader.finish();
  return compact(result) ?? {};
}

/** A document level `cac:AllowanceCharge`: BG-20 or BG-21, told apart by `cbc:ChargeIndicator`. */
export function parseUblDocumentAllowanceCharge(reader: ElementReader): { charge: boolean; value: DocumentAllowanceCharge } {
  const charge = isTrue(reader.one('cbc:ChargeIndicator'));
  const category = reader.child('cac:TaxCategory');
  const tax = category ? parseUblTaxCategory(category) : {};
  const value = compact<DocumentAllowanceCharge>({
    reasonCode: reader.text('cbc:AllowanceChargeReasonCode'),
    reason: reader.text('cbc:AllowanceChargeReason'),
    percentage: reader.text('cbc:MultiplierFactorNumeric'),
    amount: reader.text('cbc:Amount'),
    baseAmount: reader.text('cbc:BaseAmount'),
    vatCategoryCode: tax.code,
    vatRate: tax.rate,
  });
  reader.finish();
  return { charge, value: value ?? {} };
}

/** A line level `cac:AllowanceCharge`: BG-27 or BG-28. */
export function parseUblLineAllowanceCharge(reader: ElementReader): { charge: boolean; value: LineAllowanceCharge } {
  const charge = isTrue(reader.one('cbc:ChargeIndicator'));
  const value = compact<LineAllowanceCharge>({
    reasonCode: reader.text('cbc:AllowanceChargeReasonCode'),
    reason: reader.text('cbc:AllowanceChargeReason'),
    percentage: reader.text('cbc:MultiplierFactorNumeric'),
    amount: reader.text('cbc:Amount'),
    baseAmount: reader.text('cbc:BaseAmount'),
  });
  reader.finish();
  return { charge, value: value ?? {} };
}

/** BG-23 from a `cac:TaxSubtotal`. */
function parseUblTaxSubtotal(reader: ElementReader): VatBreakdown {
  const taxableAmount = reader.text('cbc:TaxableAmount');
  const taxAmount = reader.text('cbc:TaxAmount');
  const category = reader.child('cac:TaxCategory');
  const tax = category ? parseUblTaxCategory(category) : {};
  reader.finish();
  return (
    compact<VatBreakdown>({
      taxableAmount,
      taxAmount,
      categoryCode: tax.code,
      rate: tax.rate,
      exemptionReason: tax.exemption,
      exemptionReasonCode: tax.exemptionCode,
    }) ?? {}
  );
}

/**
 * The `cac:TaxTotal`s: the one in the invoice currency gives BT-110 and the VAT breakdown (BG-23); one in
 * the VAT accounting currency (BT-6, when it differs) gives BT-111.
 */
export function parseUblTaxTotals(
  root: ElementReader,
  currencies: { invoice?: string; accounting?: string },
): { vatTotal?: string; vatTotalInAccountingCurrency?: string; breakdown: VatBreakdown[] } {
  const result: { vatTotal?: string; vatTotalInAccountingCurrency?: string; breakdown: VatBreakdown[] } = { breakdown: [] };
  const accounting = currencies.accounting?.trim();
  let seenInvoiceCurrencyTotal = false;
  for (const element of root.all('cac:TaxTotal')) {
    const reader = root.over(element);
    const amount = reader.one('cbc:TaxAmount');
    const currency = amount?.attributes['currencyID']?.trim();
    if (accounting !== undefined && accounting !== currencies.invoice?.trim() && currency === accounting && result.vatTotalInAccountingCurrency === undefined) {
      result.vatTotalInAccountingCurrency = amount?.text;
    } else if (!seenInvoiceCurrencyTotal) {
      seenInvoiceCurrencyTotal = true;
      result.vatTotal = amount?.text;
      for (const subtotal of reader.all('cac:TaxSubtotal')) result.breakdown.push(parseUblTaxSubtotal(reader.over(subtotal)));
    } else {
      reader.report(element, 'repeated-element', 'A further cac:TaxTotal was not read: EN 16931 has one VAT total per currency');
      continue;
    }
    reader.finish();
  }
  return result;
}

/** BG-22 from `cac:LegalMonetaryTotal` (BT-110 and BT-111 come from the tax totals). */
export function parseUblMonetaryTotal(reader: ElementReader): DocumentTotals {
  const totals = compact<DocumentTotals>({
    lineNetTotal: reader.text('cbc:LineExtensionAmount'),
    taxExclusiveAmount: reader.text('cbc:TaxExclusiveAmount'),
    taxInclusiveAmount: reader.text('cbc:TaxInclusiveAmount'),
    allowanceTotal: reader.text('cbc:AllowanceTotalAmount'),
    chargeTotal: reader.text('cbc:ChargeTotalAmount'),
    paidAmount: reader.text('cbc:PrepaidAmount'),
    roundingAmount: reader.text('cbc:PayableRoundingAmount'),
    amountDue: reader.text('cbc:PayableAmount'),
  });
  reader.finish();
  return totals ?? {};
}
