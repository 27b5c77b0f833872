import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  eachDay,
  fromDayNumber,
  isIsoDate,
  maxDate,
  minDate,
  parseIsoDate,
  toDayNumber,
  weekday,
} from './iso-date';

describe('ISO dates', () => {
  it('adds years ending on the same day, clamping 29 February (Civil Code Art. 148)', () => {
    expect(addYears('2023-01-10', 3)).toBe('2026-01-10');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('adds months clamping to the end of the month, forwards and backwards', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-11-15', 12)).toBe('2024-11-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
  });

  it('picks the earlier and the later of two dates', () => {
    expect(minDate('2025-01-02', '2024-12-31')).toBe('2024-12-31');
    expect(maxDate('2025-01-02', '2024-12-31')).toBe('2025-01-02');
  });

  it('parses real calendar days only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '2025-01-01T00:00', '']) expect(isIsoDate(bad)).toBe(false);
    expect(() => toDayNumber('2025-02-30')).toThrow(RangeError);
  });

  it('does day arithmetic across months, years and leap days', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2026-02-17'))).toBe('2026-02-17');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(eachDay('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(weekday('2026-02-17')).toBe(2); // Tuesday
    expect(weekday('1969-12-28')).toBe(0); // Sunday, before the epoch
  });

  describe('does not depend on the process time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });
    for (const tz of ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      it(`under TZ=${tz}`, () => {
        process.env.TZ = tz;
        expect(addDays('2026-02-13', 10)).toBe('2026-02-23');
        expect(weekday('2026-02-23')).toBe(1);
        expect(fromDayNumber(toDayNumber('2025-04-26'))).toBe('2025-04-26');
      });
    }
  });
});
