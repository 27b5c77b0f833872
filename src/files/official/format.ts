/**
 * How official documents write numbers, dates and times (Decree 30/2020, Appendix I): Vietnamese number formats
 * (1.234.567,89), the place-and-date line "Hà Nội, ngày 07 tháng 12 năm 2026" and the time of generation in Viet
 * Nam time (UTC+7, no daylight saving) — never UTC, never the server's own zone.
 * @module
 */
import { formatAmount } from '@common/format/money';

/** The languages an official document is written in (Vietnamese is the legal text; English a courtesy copy). */
export type DocLang = 'vi' | 'en';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The instant on Viet Nam's wall clock as an ISO string (`YYYY-MM-DDTHH:mm…`). */
function vietnamWallClock(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString();
}

/**
 * When a document was generated, in Viet Nam time: "15:40 ngày 07/12/2026" / "15:40 on 07/12/2026" (the catalogues
 * put "Lập lúc" / "Generated" before it).
 */
export function generatedStamp(now: Date, lang: DocLang): string {
  const wall = vietnamWallClock(now);
  const [y, m, d] = wall.slice(0, 10).split('-');
  return `${wall.slice(11, 16)} ${lang === 'en' ? 'on' : 'ngày'} ${d}/${m}/${y}`;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The place-and-date line of Decree 30 (Appendix I, III.4): days below 10 and the months January and February get a
 * leading zero ("ngày 07 tháng 02 năm 2026", but "tháng 12", "tháng 3"). English: "Ha Noi, 7 December 2026".
 */
export function placeDateLine(place: string, isoDate: string, lang: DocLang): string {
  const [y = '', m = '', d = ''] = isoDate.slice(0, 10).split('-');
  const month = Number(m);
  const day = Number(d);
  if (lang === 'en') return `${place}, ${day} ${MONTHS_EN[month - 1] ?? m} ${y}`;
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${String(day).padStart(2, '0')} tháng ${mm} năm ${y}`;
}

/**
 * A number as an official document prints it: an exact decimal string or an integer, grouped "1.234.567,89" in
 * Vietnamese ("1,234,567.89" in English); text passes through unchanged.
 */
export function officialNumber(value: string | number | null, lang: DocLang): string {
  if (value === null || value === '') return '';
  const text = String(value);
  return /^-?\d+(\.\d+)?$/.test(text) ? formatAmount(text, lang) : text;
}

/** A percentage given as a decimal string of percent ("19.3") as printed: "19,3%" / "19.3%"; absent → "—". */
export function officialPercent(value: string | number | null, lang: DocLang): string {
  if (value === null || value === '') return '—';
  return `${officialNumber(value, lang)}%`;
}

/** A date as the body of a document writes it: dd/mm/yyyy. */
export function officialDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
