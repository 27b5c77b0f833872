/**
 * The Vietnamese lunisolar calendar (âm lịch), computed rather than read from a table.
 *
 * Rules (the same as the modern Chinese calendar, GB/T 33661-2017, but reckoned at UTC+7, Hà Nội time):
 * 1. a month starts on the local day of a new moon;
 * 2. month 11 is the month that contains the winter solstice (Sun at 270°);
 * 3. when 13 months start between two consecutive months 11, the first month after month 11 that contains no
 *    major solar term (trung khí, Sun at a multiple of 30°) is a leap month and repeats the previous number.
 *
 * Because only the time zone differs, Vietnam and China sometimes disagree by a day (a new moon between 23:00
 * and 24:00 Hà Nội time) or even a month: Tết was 21/01/1985 in Vietnam and 20/02/1985 in China.
 *
 * Why not a library: `lunar-javascript` (installed) is the Chinese calendar at UTC+8, which gives wrong Tết
 * dates for Vietnam (e.g. 1985, 2007, 2030). `@dqcai/vn-lunar` (one release, published code obfuscated) cannot be
 * audited, which matters for dates that fix legal deadlines. The algorithm is ~100 lines of published astronomy;
 * lunar.test.ts checks it against lunar-javascript at UTC+8 and against known Vietnamese dates at UTC+7.
 *
 * North Vietnam moved its calendar from UTC+8 to UTC+7 in 1968; earlier Vietnamese almanacs may differ from
 * what this computes, so years before 1968 are refused.
 */
import { newMoonJd, sunLongitudeDegrees, SYNODIC_MONTH } from './astronomy';
import { fromDayNumber, toDayNumber, type IsoDate } from './iso-date';

/** A date in the lunar calendar. `leap` marks the repeated (nhuận) month. */
export type LunarDate = { year: number; month: number; day: number; leap: boolean };

/** Conversions of one lunar calendar (one time zone). */
export type LunarCalendar = {
  /** The Gregorian date of the first day of the first month (Tết Nguyên Đán) of lunar year `year`. */
  lunarNewYear(year: number): IsoDate;
  /** The Gregorian date of a lunar date. Throws RangeError when that day or leap month does not exist. */
  solarFromLunar(year: number, month: number, day: number, leap?: boolean): IsoDate;
  /** The lunar date of a Gregorian date. */
  lunarFromSolar(date: IsoDate): LunarDate;
};

/** Options of {@link createLunarCalendar}. */
export type LunarCalendarOptions = {
  /** Offset of the reckoning meridian from UTC, in hours (7 for Vietnam, 8 for China). */
  utcOffsetHours: number;
  /** First and last Gregorian years accepted (lunar years are checked against the same bounds). */
  minYear: number;
  maxYear: number;
};

/** JD (UT, integer at noon) of 1970-01-01; converts our day numbers to Julian Day Numbers. */
const JDN_OF_UNIX_EPOCH = 2440588;
const MEAN_NEW_MOON_K0_JD = 2451550.1;

type LunarMonth = { start: number; month: number; leap: boolean; lunarYear: number };

/**
 * Builds a lunar calendar reckoned at a given UTC offset. The application uses {@link vietnameseLunarCalendar};
 * other offsets exist so that tests can check the algorithm against Chinese (UTC+8) tables.
 */
