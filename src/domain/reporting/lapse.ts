/**
 * The revocation rule for approved aid (D80 Art. 4.7, carried over under D313): an aid item approved but neither
 * started nor disbursed 6 months after its approval *may* be revoked by the body that approved it. Nothing lapses
 * by itself: the item stays APPROVED (and public) until a revocation decision sets it REVOKED. The database applies
 * the same month arithmetic in SQL for the "may be revoked" flag of lists and pages (PostgreSQL's
 * `date + interval 'n months'` clamps to the end of a shorter month, so 31/08 + 6 months = 28/02 or 29/02).
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

/** The first day an approved aid item not started may be revoked (the day after the 6 months have run). */
export function revocableFrom(approvalDate: IsoDate): IsoDate {
  return addDays(addMonths(approvalDate, aidRulesOn(approvalDate).lapseMonths), 1);
}

const addDays = (date: IsoDate, days: number): IsoDate => {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

export type RevocationInput = { status: string; approvalDate: IsoDate | null; actualStart: IsoDate | null; disbursed: boolean };

/**
 * True when the approver may revoke the item on `today`: APPROVED, no actual start, no disbursement, and six months
 * past its approval. It is a flag shown beside the status, never a status of its own.
 */
export function mayBeRevoked(item: RevocationInput, today: IsoDate): boolean {
  if (item.status !== 'APPROVED' || !item.approvalDate || item.actualStart || item.disbursed) return false;
  return compareIsoDates(today, revocableFrom(item.approvalDate)) >= 0;
}
