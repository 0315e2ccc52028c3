import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ciiDocument, fires, vatBreakdown } from './cii-model-support.js';

/** The CII VAT breakdown rules (context `//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax`). */

const withBreakdown = (...breakdowns: string[]) => ciiDocument({ settlement: breakdowns.join('') });

describe('CII BR-CO-17: VAT category tax amount', () => {
  const ok = (fields: Parameters<typeof vatBreakdown>[0]) => !fires('BR-CO-17', withBreakdown(vatBreakdown(fields)));

  it('accepts the taxable amount times the rate, rounded, within one unit either way', () => {
    assert.ok(ok({ basis: '100.00', rate: '19', calculated: '19.00' }));
    assert.ok(ok({ basis: '100.00', rate: '19', calculated: '18.00' }));
    assert.ok(ok({ basis: '100.00', rate: '19', calculated: '20.00' }));
    assert.ok(!ok({ basis: '100.00', rate: '19', calculated: '20.01' }));
    assert.ok(!ok({ basis: '100.00', rate: '19', calculated: '17.99' }));
  });

  it('compares absolute values, and rounds the expected amount half up (13.775 → 13.78)', () => {
    assert.ok(ok({ basis: '-72.50', rate: '19.00', calculated: '-12.78' }));
    assert.ok(!ok({ basis: '-72.50', rate: '19.00', calculated: '-12.77' }));
    assert.ok(ok({ basis: '72.50', rate: '19.00', calculated: '-13.78' }));
  });

  it('wants a tax amount that rounds to zero when the rate rounds to zero or is missing', () => {
    assert.ok(ok({ basis: '100.00', rate: '0.4', calculated: '0.49' }));
    assert.ok(!ok({ basis: '100.00', rate: '0.4', calculated: '0.50' }));
    // round(-0.5) is -0 (halves towards positive infinity): a zero rate.
    assert.ok(ok({ basis: '100.00', rate: '-0.5', calculated: '-0.5' }));
    // round(0.5) is 1: a rate, so the tax amount must be 0.50 ± 1.
    assert.ok(ok({ basis: '100.00', rate: '0.5', calculated: '1.50' }));
    assert.ok(ok({ basis: '100.00', calculated: '0.00' }));
    assert.ok(!ok({ basis: '100.00', calculated: '5.00' }));
  });

  it('ignores the rate of a tax that is not VAT, but tolerates spaces around VAT', () => {
    assert.ok(!ok({ type: 'GST', basis: '100.00', rate: '19', calculated: '19.00' }));
    assert.ok(ok({ type: 'GST', basis: '100.00', rate: '19', calculated: '0' }));
    assert.ok(ok({ type: ' vat ', basis: '100.00', rate: '19', calculated: '19.00' }));
  });

  it('fails without a tax amount or with a rate that is not a decimal', () => {
    assert.ok(!ok({ basis: '100.00', rate: '19' }));
    assert.ok(!ok({ basis: '100.00', rate: '19%', calculated: '19.00' }));
  });
});

describe('CII BR-47/BR-48: VAT category code and rate', () => {
  it('need a tax of type VAT (upper-case, no trimming)', () => {
    assert.ok(!fires('BR-47', withBreakdown(vatBreakdown({ type: 'vat', rate: '19' }))));
    assert.ok(fires('BR-47', withBreakdown(vatBreakdown({ type: ' VAT', rate: '19' }))));
    assert.ok(fires('BR-48', withBreakdown(vatBreakdown({ type: 'GST', rate: '19' }))));
  });

  it('BR-48 accepts a missing rate only for category O', () => {
    assert.ok(fires('BR-48', withBreakdown(vatBreakdown({ category: 'E' }))));
    assert.ok(!fires('BR-48', withBreakdown(vatBreakdown({ category: 'E', rate: '0' }))));
  });
});

describe('CII BR-CO-03 and BR-DEC-19/20', () => {
  it('BR-CO-03: a tax point date and a tax point date code anywhere in the document exclude each other', () => {
    const date = '<ram:TaxPointDate><udt:DateString format="102">20240101</udt:DateString></ram:TaxPointDate>';
    const code = '<ram:DueDateTypeCode>5</ram:DueDateTypeCode>';
    const tax = (inner: string) => `<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode>${inner}</ram:ApplicableTradeTax>`;
    assert.ok(!fires('BR-CO-03', withBreakdown(tax(date))));
    assert.ok(!fires('BR-CO-03', withBreakdown(tax(code))));
    assert.ok(fires('BR-CO-03', withBreakdown(tax(date), tax(code))));
  });

  it('BR-DEC-19/20 count the characters after the point', () => {
    assert.ok(fires('BR-DEC-19', withBreakdown(vatBreakdown({ basis: '100.000' }))));
    assert.ok(!fires('BR-DEC-20', withBreakdown(vatBreakdown({ calculated: '19' }))));
    assert.ok(fires('BR-DEC-20', withBreakdown(vatBreakdown({ calculated: '19.001' }))));
  });
});
