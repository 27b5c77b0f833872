import { describe, expect, it } from 'vitest';
import { publishedDecisions } from './decisions';
import { buildCalendar } from './working-calendar';

const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2025, toYear: 2030 });

/** Every Saturday and Sunday of a year, computed with the platform's UTC date, independently of our code. */
function weekendsOf(year: number): string[] {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

function expectedNonWorking(year: number, weekdaysOff: string[], workingWeekends: string[]): string[] {
  const set = new Set(weekendsOf(year).filter((d) => !workingWeekends.includes(d)));
  for (const d of weekdaysOff) set.add(d);
  return [...set].sort();
}

describe('non-working days of 2025 and 2026 (design §7 with the published decisions)', () => {
  it('2025: Tết 27–31/01, Giỗ Tổ 07/04, 30/04–02/05 (Sat 26/04 worked), Quốc khánh 01–02/09', () => {
    const expected = expectedNonWorking(
      2025,
      [
        '2025-01-01',
        '2025-01-27',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-04-07',
        '2025-04-30',
        '2025-05-01',
        '2025-05-02',
        '2025-09-01',
        '2025-09-02',
      ],
      ['2025-04-26'],
    );
    const actual = calendar.nonWorkingDays(2025);
    expect(actual.map((d) => d.date)).toEqual(expected);
    expect(actual).toHaveLength(115); // 104 weekend days − 1 worked Saturday + 12 weekdays off
  });

  it('2026: 01–02/01 (Sat 10/01 worked), Tết 16–20/02, Giỗ Tổ Sun 26/04 + Mon 27/04, 30/04–01/05, 01–02/09 by default', () => {
    const expected = expectedNonWorking(
      2026,
      [
        '2026-01-01',
        '2026-01-02',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-04-27',
        '2026-04-30',
        '2026-05-01',
        '2026-09-01',
        '2026-09-02',
      ],
      ['2026-01-10'],
    );
    const actual = calendar.nonWorkingDays(2026);
    expect(actual.map((d) => d.date)).toEqual(expected);
    expect(actual).toHaveLength(115);
  });

  it('shows the blocks with weekends: 25/01–02/02/2025, 30/08–02/09/2025, 14–22/02/2026, 25–27/04/2026', () => {
    const run = (from: string, to: string) =>
      calendar.nonWorkingDays(Number(from.slice(0, 4))).filter((d) => d.date >= from && d.date <= to).length;
    expect(run('2025-01-25', '2025-02-02')).toBe(9);
    expect(calendar.isWorkingDay('2025-01-24') && calendar.isWorkingDay('2025-02-03')).toBe(true);
    expect(run('2025-08-30', '2025-09-02')).toBe(4);
    expect(run('2026-02-14', '2026-02-22')).toBe(9);
    expect(calendar.isWorkingDay('2026-02-13') && calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(run('2026-04-25', '2026-04-27')).toBe(3);
    expect(run('2026-04-30', '2026-05-03')).toBe(4);
  });

  it('labels each day: holidays over weekends, Saturdays and Sundays in both languages', () => {
    const byDate = new Map(calendar.nonWorkingDays(2026).map((d) => [d.date, d]));
    expect(byDate.get('2026-04-26')).toMatchObject({ kind: 'HOLIDAY', reasonVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
    expect(byDate.get('2026-04-27')).toMatchObject({ kind: 'COMPENSATORY' });
    expect(byDate.get('2026-01-02')).toMatchObject({
      kind: 'SWAP_OFF',
      legalRef: expect.stringContaining('12729/VPCP-KGVX'),
    });
    expect(byDate.get('2026-01-03')).toMatchObject({ kind: 'WEEKEND', reasonVi: 'Thứ Bảy', reasonEn: 'Saturday' });
    expect(byDate.get('2026-01-04')).toMatchObject({ kind: 'WEEKEND', reasonVi: 'Chủ nhật', reasonEn: 'Sunday' });
    expect(byDate.get('2026-09-01')).toMatchObject({ kind: 'HOLIDAY', legalRef: expect.stringContaining('mặc định') });
    expect(byDate.has('2026-01-10')).toBe(false);
  });
});

describe('swapped days', () => {
  it('makes 26/04/2025 and 10/01/2026 working Saturdays and 02/05/2025 and 02/01/2026 days off', () => {
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(calendar.workingWeekendDays(2025).map((d) => d.date)).toEqual(['2025-04-26']);
    expect(calendar.workingWeekendDays(2026).map((d) => d.date)).toEqual(['2026-01-10']);
    expect(calendar.describeDay('2026-01-10')).toMatchObject({
      working: true,
      weekend: true,
      entry: { kind: 'SWAP_WORK' },
    });
  });
});

describe('decisions replace the defaults of the occasions they name', () => {
  it('2025 Tết: the decision (27–31/01) replaces the default (28/01–01/02 + Monday 03/02)', () => {
    const defaultsOnly = buildCalendar({ decisions: [], fromYear: 2025, toYear: 2025 });
    expect(defaultsOnly.isWorkingDay('2025-01-27')).toBe(true);
    expect(defaultsOnly.isWorkingDay('2025-02-03')).toBe(false);
    expect(calendar.isWorkingDay('2025-01-27')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
  });

  it('keeps defaults for occasions and years without a decision (2030 Tết, 2026 Quốc khánh)', () => {
    expect(calendar.isWorkingDay('2030-02-06')).toBe(false); // compensatory day for Saturday 02/02/2030
    expect(calendar.isWorkingDay('2030-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-01')).toBe(false);
  });

  it('accepts ad-hoc days off and the opt-in 24/11 holiday', () => {
    const custom = buildCalendar({
      decisions: [
        {
          date: '2027-03-15',
          kind: 'EXTRA_OFF',
          reasonVi: 'Nghỉ đặc biệt',
          reasonEn: 'Special day off',
          legalRef: 'test',
        },
      ],
      fromYear: 2027,
      toYear: 2027,
      cultureDayFromYear: 2027,
    });
    expect(custom.isWorkingDay('2027-03-15')).toBe(false);
    expect(custom.isWorkingDay('2027-11-24')).toBe(false);
    expect(calendar.isWorkingDay('2027-11-24')).toBe(true);
  });
});

describe('working-day arithmetic', () => {
  it('skips Tết 2026: one working day after Friday 13/02 is Monday 23/02', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-17', 1)).toBe('2026-02-23'); // from inside Tết
    expect(calendar.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-13', 0)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
  });

  it('counts the worked Saturday: 24/04/2025 + 5 WD = Monday 05/05/2025', () => {
    // 25/04 Fri, 26/04 Sat (worked), 28/04, 29/04, then 30/04–04/05 off, 05/05.
    expect(calendar.addWorkingDays('2025-04-24', 5)).toBe('2025-05-05');
  });

  it('counts working days in (a, b]', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(calendar.workingDaysBetween('2026-02-23', '2026-02-13')).toBe(-1);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
    // January 2026: 22 weekdays − 01/01 − 02/01 + Saturday 10/01.
    expect(calendar.workingDaysBetween('2025-12-31', '2026-01-31')).toBe(21);
  });

  it('is consistent: workingDaysBetween(a, addWorkingDays(a, n)) = n', () => {
    for (const a of ['2025-01-20', '2025-04-25', '2025-08-29', '2026-01-01', '2026-02-14', '2026-12-01']) {
      for (const n of [1, 2, 5, 10, 30, 45]) expect(calendar.workingDaysBetween(a, calendar.addWorkingDays(a, n))).toBe(n);
    }
  });

  it('refuses dates outside the years it was built for, and non-integer counts', () => {
    expect(() => calendar.isWorkingDay('2024-12-31')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2030-12-31', 1)).toThrow(RangeError);
    expect(() => calendar.nonWorkingDays(2031)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => buildCalendar({ decisions: [], fromYear: 2027, toYear: 2026 })).toThrow(RangeError);
  });
});

describe('Civil Code 2015 Art. 147–148 periods', () => {
  it('starts the day after the event and ends on the last day when it is a working day', () => {
    expect(calendar.endOfCalendarPeriod('2025-03-03', 3)).toBe('2025-03-06');
    expect(calendar.endOfCalendarPeriod('2025-03-03', 1)).toBe('2025-03-04');
  });

  it('moves a period ending on a Sunday to the end of Monday', () => {
    expect(calendar.endOfCalendarPeriod('2025-03-07', 2)).toBe('2025-03-10'); // ends Sunday 09/03
  });

  it('moves a period ending on the first Tết day past the whole of Tết', () => {
    expect(calendar.endOfCalendarPeriod('2026-02-06', 10)).toBe('2026-02-23'); // ends Monday 16/02 (29 Chạp)
    expect(calendar.endOfCalendarPeriod('2025-01-07', 20)).toBe('2025-02-03'); // ends Monday 27/01/2025
  });

  it('does not move a period ending on a worked Saturday', () => {
    expect(calendar.endOfCalendarPeriod('2026-01-01', 9)).toBe('2026-01-10');
  });

  it('gives the last day to act "at least N days before" a date', () => {
    // 60 days before 30/04/2026 is Sunday 01/03: offices last open Friday 27/02.
    expect(calendar.daysBefore('2026-04-30', 60)).toBe('2026-02-27');
    expect(calendar.daysBefore('2026-04-30', 60, { onNonWorkingDay: 'keep' })).toBe('2026-03-01');
    // 60 days before 21/04/2026 is Friday 20/02, inside Tết: back to Friday 13/02.
    expect(calendar.daysBefore('2026-04-21', 60)).toBe('2026-02-13');
    expect(calendar.daysBefore('2026-05-12', 60)).toBe('2026-03-13'); // a working day stays
    expect(() => calendar.endOfCalendarPeriod('2026-01-05', 0)).toThrow(RangeError);
  });
});
