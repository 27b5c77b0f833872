import { describe, expect, it } from 'vitest';
import { compareDecimals, isDecimalString, plainDecimal, sumDecimals } from './decimal';

describe('decimal strings', () => {
  it('accepts exactly the xsd:decimal lexical space', () => {
    for (const ok of ['0', '-12', '+3.50', '.5', '5.', '12345678901234567890.123456789']) expect(isDecimalString(ok), ok).toBe(true);
    for (const bad of ['', '1e6', '1,000', '1 000', 'NaN', '-', '.', '0x10', '１２']) expect(isDecimalString(bad), bad).toBe(false);
  });

  it('sums without floating-point error', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the reason this module exists
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['33.33', '33.33', '33.34'])).toBe('100');
    expect(sumDecimals(['12345678901234567890.123456789', '0.000000001'])).toBe('12345678901234567890.12345679');
    expect(sumDecimals(['-250.5', '250.5'])).toBe('0');
    expect(sumDecimals(['-1', '0.25'])).toBe('-0.75');
    expect(sumDecimals([])).toBe('0');
  });

  it('compares numerically, not lexically', () => {
    expect(compareDecimals('100', '100.000')).toBe(0);
    expect(compareDecimals('9.5', '10')).toBe(-1);
    expect(compareDecimals('-1', '-2')).toBe(1);
  });

  it('writes the lexical variants plainly', () => {
    expect(['+5', '5.', '+5.', '.5', '-.5', '-2.50'].map(plainDecimal)).toEqual(['5', '5', '5', '0.5', '-0.5', '-2.50']);
    expect(sumDecimals(['.5', '+.25'])).toBe('0.75');
  });

  it('refuses non-decimals', () => {
    expect(() => sumDecimals(['1e3'])).toThrow(RangeError);
    expect(() => plainDecimal('1e3')).toThrow(RangeError);
  });
});
