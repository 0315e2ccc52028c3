import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowanceCharge, ciiDocument, documentTotals, fires, lineWithNet, vatBreakdown } from './cii-model-support.js';

/**
 * The CII document totals rules where XPath's two arithmetics meet: untyped values summed as xs:double,
 * xs:decimal casts that keep a double's exact binary value, and exact decimal sums.
 */

/** A document with line net amounts, document totals and optional header settlement content. */
function totalsDocument(options: { lines?: readonly string[]; settlement?: string; totals: Parameters<typeof documentTotals>[0] }): string {
  return ciiDocument({
    lines: (options.lines ?? []).map(lineWithNet).join(''),
    settlement: `<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>${options.settlement ?? ''}${documentTotals(options.totals)}`,
  });
}

describe('CII BR-CO-10: sum of line net amounts', () => {
  it('sums as xs:double and casts the sum to its exact binary decimal before rounding', () => {
    // 1.005 is 1.00499999999999989… as a double: rounds to 1.00, not 1.01.
    assert.equal(fires('BR-CO-10', totalsDocument({ lines: ['1.005'], totals: { lines: '1.00' } })), false);
    assert.equal(fires('BR-CO-10', totalsDocument({ lines: ['1.005'], totals: { lines: '1.01' } })), true);
    // 0.1 + 0.105 is 0.20500000000000002 as a double: rounds to 0.21.
    assert.equal(fires('BR-CO-10', totalsDocument({ lines: ['0.1', '0.105'], totals: { lines: '0.21' } })), false);
    assert.equal(fires('BR-CO-10', totalsDocument({ lines: ['0.1', '0.105'], totals: { lines: '0.20' } })), true);
  });

  it('accepts the float noise of lines that cancel out', () => {
    const lines = ['720.81', '0.01', '-720.81', '-0.01'];
    assert.equal(fires('BR-CO-10', totalsDocument({ lines, totals: { lines: '0.00' } })), false);
  });

  it('compares the total as a decimal: trailing zeros do not matter, a missing total fails', () => {
    assert.equal(fires('BR-CO-10', totalsDocument({ lines: ['10', '2.5'], totals: { lines: '12.500' } })), false);
    assert.equal(fires('BR-CO-10', totalsDocument({ lines: [], totals: { lines: '0' } })), false);
    assert.equal(fires('BR-CO-10', totalsDocument({ lines: ['10'], totals: {} })), true);
  });
});

describe('CII BR-CO-11/BR-CO-12: sums of document level allowances and charges', () => {
  it('computes round(sum * 10 * 10) div 100 in xs:double arithmetic', () => {
    // 2.675 * 10 * 10 is exactly 267.5 as a double, so it rounds up to 2.68 — while BR-CO-10's exact cast
    // of the same value rounds down to 2.67.
    const settlement = allowanceCharge('false', '2.675');
    assert.equal(fires('BR-CO-11', totalsDocument({ settlement, totals: { allowances: '2.68' } })), false);
    assert.equal(fires('BR-CO-11', totalsDocument({ settlement, totals: { allowances: '2.67' } })), true);
    assert.equal(fires('BR-CO-10', totalsDocument({ lines: ['2.675'], totals: { lines: '2.67' } })), false);
    // 1.005 * 10 * 10 is 100.49999999999999: rounds down to 1.00.
    assert.equal(fires('BR-CO-11', totalsDocument({ settlement: allowanceCharge('false', '1.005'), totals: { allowances: '1.00' } })), false);
  });

  it('selects allowances and charges by the indicator cast to a boolean (1/0 count)', () => {
    const settlement = allowanceCharge('1', '5.00') + allowanceCharge('true', '2.50') + allowanceCharge(' 0 ', '1.00');
    assert.equal(fires('BR-CO-12', totalsDocument({ settlement, totals: { charges: '7.50', allowances: '1.00' } })), false);
    assert.equal(fires('BR-CO-11', totalsDocument({ settlement, totals: { charges: '7.50', allowances: '1.00' } })), false);
    assert.equal(fires('BR-CO-12', totalsDocument({ settlement, totals: { charges: '5.00', allowances: '1.00' } })), true);
  });

  it('holds with neither allowances nor a total, and needs a total of 0 when there is a total but no allowance', () => {
    assert.equal(fires('BR-CO-11', totalsDocument({ totals: {} })), false);
    assert.equal(fires('BR-CO-11', totalsDocument({ totals: { allowances: '0.00' } })), false);
    assert.equal(fires('BR-CO-11', totalsDocument({ totals: { allowances: '1.00' } })), true);
    assert.equal(fires('BR-CO-12', totalsDocument({ settlement: allowanceCharge('true', '3'), totals: {} })), true);
  });

  it('counts only the first amount of each allowance', () => {
    const settlement = allowanceCharge('false', '4.00', '<ram:ActualAmount>6.00</ram:ActualAmount>');
    assert.equal(fires('BR-CO-11', totalsDocument({ settlement, totals: { allowances: '4.00' } })), false);
  });
});

