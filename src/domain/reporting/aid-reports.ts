/**
 * The reports an approved aid item owes on its own clocks (Decree 80/2020, carried into Decree 313/2025; domain.md
 * §3.9): the aid owner's and the project unit's (PMU) 6-monthly and annual reports, the completion report within six
 * months after the aid ends, and the governing agency's settlement (quyết toán) of non-budget aid by 30 June.
 * Pure code: dates are `YYYY-MM-DD`, "today" and the working calendar are passed in.
 *
 * How each due date is counted, following the text:
 * - a fixed date of the year ("by 30 June") is a plain calendar date: it does not move for a weekend or a holiday;
 * - a period counted from an event ("within 6 months after the aid ends", "10 days after the half-year") is a
 *   Civil Code period (Art. 147–148): counting starts the day after the event, and a period whose last day is a
 *   weekend or a holiday ends at the end of the next working day (so across Tết it moves to the first working day
 *   after Tết, and a working Saturday keeps its date).
 * @module
 */
import { compareIsoDates, isoFromParts, parseIsoDate, type IsoDate } from '@domain/calendar/iso-date';
import type { WorkingCalendar } from '@domain/calendar/working-calendar';

export type AidReportKind = 'OWNER_SEMIANNUAL' | 'OWNER_ANNUAL' | 'PMU_SEMIANNUAL' | 'PMU_ANNUAL' | 'COMPLETION' | 'SETTLEMENT';
export const AID_REPORT_KINDS: readonly AidReportKind[] = [
  'OWNER_SEMIANNUAL',
  'OWNER_ANNUAL',
  'PMU_SEMIANNUAL',
  'PMU_ANNUAL',
  'COMPLETION',
  'SETTLEMENT',
];

/** Who files the report: the aid owner (or its project unit), or the governing agency (chủ quản). */
export type AidReportFiler = 'OWNER' | 'GOVERNING';

/** How the due date is counted (see the module comment). */
export type DueRule = 'FIXED_DATE' | 'CIVIL_CODE_PERIOD';

export type AidReportDue = {
  kind: AidReportKind;
  /** Stable key of the period: `2026-H1`, `2026`, `COMPLETION`. */
  periodKey: string;
  from: IsoDate;
  to: IsoDate;
  due: IsoDate;
  filer: AidReportFiler;
  dueRule: DueRule;
  legalBasis: string;
  /** True when the law sets no date or the value is carried over from D80 under D313 without confirmation. */
  provisional: boolean;
};

/**
 * The parameters of the aid-report clocks. D80 Art. 14.4 and 15.5 ask for 6-monthly and annual reports without a
 * date: vnaid gives the owner and the PMU {@link AID_REPORT_RULES.periodicReportDays} days after the period (so the
 * governing agency has them before its own report of 15 January), marked provisional.
 */
export const AID_REPORT_RULES = {
  /** D80 (and D313) took effect on this date; earlier periods kept Decree 93/2009's rules, which vnaid does not model. */
  effectiveFrom: '2020-09-17',
  d313From: '2025-12-08',
  periodicReportDays: 10,
  completionMonths: 6,
  settlementDue: { month: 6, day: 30 },
  legalBasis: {
    OWNER_SEMIANNUAL: 'Nghị định 80/2020/NĐ-CP, Điều 14 khoản 4',
    OWNER_ANNUAL: 'Nghị định 80/2020/NĐ-CP, Điều 14 khoản 4',
    PMU_SEMIANNUAL: 'Nghị định 80/2020/NĐ-CP, Điều 15 khoản 5',
    PMU_ANNUAL: 'Nghị định 80/2020/NĐ-CP, Điều 15 khoản 5',
    COMPLETION: 'Nghị định 80/2020/NĐ-CP, Điều 14.4, 15.6 và 18',
    SETTLEMENT: 'Nghị định 80/2020/NĐ-CP, Điều 23 khoản 9 điểm b',
  } satisfies Record<AidReportKind, string>,
} as const;

/** The calendar functions the clocks need (a {@link WorkingCalendar} provides them). */
export type ReportCalendar = Pick<WorkingCalendar, 'endOfCalendarPeriod' | 'isWorkingDay' | 'nextWorkingDay'>;

/** The facts of an aid item the clocks read. */
export type AidReportItem = {
  status: string;
  /** Start of the aid: the actual start, else the approval date. */
  start: IsoDate | null;
  /** End of the aid: the actual end, else the planned end (null while open-ended). */
  end: IsoDate | null;
  /** True when the aid counts as state-budget revenue (no settlement by the governing agency then). */
  budgetRevenue: boolean;
};

const REPORTING_STATUSES = new Set(['APPROVED', 'IMPLEMENTING', 'COMPLETED']);

/** Adds calendar months the Civil Code way: the same day of the target month, or its last day when it has none. */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return isoFromParts(targetYear, targetMonth, Math.min(day, lastDay));
}

/** Civil Code Art. 148: a period ending on a weekend or a holiday ends at the end of the next working day. */
function rollToWorkingDay(date: IsoDate, calendar: ReportCalendar): IsoDate {
  return calendar.isWorkingDay(date) ? date : calendar.nextWorkingDay(date);
}

/** The completion report's due date: six months after the aid ends, moved past a weekend or holiday. */
export function completionReportDue(end: IsoDate, calendar: ReportCalendar): IsoDate {
  return rollToWorkingDay(addCalendarMonths(end, AID_REPORT_RULES.completionMonths), calendar);
}

