/** Aid screens' helpers: years offered, the report year; money and dates are formatted in common/format. */
import { vietnamToday, vietnamYear } from '@common/time/vietnam-today';

export { formatAmount } from '@common/format/money';

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
