import { describe, expect, it } from 'vitest';
import { allocateCents } from './allocation';
import { percentChange } from './change';
import { formatScaled, sumScaled, toCents } from '@domain/money/decimal';
import { definitions, isRegularlyActive, registrationReferenceDate, yearWindow } from './definitions';

describe('allocateCents', () => {
  it('keeps the sum exact when every part would round up', () => {
    const parts = allocateCents(100n, ['0.333', '0.333', '0.334']);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(100n);
    expect(parts).toEqual([33n, 33n, 34n]);
  });
  it('leaves every part within one cent of its exact value', () => {
    const exact = ['1000.004', '2000.004', '3000.004', '0.003'];
    const total = toCents(formatScaled(sumScaled(exact)));
    const parts = allocateCents(total, exact);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
    parts.forEach((cents, i) => {
      // cents → thousandths, against the exact value in thousandths: less than one cent (10) apart.
      const diff = cents * 10n - BigInt(exact[i]!.replace('.', ''));
      expect(diff < 0n ? -diff : diff).toBeLessThan(10n);
    });
  });
  it('breaks ties by order and handles zero weights', () => {
    expect(allocateCents(1n, ['1', '1'])).toEqual([1n, 0n]);
    expect(allocateCents(0n, ['0', '0'])).toEqual([0n, 0n]);
    expect(() => allocateCents(5n, ['0'])).toThrow(RangeError);
    expect(() => allocateCents(5n, ['-1', '2'])).toThrow(RangeError);
  });
});

describe('percentChange', () => {
  it('reproduces the published Cao Bằng changes for 2022', () => {
    expect(percentChange('1720153.00', '1441873.00')).toBe('19.3');
    expect(percentChange('1295162.00', '1273512.00')).toBe('1.7');
  });
  it('is negative for a fall and null without a base', () => {
    expect(percentChange('223.7', '233.0')).toBe('-4.0');
    expect(percentChange('5', '0')).toBeNull();
  });
});

describe('definitions', () => {
  it('measures registration on 31/12, or today in the running year', () => {
    expect(registrationReferenceDate(2022, '2026-11-23')).toBe('2022-12-31');
    expect(registrationReferenceDate(2026, '2026-11-23')).toBe('2026-11-23');
    expect(yearWindow(2024)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
  it('counts disbursement or a counted report as regular activity', () => {
    expect(isRegularlyActive({ disbursementsInYear: 1, countedReportForYear: false })).toBe(true);
    expect(isRegularlyActive({ disbursementsInYear: 0, countedReportForYear: true })).toBe(true);
    expect(isRegularlyActive({ disbursementsInYear: 0, countedReportForYear: false })).toBe(false);
  });
  it('has every text in both languages', () => {
    for (const d of definitions) {
      expect(d.vi.term && d.vi.text && d.en.term && d.en.text).toBeTruthy();
    }
  });
});
