/**
 * Public API of the reporting rules: periods and due dates of the FNGO, agency and governing-agency reports, the
 * reporting calendar per audience, and the revocation rule of approved aid. Pure code: no I/O, no clock.
 */
export type { ReportKind, ReportingPeriod, DueState } from './periods';
export {
  ngoReportPeriod,
  agencyReportPeriod,
  governingReportPeriod,
  centralSummaryPeriod,
  reportPeriod,
  ngoReportYearOf,
  isWithinPeriod,
  dueState,
  daysOverdue,
} from './periods';
export type { ReportingAudience, CalendarEntry } from './calendar';
export { reportingCalendar } from './calendar';
export type { RevocationInput } from './lapse';
export { addMonths, revocableFrom, mayBeRevoked } from './lapse';
export type { RuleParameters } from './rules';
export { aidRulesOn, D58_REPORTING } from './rules';
export type { AidReportKind, AidReportFiler, AidReportDue, AidReportItem, AidReportState, DueRule, ReportCalendar } from './aid-reports';
export {
  AID_REPORT_KINDS,
  AID_REPORT_RULES,
  addCalendarMonths,
  aidReportsDue,
  aidReportState,
  aidReportReminder,
  completionReportDue,
  periodicReportDue,
  settlementDue,
} from './aid-reports';
