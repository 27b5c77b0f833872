import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@db/types';
import type { AddWorkingDays, IsoDate } from '@domain/registration';
import { CALENDAR_FROM_YEAR, CALENDAR_TO_YEAR, loadCalendar } from '@modules/calendar/calendar.service';

/** Monday to Friday, for dates the holiday calendar does not cover (before 1990, after 2100). */
function weekdaysOnly(date: IsoDate, n: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  let left = Math.abs(n);
  const step = n < 0 ? -1 : 1;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + step);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * Working-day arithmetic for the 30-working-day suspension remedy (D58 Art. 18.3) and any other working-day date
 * the registry computes: the same calendar the procedures' deadlines use (Labour Code holidays plus the Prime
 * Minister's decisions an administrator entered, src/modules/calendar), so a day off added there moves a remedy
 * deadline too. The calendar module caches the built calendar per database handle and drops it on every change;
 * pass the root handle when there is one (a transaction handle builds its own, ~0.1 s). Dates the calendar does not
 * cover fall back to weekdays only, with a margin so a 30-day walk never leaves the built range.
 */
export async function registryWorkingDays(db: Kysely<Database> | Transaction<Database>): Promise<AddWorkingDays> {
  const calendar = await loadCalendar(db);
  return (date, n) => {
    const year = Number(date.slice(0, 4));
    if (year <= CALENDAR_FROM_YEAR || year >= CALENDAR_TO_YEAR) return weekdaysOnly(date, n);
    return calendar.addWorkingDays(date, n);
  };
}
