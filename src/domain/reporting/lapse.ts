/**
 * The lapse rule for approved aid (D80 Art. 4.7, carried over under D313): an aid item approved but not started
 * within 6 months of its approval lapses. The database applies the same rule in SQL (aid list and detail), and
 * the unit tests below pin the month arithmetic both sides share (PostgreSQL's `date + interval 'N months'`
 * clamps to the end of a shorter month, so 31/08 + 6 months = 28/02 or 29/02).
 * @module
 */
import { compareIsoDates, isoFromParts, parseIsoDate, type IsoDate } from '@domain/calendar/iso-date';
import { aidRulesOn } from './rules';

/** The date `months` calendar months after `date`, clamped to the last day of the target month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be an integer: ${months}`);
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return isoFromParts(targetYear, targetMonth, Math.min(day, lastDay));
}

/** The last day an approved aid item may start without lapsing. */
export function lapseDate(approvalDate: IsoDate): IsoDate {
  return addMonths(approvalDate, aidRulesOn(approvalDate).lapseMonths);
}

export type LapseInput = { status: string; approvalDate: IsoDate | null; actualStart: IsoDate | null };

/**
 * True when an APPROVED item has no actual start and `today` is past its lapse date. Items in other states, or
 * without an approval date, never lapse by this rule.
 */
export function isLapsed(item: LapseInput, today: IsoDate): boolean {
  if (item.status !== 'APPROVED' || !item.approvalDate || item.actualStart) return false;
  return compareIsoDates(today, lapseDate(item.approvalDate)) > 0;
}

/** The status to show: the stored one, or LAPSED when {@link isLapsed}. */
export function effectiveAidStatus<S extends string>(item: LapseInput & { status: S }, today: IsoDate): S | 'LAPSED' {
  return isLapsed(item, today) ? 'LAPSED' : item.status;
}
