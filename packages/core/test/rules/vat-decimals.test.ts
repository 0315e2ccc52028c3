import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimalKey, rateKey, sumDecimalTexts } from '../../src/rules/en16931/vat-decimals.js';
import { XsDecimal } from '../../src/rules/xs-decimal.js';

/** A decimal from its lexical form (the test's own values are all valid). */
function dec(text: string): XsDecimal {
  const value = XsDecimal.parse(text);
  assert.ok(value, text);
  return value;
}

/** The decimal helpers of the VAT category rules: exact sums on the fast path and off it, rate keys. */
describe('VAT rule decimals', () => {
  it('sums exactly, with any number of decimals, where doubles would not', () => {
    assert.equal(sumDecimalTexts(['0.1', '0.2'])?.toFixed(), '0.3');
    assert.equal(sumDecimalTexts(['10', '0.005', '-3.25', ' 1. ', '.5'])?.toFixed(), '8.255');
    assert.equal(sumDecimalTexts([])?.toFixed(), '0');
  });

  it('goes past 15 digits and 2^53 (decimal.js), and stays exact', () => {
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
    assert.equal(decimalKey('+20.500'), rateKey(dec('20.5')));
    assert.equal(decimalKey('-0.00'), rateKey(dec('-0')));
    assert.equal(decimalKey('25.'), rateKey(dec('25')));
    assert.equal(decimalKey('.07'), rateKey(dec('0.07')));
    assert.equal(decimalKey('abc'), undefined);
  });
});
