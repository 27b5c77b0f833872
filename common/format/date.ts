/**
 * Calendar dates as people read them: the API speaks ISO `YYYY-MM-DD`; screens and messages (the reminder e-mails)
 * show dd/mm/yyyy in both languages (Vietnamese usage, and British usage for the English screens). Dates are never
 * put through `Date`, so no time zone can move them by a day.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const [y, m, d] = value.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * An instant (an ISO timestamp from the API: audit entries, notifications, submissions) as `dd/mm/yyyy HH:mm` in
 * Viet Nam time (UTC+7, no daylight saving), in both languages: the same moment reads the same on every screen,
 * whatever the browser's own time zone, and agrees with the receipt the law asks for.
 */
export function formatMoment(value: string | null | undefined): string {
  const shifted = vietnamClock(value);
  return shifted ? `${formatDate(shifted.slice(0, 10))} ${shifted.slice(11, 16)}` : '—';
}

/** The time of day of an instant, `HH:mm` in Viet Nam time (beside a date already shown). */
export function formatClockTime(value: string | null | undefined): string {
  return vietnamClock(value)?.slice(11, 16) ?? '—';
}

/** The instant as an ISO string on Viet Nam's wall clock, or null for an absent or unreadable value. */
function vietnamClock(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms + VIETNAM_OFFSET_MS).toISOString();
}
