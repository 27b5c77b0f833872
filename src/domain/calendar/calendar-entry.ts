/**
 * The record every special day is stored as, whether it comes from the Labour Code rules (holidays.ts) or
 * from a Prime Minister's yearly decision (decisions.ts). It is deliberately a flat, JSON-serialisable object:
 * the lead stores these rows in a `holiday_calendar` table that administrators edit.
 */
import type { IsoDate } from './iso-date';

/**
 * What a special day does to the working week of state bodies.
 * - `HOLIDAY`: a public holiday (Labour Code 2019 Art. 112.1) on which offices are closed.
 * - `COMPENSATORY`: day off given because a holiday fell on a Saturday or Sunday (Art. 111.3).
 * - `SWAP_OFF`: a normal working day turned into a day off by a swap (hoán đổi ngày làm việc).
 * - `SWAP_WORK`: a Saturday or Sunday turned into a working day to pay for a `SWAP_OFF` (làm bù).
 * - `EXTRA_OFF`: any other day off the Government grants (e.g. an exceptional day of national mourning
 *   handled as a closure, or a new holiday before the Labour Code lists it).
 */
export type CalendarEntryKind = 'HOLIDAY' | 'COMPENSATORY' | 'SWAP_OFF' | 'SWAP_WORK' | 'EXTRA_OFF';

/** All kinds, in a stable order (for validation and UI pick lists). */
export const CALENDAR_ENTRY_KINDS: readonly CalendarEntryKind[] = ['HOLIDAY', 'COMPENSATORY', 'SWAP_OFF', 'SWAP_WORK', 'EXTRA_OFF'];

/**
 * The statutory occasion a day belongs to. A decision entry that names an occasion replaces the default
 * (rule-computed) days of that occasion in that Gregorian year; see working-calendar.ts.
 */
export type HolidayOccasion =
  | 'NEW_YEAR' // Tết Dương lịch, 01/01
  | 'LUNAR_NEW_YEAR' // Tết Âm lịch (Tết Nguyên Đán), 5 days
  | 'HUNG_KINGS' // Giỗ Tổ Hùng Vương, 10/3 lunar
  | 'VICTORY_DAY' // Ngày Chiến thắng, 30/04
  | 'LABOUR_DAY' // Ngày Quốc tế lao động, 01/05
  | 'NATIONAL_DAY' // Quốc khánh, 02/09 plus one adjacent day
  | 'CULTURE_DAY'; // Ngày Văn hóa Việt Nam, 24/11 (pending law; opt-in)

/** All occasions, in calendar order. */
export const HOLIDAY_OCCASIONS: readonly HolidayOccasion[] = [
  'NEW_YEAR',
  'LUNAR_NEW_YEAR',
  'HUNG_KINGS',
  'VICTORY_DAY',
  'LABOUR_DAY',
  'NATIONAL_DAY',
  'CULTURE_DAY',
];

/** One special day, with its reason in both working languages and the legal text that creates it. */
export type CalendarEntry = {
  date: IsoDate;
  kind: CalendarEntryKind;
  /**
   * The occasion, when the day belongs to one. Optional so that ad-hoc decisions (an `EXTRA_OFF`) need none.
   * Setting it on a decision means "this decision fixes the days of that occasion for that year".
   */
  occasion?: HolidayOccasion | null;
  reasonVi: string;
  reasonEn: string;
  /** Citation of the legal basis, e.g. `BLLĐ 2019 Đ.112.1.a` or a Government Office letter number. */
  legalRef: string;
};

/** True for kinds that close offices (every kind except `SWAP_WORK`). */
export function isDayOffKind(kind: CalendarEntryKind): boolean {
  return kind !== 'SWAP_WORK';
}