export function createLunarCalendar(options: LunarCalendarOptions): LunarCalendar {
  const tz = options.utcOffsetHours / 24;
  // Segments are pure functions of the year; memoising keeps a 30-year calendar build cheap.
  const segments = new Map<number, LunarMonth[]>();

  /** Day number (days since 1970-01-01) of the local day on which new moon k falls. */
  const newMoonDay = (k: number): number => Math.floor(newMoonJd(k) + 0.5 + tz) - JDN_OF_UNIX_EPOCH;

  /** Which 30° sector the Sun is in at local midnight starting day number `day` (9 = from the solstice on). */
  const sectorAtStartOf = (day: number): number => Math.floor(sunLongitudeDegrees(day + JDN_OF_UNIX_EPOCH - 0.5 - tz) / 30);

  /** Lunation number of the month 11 that contains the winter solstice of Gregorian year `year`. */
  const month11Lunation = (year: number): number => {
    const dec31Jd = toDayNumber(`${year}-12-31`) + JDN_OF_UNIX_EPOCH;
    let k = Math.floor((dec31Jd - MEAN_NEW_MOON_K0_JD) / SYNODIC_MONTH);
    // Step to the last new moon on or before 31 December, then back once more if the solstice came before it.
    const dec31 = dec31Jd - JDN_OF_UNIX_EPOCH;
    while (newMoonDay(k) > dec31) k--;
    while (newMoonDay(k + 1) <= dec31) k++;
    if (sectorAtStartOf(newMoonDay(k)) >= 9) k--;
    return k;
  };

  /** The months from month 11 of `year - 1` up to (not including) month 11 of `year`, numbered. */
  const segment = (year: number): LunarMonth[] => {
    const cached = segments.get(year);
    if (cached) return cached;
    const kA = month11Lunation(year - 1);
    const kB = month11Lunation(year);
    const starts: number[] = [];
    for (let k = kA; k <= kB; k++) starts.push(newMoonDay(k));
    const count = kB - kA; // 12, or 13 in a leap year
    let leapIndex = -1;
    if (count === 13) {
      for (let i = 1; i < 13; i++) {
        // No change of sector between the first days of month i and month i+1: no major term inside month i.
        if (sectorAtStartOf(starts[i]!) === sectorAtStartOf(starts[i + 1]!)) {
          leapIndex = i;
          break;
        }
      }
      if (leapIndex < 0) throw new Error(`No month without a major solar term between the solstices of ${year - 1} and ${year}`);
    }
    const months: LunarMonth[] = [];
    let number = 11;
    let lunarYear = year - 1;
    for (let i = 0; i < count; i++) {
      const leap = i === leapIndex;
      if (i > 0 && !leap) {
        number = (number % 12) + 1;
        if (number === 1) lunarYear = year;
      }
      months.push({ start: starts[i]!, month: number, leap, lunarYear });
    }
    // Sentinel so every month knows where it ends.
    months.push({ start: starts[count]!, month: 11, leap: false, lunarYear: year });
    segments.set(year, months);
    return months;
  };

  const checkYear = (year: number): void => {
    if (!Number.isInteger(year) || year < options.minYear || year > options.maxYear) {
      throw new RangeError(`Lunar calendar supports years ${options.minYear}–${options.maxYear}, got ${year}`);
    }
  };

  const solarFromLunar = (year: number, month: number, day: number, leap = false): IsoDate => {
    checkYear(year);
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Lunar month must be 1–12: ${month}`);
    // Months 11 and 12 of lunar year Y lie in the segment that ends at the solstice of Gregorian year Y + 1.
    const months = segment(month >= 11 ? year + 1 : year);
    const index = months.findIndex((m, i) => i < months.length - 1 && m.lunarYear === year && m.month === month && m.leap === leap);
    if (index < 0) throw new RangeError(`Lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
    const length = months[index + 1]!.start - months[index]!.start;
    if (!Number.isInteger(day) || day < 1 || day > length) {
      throw new RangeError(`Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has ${length} days, not day ${day}`);
    }
    return fromDayNumber(months[index]!.start + day - 1);
  };

  const lunarFromSolar = (date: IsoDate): LunarDate => {
    const dayNumber = toDayNumber(date);
    const gregorianYear = Number(date.slice(0, 4));
    checkYear(gregorianYear);
    let months = segment(gregorianYear);
    if (dayNumber >= months[months.length - 1]!.start) months = segment(gregorianYear + 1);
    for (let i = months.length - 2; i >= 0; i--) {
      const m = months[i]!;
      if (dayNumber >= m.start) return { year: m.lunarYear, month: m.month, day: dayNumber - m.start + 1, leap: m.leap };
    }
    // Only reachable for days before month 11 of the previous year, which no Gregorian year contains.
    throw new Error(`Could not place ${date} in the lunar calendar`);
  };

  return { lunarNewYear: (year) => solarFromLunar(year, 1, 1), solarFromLunar, lunarFromSolar };
}

/** Lunar years this module accepts: from the 1968 switch to UTC+7 to the end of the 22nd century. */
export const LUNAR_YEAR_RANGE = { min: 1968, max: 2199 } as const;

/** The Vietnamese lunar calendar (UTC+7). */
export const vietnameseLunarCalendar: LunarCalendar = createLunarCalendar({
  utcOffsetHours: 7,
  minYear: LUNAR_YEAR_RANGE.min,
  maxYear: LUNAR_YEAR_RANGE.max,
});

/** Gregorian date of Tết Nguyên Đán (1/1 lunar) of `year` in Vietnam. */
export function lunarNewYear(year: number): IsoDate {
  return vietnameseLunarCalendar.lunarNewYear(year);
}

/**
 * Gregorian date of a Vietnamese lunar date, e.g. Giỗ Tổ Hùng Vương is `solarFromLunar(y, 3, 10)`.
 * @throws RangeError when the lunar date does not exist (day 30 of a 29-day month, a leap month the year lacks).
 */
export function solarFromLunar(year: number, month: number, day: number, leap = false): IsoDate {
  return vietnameseLunarCalendar.solarFromLunar(year, month, day, leap);
}

/** Vietnamese lunar date of a Gregorian date. */
export function lunarFromSolar(date: IsoDate): LunarDate {
  return vietnameseLunarCalendar.lunarFromSolar(date);
}

/** The last day (29 or 30 Tết / Chạp) of lunar year `year`: the eve of Tết of `year + 1`. */
export function lunarNewYearsEve(year: number): IsoDate {
  return fromDayNumber(toDayNumber(lunarNewYear(year + 1)) - 1);
}
