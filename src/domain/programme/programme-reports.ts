import { DomainRuleError } from '@domain/rule-error';
import type { ProgrammeContent } from './programme-content';

/**
 * The yearly report on the implementation of the National Programme (báo cáo hằng năm về thực hiện Chương trình)
 * that each ministry and each province files: a draft, then submitted (read-only); central may return it for
 * changes with a reason, and the reporter submits it again.
 * @module
 */
export const programmeReportStatuses = ['DRAFT', 'SUBMITTED', 'RETURNED'] as const;
export type ProgrammeReportStatus = (typeof programmeReportStatuses)[number];
/** A report's place in the who-has-not-reported list: `NOT_STARTED` when nothing was saved yet. */
export type ProgrammeReportListStatus = ProgrammeReportStatus | 'NOT_STARTED';

export const programmeReportActions = ['save', 'submit', 'return'] as const;
export type ProgrammeReportAction = (typeof programmeReportActions)[number];
/** The reporting ministry or province, or central (administrators and central officers). */
export type ProgrammeReportRole = 'reporter' | 'central';

type Transition = { from: readonly ProgrammeReportListStatus[]; to: ProgrammeReportStatus; by: ProgrammeReportRole };
const transitions: Record<ProgrammeReportAction, Transition> = {
  save: { from: ['NOT_STARTED', 'DRAFT', 'RETURNED'], to: 'DRAFT', by: 'reporter' },
  submit: { from: ['NOT_STARTED', 'DRAFT', 'RETURNED'], to: 'SUBMITTED', by: 'reporter' },
  return: { from: ['SUBMITTED'], to: 'RETURNED', by: 'central' },
};

/**
 * The status a report moves to when `role` takes `action`. Saving a returned report keeps it RETURNED, so the
 * list still shows central what it sent back until the reporter submits again.
 * @throws DomainRuleError transition_role_not_allowed (403), transition_not_allowed (a submitted report is read-only)
 */
export function nextProgrammeReportStatus(
  status: ProgrammeReportListStatus,
  action: ProgrammeReportAction,
  role: ProgrammeReportRole,
): ProgrammeReportStatus {
  const t = transitions[action];
  if (t.by !== role) throw new DomainRuleError('transition_role_not_allowed', { action, status });
  if (!t.from.includes(status)) throw new DomainRuleError('transition_not_allowed', { action, status });
  if (action === 'save' && status === 'RETURNED') return 'RETURNED';
  return t.to;
}

/** The actions `role` may take on a report in `status` (the screen's buttons). */
export function availableProgrammeReportActions(status: ProgrammeReportListStatus, role: ProgrammeReportRole): ProgrammeReportAction[] {
  return programmeReportActions.filter((a) => transitions[a].by === role && transitions[a].from.includes(status));
}

/**
 * Due date of the yearly Programme report, as day and month of the following year. domain.md states no reporting
 * calendar for the Programme itself (§4; Decision 1225's task list is an open question, §11.6). The nearest rule it
 * gives is the governing agencies' annual synthesis of aid **mobilisation results**, due by 15 January of the
 * following year (Decree 80/2020 Art. 13.9, domain.md §3.9), which is what this report gathers; change it here when
 * the Programme's own calendar is known.
 */
export const PROGRAMME_REPORT_DUE = { month: 1, day: 15, legalBasis: 'D80/2020 Art. 13.9 (domain.md §3.9)' } as const;

/** The day a year's Programme report is due (YYYY-MM-DD, the following year). */
export function programmeReportDueDate(year: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year + 1}-${pad(PROGRAMME_REPORT_DUE.month)}-${pad(PROGRAMME_REPORT_DUE.day)}`;
}

/** A report not submitted by its due date (`today`, a Vietnam date) is overdue; a submitted one never is. */
export const isProgrammeReportOverdue = (status: ProgrammeReportListStatus, year: number, today: string): boolean =>
  status !== 'SUBMITTED' && today > programmeReportDueDate(year);

/**
 * The programme in force in a year: the one whose period covers it; when two do (an orientation overlapping the
 * end of the previous programme), the later one. Null when none covers the year.
 */
export function programmeInForce<T extends { code: string; content: Pick<ProgrammeContent, 'from' | 'to'> }>(
  programmes: readonly T[],
  year: number,
): T | null {
  const covering = programmes.filter((p) => p.content.from <= year && year <= p.content.to);
  return covering.sort((a, b) => b.content.from - a.content.from)[0] ?? null;
}

/** What a review over `from`–`to` is for a programme: its mid-term or final review, or a review of another period. */
export type ReviewKind = 'mid_term' | 'final' | 'period';

/**
 * A review that starts with the programme is its final review once it reaches the programme's last year (the 5th
 * International Conference reviewed 2019–2025), its mid-term review before (the review of 21/12/2022 covered
 * 2019–2022); any other span is a review of that period.
 */
export function reviewKind(programme: { from: number; to: number }, from: number, to: number): ReviewKind {
  if (from > programme.from) return 'period';
  return to >= programme.to ? 'final' : 'mid_term';
}
