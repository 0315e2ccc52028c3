import type { DocumentAllowanceCharge, LineAllowanceCharge } from '../../model/allowance-charge.js';
import type { DocumentTotals, VatBreakdown } from '../../model/totals.js';
import type { ElementReader } from '../element-reader.js';
import { compact, readChargeIndicator, readDate, readVatTypeCode } from './cii-read-values.js';

/** Allowances and charges of one level, in document order within each list. */
export type AllowancesAndCharges<T> = { allowances: T[]; charges: T[] };

/** The VAT breakdown (BG-23) with the VAT point date (BT-7) and its code (BT-8), which CII repeats per breakdown. */
export type CiiTaxes = { breakdown: VatBreakdown[]; vatPointDate?: string; vatPointDateCode?: string };

/**
 * Reads the header `ram:ApplicableTradeTax`es. BT-7 and BT-8 are single terms written on each breakdown:
 * the first breakdown that has one gives the value; a different value later is reported (CII-SR-461/462).
 */
export function parseCiiTaxes(root: ElementReader): CiiTaxes {
  const taxes: CiiTaxes = { breakdown: [] };
  for (const element of root.all('ram:ApplicableTradeTax')) {
    const reader = root.over(element);
    readVatTypeCode(reader);
    const breakdown = compact<VatBreakdown>({
      taxAmount: reader.text('ram:CalculatedAmount'),
      exemptionReason: reader.text('ram:ExemptionReason'),
      taxableAmount: reader.text('ram:BasisAmount'),
      categoryCode: reader.text('ram:CategoryCode'),
      exemptionReasonCode: reader.text('ram:ExemptionReasonCode'),
      rate: reader.text('ram:RateApplicablePercent'),
    });
    taxes.breakdown.push(breakdown ?? {});
    const pointDate = readDate(reader, 'ram:TaxPointDate', 'udt:DateString');
    const pointDateCode = reader.text('ram:DueDateTypeCode');
    if (pointDate !== undefined && taxes.vatPointDate === undefined) taxes.vatPointDate = pointDate;
    else if (pointDate !== undefined && pointDate !== taxes.vatPointDate) reportSecondValue(reader, 'VAT point date (BT-7)', taxes.vatPointDate);
    if (pointDateCode !== undefined && taxes.vatPointDateCode === undefined) taxes.vatPointDateCode = pointDateCode;
    else if (pointDateCode !== undefined && pointDateCode !== taxes.vatPointDateCode) reportSecondValue(reader, 'VAT point date code (BT-8)', taxes.vatPointDateCode);
    reader.finish();
  }
  return taxes;
}

function reportSecondValue(reader: ElementReader, term: string, kept: string | undefined): void {
  reader.report(reader.element, 'invalid-value', `This VAT breakdown gives another ${term} than an earlier one; the model has one and keeps "${kept ?? ''}"`);
}

/** BG-20 / BG-21 from the header `ram:SpecifiedTradeAllowanceCharge`es. */
export function parseCiiDocumentAllowanceCharges(root: ElementReader): AllowancesAndCharges<DocumentAllowanceCharge> {
  return splitAllowanceCharges(root, (reader) => {
    const common = readAllowanceChargeAmounts(reader);
    const category = reader.child('ram:CategoryTradeTax');
    if (category) readVatTypeCode(category);
    const vatCategoryCode = category?.text('ram:CategoryCode');
    const vatRate = category?.text('ram:RateApplicablePercent');
    category?.finish();
    return compact<DocumentAllowanceCharge>({ ...common, vatCategoryCode, vatRate }) ?? {};
  });
}

/** BG-27 / BG-28 from a line's `ram:SpecifiedTradeAllowanceCharge`es. */
export function parseCiiLineAllowanceCharges(root: ElementReader): AllowancesAndCharges<LineAllowanceCharge> {
  return splitAllowanceCharges(root, (reader) => readAllowanceChargeAmounts(reader));
}

function readAllowanceChargeAmounts(reader: ElementReader): LineAllowanceCharge {
  const value = compact<LineAllowanceCharge>({
    percentage: reader.text('ram:CalculationPercent'),
    baseAmount: reader.text('ram:BasisAmount'),
    amount: reader.text('ram:ActualAmount'),
    reasonCode: reader.text('ram:ReasonCode'),
    reason: reader.text('ram:Reason'),
  });
  return value ?? {};
}

/**
 * Sorts `ram:SpecifiedTradeAllowanceCharge`es by `ram:ChargeIndicator`. Without a readable indicator
 * there is no telling an allowance from a charge, so the element is reported rather than guessed.
 */
function splitAllowanceCharges<T>(root: ElementReader, read: (reader: ElementReader) => T): AllowancesAndCharges<T> {
  const result: AllowancesAndCharges<T> = { allowances: [], charges: [] };
  for (const element of root.all('ram:SpecifiedTradeAllowanceCharge')) {
    const reader = root.over(element);
    const charge = readChargeIndicator(reader);
    if (charge === undefined) {
      reader.report(element, 'invalid-value', 'ram:ChargeIndicator is missing or not true/false, so this is neither an allowance nor a charge; it was not read');
      continue;
    }
    (charge ? result.charges : result.allowances).push(read(reader));
    reader.finish();
  }
  return result;
}

/**
 * BG-22 from `ram:SpecifiedTradeSettlementHeaderMonetarySummation`. Of the `ram:TaxTotalAmount`s, the one
 * in the invoice currency (BT-5, or without currencyID) is BT-110 and the one in the VAT accounting
 * currency (BT-6) is BT-111; when BT-5 and BT-6 are the same currency the second one is BT-111.
 */
export function parseCiiTotals(reader: ElementReader, currencies: { invoice?: string; accounting?: string }): DocumentTotals {
  const invoiceCurrency = currencies.invoice?.trim();
  const accountingCurrency = currencies.accounting?.trim();
  const totals: DocumentTotals = {
    lineNetTotal: reader.text('ram:LineTotalAmount'),
    chargeTotal: reader.text('ram:ChargeTotalAmount'),
    allowanceTotal: reader.text('ram:AllowanceTotalAmount'),
    taxExclusiveAmount: reader.text('ram:TaxBasisTotalAmount'),
  };
  for (const element of reader.all('ram:TaxTotalAmount')) {
    const currency = element.attributes['currencyID']?.trim();
    const invoiceSide = currency === undefined || currency === invoiceCurrency || (invoiceCurrency === undefined && currency !== accountingCurrency);
    if (invoiceSide && totals.vatTotal === undefined) totals.vatTotal = element.text;
    else if (currency !== undefined && currency === accountingCurrency && totals.vatTotalInAccountingCurrency === undefined) {
      totals.vatTotalInAccountingCurrency = element.text;
    } else {
      reader.report(element, 'invalid-value', `This VAT total (currency ${currency ?? 'not given'}) is neither the first one in the invoice currency (BT-110) nor the first one in the VAT accounting currency (BT-111); it was not read`);
    }
  }
  totals.roundingAmount = reader.text('ram:RoundingAmount');
  totals.taxInclusiveAmount = reader.text('ram:GrandTotalAmount');
  totals.paidAmount = reader.text('ram:TotalPrepaidAmount');
  totals.amountDue = reader.text('ram:DuePayableAmount');
  reader.finish();
  return compact(totals) ?? {};
}
