import { describe, expect, it } from 'vitest';
import {
  addDecimal,
  compareDecimal,
  isDecimal,
  mulDecimal,
  negateDecimal,
  normalizeDecimal,
  roundDecimal,
  subDecimal,
  sumDecimals,
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
