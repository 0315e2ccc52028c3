import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Invoice } from '../../../src/model/invoice.js';
import { ciiCodec } from '../../../src/syntax/cii/cii.codec.js';
import { validateAgainstXsd } from '../../support/xsd.js';
import { ciiSettlement, describeDiagnostics, parseCiiXml } from './cii-fixtures.js';

const SETTLEMENT = '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement';

function totalsOf(currencies: string, taxTotals: string): Invoice {
  const xml = ciiSettlement(`${currencies}<ram:SpecifiedTradeSettlementHeaderMonetarySummation>${taxTotals}</ram:SpecifiedTradeSettlementHeaderMonetarySummation>`);
  return parseCiiXml(xml).invoice;
}

describe('CII VAT totals: BT-110 and BT-111 are told apart by currencyID', () => {
  const currencies = '<ram:TaxCurrencyCode>EUR</ram:TaxCurrencyCode><ram:InvoiceCurrencyCode>DKK</ram:InvoiceCurrencyCode>';

  test('the total in BT-5 is BT-110 and the one in BT-6 is BT-111, in either order', () => {
    const expected = { vatTotal: '675.00', vatTotalInAccountingCurrency: '628.62' };
    const first = totalsOf(currencies, '<ram:TaxTotalAmount currencyID="DKK">675.00</ram:TaxTotalAmount><ram:TaxTotalAmount currencyID="EUR">628.62</ram:TaxTotalAmount>');
    const second = totalsOf(currencies, '<ram:TaxTotalAmount currencyID="EUR">628.62</ram:TaxTotalAmount><ram:TaxTotalAmount currencyID="DKK">675.00</ram:TaxTotalAmount>');
    assert.deepStrictEqual(first.totals, expected);
    assert.deepStrictEqual(second.totals, expected);
  });

  test('a total without currencyID is BT-110', () => {
    const invoice = totalsOf(currencies, '<ram:TaxTotalAmount>675.00</ram:TaxTotalAmount><ram:TaxTotalAmount currencyID="EUR">628.62</ram:TaxTotalAmount>');
    assert.deepStrictEqual(invoice.totals, { vatTotal: '675.00', vatTotalInAccountingCurrency: '628.62' });
  });

  test('a total in a third currency is reported, not guessed', () => {
    const xml = ciiSettlement(`${currencies}<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:TaxTotalAmount currencyID="USD">1</ram:TaxTotalAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>`);
    const parsed = parseCiiXml(xml);
    assert.deepStrictEqual(parsed.invoice.totals, {}, 'the summation is there, its only VAT total is not read');
    assert.deepEqual(describeDiagnostics(parsed), [`invalid-value ${SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxTotalAmount`]);
  });

  test('writing puts BT-5 on BT-110 and BT-6 on BT-111, and nowhere else', () => {
    const invoice: Invoice = {
      number: '1',
      issueDate: '2026-03-31',
      currencyCode: 'DKK',
      vatAccountingCurrencyCode: 'EUR',
      totals: { lineNetTotal: '4000.00', vatTotal: '675.00', vatTotalInAccountingCurrency: '628.62', amountDue: '4675.00' },
    };
    const written = ciiCodec.serialize(invoice);
    assert.deepEqual(validateAgainstXsd(written.xml, 'cii'), []);
    assert.match(written.xml, /<ram:TaxTotalAmount currencyID="DKK">675\.00<\/ram:TaxTotalAmount>\s*<ram:TaxTotalAmount currencyID="EUR">628\.62<\/ram:TaxTotalAmount>/);
    assert.match(written.xml, /<ram:LineTotalAmount>4000\.00<\/ram:LineTotalAmount>/);
    assert.deepStrictEqual(parseCiiXml(written.xml).invoice, { kind: 'invoice', ...invoice });
  });

  test('writing BT-111 without BT-6 is reported: nothing would tell it from BT-110', () => {
    const written = ciiCodec.serialize({ currencyCode: 'EUR', totals: { vatTotal: '10', vatTotalInAccountingCurrency: '9' } });
    assert.deepEqual(written.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path}`), ['not-representable BT-111']);
    assert.equal(written.xml.match(/TaxTotalAmount/g)?.length, 2, 'one TaxTotalAmount, open and close tag');
  });
});

describe('CII VAT breakdown (BG-23) and allowances and charges (BG-20, BG-21)', () => {
  const breakdown = (date: string, code: string) => `<ram:ApplicableTradeTax>
      <ram:CalculatedAmount>19.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>100.00</ram:BasisAmount>
      <ram:CategoryCode>S</ram:CategoryCode>${date}${code}<ram:RateApplicablePercent>19</ram:RateApplicablePercent>
    </ram:ApplicableTradeTax>`;
  const pointDate = '<ram:TaxPointDate><udt:DateString format="102">20260331</udt:DateString></ram:TaxPointDate>';

  test('BT-7 and BT-8 come from the first breakdown that has them and are written on every breakdown', () => {
    const parsed = parseCiiXml(ciiSettlement(breakdown('', '') + breakdown(pointDate, '<ram:DueDateTypeCode>29</ram:DueDateTypeCode>')));
    assert.deepEqual(parsed.diagnostics, []);
    assert.equal(parsed.invoice.vatPointDate, '2026-03-31');
    assert.equal(parsed.invoice.vatPointDateCode, '29');
    assert.deepStrictEqual(parsed.invoice.vatBreakdown?.[0], { taxAmount: '19.00', taxableAmount: '100.00', categoryCode: 'S', rate: '19' });
    const written = ciiCodec.serialize(parsed.invoice).xml;
    assert.equal(written.match(/<udt:DateString format="102">20260331<\/udt:DateString>/g)?.length, 2);
    assert.equal(written.match(/<ram:DueDateTypeCode>29<\/ram:DueDateTypeCode>/g)?.length, 2);
  });

  test('a breakdown with another BT-7 is reported', () => {
    const other = '<ram:TaxPointDate><udt:DateString format="102">20260401</udt:DateString></ram:TaxPointDate>';
    const parsed = parseCiiXml(ciiSettlement(breakdown(pointDate, '') + breakdown(other, '')));
    assert.equal(parsed.invoice.vatPointDate, '2026-03-31');
    assert.deepEqual(describeDiagnostics(parsed), [`invalid-value ${SETTLEMENT}/ram:ApplicableTradeTax[2]`]);
  });

  test('the charge indicator sorts allowances from charges; without one nothing is guessed', () => {
    const allowanceCharge = (indicator: string, amount: string) => `<ram:SpecifiedTradeAllowanceCharge>${indicator}
        <ram:ActualAmount>${amount}</ram:ActualAmount><ram:Reason>r${amount}</ram:Reason>
        <ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode></ram:CategoryTradeTax>
      </ram:SpecifiedTradeAllowanceCharge>`;
    const indicator = (value: string) => `<ram:ChargeIndicator><udt:Indicator>${value}</udt:Indicator></ram:ChargeIndicator>`;
    const parsed = parseCiiXml(
      ciiSettlement(allowanceCharge(indicator('true'), '1') + allowanceCharge(indicator('false'), '2') + allowanceCharge('', '3') + allowanceCharge(indicator('1'), '4')),
    );
    assert.deepStrictEqual(parsed.invoice.allowances, [{ amount: '2', reason: 'r2', vatCategoryCode: 'S' }]);
    assert.deepStrictEqual(parsed.invoice.charges, [
      { amount: '1', reason: 'r1', vatCategoryCode: 'S' },
      { amount: '4', reason: 'r4', vatCategoryCode: 'S' },
    ]);
    assert.deepEqual(describeDiagnostics(parsed), [`invalid-value ${SETTLEMENT}/ram:SpecifiedTradeAllowanceCharge[3]`]);
  });

  test('a tax other than VAT is reported', () => {
    const parsed = parseCiiXml(ciiSettlement('<ram:ApplicableTradeTax><ram:TypeCode>GST</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode></ram:ApplicableTradeTax>'));
    assert.deepStrictEqual(parsed.invoice.vatBreakdown, [{ categoryCode: 'S' }]);
    assert.deepEqual(describeDiagnostics(parsed), [`invalid-value ${SETTLEMENT}/ram:ApplicableTradeTax/ram:TypeCode`]);
  });
});
