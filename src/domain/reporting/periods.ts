/**
 * Reporting periods and due dates (domain.md §2.7, §2.8, §3.9). Pure: dates are `YYYY-MM-DD` strings, "today"
 * is always passed in.
 * @module
 */
import { compareIsoDates, daysBetween, isoFromParts, parseIsoDate, type IsoDate } from '@domain/calendar/iso-date';
import { aidRulesOn, D58_REPORTING } from './rules';

export type ReportKind = 'NGO_ANNUAL' | 'AGENCY_MAU04' | 'GOVERNING_ANNUAL' | 'CENTRAL_SUMMARY';

export type ReportingPeriod = {
  kind: ReportKind;
  /** The year the report is named after. */
  year: number;
  from: IsoDate;
  to: IsoDate;
  due: IsoDate;
  legalBasis: string;
  provisional: boolean;
};

/**
 * The FNGO annual report (Mẫu 05) of year Y covers 15/12/(Y-1) to 14/12/Y and is due on 18/12/Y.
 * @throws RangeError for a year outside 1900–2999
 */
export function ngoReportPeriod(year: number): ReportingPeriod {
  checkYear(year);
  return {
    kind: 'NGO_ANNUAL',
    year,
    from: isoFromParts(year - 1, D58_REPORTING.periodStart.month, D58_REPORTING.periodStart.day),
    to: isoFromParts(year, D58_REPORTING.periodEnd.month, D58_REPORTING.periodEnd.day),
    due: isoFromParts(year, D58_REPORTING.due.month, D58_REPORTING.due.day),
    legalBasis: D58_REPORTING.legalBasisNgo,
    provisional: false,
  };
}

/** A ministry's or province's annual report on FNGOs (Mẫu 04): same data window, due on 18/12/Y. */
export function agencyReportPeriod(year: number): ReportingPeriod {
  return { ...ngoReportPeriod(year), kind: 'AGENCY_MAU04', legalBasis: D58_REPORTING.legalBasisAgency };
}

/**
 * The governing agency's (cơ quan chủ quản) annual report of year Y, due on 15/01/(Y+1) under D80 Art. 13.9 (carried
 * over, provisionally, under D313). Its money is counted in Decree 58's data window, 15/12/(Y-1) to 14/12/Y, like
 * the ministries' and provinces' Mẫu 04 (issue 13), not in the calendar year: a disbursement of 20/12/Y counts in
 * the report of Y+1.
 */
export function governingReportPeriod(year: number): ReportingPeriod {
  const window = ngoReportPeriod(year);
  const due = isoFromParts(year + 1, 1, 1);
  const rules = aidRulesOn(due);
  return {
    kind: 'GOVERNING_ANNUAL',
    year,
    from: window.from,
    to: window.to,
    due: isoFromParts(year + 1, rules.governingReportDue.month, rules.governingReportDue.day),
    legalBasis: rules.legalBasis,
    provisional: rules.provisional,
  };
}

/** MOFA's (Mẫu 06) and COMINGO's (Mẫu 07) summary reports to the Prime Minister: same window, due on 25/12/Y. */
export function centralSummaryPeriod(year: number): ReportingPeriod {
  return {
    ...ngoReportPeriod(year),
    kind: 'CENTRAL_SUMMARY',
    due: isoFromParts(year, 12, D58_REPORTING.centralDueDay),
    legalBasis: D58_REPORTING.legalBasisCentral,
  };
}

/** The period of a kind of report for a year. */
export function reportPeriod(kind: ReportKind, year: number): ReportingPeriod {
  if (kind === 'NGO_ANNUAL') return ngoReportPeriod(year);
  if (kind === 'AGENCY_MAU04') return agencyReportPeriod(year);
  if (kind === 'CENTRAL_SUMMARY') return centralSummaryPeriod(year);
  return governingReportPeriod(year);
}

/** The FNGO report year a date belongs to: 15–31 December already count towards the next year's report. */
export function ngoReportYearOf(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return month === 12 && day >= D58_REPORTING.periodStart.day ? year + 1 : year;
}

/** True when `date` lies inside the period (both ends included). */
export const isWithinPeriod = (period: Pick<ReportingPeriod, 'from' | 'to'>, date: IsoDate): boolean =>
  compareIsoDates(period.from, date) <= 0 && compareIsoDates(date, period.to) <= 0;

export type DueState = 'DONE' | 'NOT_YET_OPEN' | 'OPEN' | 'DUE_SOON' | 'OVERDUE';

/**
 * Where a report stands on `today`: done once submitted; otherwise not yet open before the period ends (the
 * FNGO may still save a draft), due soon in the last 14 days, overdue after the due date.
 */
export function dueState(period: Pick<ReportingPeriod, 'to' | 'due'>, today: IsoDate, submitted: boolean): DueState {
  if (submitted) return 'DONE';
  if (compareIsoDates(today, period.due) > 0) return 'OVERDUE';
  if (daysBetween(today, period.due) <= 14) return 'DUE_SOON';
  if (compareIsoDates(today, period.to) < 0 && daysBetween(today, period.to) > 31) return 'NOT_YET_OPEN';
  return 'OPEN';
}

/** Days past the due date on `today` (0 when not overdue). */
export const daysOverdue = (due: IsoDate, today: IsoDate): number => Math.max(0, daysBetween(due, today));

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new RangeError(`Invalid report year: ${year}`);
}
