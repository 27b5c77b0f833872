import { describe, expect, it } from 'vitest';
import { assertIsoDate, isIsoDate } from './iso-date';
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
});