describe('CII BR-CO-13: invoice total without VAT', () => {
  it('takes allowances and charges into account only when their totals are present', () => {
    const ok = (totals: Parameters<typeof documentTotals>[0]) => !fires('BR-CO-13', totalsDocument({ totals }));
    assert.ok(ok({ lines: '100.00', allowances: '10.00', charges: '5.00', basis: '95.00' }));
    assert.ok(ok({ lines: '100.00', allowances: '10.00', basis: '90.00' }));
    assert.ok(ok({ lines: '100.00', charges: '5.00', basis: '105.00' }));
    assert.ok(ok({ lines: '100.00', basis: '100.00' }));
    assert.ok(!ok({ lines: '100.00', allowances: '10.00', charges: '5.00', basis: '90.00' }));
    assert.ok(!ok({ lines: '100.00', basis: '100.01' }));
    assert.ok(!ok({ lines: '100.00' }));
  });

  it('rounds the exact decimal result half up to two decimals', () => {
    assert.ok(!fires('BR-CO-13', totalsDocument({ totals: { lines: '1.005', basis: '1.01' } })));
    assert.ok(fires('BR-CO-13', totalsDocument({ totals: { lines: '1.005', basis: '1.00' } })));
    assert.ok(!fires('BR-CO-13', totalsDocument({ totals: { lines: '-1.005', basis: '-1.00' } })));
  });
});

describe('CII BR-CO-14: invoice total VAT amount', () => {
  const settlement = vatBreakdown({ calculated: '2.675' }) + vatBreakdown({ calculated: '0' });
  it('is checked on the VAT total in the invoice currency, against the double-rounded sum', () => {
    assert.ok(!fires('BR-CO-14', totalsDocument({ settlement, totals: { vat: [['EUR', '2.68']] } })));
    assert.ok(fires('BR-CO-14', totalsDocument({ settlement, totals: { vat: [['EUR', '2.67']] } })));
  });
  it('ignores a VAT total in another currency', () => {
    assert.ok(!fires('BR-CO-14', totalsDocument({ settlement, totals: { vat: [['EUR', '2.68'], ['DKK', '19.95']] } })));
  });
});

describe('CII BR-CO-15: invoice total with VAT, per invoice currency', () => {
  const doc = (options: { taxCurrency?: string; vat: readonly (readonly [string, string])[]; grand?: string }) =>
    ciiDocument({
      settlement:
        '<ram:InvoiceCurrencyCode>DKK</ram:InvoiceCurrencyCode>' +
        (options.taxCurrency ? `<ram:TaxCurrencyCode>${options.taxCurrency}</ram:TaxCurrencyCode>` : '') +
        documentTotals({ basis: '4000.00', vat: options.vat, grand: options.grand ?? '4675.00' }),
    });

  it('adds the one VAT total in the invoice currency', () => {
    assert.ok(!fires('BR-CO-15', doc({ taxCurrency: 'EUR', vat: [['DKK', '675.00'], ['EUR', '628.62']] })));
    assert.ok(fires('BR-CO-15', doc({ taxCurrency: 'EUR', vat: [['DKK', '1675.00'], ['EUR', '628.62']] })));
  });

  it('fails when the VAT total is only in another currency or appears twice in the invoice currency', () => {
    assert.ok(fires('BR-CO-15', doc({ vat: [['EUR', '675.00']] })));
    assert.ok(fires('BR-CO-15', doc({ vat: [['DKK', '675.00'], ['DKK', '679.00']] })));
  });

  it('accepts a grand total equal to the total without VAT, whatever the VAT totals', () => {
    assert.ok(!fires('BR-CO-15', doc({ vat: [], grand: '4000.00' })));
    assert.ok(!fires('BR-CO-15', doc({ vat: [['DKK', '675.00'], ['DKK', '679.00']], grand: '4000' })));
  });

  it('rounds the exact decimal sum half up', () => {
    assert.ok(!fires('BR-CO-15', doc({ vat: [['DKK', '675.005']], grand: '4675.01' })));
    assert.ok(fires('BR-CO-15', doc({ vat: [['DKK', '675.005']], grand: '4675.00' })));
  });

  it('holds trivially without an invoice currency code (every over an empty sequence)', () => {
    const xml = ciiDocument({ settlement: documentTotals({ basis: '1', vat: [['EUR', '5']], grand: '99' }) });
    assert.ok(!fires('BR-CO-15', xml));
  });
});

