/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) and the day arithmetic the calendar needs.
 *
 * A legal date in Vietnam is a whole day, not an instant, so dates never pass through a `Date` in local time:
 * everything below works on a day number (days since 1970-01-01) computed in UTC. The process time zone
 * (`TZ`) therefore cannot shift a deadline by one day.
 */

/** A calendar date written `YYYY-MM-DD` (proleptic Gregorian, no time, no zone). */
export type IsoDate = string;

/** Day of the week as JavaScript numbers it: 0 = Sunday, 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Year, month (1–12) and day (1–31) of an ISO date. */
export type DateParts = { year: number; month: number; day: number };

/**
 * Splits an ISO date into numbers, refusing anything that is not a real calendar day (e.g. `2025-02-29`).
 * @throws RangeError when the text is not a valid `YYYY-MM-DD` date.
 */
export function parseIsoDate(date: IsoDate): DateParts {
  const match = ISO_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Round-tripping through UTC catches 2025-02-30 and 2025-13-01, which Date.UTC would silently roll over.
  const back = new Date(Date.UTC(year, month - 1, day));
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar day: ${date}`);
  }
  return { year, month, day };
}

/** True when `value` is a valid `YYYY-MM-DD` calendar day. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Formats numbers as an ISO date. Month is 1–12. Years outside 0–9999 are not supported. */
export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). The one number all date arithmetic here is done on. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Inverse of {@link toDayNumber}. */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  const d = new Date(dayNumber * MS_PER_DAY);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Day of the week of an ISO date (0 = Sunday … 6 = Saturday). */
export function weekday(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

/** Orders two ISO dates; valid ISO dates sort correctly as plain strings, so no parsing is needed. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every date from `from` to `to`, both included (empty when `to` is before `from`). */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  const end = toDayNumber(to);
  for (let n = toDayNumber(from); n <= end; n++) out.push(fromDayNumber(n));
  return out;
}

/** The year of an ISO date, without building a `Date`. */
export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `date` plus `n` months, the way the Civil Code 2015 (Art. 148) ends a period counted in months or years: on the
 * same day of the last month; when that day does not exist the period ends on the last day of that month, so
 * 2023-01-31 + 1 month is 2023-02-28.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return isoFromParts(targetYear, targetMonth, Math.min(day, lastDayOfMonth(targetYear, targetMonth)));
}

/** `date` plus `n` years, ending like {@link addMonths}: 2024-02-29 + 3 years is 2027-02-28. */
export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonths(date, 12 * n);
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
