/**
 * The Prime Minister's yearly holiday decisions for civil servants, as data.
 *
 * Each year the Government fixes the Tết days, the Quốc khánh adjacent day and any swaps (Labour Code 2019
 * Art. 112.3). These entries are seed rows for the `holiday_calendar` table that administrators edit; the
 * working calendar lets them override the computed defaults (holidays.ts). Keep entries plain JSON.
 *
 * Sources: design/domain.md §7 (tet-amlich.com, home.vn, yeah1.com for 2025; congan.com.vn,
 * vietnammedia.vnanet.vn, thanhnien.vn, collector.com.tr for 2026). Only the 2026 New Year swap has a document
 * number in the sources (letter 12729/VPCP-KGVX of 25/12/2025); the other numbers were not recorded, so the
 * `legalRef` says so rather than guessing. An administrator should complete them.
 */
import { CALENDAR_ENTRY_KINDS, HOLIDAY_OCCASIONS, type CalendarEntry } from './calendar-entry';
import { isIsoDate, weekday } from './iso-date';

/** A Prime Minister's decision about one day. Same shape as every other calendar entry. */
export type HolidayDecision = CalendarEntry;

const LAW = 'BLLĐ 2019 (45/2019/QH14) Đ.112';
const PM_2025 = 'Lịch nghỉ năm 2025 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)';
const PM_2026 = 'Lịch nghỉ năm 2026 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)';
const VPCP_12729 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (hoán đổi ngày làm việc dịp Tết Dương lịch 2026)';

function tet(date: string, vi: string, en: string, ref: string): HolidayDecision {
  return {
    date,
    kind: 'HOLIDAY',
    occasion: 'LUNAR_NEW_YEAR',
    reasonVi: `Tết Âm lịch (${vi})`,
    reasonEn: `Lunar New Year holiday (${en})`,
    legalRef: ref,
  };
}

const decisions2025: HolidayDecision[] = [
  {
    date: '2025-01-01',
    kind: 'HOLIDAY',
    occasion: 'NEW_YEAR',
    reasonVi: 'Tết Dương lịch',
    reasonEn: "New Year's Day",
    legalRef: `${LAW}.1.a`,
  },
  // Five Tết days Mon 27/01 – Fri 31/01 (28 Chạp Giáp Thìn – mùng 3 Ất Tỵ); with the weekends, 25/01 – 02/02.
  tet('2025-01-27', '28 tháng Chạp', '28th day of the 12th lunar month', `${LAW}.1.b; ${PM_2025}`),
  tet('2025-01-28', '29 tháng Chạp', '29th day of the 12th lunar month', `${LAW}.1.b; ${PM_2025}`),
  tet('2025-01-29', 'mùng 1 tháng Giêng', '1st day of the 1st lunar month', `${LAW}.1.b; ${PM_2025}`),
  tet('2025-01-30', 'mùng 2 tháng Giêng', '2nd day of the 1st lunar month', `${LAW}.1.b; ${PM_2025}`),
  tet('2025-01-31', 'mùng 3 tháng Giêng', '3rd day of the 1st lunar month', `${LAW}.1.b; ${PM_2025}`),
  {
    date: '2025-04-07',
    kind: 'HOLIDAY',
    occasion: 'HUNG_KINGS',
    reasonVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    reasonEn: 'Hung Kings Commemoration Day (10th day of the 3rd lunar month)',
    legalRef: `${LAW}.1.e`,
  },
  {
    date: '2025-04-26',
    kind: 'SWAP_WORK',
    occasion: 'LABOUR_DAY',
    reasonVi: 'Làm bù cho ngày nghỉ Thứ Sáu 02/5',
    reasonEn: 'Working Saturday, swapped for Friday 2 May',
    legalRef: PM_2025,
  },
  {
    date: '2025-04-30',
    kind: 'HOLIDAY',
    occasion: 'VICTORY_DAY',
    reasonVi: 'Ngày Chiến thắng (30/4)',
    reasonEn: 'Reunification Day (30 April)',
    legalRef: `${LAW}.1.c`,
  },
  {
    date: '2025-05-01',
    kind: 'HOLIDAY',
    occasion: 'LABOUR_DAY',
    reasonVi: 'Ngày Quốc tế lao động (1/5)',
    reasonEn: 'International Labour Day (1 May)',
    legalRef: `${LAW}.1.d`,
  },
  {
    date: '2025-05-02',
    kind: 'SWAP_OFF',
    occasion: 'LABOUR_DAY',
    reasonVi: 'Nghỉ hoán đổi (làm bù Thứ Bảy 26/4)',
    reasonEn: 'Day off swapped with Saturday 26 April',
    legalRef: PM_2025,
  },
  // Quốc khánh: 01/09 is the adjacent day; with the weekend, Sat 30/08 – Tue 02/09.
  {
    date: '2025-09-01',
    kind: 'HOLIDAY',
    occasion: 'NATIONAL_DAY',
    reasonVi: 'Quốc khánh (ngày liền kề 2/9)',
    reasonEn: 'National Day (day adjacent to 2 September)',
    legalRef: `${LAW}.1.đ; ${PM_2025}`,
  },
  {
    date: '2025-09-02',
    kind: 'HOLIDAY',
    occasion: 'NATIONAL_DAY',
    reasonVi: 'Quốc khánh (2/9)',
    reasonEn: 'National Day (2 September)',
    legalRef: `${LAW}.1.đ`,
  },
];

