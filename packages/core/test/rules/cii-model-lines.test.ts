import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowanceCharge, ciiDocument, fires, firedRules, vatBreakdown } from './cii-model-support.js';

/** The CII rules on invoice lines, allowances and charges, and periods, with the contexts that select them. */

/** A complete enough invoice line; `parts` replace its default children. */
function line(parts: { agreement?: string; delivery?: string; settlement?: string; product?: string } = {}): string {
  return (
    '<ram:IncludedSupplyChainTradeLineItem>' +
    '<ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>' +
    `<ram:SpecifiedTradeProduct>${parts.product ?? '<ram:Name>Item</ram:Name>'}</ram:SpecifiedTradeProduct>` +
    `<ram:SpecifiedLineTradeAgreement>${parts.agreement ?? '<ram:NetPriceProductTradePrice><ram:ChargeAmount>10</ram:ChargeAmount></ram:NetPriceProductTradePrice>'}</ram:SpecifiedLineTradeAgreement>` +
    `<ram:SpecifiedLineTradeDelivery>${parts.delivery ?? '<ram:BilledQuantity unitCode="C62">1</ram:BilledQuantity>'}</ram:SpecifiedLineTradeDelivery>` +
    '<ram:SpecifiedLineTradeSettlement>' +
    (parts.settlement ??
      '<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode></ram:ApplicableTradeTax>' +
        '<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>10.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>') +
    '</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>'
  );
}

const breakdown = vatBreakdown({ basis: '10.00', calculated: '1.90', rate: '19' });
const withLines = (...lines: string[]) => ciiDocument({ lines: lines.join(''), settlement: breakdown });

describe('CII invoice line rules', () => {
  it('a complete line gives no line finding', () => {
    const lineRules = ['BR-21', 'BR-22', 'BR-23', 'BR-24', 'BR-25', 'BR-26', 'BR-27', 'BR-28', 'BR-64', 'BR-CO-04', 'BR-CO-18', 'BR-DEC-23'];
    assert.deepEqual(
      firedRules(withLines(line())).filter((id) => lineRules.includes(id)),
      [],
    );
  });

  it('BR-23 wants the unit code attribute, BR-25 a non-blank item name', () => {
    assert.ok(fires('BR-23', withLines(line({ delivery: '<ram:BilledQuantity>1</ram:BilledQuantity>' }))));
    assert.ok(!fires('BR-23', withLines(line({ delivery: '<ram:BilledQuantity unitCode="">1</ram:BilledQuantity>' }))));
    assert.ok(fires('BR-25', withLines(line({ product: '<ram:Name>  </ram:Name>' }))));
  });

  it('BR-27/BR-28 compare prices as doubles, existentially', () => {
    const net = (amount: string) => `<ram:NetPriceProductTradePrice><ram:ChargeAmount>${amount}</ram:ChargeAmount></ram:NetPriceProductTradePrice>`;
    const gross = (amount: string) => `<ram:GrossPriceProductTradePrice><ram:ChargeAmount>${amount}</ram:ChargeAmount></ram:GrossPriceProductTradePrice>`;
    assert.ok(fires('BR-27', withLines(line({ agreement: net('-0.01') }))));
    assert.ok(!fires('BR-27', withLines(line({ agreement: net(' 0 ') }))));
    assert.ok(fires('BR-27', withLines(line({ agreement: '' }))));
    assert.ok(fires('BR-28', withLines(line({ agreement: gross('-1') + net('1') }))));
    assert.ok(!fires('BR-28', withLines(line({ agreement: gross('1E2') + net('1') }))));
  });

  it('BR-64 wants a scheme on the item standard identifier', () => {
    assert.ok(fires('BR-64', withLines(line({ product: '<ram:GlobalID>4000001123452</ram:GlobalID><ram:Name>Item</ram:Name>' }))));
    assert.ok(!fires('BR-64', withLines(line({ product: '<ram:GlobalID schemeID="0160">4000001123452</ram:GlobalID><ram:Name>Item</ram:Name>' }))));
  });

  it('BR-CO-04 wants a VAT category of a tax of type VAT; BR-CO-18 a header VAT breakdown', () => {
    const tax = '<ram:ApplicableTradeTax><ram:TypeCode>GST</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode></ram:ApplicableTradeTax>';
    assert.ok(fires('BR-CO-04', withLines(line({ settlement: tax }))));
    assert.ok(fires('BR-CO-18', ciiDocument({ lines: line() })));
  });
});

