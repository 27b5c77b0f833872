import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, assertIsoDate, daysBetween, isIsoDate } from './iso-date';
import { DomainRuleError } from '../rule-error';

describe('iso-date', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate(20230101)).toBe(false);
  });

  it('throws invalid_date with the field name', () => {
    try {
      assertIsoDate('2023-02-30', 'validUntil');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainRuleError);
      expect((e as DomainRuleError).code).toBe('invalid_date');
      expect((e as DomainRuleError).details).toEqual({ field: 'validUntil', value: '2023-02-30' });
    }
  });

  it('adds days across month, year and DST-free UTC boundaries', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-31', -60)).toBe('2026-01-30');
  });

  it('adds years ending on the same day, clamping 29 February', () => {
    expect(addYears('2023-01-10', 3)).toBe('2026-01-10');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-11-15', 12)).toBe('2024-11-15');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(daysBetween('2025-03-01', '2025-01-01')).toBe(-59);
  });
});