const decisions2026: HolidayDecision[] = [
  {
    date: '2026-01-01',
    kind: 'HOLIDAY',
    occasion: 'NEW_YEAR',
    reasonVi: 'Tết Dương lịch',
    reasonEn: "New Year's Day",
    legalRef: `${LAW}.1.a`,
  },
  {
    date: '2026-01-02',
    kind: 'SWAP_OFF',
    occasion: 'NEW_YEAR',
    reasonVi: 'Nghỉ hoán đổi (làm bù Thứ Bảy 10/01)',
    reasonEn: 'Day off swapped with Saturday 10 January',
    legalRef: VPCP_12729,
  },
  {
    date: '2026-01-10',
    kind: 'SWAP_WORK',
    occasion: 'NEW_YEAR',
    reasonVi: 'Làm bù cho ngày nghỉ Thứ Sáu 02/01',
    reasonEn: 'Working Saturday, swapped for Friday 2 January',
    legalRef: VPCP_12729,
  },
  // Official Tết days Mon 16/02 – Fri 20/02 (29 Chạp Ất Tỵ – mùng 4 Bính Ngọ); with weekends, 14/02 – 22/02.
  tet('2026-02-16', '29 tháng Chạp', '29th day of the 12th lunar month', `${LAW}.1.b; ${PM_2026}`),
  tet('2026-02-17', 'mùng 1 tháng Giêng', '1st day of the 1st lunar month', `${LAW}.1.b; ${PM_2026}`),
  tet('2026-02-18', 'mùng 2 tháng Giêng', '2nd day of the 1st lunar month', `${LAW}.1.b; ${PM_2026}`),
  tet('2026-02-19', 'mùng 3 tháng Giêng', '3rd day of the 1st lunar month', `${LAW}.1.b; ${PM_2026}`),
  tet('2026-02-20', 'mùng 4 tháng Giêng', '4th day of the 1st lunar month', `${LAW}.1.b; ${PM_2026}`),
  {
    date: '2026-04-26',
    kind: 'HOLIDAY',
    occasion: 'HUNG_KINGS',
    reasonVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    reasonEn: 'Hung Kings Commemoration Day (10th day of the 3rd lunar month)',
    legalRef: `${LAW}.1.e`,
  },
  {
    date: '2026-04-27',
    kind: 'COMPENSATORY',
    occasion: 'HUNG_KINGS',
    reasonVi: 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật 26/04)',
    reasonEn: 'Compensatory day off for Hung Kings Commemoration Day (fell on Sunday 26/04)',
    legalRef: 'BLLĐ 2019 (45/2019/QH14) Đ.111.3',
  },
  {
    date: '2026-04-30',
    kind: 'HOLIDAY',
    occasion: 'VICTORY_DAY',
    reasonVi: 'Ngày Chiến thắng (30/4)',
    reasonEn: 'Reunification Day (30 April)',
    legalRef: `${LAW}.1.c`,
  },
  {
    date: '2026-05-01',
    kind: 'HOLIDAY',
    occasion: 'LABOUR_DAY',
    reasonVi: 'Ngày Quốc tế lao động (1/5)',
    reasonEn: 'International Labour Day (1 May)',
    legalRef: `${LAW}.1.d`,
  },
  // Quốc khánh 2026 is not confirmed (a 5-day plan was proposed): no entry, so the default rule applies.
];

