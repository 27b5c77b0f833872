import { describe, expect, it } from 'vitest';
import { formatAmount, formatHeadlineUsd, parseShownAmount } from './money';

describe('formatAmount', () => {
  it('regroups the exact decimal string by the screen language', () => {
    expect(formatAmount('226400000.00', 'vi')).toBe('226.400.000,00');
    expect(formatAmount('226400000.00', 'en')).toBe('226,400,000.00');
    expect(formatAmount('-1234.5', 'vi')).toBe('-1.234,5');
    expect(formatAmount(null, 'vi')).toBe('—');
  });
});

describe('formatHeadlineUsd', () => {
  it('says a headline figure in millions or billions with one decimal', () => {
    expect(formatHeadlineUsd('226400000.00', 'vi')).toBe('226,4 triệu USD');
    expect(formatHeadlineUsd('226400000.00', 'en')).toBe('USD 226.4 million');
    expect(formatHeadlineUsd('1136000000.00', 'vi')).toBe('1,1 tỷ USD');
    expect(formatHeadlineUsd('1136000000.00', 'en')).toBe('USD 1.1 billion');
  });

  it('rounds half up on the digits, not through a float', () => {
    expect(formatHeadlineUsd('223749999.99', 'en')).toBe('USD 223.7 million');
    expect(formatHeadlineUsd('223750000.00', 'en')).toBe('USD 223.8 million');
    expect(formatHeadlineUsd('999950000.00', 'vi')).toBe('1.000 triệu USD');
    expect(formatHeadlineUsd('5000000.00', 'vi')).toBe('5 triệu USD');
  });

  it('keeps small figures exact', () => {
    expect(formatHeadlineUsd('950000.00', 'vi')).toBe('950.000,00 USD');
    expect(formatHeadlineUsd('950000.00', 'en')).toBe('USD 950,000.00');
  });
});

describe('parseShownAmount', () => {
  it('reads an amount typed as the screen shows it', () => {
    expect(parseShownAmount('12.500,50', 'vi')).toBe('12500.50');
    expect(parseShownAmount('12,500.50', 'en')).toBe('12500.50');
    expect(parseShownAmount('1.234.567', 'vi')).toBe('1234567');
    expect(parseShownAmount(' 12 500,5 ', 'vi')).toBe('12500.5');
  });

  it('reads a plain decimal pasted from a file on either screen', () => {
    expect(parseShownAmount('12500.50', 'vi')).toBe('12500.50');
    expect(parseShownAmount('12500.50', 'en')).toBe('12500.50');
    expect(parseShownAmount('-250', 'en')).toBe('-250');
  });

  it('gives back what formatAmount shows', () => {
    for (const lang of ['vi', 'en']) expect(parseShownAmount(formatAmount('98765432.10', lang), lang)).toBe('98765432.10');
  });

  it('refuses what is not an amount instead of guessing', () => {
    expect(parseShownAmount('12,5,0', 'en')).toBeNull();
    expect(parseShownAmount('abc', 'vi')).toBeNull();
    expect(parseShownAmount('', 'vi')).toBeNull();
    expect(parseShownAmount('1e6', 'en')).toBeNull();
  });
});
