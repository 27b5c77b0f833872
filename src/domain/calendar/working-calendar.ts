/**
 * The working calendar of Vietnamese state bodies: which days are working days, and the day counts built on
 * that (working-day periods, Civil Code calendar-day periods).
 *
 * How a day is decided, first match wins:
 * 1. a decision entry for that date (the last one, if an admin listed a date twice);
 * 2. a default holiday or compensatory day (holidays.ts), unless a decision of the same Gregorian year names
 *    the same occasion: then the decisions replace all default days of that occasion, because the Prime
 *    Minister's schedule is the complete set (2025 Tết was 27–31/01, not the default 28/01–01/02 + 03/02);
 * 3. Saturday and Sunday are rest days (Decision 188/1999/QĐ-TTg);
 * 4. otherwise a working day.
 */
import { isDayOffKind, type CalendarEntry, type CalendarEntryKind } from './calendar-entry';
import { defaultHolidays, type HolidayRuleOptions } from './holidays';
import { addDays, eachDay, fromDayNumber, isoFromParts, toDayNumber, weekday, yearOf, type IsoDate } from './iso-date';
import { buildWorkingDayIndex, countThrough, shiftWorkingDays, type WorkingDayIndex } from './working-day-index';

/** Why a day is not a working day. `WEEKEND` is a plain Saturday or Sunday. */
export type NonWorkingKind = Exclude<CalendarEntryKind, 'SWAP_WORK'> | 'WEEKEND';

/** A day on which state bodies are closed, with the reason to show. */
export type NonWorkingDay = {
  date: IsoDate;
  kind: NonWorkingKind;
  reasonVi: string;
  reasonEn: string;
  legalRef: string;
};

/** What the calendar knows about one day. `entry` is the holiday, swap or decision that applies, if any. */
export type DayInfo = { date: IsoDate; working: boolean; weekend: boolean; entry: CalendarEntry | null };

/** Options of {@link buildCalendar}. */
export type BuildCalendarOptions = HolidayRuleOptions & {
  /** Prime Minister's decisions (e.g. `publishedDecisions` plus rows admins added). Outside the range: ignored. */
  decisions: readonly CalendarEntry[];
  /** First and last Gregorian year the calendar covers; any date outside throws RangeError. */
  fromYear: number;
  toYear: number;
};

/** How {@link WorkingCalendar.daysBefore} treats a limit that lands on a non-working day. */
export type DaysBeforeOptions = { onNonWorkingDay?: 'previous' | 'keep' };

/** A built working calendar. All methods are pure; dates outside the covered years throw RangeError. */
export type WorkingCalendar = {
  readonly fromYear: number;
  readonly toYear: number;
  /** True when state bodies work on `date` (weekday without holiday, or a `SWAP_WORK` weekend day). */
  isWorkingDay(date: IsoDate): boolean;
  /** The entry and status of one day. */
  describeDay(date: IsoDate): DayInfo;
  /** Every non-working day of `year`, sorted: holidays, compensatory and swapped days, and weekends. */
  nonWorkingDays(year: number): NonWorkingDay[];
  /** The `SWAP_WORK` entries of `year`: Saturdays or Sundays that are working days. */
  workingWeekendDays(year: number): CalendarEntry[];
  /**
   * The date `n` working days after `from`; `from` itself is never counted, so `from` may be a holiday.
   * n = 0 returns `from`; a negative n counts backwards (the date |n| working days before).
   */
  addWorkingDays(from: IsoDate, n: number): IsoDate;
  /** Working days in the half-open interval (a, b]; negative (minus the count in (b, a]) when b is before a. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate;
  /**
   * Last day of a period of `days` calendar days that starts with event day `from`, by Civil Code 2015
   * Art. 147–148: day 1 is the day after the event; the period ends at 24:00 of day `days`; when that day is
   * a weekend or holiday, the period ends at the end of the next working day.
   * Example: an event on Friday 2025-01-03 with a 2-day period ends on Sunday 01-05, so on Monday 01-06.
   */
  endOfCalendarPeriod(from: IsoDate, days: number): IsoDate;
  /**
   * The latest date on which an act still happens "at least `days` days before `date`" (e.g. a renewal dossier
   * due 60 days before a certificate expires). By the Art. 147 counting, acting on day S leaves the days S+1 …
   * `date`, so S = `date` − `days` is the last compliant day.
   *
   * Non-working days: Art. 148's move to the next working day is for the *end* of a period; here it would
   * leave fewer than `days` days, breaking the minimum. So by default (`onNonWorkingDay: 'previous'`) the
   * result moves back to the previous working day: the last day an office can receive the act. Use `'keep'`
   * for the bare legal bound, e.g. to check a dossier filed online on a weekend.
   */
  daysBefore(date: IsoDate, days: number, options?: DaysBeforeOptions): IsoDate;
};

const WEEKEND_REASON: Record<0 | 6, { vi: string; en: string }> = {
  0: { vi: 'Chủ nhật', en: 'Sunday' },
  6: { vi: 'Thứ Bảy', en: 'Saturday' },
};
const WEEKEND_REF = 'QĐ 188/1999/QĐ-TTg Đ.1';

function assertInteger(name: string, value: number): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}

