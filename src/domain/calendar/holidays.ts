/**
 * Default public holidays of any year, computed from the Labour Code 2019 (45/2019/QH14) Art. 111–112.
 *
 * These are *defaults*: every year the Prime Minister fixes the exact Tết days and the Quốc khánh adjacent
 * day (Art. 112.3) and often approves swaps. Published decisions (decisions.ts) replace the defaults of the
 * occasions they cover, so the rules below only decide years for which no decision has been recorded yet.
 */
import type { CalendarEntry, HolidayOccasion } from './calendar-entry';
import { addDays, isoFromParts, weekday, type IsoDate } from './iso-date';
import { lunarFromSolar, lunarNewYearsEve, solarFromLunar } from './lunar';

/** Options of {@link defaultHolidays}. */
export type HolidayRuleOptions = {
  /**
   * First year in which 24/11 (Ngày Văn hóa Việt Nam) is a paid holiday. Unset (the default) means never:
   * as of the design sources it is a Politburo choice and a Government request (Resolution 30/NQ-CP, 2026) to
   * amend Art. 112.1, not yet law. Set it once the amendment is in force.
   */
  cultureDayFromYear?: number | null;
};

const LAW = 'BLLĐ 2019 (45/2019/QH14)';
const COMPENSATION_REF = `${LAW} Đ.111.3`;
const CULTURE_DAY_REF = 'Ngày Văn hóa Việt Nam 24/11 (NQ 30/NQ-CP 2026; chờ sửa Đ.112.1 BLLĐ 2019; tuỳ chọn)';

const ORDINAL_EN = ['', '1st', '2nd', '3rd', '4th', '5th'];

type HolidayDay = Omit<CalendarEntry, 'kind' | 'occasion'> & { occasion: HolidayOccasion };

/**
 * The default Tết days of Gregorian year `year`: 29 tháng Chạp and the four days after it, i.e. 29–30 Chạp and
 * mùng 1–3 when Chạp has 30 days, 29 Chạp and mùng 1–4 when it has 29. With the Art. 111.3 compensatory days
 * this reproduces the civil-service schedules of 2021 (10–16/02), 2022 (31/01–04/02), 2023 (20–26/01),
 * 2024 (08–14/02) and 2026 (16–20/02). The rule "last day of the year plus mùng 1–4" would start a day late
 * whenever Chạp has 30 days (2021, 2023, 2024). It is only a default: the Prime Minister fixes the days
 * (Art. 112.3) and sometimes picks others (2025: 28 Chạp to mùng 3, 27–31/01, avoiding a Saturday).
 */
function tetDays(year: number): HolidayDay[] {
  const ref = `${LAW} Đ.112.1.b, 112.3 (mặc định; Thủ tướng quyết định ngày cụ thể)`;
  const eve = lunarNewYearsEve(year - 1);
  const first = addDays(eve, 29 - lunarFromSolar(eve).day); // 29 tháng Chạp
  const days: HolidayDay[] = [];
  for (let i = 0; i < 5; i++) {
    const date = addDays(first, i);
    const lunar = lunarFromSolar(date);
    const chap = lunar.month === 12;
    days.push({
      date,
      occasion: 'LUNAR_NEW_YEAR',
      reasonVi: chap ? `Tết Âm lịch (${lunar.day} tháng Chạp)` : `Tết Âm lịch (mùng ${lunar.day} tháng Giêng)`,
      reasonEn: chap
        ? `Lunar New Year holiday (${lunar.day}th day of the 12th lunar month)`
        : `Lunar New Year holiday (${ORDINAL_EN[lunar.day]} day of the 1st lunar month)`,
      legalRef: ref,
    });
  }
  return days;
}

/**
 * The day the Prime Minister is expected to pair with 02/09. Practice under the 2019 Code is to pick the
 * adjacent weekday that joins the holiday to a weekend: 2021 (2/9 Thu) → 03/09; 2022 (Fri) → 01/09;
 * 2023 (Sat) → 01/09; 2024 (Mon) → 03/09; 2025 (Tue) → 01/09. Sunday → Monday 03/09 (a working day, so the
 * day is not lost). Wednesday joins no weekend either way; we take 01/09, the direction of the 2026 proposal
 * (a 5-day break ending on 02/09), until the decision is published.
 */
export function nationalDayAdjacentDate(year: number): IsoDate {
  const day = weekday(isoFromParts(year, 9, 2));
  const after = day === 0 || day === 1 || day === 4; // Sunday, Monday, Thursday
  return isoFromParts(year, 9, after ? 3 : 1);
}

