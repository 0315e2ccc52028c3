import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DecimalClass } from '../../src/model/decimal.js';
import { decimalKey, rateKey, sumDecimalTexts } from '../../src/rules/en16931/vat-decimals.js';

/** The decimal helpers of the VAT category rules: exact sums on the fast path and off it, rate keys. */
describe('VAT rule decimals', () => {
  it('sums exactly, with any number of decimals, where doubles would not', () => {
    assert.equal(sumDecimalTexts(['0.1', '0.2'])?.toFixed(), '0.3');
    assert.equal(sumDecimalTexts(['10', '0.005', '-3.25', ' 1. ', '.5'])?.toFixed(), '8.255');
    assert.equal(sumDecimalTexts([])?.toFixed(), '0');
  });

  it('falls back to decimal.js beyond 15 digits or 2^53, and stays exact', () => {
    assert.equal(sumDecimalTexts(['12345678901234567890.5', '0.5'])?.toFixed(), '12345678901234567891');
    assert.equal(sumDecimalTexts(['9007199254740991', '2'])?.toFixed(), '9007199254740993');
    assert.equal(sumDecimalTexts(['900719925474099', '0.0000000001'])?.toFixed(), '900719925474099.0000000001');
  });

  it('gives undefined when a value is not an xs:decimal', () => {
    assert.equal(sumDecimalTexts(['1', '1e3']), undefined);
    assert.equal(sumDecimalTexts(['1', '']), undefined);
    assert.equal(sumDecimalTexts(['1', '1 000']), undefined);
  });

  it('gives equal decimals equal keys, in text and as numbers', () => {
    assert.equal(decimalKey('020.50'), '20.5');
    assert.equal(decimalKey('+20.500'), rateKey(new DecimalClass('20.5')));
    assert.equal(decimalKey('-0.00'), rateKey(new DecimalClass('-0')));
    assert.equal(decimalKey('25.'), rateKey(new DecimalClass('25')));
    assert.equal(decimalKey('.07'), rateKey(new DecimalClass('0.07')));
    assert.equal(decimalKey('abc'), undefined);
  });
});
