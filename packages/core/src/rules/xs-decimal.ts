import { DecimalClass, type DecimalNumber } from '../model/decimal.js';

/**
 * xs:decimal values for the rules, fast where invoices live and exact everywhere. A value is `units × 10^-scale`
 * with `units` a safe integer (|units| < 2^53) and a small scale — every amount, rate and quantity of an
 * ordinary invoice — and then arithmetic is integer arithmetic in doubles, which is exact. Anything else (more
 * than 15 digits, a result past 2^53, a division that does not just move the point) is computed by decimal.js,
 * the arithmetic the rules always used. The fast path only ever produces results of at most 16 digits, which
 * decimal.js (60 significant digits) would compute without rounding too, so both paths give the same values.
 */

/** Largest scale kept on the fast path: 10^22 is the largest power of ten a double holds exactly. */
const MAX_SCALE = 22;
const POW10: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, i) => 10 ** i);
/** Above this, `units * 10 + digit` could pass 2^53 - 1. */
const LAST_SAFE_TENTH = Math.floor((Number.MAX_SAFE_INTEGER - 9) / 10);

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** An xs:decimal value; immutable. The methods are named after decimal.js's, which it replaces in the rules. */
export class XsDecimal {
  /** The value 0. */
  static readonly ZERO = new XsDecimal(0, 0, undefined);
  /** The value 1 (the tolerance of the VAT amount rules). */
  static readonly ONE = new XsDecimal(1, 0, undefined);

  // Fields are declared, not defined: plain assignments in the constructor keep making one cheap.
  /** The digits as an integer (fast path only). */
  private declare readonly units: number;
  /** Digits after the point (fast path only). */
  private declare readonly scale: number;
  /** The value in decimal.js when it does not fit the fast path. */
  private declare readonly big: DecimalNumber | undefined;

  private constructor(units: number, scale: number, big: DecimalNumber | undefined) {
    this.units = units;
    this.scale = scale;
    this.big = big;
  }

  /**
   * Casts an untyped value to xs:decimal, as `xs:decimal(.)` does after `normalize-space`: an optional sign,
   * digits with an optional point, XML whitespace around; undefined when the value is not an xs:decimal.
   */
  static parse(value: string): XsDecimal | undefined {
    let start = 0;
    let end = value.length;
    while (start < end && isXmlSpace(value.charCodeAt(start))) start++;
    while (end > start && isXmlSpace(value.charCodeAt(end - 1))) end--;
    let i = start;
    const sign = value.charCodeAt(i);
    if (sign === 0x2b /* + */ || sign === 0x2d /* - */) i++;
    let units = 0;
    let digits = 0;
    let scale = -1;
    let fast = true;
    for (; i < end; i++) {
      const code = value.charCodeAt(i);
      if (code === 0x2e /* . */) {
        if (scale >= 0) return undefined;
        scale = 0;
        continue;
      }
      const digit = code - 0x30;
      if (digit < 0 || digit > 9) return undefined;
      digits++;
      if (scale >= 0) scale++;
      if (units > LAST_SAFE_TENTH) fast = false;
      else units = units * 10 + digit;
    }
    if (digits === 0) return undefined;
    if (scale < 0) scale = 0;
    if (!fast || scale > MAX_SCALE) {
      const text = value.slice(start, end);
      // decimal.js does not read a trailing point ("12."), which xs:decimal allows.
      return XsDecimal.ofExact(new DecimalClass(text.endsWith('.') ? text.slice(0, -1) : text));
    }
    // `-units` keeps the sign of a negative zero, as decimal.js does.
    return new XsDecimal(sign === 0x2d ? -units : units, scale, undefined);
  }

  /** A value given in any notation decimal.js reads (e.g. the exact expansion of a double), kept exactly. */
  static fromExactText(text: string): XsDecimal {
    return XsDecimal.ofExact(new DecimalClass(text));
  }

  /** `units × 10^-scale` for a safe integer `units`: the fast path's own constructor, for exact rounding helpers. */
  static fromScaled(units: number, scale: number): XsDecimal {
    if (!Number.isSafeInteger(units) || !Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
      throw new RangeError(`not a scaled decimal: ${units}e-${scale}`);
    }
    return new XsDecimal(units, scale, undefined);
  }

  private static ofExact(value: DecimalNumber): XsDecimal {
    return new XsDecimal(0, 0, value);
  }

  /** The value in decimal.js (for the slow path). */
  private toBig(): DecimalNumber {
    return this.big ?? new DecimalClass(this.scale === 0 ? String(this.units) : `${this.units}e-${this.scale}`);
  }

  /** This value's units at `scale` (>= its own), or undefined when that leaves the safe integers. */
  private unitsAt(scale: number): number | undefined {
    if (scale === this.scale) return this.units;
    const scaled = this.units * (POW10[scale - this.scale] as number);
    return Number.isSafeInteger(scaled) ? scaled : undefined;
  }

  /** `this + other`. */
  plus(other: XsDecimal): XsDecimal {
    return this.add(other, 1);
  }

  /** `this - other`. */
  minus(other: XsDecimal): XsDecimal {
    return this.add(other, -1);
  }

