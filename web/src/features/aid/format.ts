/**
 * Display helpers for money (dates: common/format/date.ts). Amounts arrive as decimal strings already rounded by the server; they are
 * only regrouped here (never parsed into floats), so what is shown is exactly what was computed.
 */
import { vietnamToday, vietnamYear } from '@common/time/vietnam-today';

export function formatAmount(value: string | null | undefined, lang: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const negative = value.startsWith('-');
  const [intPart = '0', frac] = value.replace(/^-/, '').split('.');
  const group = lang === 'en' ? ',' : '.';
  const decimal = lang === 'en' ? '.' : ',';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${frac ? decimal + frac : ''}`;
}

/** The list of years the filters offer: the current year back to 2012 (the start of the seeded rates). */
export function yearOptions(): number[] {
  const now = vietnamYear();
  return Array.from({ length: now - 2011 }, (_, i) => now - i);
}

/** The FNGO report year of today in Vietnam: from 15 December the next year's report period has begun (Decree 58). */
export function defaultReportYear(): number {
  const today = vietnamToday();
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= '12-15' ? year + 1 : year;
}

/** A percentage share as stored ("40.00") without its trailing zeros ("40"). */
export const formatShare = (share: string): string => (share.includes('.') ? share.replace(/\.?0+$/, '') : share);