describe('CII BR-CO-16: amount due for payment', () => {
  const ok = (totals: Parameters<typeof documentTotals>[0]) => !fires('BR-CO-16', totalsDocument({ totals }));
  it('subtracts the paid amount and adds the rounding amount, exactly, each only when present', () => {
    assert.ok(ok({ grand: '100.00', paid: '30.00', rounding: '0.01', due: '70.01' }));
    assert.ok(ok({ grand: '100.00', paid: '30.00', due: '70' }));
    assert.ok(ok({ grand: '100.00', rounding: '-0.004', due: '99.996' }));
    assert.ok(ok({ grand: '100.00', due: '100.00' }));
    assert.ok(!ok({ grand: '100.00', paid: '30.00', due: '100.00' }));
    assert.ok(!ok({ grand: '100.00', rounding: '0.01', due: '100.00' }));
    assert.ok(!ok({ grand: '100.00' }));
  });
});

describe('CII BR-53 and BR-DEC-13/BR-DEC-15: VAT totals and currencies', () => {
  const doc = (taxCurrency: string | undefined, vat: readonly (readonly [string, string])[]) =>
    totalsDocument({ settlement: taxCurrency ? `<ram:TaxCurrencyCode>${taxCurrency}</ram:TaxCurrencyCode>` : '', totals: { vat } });

  it('BR-53 wants a VAT total in the accounting currency, which must differ from the invoice currency', () => {
    assert.ok(!fires('BR-53', doc(undefined, [['EUR', '10.00']])));
    assert.ok(!fires('BR-53', doc('DKK', [['EUR', '10.00'], ['DKK', '74.50']])));
    assert.ok(fires('BR-53', doc('DKK', [['EUR', '10.00']])));
    assert.ok(fires('BR-53', doc('EUR', [['EUR', '10.00']])));
  });

  it('BR-DEC-13 tests the invoice currency total as a double: trailing zeros pass, a third decimal fails', () => {
    assert.ok(!fires('BR-DEC-13', doc(undefined, [['EUR', '10.500']])));
    assert.ok(fires('BR-DEC-13', doc(undefined, [['EUR', '10.505']])));
    assert.ok(!fires('BR-DEC-13', doc(undefined, [['USD', '10.505']])));
    // Existential: one acceptable VAT total is enough.
    assert.ok(!fires('BR-DEC-13', doc('USD', [['EUR', '10.505'], ['USD', '12.345']])));
  });

  it('BR-DEC-15 tests the accounting currency total, and nothing without an accounting currency', () => {
    assert.ok(!fires('BR-DEC-15', doc(undefined, [['USD', '10.505']])));
    assert.ok(fires('BR-DEC-15', doc('DKK', [['EUR', '10.50'], ['DKK', '74.505']])));
    assert.ok(!fires('BR-DEC-15', doc('DKK', [['EUR', '10.505'], ['DKK', '74.50']])));
    assert.ok(fires('BR-DEC-15', doc('DKK', [['EUR', '10.50']])));
  });

  it('the other BR-DEC totals count characters after the point, so a trailing zero is a decimal', () => {
    assert.ok(fires('BR-DEC-09', totalsDocument({ totals: { lines: '10.500' } })));
    assert.ok(!fires('BR-DEC-09', totalsDocument({ totals: { lines: '10.50' } })));
    assert.ok(fires('BR-DEC-18', totalsDocument({ totals: { due: '1.001' } })));
  });
});
