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

/**
 * A date as people type it, back to ISO `YYYY-MM-DD`: `dd/mm/yyyy` (also `d/m/yyyy`, with `.` or `-`), the form
 * every screen shows, and ISO itself (pasted from a file). Returns null when it is not a real calendar date
 * (31/02/2026), so a form never sends a date the user did not mean.
 */
export function parseShownDate(text: string): string | null {
  const value = text.trim();
  const shown = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = shown ? [shown[3], shown[2], shown[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