  private add(other: XsDecimal, sign: 1 | -1): XsDecimal {
    if (this.big === undefined && other.big === undefined) {
      const scale = this.scale > other.scale ? this.scale : other.scale;
      const a = this.unitsAt(scale);
      const b = other.unitsAt(scale);
      if (a !== undefined && b !== undefined) {
        const sum = a + sign * b;
        if (Number.isSafeInteger(sum)) return new XsDecimal(sum, scale, undefined);
      }
    }
    const big = this.toBig();
    return XsDecimal.ofExact(sign === 1 ? big.plus(other.toBig()) : big.minus(other.toBig()));
  }

  /** `this × other`. */
  times(other: XsDecimal): XsDecimal {
    if (this.big === undefined && other.big === undefined) {
      const product = this.units * other.units;
      const scale = this.scale + other.scale;
      // A product past 2^53 comes out as a double >= 2^53, so the check also catches rounded products.
      if (Number.isSafeInteger(product) && scale <= MAX_SCALE) return new XsDecimal(product, scale, undefined);
    }
    return XsDecimal.ofExact(this.toBig().times(other.toBig()));
  }

  /** `this div divisor`: exact on the fast path for a power of ten (the rules divide rates by 100). */
  div(divisor: number): XsDecimal {
    if (this.big === undefined) {
      const shift = POW10.indexOf(divisor);
      if (shift >= 0 && this.scale + shift <= MAX_SCALE) return new XsDecimal(this.units, this.scale + shift, undefined);
    }
    return XsDecimal.ofExact(this.toBig().div(divisor));
  }

  /** `abs(this)`. */
  abs(): XsDecimal {
    if (this.big === undefined) return this.units < 0 ? new XsDecimal(-this.units, this.scale, undefined) : this;
    return XsDecimal.ofExact(this.big.abs());
  }

  /** True for zero (of either sign). */
  isZero(): boolean {
    return this.big === undefined ? this.units === 0 : this.big.isZero();
  }

  /** Negative, zero or positive as `this` is below, equal to or above `other`. */
  comparedTo(other: XsDecimal): number {
    if (this.big === undefined && other.big === undefined) {
      const scale = this.scale > other.scale ? this.scale : other.scale;
      const a = this.unitsAt(scale);
      const b = other.unitsAt(scale);
      if (a !== undefined && b !== undefined) return a < b ? -1 : a > b ? 1 : 0;
    }
    return this.toBig().comparedTo(other.toBig());
  }

  /** `this = other`. */
  equals(other: XsDecimal): boolean {
    return this.comparedTo(other) === 0;
  }

  /** `this < other`. */
  lt(other: XsDecimal): boolean {
    return this.comparedTo(other) < 0;
  }

  /** `this <= other`. */
  lte(other: XsDecimal): boolean {
    return this.comparedTo(other) <= 0;
  }

  /** `this > other`. */
  gt(other: XsDecimal): boolean {
    return this.comparedTo(other) > 0;
  }

  /** `this >= other`. */
  gte(other: XsDecimal): boolean {
    return this.comparedTo(other) >= 0;
  }

  /**
   * Rounded to `places` decimals, halves towards positive infinity: XPath `round()` for 0 places, and the
   * official rules' `round(x * 100) div 100` for 2.
   */
  roundHalfCeil(places: number): XsDecimal {
    if (this.big === undefined) {
      if (this.scale <= places) return this;
      const unit = POW10[this.scale - places] as number;
      if (unit <= Number.MAX_SAFE_INTEGER) {
        // Integer division of safe integers: `%` is exact (its result has the sign of `units` and is smaller),
        // `units - remainder` is a smaller multiple of `unit`, so its division is exact too.
        let remainder = this.units % unit;
        let quotient = (this.units - remainder) / unit;
        if (remainder < 0) {
          quotient -= 1;
          remainder += unit;
        }
        if (remainder * 2 >= unit) quotient += 1;
        return new XsDecimal(quotient, places, undefined);
      }
    }
    return XsDecimal.ofExact(this.toBig().toDecimalPlaces(places, DecimalClass.ROUND_HALF_CEIL));
  }

  /** The nearest double, as XPath `number()` of the value (and decimal.js `toNumber()`). */
  toNumber(): number {
    // Both operands are exact doubles, and one IEEE division is correctly rounded.
    if (this.big === undefined) return this.scale === 0 ? this.units : this.units / (POW10[this.scale] as number);
    return this.big.toNumber();
  }

  /** The shortest plain notation (`20.5`, `-3`, `0.07`), as decimal.js `toFixed()` writes it. */
  toFixed(): string {
    if (this.big !== undefined) return this.big.toFixed();
    let units = this.units;
    let scale = this.scale;
    while (scale > 0 && units % 10 === 0) {
      units /= 10;
      scale--;
    }
    const sign = units < 0 || Object.is(units, -0) ? '-' : '';
    const digits = String(Math.abs(units));
    if (scale === 0) return sign + digits;
    const padded = digits.padStart(scale + 1, '0');
    return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  }
}
