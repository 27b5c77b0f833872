import { describe, expect, it } from 'vitest';
import {
  addDecimal,
  centsToString,
  compareDecimal,
  formatScaled,
  isDecimal,
  mulDecimal,
  mulScaled,
  negateDecimal,
  normalizeDecimal,
  roundDecimal,
  roundMoney,
  subDecimal,
  sumDecimals,
  sumScaled,
  toCents,
} from './decimal';

describe('decimal strings', () => {
  it('recognises plain decimals only', () => {
    expect(['0', '12', '-3.5', '0.000125', '.5'].every(isDecimal)).toBe(true);
    expect(['', '1e3', '1,000', '1.', '+1', 'NaN', ' 1'].some(isDecimal)).toBe(false);
    expect(isDecimal(12)).toBe(false);
  });

  it('adds and subtracts exactly where floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(subDecimal('0.3', '0.1')).toBe('0.2');
    expect(subDecimal('1', '2.25')).toBe('-1.25');
    expect(addDecimal('-0.5', '0.5')).toBe('0');
    expect(negateDecimal('0')).toBe('0');
  });

  it('keeps every digit of large VND sums', () => {
    const big = '987654321987654321.123456789';
    expect(addDecimal(big, big)).toBe('1975308643975308642.246913578');
    expect(sumDecimals(['33.33', '33.33', '33.34'])).toBe('100');
    expect(sumDecimals([])).toBe('0');
  });

  it('multiplies without losing the fraction', () => {
    expect(mulDecimal('1234.56', '1.0912')).toBe('1347.151872');
    expect(mulDecimal('1234.57', '0.0000434782608696')).toBe('0.053676956521782072');
    expect(mulDecimal('-2', '0.5')).toBe('-1');
  });

  it('rounds half away from zero like PostgreSQL round()', () => {
    expect(roundDecimal('2.345', 2)).toBe('2.35');
    expect(roundDecimal('2.344', 2)).toBe('2.34');
    expect(roundDecimal('-2.345', 2)).toBe('-2.35');
    expect(roundDecimal('12.5', 0)).toBe('13');
    expect(roundDecimal('12.5', 2)).toBe('12.50');
    expect(roundDecimal('0.004', 2)).toBe('0.00');
    expect(roundDecimal('-0.004', 2)).toBe('0.00');
    expect(roundDecimal('999.995', 2)).toBe('1000.00');
    expect(() => roundDecimal('1', -1)).toThrow(RangeError);
  });

  it('compares and normalises', () => {
    expect(compareDecimal('10', '9.999')).toBe(1);
    expect(compareDecimal('1.50', '1.5')).toBe(0);
    expect(compareDecimal('-1', '0')).toBe(-1);
    expect(normalizeDecimal('007.500')).toBe('7.5');
    expect(() => addDecimal('1e5', '1')).toThrow(RangeError);
  });
});

describe('scaled money (statistics)', () => {
  it('sums exactly where floats do not', () => {
    expect(formatScaled(sumScaled(['0.1', '0.2']))).toBe('0.3');
    expect(formatScaled(sumScaled(['33.33', '33.33', '33.34']))).toBe('100.00');
  });
  it('rounds money half away from zero', () => {
    expect(roundMoney('1.005')).toBe('1.01');
    expect(roundMoney('1.0049999')).toBe('1.00');
    expect(roundMoney('-1.005')).toBe('-1.01');
    expect(roundMoney('7')).toBe('7.00');
    expect(toCents('1295162')).toBe(129516200n);
    expect(centsToString(5n)).toBe('0.05');
    expect(centsToString(-5n)).toBe('-0.05');
  });
  it('multiplies and compares exactly', () => {
    expect(formatScaled(mulScaled('100.10', '1.0823'))).toBe('108.338230');
    expect(compareDecimal('2.50', '2.5')).toBe(0);
    expect(compareDecimal('2.49', '2.5')).toBeLessThan(0);
  });
  it('refuses text that is not a decimal', () => {
    expect(() => roundMoney('1e5')).toThrow(RangeError);
  });
});