/** Builds the working calendar for the years `fromYear`–`toYear` from the default rules and the decisions. */
export function buildCalendar(options: BuildCalendarOptions): WorkingCalendar {
  const { fromYear, toYear } = options;
  assertInteger('fromYear', fromYear);
  assertInteger('toYear', toYear);
  if (toYear < fromYear) throw new RangeError(`toYear ${toYear} is before fromYear ${fromYear}`);

  const inRange = (date: IsoDate) => {
    const y = yearOf(date);
    return y >= fromYear && y <= toYear;
  };
  const overridden = new Set<string>();
  for (const d of options.decisions) if (d.occasion && inRange(d.date)) overridden.add(`${yearOf(d.date)}:${d.occasion}`);

  const entries = new Map<IsoDate, CalendarEntry>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const h of defaultHolidays(year, options)) {
      if (!overridden.has(`${year}:${h.occasion}`)) entries.set(h.date, h);
    }
  }
  for (const d of options.decisions) if (inRange(d.date)) entries.set(d.date, { ...d });

  const minDay = toDayNumber(isoFromParts(fromYear, 1, 1));
  const maxDay = toDayNumber(isoFromParts(toYear, 12, 31));
  const outside = (date: IsoDate) =>
    new RangeError(`${date} is outside the working calendar (${fromYear}–${toYear}); build it with a wider range`);
  // Deadline clocks ask about the same few thousand dates again and again: parse each date once.
  const offsets = new Map<IsoDate, number>();
  const offsetOf = (date: IsoDate): number => {
    let offset = offsets.get(date);
    if (offset === undefined) {
      const n = toDayNumber(date);
      if (n < minDay || n > maxDay) throw outside(date);
      offset = n - minDay;
      offsets.set(date, offset);
    }
    return offset;
  };
  const check = (date: IsoDate): void => void offsetOf(date);
  /** The ISO text of each offset a result has landed on (formatting a date allocates; results repeat). */
  const dates: (IsoDate | undefined)[] = [];

  // Built on first use: listing holidays never needs it, every deadline does.
  let built: WorkingDayIndex | null = null;
  const index = (): WorkingDayIndex => {
    if (!built) {
      const entryByDay = new Map([...entries].map(([date, entry]) => [toDayNumber(date), entry]));
      built = buildWorkingDayIndex(minDay, maxDay, (day) => {
        const entry = entryByDay.get(day);
        if (entry) return !isDayOffKind(entry.kind);
        const w = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
        return w !== 0 && w !== 6;
      });
    }
    return built;
  };

  const describeDay = (date: IsoDate): DayInfo => {
    check(date);
    const day = weekday(date);
    const weekend = day === 0 || day === 6;
    const entry = entries.get(date) ?? null;
    const working = entry ? !isDayOffKind(entry.kind) : !weekend;
    return { date, working, weekend, entry };
  };
  const isWorkingDay = (date: IsoDate): boolean => index().working[offsetOf(date)] === 1;

  /** The date `n` working days from `date` (see {@link shiftWorkingDays}); RangeError when it leaves the calendar. */
  const shift = (date: IsoDate, n: number): IsoDate => {
    const to = shiftWorkingDays(index(), offsetOf(date), n);
    if (to < 0) throw outside(`${n > 0 ? 'A date after' : 'A date before'} ${date}`);
    return (dates[to] ??= fromDayNumber(minDay + to));
  };

  const addWorkingDays = (from: IsoDate, n: number): IsoDate => {
    assertInteger('n', n);
    return shift(from, n);
  };

  const workingDaysBetween = (a: IsoDate, b: IsoDate): number => countThrough(index(), offsetOf(b)) - countThrough(index(), offsetOf(a));

  const nonWorkingDays = (year: number): NonWorkingDay[] => {
    const out: NonWorkingDay[] = [];
    for (const date of eachDay(isoFromParts(year, 1, 1), isoFromParts(year, 12, 31))) {
      const info = describeDay(date);
      if (info.working) continue;
      if (info.entry && info.entry.kind !== 'SWAP_WORK') {
        const { kind, reasonVi, reasonEn, legalRef } = info.entry;
        out.push({ date, kind, reasonVi, reasonEn, legalRef });
      } else {
        const reason = WEEKEND_REASON[weekday(date) as 0 | 6];
        out.push({ date, kind: 'WEEKEND', reasonVi: reason.vi, reasonEn: reason.en, legalRef: WEEKEND_REF });
      }
    }
    return out;
  };

  const workingWeekendDays = (year: number): CalendarEntry[] =>
    eachDay(isoFromParts(year, 1, 1), isoFromParts(year, 12, 31))
      .map((date) => describeDay(date))
      .filter((info) => info.weekend && info.working && info.entry !== null)
      .map((info) => ({ ...info.entry! }));

  const endOfCalendarPeriod = (from: IsoDate, days: number): IsoDate => {
    assertInteger('days', days);
    if (days < 1) throw new RangeError(`A period must last at least 1 day, got ${days}`);
    check(from);
    const last = addDays(from, days);
    return isWorkingDay(last) ? last : shift(last, 1);
  };

  const daysBefore = (date: IsoDate, days: number, opts: DaysBeforeOptions = {}): IsoDate => {
    assertInteger('days', days);
    if (days < 0) throw new RangeError(`days must not be negative, got ${days}`);
    check(date);
    const bound = addDays(date, -days);
    if ((opts.onNonWorkingDay ?? 'previous') === 'keep' || isWorkingDay(bound)) return bound;
    return shift(bound, -1);
  };

  return {
    fromYear,
    toYear,
    isWorkingDay,
    describeDay,
    nonWorkingDays,
    workingWeekendDays,
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDay: (date) => shift(date, 1),
    previousWorkingDay: (date) => shift(date, -1),
    endOfCalendarPeriod,
    daysBefore,
  };
}
