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
