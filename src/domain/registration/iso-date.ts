/**
 * Calendar-date helpers for ISO `YYYY-MM-DD` strings.
 *
 * Legal dates in vnaid are whole days with no time zone, so all arithmetic is done in UTC: a local
 * time zone would shift dates across midnight. Well-formed ISO dates compare correctly as strings,
 * which the rest of the domain code relies on (`a <= b`).
 *
 * Working days are NOT handled here: the holiday calendar lives in its own module and is injected
 * where needed (see `addWorkingDays` parameters).
 */
import { DomainRuleError } from '../rule-error';

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (rejects 2023-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/**
 * Asserts that `value` is a valid ISO date.
 * @param field name reported in the error details
 * @throws DomainRuleError `invalid_date`
 */
export function assertIsoDate(value: unknown, field: string): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new DomainRuleError('invalid_date', { field, value });
}

function toUtc(date: IsoDate): Date {
  assertIsoDate(date, 'date');
  return new Date(`${date}T00:00:00.000Z`);
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** `date` plus `n` calendar days (negative `n` goes back). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtc(new Date(toUtc(date).getTime() + n * DAY_MS));
}

/**
 * `date` plus `n` years, the way Civil Code 2015 Art. 148 ends a period counted in years: on the
 * same day and month of the last year; when that day does not exist (29 February) the period ends
 * on the last day of the month (Art. 148.1(c) applied by analogy), so 2024-02-29 + 3 years is
 * 2027-02-28.
 */
export function addYears(date: IsoDate, n: number): IsoDate {
  const d = toUtc(date);
  const year = d.getUTCFullYear() + n;
  const month = d.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay))));
}

/** `date` plus `n` months, clamped to the end of the month like {@link addYears}. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const d = toUtc(date);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d.getUTCDate(), lastDay))));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * Injected working-day arithmetic: the date `n` working days after `date` (the start day is not
 * counted, Civil Code Art. 147). Provided by the calendar module, which knows holidays and swaps.
 */
export type AddWorkingDays = (date: IsoDate, n: number) => IsoDate;
