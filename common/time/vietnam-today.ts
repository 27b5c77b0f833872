/**
 * "Today" in Viet Nam, the day every legal date is counted in (deadlines, statuses, report periods, default
 * years), for the server and the browser alike. Viet Nam has no daylight saving time: UTC+7 all year, so between
 * 00:00 and 07:00 in Hà Nội the UTC date is still yesterday — never use `toISOString().slice(0, 10)` for "today".
 * The database's own "today" is `sqlVietnamToday` (src/db/vietnam-today.ts).
 * @module
 */

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar date in Viet Nam at `now`, `YYYY-MM-DD` (a dossier filed at 23:30 in Hà Nội is filed that day). */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar year in Viet Nam at `now` (on 1 January at 03:00 in Hà Nội it is already the new year). */
export function vietnamYear(now: Date = new Date()): number {
  return Number(vietnamToday(now).slice(0, 4));
}
