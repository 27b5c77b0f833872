/**
 * The reporting calendar of a year as seen by one kind of user: what they must submit, and what they receive and
 * follow up (domain.md §2.8 and §3.9).
 * @module
 */
import { compareIsoDates } from '@domain/calendar/iso-date';
import { reportPeriod, type ReportingPeriod, type ReportKind } from './periods';

/** Who is looking: an FNGO, a ministry, a province, the central bodies (MOFA, COMINGO, administrators), a consulted agency. */
export type ReportingAudience = 'ngo' | 'ministry' | 'province' | 'central' | 'reviewer';

export type CalendarEntry = ReportingPeriod & {
  /** SUBMIT: the audience files this report; RECEIVE: the audience receives it and follows up who is missing. */
  duty: 'SUBMIT' | 'RECEIVE';
};

const DUTIES: Record<ReportingAudience, [ReportKind, CalendarEntry['duty']][]> = {
  ngo: [['NGO_ANNUAL', 'SUBMIT']],
  ministry: [
    ['AGENCY_MAU04', 'SUBMIT'],
    ['GOVERNING_ANNUAL', 'SUBMIT'],
    ['NGO_ANNUAL', 'RECEIVE'],
  ],
  province: [
    ['AGENCY_MAU04', 'SUBMIT'],
    ['GOVERNING_ANNUAL', 'SUBMIT'],
    ['NGO_ANNUAL', 'RECEIVE'],
  ],
  central: [
    ['CENTRAL_SUMMARY', 'SUBMIT'],
    ['NGO_ANNUAL', 'RECEIVE'],
    ['AGENCY_MAU04', 'RECEIVE'],
    ['GOVERNING_ANNUAL', 'RECEIVE'],
  ],
  reviewer: [],
};

/**
 * Every report of `year` that concerns the audience, ordered by due date.
 * @throws RangeError for a year outside 1900–2999
 */
export function reportingCalendar(year: number, audience: ReportingAudience): CalendarEntry[] {
  return DUTIES[audience]
    .map(([kind, duty]) => ({ ...reportPeriod(kind, year), duty }))
    .sort((a, b) => compareIsoDates(a.due, b.due) || a.kind.localeCompare(b.kind));
}
