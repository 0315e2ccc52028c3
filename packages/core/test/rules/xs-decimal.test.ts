import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DecimalClass, type DecimalNumber } from '../../src/model/decimal.js';
import { exactDecimal, exactDecimalRounded2 } from '../../src/rules/en16931/cii/cii-model-query.js';
import { XsDecimal } from '../../src/rules/xs-decimal.js';

/**
 * XsDecimal computes on scaled integers where it can and hands over to decimal.js where it cannot; either way
 * every result must be exactly what decimal.js (the rules' arithmetic before) gives. These tests compare the
 * two on many generated values, around the limits of the fast path included.
 */

/** A deterministic generator, so that a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** Lexical xs:decimal values of every kind: small amounts, long fractions, 15 to 40 digits, signs, odd forms. */
function lexicalValues(count: number): string[] {
  const random = generator(7);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const values = ['0', '-0', '0.00', '1', '-1', '.5', '5.', '+3', '00.0100', '0.005', '-0.005', '2.675', '9007199254740991', '9007199254740993', '900719925474099.9', '0.0000000000000000000001'];
  while (values.length < count) {
    const sign = random() < 0.3 ? '-' : random() < 0.1 ? '+' : '';
    const whole = digits(Math.floor(random() * (random() < 0.8 ? 7 : 25)));
    const fraction = digits(Math.floor(random() * (random() < 0.8 ? 4 : 24)));
    const text = `${sign}${whole}${fraction || random() < 0.5 ? '.' : ''}${fraction}`;
    if (/\d/.test(text)) values.push(text);
  }
  return values;
}

function big(text: string): DecimalNumber {
  const trimmed = text.trim();
  return new DecimalClass(trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed);
}

function xs(text: string): XsDecimal {
  const value = XsDecimal.parse(text);
  assert.ok(value, `${text} is an xs:decimal`);
  return value;
}

/** Equal values give equal canonical text: decimal.js's `toFixed()` is the reference. */
function assertSame(actual: XsDecimal, expected: DecimalNumber, what: string): void {
  if (expected.isZero()) assert.ok(actual.isZero(), what);
  else assert.equal(actual.toFixed(), expected.toFixed(), what);
}

describe('XsDecimal against decimal.js', () => {
  const values = lexicalValues(400);
  const pairs = values.flatMap((a, i) => values.slice(i, i + 12).map((b) => [a, b] as const));

  it('reads what xs:decimal allows and nothing else', () => {
    for (const text of ['1e3', '', ' ', '.', '+', '-', '1.2.3', '1 000', '0x10', 'NaN', 'INF', '١٢']) assert.equal(XsDecimal.parse(text), undefined, text);
    for (const text of [' 12.50 ', '\t-3\n', '.5', '5.', '+0']) assert.ok(XsDecimal.parse(text), text);
  });

  it('adds, subtracts and multiplies exactly as decimal.js does', () => {
    for (const [a, b] of pairs) {
      assertSame(xs(a).plus(xs(b)), big(a).plus(big(b)), `${a} + ${b}`);
      assertSame(xs(a).minus(xs(b)), big(a).minus(big(b)), `${a} - ${b}`);
      assertSame(xs(a).times(xs(b)), big(a).times(big(b)), `${a} × ${b}`);
    }
  });

  it('compares exactly', () => {
    for (const [a, b] of pairs) {
      assert.equal(xs(a).comparedTo(xs(b)), big(a).comparedTo(big(b)), `${a} <=> ${b}`);
      assert.equal(xs(a).equals(xs(b)), big(a).equals(big(b)), `${a} = ${b}`);
    }
  });

  it('divides by 100, rounds half towards +∞ and converts to doubles as decimal.js does', () => {
    for (const a of values) {
      assertSame(xs(a).div(100), big(a).div(100), `${a} div 100`);
      for (const places of [0, 2]) {
        assertSame(xs(a).roundHalfCeil(places), big(a).toDecimalPlaces(places, DecimalClass.ROUND_HALF_CEIL), `round(${a}, ${places})`);
      }
      assert.equal(xs(a).toNumber(), big(a).toNumber(), `number(${a})`);
      assert.equal(xs(a).abs().isZero(), big(a).isZero(), `${a} = 0`);
    }
  });

  it('rounds the exact value of a double to cents as the long way does', () => {
    const random = generator(11);
    const doubles = [0, -0, 0.125, 0.005, 1.005, 2.675, -2.675, 1e15, 123456.785, 0.1 + 0.2, 2 ** 33 + 0.5];
    for (let i = 0; i < 3000; i++) doubles.push(Math.round((random() - 0.5) * 1e8) / 100 + (random() < 0.3 ? random() * 1e-3 : 0));
    for (const value of doubles) {
      const exact = exactDecimal(value);
      assert.ok(exact);
      const rounded = exactDecimalRounded2(value);
      assert.ok(rounded);
      assert.ok(rounded.equals(exact.roundHalfCeil(2)), `round2(${value}): ${rounded.toFixed()}`);
    }
  });
});
