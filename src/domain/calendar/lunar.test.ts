import lunarJs from 'lunar-javascript';
import { describe, expect, it } from 'vitest';
import { newMoonJd, newMoonJde } from './astronomy';
import { addDays, fromDayNumber, toDayNumber } from './iso-date';
import { createLunarCalendar, lunarFromSolar, lunarNewYear, lunarNewYearsEve, solarFromLunar } from './lunar';

/** lunar-javascript works in Julian Day Numbers; ours in days since 1970-01-01 (JDN 2440588). */
const isoFromJdn = (jdn: number) => fromDayNumber(jdn - 2440588);

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it('gives the Vietnamese Tết dates, including the years Vietnam and China differ', () => {
    // Vietnamese Tết Nguyên Đán. 1968, 1969, 1985, 2007 and 2030 differ from the Chinese Spring Festival.
    const tet: Record<number, string> = {
      1968: '1968-01-29', // North Vietnam's first Tết at UTC+7 (China: 30/01)
      1969: '1969-02-16', // China: 17/02
      1985: '1985-01-21', // China: 20/02, a whole month later
      2000: '2000-02-05',
      2007: '2007-02-17', // China: 18/02
      2010: '2010-02-14',
      2015: '2015-02-19',
      2020: '2020-01-25',
      2021: '2021-02-12',
      2022: '2022-02-01',
      2023: '2023-01-22',
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2028: '2028-01-26',
      2029: '2029-02-13',
      2030: '2030-02-02', // China: 03/02 (new moon at 23:07 Hà Nội time)
      2031: '2031-01-23',
    };
    for (const [year, date] of Object.entries(tet)) expect([year, lunarNewYear(Number(year))]).toEqual([year, date]);
  });

  it('differs from the Chinese calendar (lunar-javascript) only in the known years 1968–2100', () => {
    const differing: number[] = [];
    for (let year = 1968; year <= 2100; year++) {
      const cn = lunarJs.LunarYear.fromYear(year).getMonthsInYear()[0]!;
      expect(cn.getMonth()).toBe(1);
      if (isoFromJdn(cn.getFirstJulianDay()) !== lunarNewYear(year)) differing.push(year);
    }
    expect(differing).toEqual([1968, 1969, 1985, 2007, 2030, 2053]);
  });

  it('places Giỗ Tổ Hùng Vương (10/3 lunar) on the published days', () => {
    expect(solarFromLunar(2024, 3, 10)).toBe('2024-04-18');
    expect(solarFromLunar(2025, 3, 10)).toBe('2025-04-07');
    expect(solarFromLunar(2026, 3, 10)).toBe('2026-04-26');
  });

  it('finds the leap months of recent and coming years', () => {
    expect(solarFromLunar(2020, 4, 1, true)).toBe('2020-05-23');
    expect(solarFromLunar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(solarFromLunar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(solarFromLunar(2028, 5, 1, true)).toBe('2028-06-23');
    // The "2033 problem": the leap month is the 11th, which lies in Gregorian December.
    expect(lunarFromSolar('2033-12-22')).toEqual({ year: 2033, month: 11, day: 1, leap: true });
    expect(lunarFromSolar('2034-01-20')).toEqual({ year: 2033, month: 12, day: 1, leap: false });
  });

  it('converts both ways, day by day, 2020–2035', () => {
    for (let n = toDayNumber('2020-01-01'); n <= toDayNumber('2035-12-31'); n++) {
      const date = fromDayNumber(n);
      const l = lunarFromSolar(date);
      expect(solarFromLunar(l.year, l.month, l.day, l.leap)).toBe(date);
    }
  });

  it('knows the last day of the lunar year (29 or 30 Chạp)', () => {
    expect(lunarNewYearsEve(2025)).toBe('2026-02-16');
    expect(lunarFromSolar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(lunarNewYearsEve(2023)).toBe('2024-02-09');
    expect(lunarFromSolar('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leap: false });
  });

  it('refuses lunar dates that do not exist and years outside its range', () => {
    expect(() => solarFromLunar(2024, 6, 1, true)).toThrow(RangeError); // 2024 has no leap month
    expect(() => solarFromLunar(2025, 12, 30)).toThrow(RangeError); // Chạp Ất Tỵ has 29 days
    expect(() => solarFromLunar(2025, 13, 1)).toThrow(RangeError);
    expect(() => lunarNewYear(1967)).toThrow(RangeError);
    expect(() => lunarNewYear(2200)).toThrow(RangeError);
  });
});

describe('the same algorithm at UTC+8 reproduces the Chinese calendar', () => {
  // lunar-javascript uses its own high-precision ephemeris, so agreement on every month start checks our
  // astronomy and month-numbering rules independently of any Vietnamese table.
  const chinese = createLunarCalendar({ utcOffsetHours: 8, minYear: 1968, maxYear: 2101 });

  it('matches every month start and leap month 1968–2100, but one new moon 3 s before midnight', () => {
    const mismatches: string[] = [];
    for (let year = 1968; year <= 2100; year++) {
      for (const m of lunarJs.LunarYear.fromYear(year).getMonthsInYear()) {
        const month = Math.abs(m.getMonth());
        const expected = isoFromJdn(m.getFirstJulianDay());
        const ours = chinese.solarFromLunar(year, month, 1, m.getMonth() < 0);
        const expectedEnd = addDays(expected, m.getDayCount() - 1);
        if (ours !== expected || chinese.lunarFromSolar(expectedEnd).day !== m.getDayCount()) {
          mismatches.push(`${year}/${m.getMonth()}`);
        }
      }
    }
    // Month 9 of 2057: the new moon is at 23:59:57 Beijing time by our reckoning, after midnight by
    // lunar-javascript's; the ΔT forecast for 2057 is uncertain by more than that.
    expect(mismatches).toEqual(['2057/8', '2057/9']);
    const nm = newMoonJd(714); // the lunation of 28/09/2057
    const beijingMinutes = ((nm + 0.5 + 8 / 24) % 1) * 1440;
    expect(beijingMinutes).toBeGreaterThan(1439);
  });
});

describe('astronomy', () => {
  it('reproduces Meeus example 49.a (new moon of 1977 Feb 18)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 5);
  });
});