describe('CII allowance and charge contexts', () => {
  const header = (...items: string[]) => ciiDocument({ settlement: items.join('') });

  it('take an allowance or a charge by the exact indicator text', () => {
    // The contexts compare udt:Indicator with the strings 'false' and 'true': '0' and ' false' are neither.
    const noAmount = (indicator: string) => `<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>${indicator}</udt:Indicator></ram:ChargeIndicator></ram:SpecifiedTradeAllowanceCharge>`;
    assert.ok(fires('BR-31', header(noAmount('false'))));
    assert.ok(!fires('BR-31', header(noAmount('0'))));
    assert.ok(!fires('BR-31', header(noAmount(' false'))));
    assert.ok(fires('BR-36', header(noAmount('true'))));
    assert.ok(!fires('BR-36', header(noAmount('1'))));
  });

  it('BR-32/BR-37 want a VAT category of type VAT; BR-33/BR-38 a reason or reason code', () => {
    const vat = '<ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode></ram:CategoryTradeTax>';
    const reason = '<ram:Reason>Discount</ram:Reason>';
    assert.deepEqual(
      firedRules(header(allowanceCharge('false', '1.00', reason + vat))).filter((id) => ['BR-31', 'BR-32', 'BR-33', 'BR-CO-21'].includes(id)),
      [],
    );
    assert.ok(fires('BR-32', header(allowanceCharge('false', '1.00', reason))));
    assert.ok(fires('BR-37', header(allowanceCharge('true', '1.00', reason + vat.replace('>VAT<', '>GST<')))));
    assert.ok(fires('BR-33', header(allowanceCharge('false', '1.00', vat))));
    assert.ok(fires('BR-CO-22', header(allowanceCharge('true', '1.00', vat))));
    assert.ok(!fires('BR-38', header(allowanceCharge('true', '1.00', '<ram:ReasonCode>FC</ram:ReasonCode>'))));
  });

  it('apply the line rules to allowances and charges of a line', () => {
    const settlement = allowanceCharge('false', '1.005') + allowanceCharge('true', '2', '<ram:BasisAmount>10.001</ram:BasisAmount>');
    const fired = firedRules(ciiDocument({ lines: line({ settlement }), settlement: breakdown }));
    for (const id of ['BR-42', 'BR-CO-23', 'BR-DEC-24', 'BR-44', 'BR-CO-24', 'BR-DEC-28']) assert.ok(fired.includes(id), id);
    for (const id of ['BR-41', 'BR-43', 'BR-DEC-27', 'BR-31', 'BR-36', 'BR-DEC-01']) assert.ok(!fired.includes(id), id);
  });
});

describe('CII periods', () => {
  const period = (start: string | undefined, end: string | undefined, format = '102') =>
    '<ram:BillingSpecifiedPeriod>' +
    (start === undefined ? '' : `<ram:StartDateTime><udt:DateTimeString format="102">${start}</udt:DateTimeString></ram:StartDateTime>`) +
    (end === undefined ? '' : `<ram:EndDateTime><udt:DateTimeString format="${format}">${end}</udt:DateTimeString></ram:EndDateTime>`) +
    '</ram:BillingSpecifiedPeriod>';
  const invoicing = (inner: string) => ciiDocument({ settlement: inner });

  it('BR-29: the end date is not before the start date, compared as strings', () => {
    assert.ok(!fires('BR-29', invoicing(period('20240101', '20240101'))));
    assert.ok(fires('BR-29', invoicing(period('20240102', '20240101'))));
    assert.ok(!fires('BR-29', invoicing(period('20240101', undefined))));
    // An end date in another format is no date to compare: the test fails.
    assert.ok(fires('BR-29', invoicing(period('20240101', '20240201', '610'))));
    // String comparison: '9' sorts after '20240101'.
    assert.ok(!fires('BR-29', invoicing(period('20240101', '9'))));
  });

  it('BR-CO-19/BR-CO-20: a period has a start or an end date; BR-30 applies to line periods', () => {
    assert.ok(fires('BR-CO-19', invoicing(period(undefined, undefined))));
    const settlement = period('20240102', '20240101') + '<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>1</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>';
    const fired = firedRules(ciiDocument({ lines: line({ settlement }), settlement: breakdown }));
    assert.ok(fired.includes('BR-30') && !fired.includes('BR-29'));
  });

  it('BR-54: an item attribute has a name and a value', () => {
    const product = '<ram:Name>Item</ram:Name><ram:ApplicableProductCharacteristic><ram:Description>Colour</ram:Description></ram:ApplicableProductCharacteristic>';
    assert.ok(fires('BR-54', withLines(line({ product }))));
  });
});
