import { describe, expect, it } from 'vitest';
import { defaultHolidays, nationalDayAdjacentDate } from './holidays';

/** Compact view: `date KIND OCCASION`. */
const compact = (year: number, options = {}) => defaultHolidays(year, options).map((h) => `${h.date} ${h.kind} ${h.occasion}`);

describe('default holidays (Labour Code 2019 Art. 111–112)', () => {
  it('computes a far year from the lunar calendar: 2030, Tết on Saturday 02/02 (China: 03/02)', () => {
    expect(compact(2030)).toEqual([
      '2030-01-01 HOLIDAY NEW_YEAR',
      '2030-02-01 HOLIDAY LUNAR_NEW_YEAR', // 29 Chạp Kỷ Dậu
      '2030-02-02 HOLIDAY LUNAR_NEW_YEAR', // mùng 1 Canh Tuất, Saturday
      '2030-02-03 HOLIDAY LUNAR_NEW_YEAR', // Sunday
      '2030-02-04 HOLIDAY LUNAR_NEW_YEAR',
      '2030-02-05 HOLIDAY LUNAR_NEW_YEAR',
      '2030-02-06 COMPENSATORY LUNAR_NEW_YEAR', // for Saturday 02/02
      '2030-02-07 COMPENSATORY LUNAR_NEW_YEAR', // for Sunday 03/02
      '2030-04-12 HOLIDAY HUNG_KINGS', // 10/3 Canh Tuất
      '2030-04-30 HOLIDAY VICTORY_DAY',
      '2030-05-01 HOLIDAY LABOUR_DAY',
      '2030-09-02 HOLIDAY NATIONAL_DAY', // Monday
      '2030-09-03 HOLIDAY NATIONAL_DAY', // adjacent Tuesday
    ]);
  });

  it('gives 11 holiday days a year, every year', () => {
    for (let year = 2021; year <= 2060; year++) {
      expect(defaultHolidays(year).filter((h) => h.kind === 'HOLIDAY')).toHaveLength(11);
    }
  });

  it('reproduces the Tết blocks of the civil-service schedules 2021–2024 and 2026', () => {
    const tetOff = (year: number) =>
      defaultHolidays(year)
        .filter((h) => h.occasion === 'LUNAR_NEW_YEAR')
        .map((h) => h.date);
    expect(tetOff(2021)).toEqual(['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16']);
    expect(tetOff(2022)).toEqual(['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04']);
    expect(tetOff(2023)).toEqual(['2023-01-20', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']);
    expect(tetOff(2024)).toEqual(['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14']);
    expect(tetOff(2026)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });

  it('names Tết days by their lunar date in both languages', () => {
    const tet = defaultHolidays(2026).filter((h) => h.occasion === 'LUNAR_NEW_YEAR');
    expect(tet[0]).toMatchObject({
      reasonVi: 'Tết Âm lịch (29 tháng Chạp)',
      reasonEn: 'Lunar New Year holiday (29th day of the 12th lunar month)',
    });
    expect(tet[1]).toMatchObject({
      reasonVi: 'Tết Âm lịch (mùng 1 tháng Giêng)',
      reasonEn: 'Lunar New Year holiday (1st day of the 1st lunar month)',
    });
    expect(tet[4]!.legalRef).toContain('112.3');
  });

  it('gives the next working day for a single holiday on a weekend (Art. 111.3)', () => {
    // Giỗ Tổ on Sunday 26/04/2026 → Monday 27/04.
    const hung = defaultHolidays(2026).filter((h) => h.occasion === 'HUNG_KINGS');
    expect(hung.map((h) => `${h.date} ${h.kind}`)).toEqual(['2026-04-26 HOLIDAY', '2026-04-27 COMPENSATORY']);
    expect(hung[1]).toMatchObject({
      reasonEn: expect.stringContaining('Sunday 26/04'),
      legalRef: expect.stringContaining('Đ.111.3'),
    });
    // New Year on Saturday 01/01/2022 → Monday 03/01, not Sunday.
    expect(compact(2022)).toContain('2022-01-03 COMPENSATORY NEW_YEAR');
  });

  it('queues several compensatory days after each other (30/04 Sat + 01/05 Sun 2022; 29/04–01/05/2023)', () => {
    expect(compact(2022).filter((s) => s >= '2022-04-30' && s < '2022-06')).toEqual([
      '2022-04-30 HOLIDAY VICTORY_DAY',
      '2022-05-01 HOLIDAY LABOUR_DAY',
      '2022-05-02 COMPENSATORY VICTORY_DAY',
      '2022-05-03 COMPENSATORY LABOUR_DAY',
    ]);
    // 2023: Giỗ Tổ Saturday 29/04, 30/04 Sunday, 01/05 Monday → off through Wednesday 03/05, as published.
    expect(compact(2023).filter((s) => s.includes('COMPENSATORY') && s.startsWith('2023-05'))).toEqual([
      '2023-05-02 COMPENSATORY HUNG_KINGS',
      '2023-05-03 COMPENSATORY VICTORY_DAY',
    ]);
  });

  it('pairs 02/09 with the adjacent weekday that joins a weekend, as in 2021–2025', () => {
    expect(nationalDayAdjacentDate(2021)).toBe('2021-09-03'); // 2/9 Thursday
    expect(nationalDayAdjacentDate(2022)).toBe('2022-09-01'); // Friday
    expect(nationalDayAdjacentDate(2023)).toBe('2023-09-01'); // Saturday
    expect(nationalDayAdjacentDate(2024)).toBe('2024-09-03'); // Monday
    expect(nationalDayAdjacentDate(2025)).toBe('2025-09-01'); // Tuesday
    expect(nationalDayAdjacentDate(2026)).toBe('2026-09-01'); // Wednesday: tie, before
    expect(nationalDayAdjacentDate(2029)).toBe('2029-09-03'); // Sunday: the Monday
    // 2023: 2/9 on Saturday also earns Monday 04/09, giving the published 01–04/09 break.
    expect(compact(2023).filter((s) => s.includes('NATIONAL_DAY'))).toEqual([
      '2023-09-01 HOLIDAY NATIONAL_DAY',
      '2023-09-02 HOLIDAY NATIONAL_DAY',
      '2023-09-04 COMPENSATORY NATIONAL_DAY',
    ]);
  });

  it('adds 24/11 (Ngày Văn hóa Việt Nam) only when opted in, from the chosen year', () => {
    expect(compact(2026).some((s) => s.includes('CULTURE_DAY'))).toBe(false);
    expect(compact(2026, { cultureDayFromYear: 2027 }).some((s) => s.includes('CULTURE_DAY'))).toBe(false);
    // 24/11/2027 is a Wednesday; 24/11/2029 a Saturday, compensated on Monday 26/11.
    expect(compact(2027, { cultureDayFromYear: 2027 })).toContain('2027-11-24 HOLIDAY CULTURE_DAY');
    expect(compact(2029, { cultureDayFromYear: 2027 }).slice(-2)).toEqual([
      '2029-11-24 HOLIDAY CULTURE_DAY',
      '2029-11-26 COMPENSATORY CULTURE_DAY',
    ]);
  });
});
