import { buildCalendar, publishedDecisions, type WorkingCalendar } from '@domain/calendar';
import type { AddWorkingDays, IsoDate } from '@domain/registration';

/** Years the working calendar is built for: every certificate date the registry is likely to hold. */
const FROM_YEAR = 2000;
const TO_YEAR = 2100;

let calendar: WorkingCalendar | undefined;

/** Monday to Friday, for dates the holiday calendar does not cover (before 2000, after 2100). */
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
 * Working-day arithmetic for the 30-working-day suspension remedy (D58 Art. 18.3): Vietnam's public holidays and
 * the Prime Minister's published swap decisions (src/domain/calendar). Built once, lazily (about 0.2 s); dates
 * outside 2000–2100 fall back to weekdays only.
 */
export const addWorkingDays: AddWorkingDays = (date, n) => {
  const year = Number(date.slice(0, 4));
  if (year < FROM_YEAR || year > TO_YEAR - 1) return weekdaysOnly(date, n);
  calendar ??= buildCalendar({ decisions: publishedDecisions, fromYear: FROM_YEAR, toYear: TO_YEAR });
  return calendar.addWorkingDays(date, n);
};

/** Today's date in Vietnam (UTC+7), the day legal deadlines are counted in. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