/** The decisions published for 2025 and 2026, as far as design/domain.md §7 records them. */
export const publishedDecisions: readonly HolidayDecision[] = Object.freeze([...decisions2025, ...decisions2026]);

/** A problem found in a list of decisions, with the index of the offending entry. */
export type DecisionProblem = { index: number; message: string };

/**
 * Checks decisions before they are saved or used: valid dates, known kinds and occasions, reasons present,
 * no date listed twice, working swaps only on weekends and days off only on weekdays where that is the point,
 * and, for each occasion a year's decisions mention, at least one `HOLIDAY` (naming an occasion replaces all
 * its default days, so a year that lists only a swap would silently lose the holiday itself).
 */
export function validateDecisions(decisions: readonly HolidayDecision[]): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const seen = new Map<string, number>();
  const occasionsWithHoliday = new Set<string>();
  decisions.forEach((d, index) => {
    if (!isIsoDate(d.date)) return problems.push({ index, message: `invalid date ${JSON.stringify(d.date)}` });
    if (!CALENDAR_ENTRY_KINDS.includes(d.kind)) problems.push({ index, message: `unknown kind ${JSON.stringify(d.kind)}` });
    if (d.occasion != null && !HOLIDAY_OCCASIONS.includes(d.occasion)) {
      problems.push({ index, message: `unknown occasion ${JSON.stringify(d.occasion)}` });
    }
    if (!d.reasonVi?.trim() || !d.reasonEn?.trim()) problems.push({ index, message: 'reasonVi and reasonEn are required' });
    if (!d.legalRef?.trim()) problems.push({ index, message: 'legalRef is required' });
    const previous = seen.get(d.date);
    if (previous !== undefined) problems.push({ index, message: `${d.date} is already listed at index ${previous}` });
    else seen.set(d.date, index);
    const day = weekday(d.date);
    const isWeekend = day === 0 || day === 6;
    if (d.kind === 'SWAP_WORK' && !isWeekend)
      problems.push({ index, message: `SWAP_WORK on ${d.date}, which is not a Saturday or Sunday` });
    if ((d.kind === 'SWAP_OFF' || d.kind === 'COMPENSATORY') && isWeekend) {
      problems.push({ index, message: `${d.kind} on ${d.date}, which is already a weekend day` });
    }
    if (d.kind === 'HOLIDAY' && d.occasion) occasionsWithHoliday.add(`${d.date.slice(0, 4)}:${d.occasion}`);
    return undefined;
  });
  decisions.forEach((d, index) => {
    if (!d.occasion || !isIsoDate(d.date)) return;
    const key = `${d.date.slice(0, 4)}:${d.occasion}`;
    if (!occasionsWithHoliday.has(key)) {
      problems.push({
        index,
        message: `${d.occasion} ${d.date.slice(0, 4)} has decisions but no HOLIDAY entry; its default days would be dropped`,
      });
      occasionsWithHoliday.add(key); // report once per occasion and year
    }
  });
  return problems;
}