/** The due date of an owner's or PMU's periodic report whose period ends on `periodEnd`. */
export function periodicReportDue(periodEnd: IsoDate, calendar: ReportCalendar): IsoDate {
  return calendar.endOfCalendarPeriod(periodEnd, AID_REPORT_RULES.periodicReportDays);
}

/** The settlement of non-budget aid for year Y is approved and sent on by 30 June of Y+1 (a fixed date). */
export const settlementDue = (year: number): IsoDate =>
  isoFromParts(year + 1, AID_REPORT_RULES.settlementDue.month, AID_REPORT_RULES.settlementDue.day);

const overlaps = (item: AidReportItem, from: IsoDate, to: IsoDate): boolean =>
  item.start !== null && compareIsoDates(item.start, to) <= 0 && (item.end === null || compareIsoDates(item.end, from) >= 0);

/**
 * Every report the aid item owes for periods of `year` (the half-year, the year, the settlement of the year, and the
 * completion report when the aid ends in the year), with its due date. Items not yet approved, cancelled or revoked
 * owe nothing; periods that ended before D80 took effect are left out.
 * @throws RangeError for a year outside 2000–2100
 */
export function aidReportsDue(item: AidReportItem, year: number, calendar: ReportCalendar): AidReportDue[] {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`Invalid report year: ${year}`);
  if (!REPORTING_STATUSES.has(item.status) || !item.start) return [];
  const out: AidReportDue[] = [];
  const h1 = { from: isoFromParts(year, 1, 1), to: isoFromParts(year, 6, 30) };
  const whole = { from: isoFromParts(year, 1, 1), to: isoFromParts(year, 12, 31) };
  const push = (
    kind: AidReportKind,
    periodKey: string,
    from: IsoDate,
    to: IsoDate,
    due: IsoDate,
    filer: AidReportFiler,
    dueRule: DueRule,
  ) => {
    if (compareIsoDates(to, AID_REPORT_RULES.effectiveFrom) < 0) return;
    const provisional =
      dueRule === 'CIVIL_CODE_PERIOD' && kind !== 'COMPLETION' ? true : compareIsoDates(due, AID_REPORT_RULES.d313From) >= 0;
    out.push({ kind, periodKey, from, to, due, filer, dueRule, legalBasis: AID_REPORT_RULES.legalBasis[kind], provisional });
  };
  if (overlaps(item, h1.from, h1.to)) {
    const due = periodicReportDue(h1.to, calendar);
    push('OWNER_SEMIANNUAL', `${year}-H1`, h1.from, h1.to, due, 'OWNER', 'CIVIL_CODE_PERIOD');
    push('PMU_SEMIANNUAL', `${year}-H1`, h1.from, h1.to, due, 'OWNER', 'CIVIL_CODE_PERIOD');
  }
  if (overlaps(item, whole.from, whole.to)) {
    const due = periodicReportDue(whole.to, calendar);
    push('OWNER_ANNUAL', `${year}`, whole.from, whole.to, due, 'OWNER', 'CIVIL_CODE_PERIOD');
    push('PMU_ANNUAL', `${year}`, whole.from, whole.to, due, 'OWNER', 'CIVIL_CODE_PERIOD');
    if (!item.budgetRevenue) push('SETTLEMENT', `${year}`, whole.from, whole.to, settlementDue(year), 'GOVERNING', 'FIXED_DATE');
  }
  if (item.end && parseIsoDate(item.end).year === year && compareIsoDates(item.start, item.end) <= 0) {
    push('COMPLETION', 'COMPLETION', item.start, item.end, completionReportDue(item.end, calendar), 'OWNER', 'CIVIL_CODE_PERIOD');
  }
  return out;
}

export type AidReportState = 'UPCOMING' | 'DUE' | 'LATE' | 'DONE';

/**
 * Where a report stands on `today`: done once filed; upcoming while its period runs (a completion report is due
 * as soon as the aid ends); due until its due date (included); late after it.
 */
export function aidReportState(report: Pick<AidReportDue, 'to' | 'due'>, today: IsoDate, filed: boolean): AidReportState {
  if (filed) return 'DONE';
  if (compareIsoDates(today, report.due) > 0) return 'LATE';
  if (compareIsoDates(today, report.to) < 0) return 'UPCOMING';
  return 'DUE';
}

/**
 * Whether a report calls for a reminder on `today`: `DUE_SOON` from two working days before its due date
 * (`remindFrom` = today + 2 working days) to the due date itself, `OVERDUE` once late (within `overdueWindowDays`,
 * so an old registry does not flood the inboxes; the lists show the older ones).
 */
export function aidReportReminder(
  report: Pick<AidReportDue, 'to' | 'due'>,
  today: IsoDate,
  remindFrom: IsoDate,
  filed: boolean,
  overdueWindowDays = 30,
): 'AID_REPORT_DUE_SOON' | 'AID_REPORT_OVERDUE' | null {
  const state = aidReportState(report, today, filed);
  if (state === 'LATE') {
    const lateDays = Math.round((Date.parse(today) - Date.parse(report.due)) / 86_400_000);
    return lateDays <= overdueWindowDays ? 'AID_REPORT_OVERDUE' : null;
  }
  if (state === 'DONE') return null;
  return compareIsoDates(report.due, remindFrom) <= 0 ? 'AID_REPORT_DUE_SOON' : null;
}
