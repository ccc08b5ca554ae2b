import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  amountFromCents,
  centsFromAmount,
  compareDecimals,
  decimalFromNumber,
  formatCents,
  formatDecimal,
  multiplyDecimal,
  parseDecimal,
  roundHalfUp,
} from './decimal';

describe('exact decimals', () => {
  it('reads a rate exactly, whatever its binary float', () => {
    expect(decimalFromNumber(12.15)).toEqual({ units: 1215n, scale: 2 });
    expect(decimalFromNumber(-0.88)).toEqual({ units: -88n, scale: 2 });
    expect(decimalFromNumber(7.123456)).toEqual({ units: 7123456n, scale: 6 });
    expect(decimalFromNumber(10)).toEqual({ units: 10n, scale: 0 });
    expect(decimalFromNumber(1e-7)).toEqual({ units: 1n, scale: 7 });
    expect(parseDecimal('2.150')).toEqual({ units: 215n, scale: 2 });
    expect(parseDecimal('abc')).toBeNull();
    expect(decimalFromNumber(Number.NaN)).toBeNull();
  });

  it('adds and multiplies without float error', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats; exactly 0.3 here.
    expect(formatDecimal(addDecimals(parseDecimal('0.1')!, parseDecimal('0.2')!))).toBe('0.3');
    // 3 x 2.62 (FR legal rate 2026-H1) = 7.86 exactly (3 * 2.62 = 7.8599999999999994 in floats).
    expect(formatDecimal(multiplyDecimal(parseDecimal('2.62')!, 3n))).toBe('7.86');
    expect(formatDecimal(addDecimals(parseDecimal('-0.88')!, parseDecimal('9')!))).toBe('8.12');
    expect(compareDecimals(parseDecimal('11.13')!, parseDecimal('11.130')!)).toBe(0);
    expect(compareDecimals(parseDecimal('9')!, parseDecimal('11.13')!)).toBe(-1);
  });
});

describe('money in cents', () => {
  it('converts typed amounts exactly', () => {
    expect(centsFromAmount(1234.56)).toBe(123456n);
    expect(centsFromAmount(0.1 + 0.2)).toBe(30n); // 0.30000000000000004: float noise, not a third decimal
    expect(centsFromAmount(1.005)).toBeNull(); // a third decimal: which cent was meant?
    expect(centsFromAmount('45059.25')).toBe(4505925n);
    expect(centsFromAmount(-5)).toBe(-500n);
    expect(amountFromCents(2579n)).toBe(25.79);
    expect(formatCents(4000n)).toBe('40.00');
    expect(formatCents(5n)).toBe('0.05');
  });

  it('rounds half-up (away from zero), not to even', () => {
    expect(roundHalfUp(12345n, 10n)).toBe(1235n); // 1234.5 -> 1235
    expect(roundHalfUp(12344n, 10n)).toBe(1234n);
    expect(roundHalfUp(12346n, 10n)).toBe(1235n);
    expect(roundHalfUp(12245n, 10n)).toBe(1225n); // banker's rounding would give 1224
    expect(roundHalfUp(-12345n, 10n)).toBe(-1235n);
    expect(roundHalfUp(0n, 7n)).toBe(0n);
  });
});