function fixedHolidays(year: number, options: HolidayRuleOptions): HolidayDay[] {
  const days: HolidayDay[] = [
    {
      date: isoFromParts(year, 1, 1),
      occasion: 'NEW_YEAR',
      reasonVi: 'Tết Dương lịch',
      reasonEn: "New Year's Day",
      legalRef: `${LAW} Đ.112.1.a`,
    },
    ...tetDays(year),
    {
      date: solarFromLunar(year, 3, 10),
      occasion: 'HUNG_KINGS',
      reasonVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      reasonEn: 'Hung Kings Commemoration Day (10th day of the 3rd lunar month)',
      legalRef: `${LAW} Đ.112.1.e`,
    },
    {
      date: isoFromParts(year, 4, 30),
      occasion: 'VICTORY_DAY',
      reasonVi: 'Ngày Chiến thắng (30/4)',
      reasonEn: 'Reunification Day (30 April)',
      legalRef: `${LAW} Đ.112.1.c`,
    },
    {
      date: isoFromParts(year, 5, 1),
      occasion: 'LABOUR_DAY',
      reasonVi: 'Ngày Quốc tế lao động (1/5)',
      reasonEn: 'International Labour Day (1 May)',
      legalRef: `${LAW} Đ.112.1.d`,
    },
    {
      date: isoFromParts(year, 9, 2),
      occasion: 'NATIONAL_DAY',
      reasonVi: 'Quốc khánh (2/9)',
      reasonEn: 'National Day (2 September)',
      legalRef: `${LAW} Đ.112.1.đ`,
    },
    {
      date: nationalDayAdjacentDate(year),
      occasion: 'NATIONAL_DAY',
      reasonVi: 'Quốc khánh (ngày liền kề 2/9)',
      reasonEn: 'National Day (day adjacent to 2 September)',
      legalRef: `${LAW} Đ.112.1.đ, 112.3 (mặc định; Thủ tướng quyết định ngày liền kề)`,
    },
  ];
  if (options.cultureDayFromYear != null && year >= options.cultureDayFromYear) {
    days.push({
      date: isoFromParts(year, 11, 24),
      occasion: 'CULTURE_DAY',
      reasonVi: 'Ngày Văn hóa Việt Nam (24/11)',
      reasonEn: 'Vietnam Culture Day (24 November)',
      legalRef: CULTURE_DAY_REF,
    });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

const WEEKDAY_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Adds a compensatory day for each holiday that falls on a Saturday or Sunday (Art. 111.3: "nghỉ bù vào ngày
 * làm việc kế tiếp"). The article covers every day listed in Art. 112.1, so Tết and Quốc khánh days get one too,
 * not only the single-day holidays. The compensatory day is the first following weekday that is neither a
 * holiday nor already a compensatory day, so a Saturday–Sunday pair yields Monday and Tuesday (30/04–01/05/2022).
 */
function withCompensatoryDays(holidays: HolidayDay[]): CalendarEntry[] {
  const taken = new Set(holidays.map((h) => h.date));
  const out: CalendarEntry[] = holidays.map((h) => ({ ...h, kind: 'HOLIDAY' }));
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let candidate = addDays(holiday.date, 1);
    while (isWeekend(candidate) || taken.has(candidate)) candidate = addDays(candidate, 1);
    taken.add(candidate);
    const [, month, day] = holiday.date.split('-');
    const dayName = weekday(holiday.date);
    out.push({
      date: candidate,
      kind: 'COMPENSATORY',
      occasion: holiday.occasion,
      reasonVi: `Nghỉ bù ${holiday.reasonVi} (trùng ${WEEKDAY_VI[dayName]} ${day}/${month})`,
      reasonEn: `Compensatory day off for ${holiday.reasonEn} (fell on ${WEEKDAY_EN[dayName]} ${day}/${month})`,
      legalRef: COMPENSATION_REF,
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The default holidays and compensatory days of Gregorian year `year`, sorted by date.
 * Weekends are not listed (they are rest days by Decision 188/1999/QĐ-TTg, not holidays).
 * @throws RangeError for years outside the lunar calendar's range (lunar.ts).
 */
export function defaultHolidays(year: number, options: HolidayRuleOptions = {}): CalendarEntry[] {
  return withCompensatoryDays(fixedHolidays(year, options));
}
