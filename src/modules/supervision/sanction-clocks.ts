/**
 * The working-day clocks of a sanction case, computed on read from its dates with the procedures' clock
 * (src/modules/procedures/deadlines.ts) and the working calendar (holiday decisions included): opinions 10 WD from
 * the request, notice 5 WD from the decision, recovery 5 WD from the decision, remedy 30 WD and settlement 60 WD
 * from the day the NGO received the decision.
 */
import type { IsoDate, WorkingCalendar } from '@domain/calendar';
import type { DeadlineAnchor, ProcedureVersion } from '@domain/procedures';
import { clockFrom, type ClockView } from '@modules/procedures/deadlines';
import type { SanctionCaseTable, SanctionOpinionTable } from './sanctions.tables';

type CaseDates = Pick<
  SanctionCaseTable,
  | 'opinions_requested_on'
  | 'decided_on'
  | 'notice_sent_on'
  | 'notice_received_on'
  | 'remedy_reported_on'
  | 'recovered_on'
  | 'settled_on'
  | 'closed_on'
>;
type OpinionFacts = Pick<SanctionOpinionTable, 'requested_on' | 'due_working_days' | 'answered_on'>;

const ANCHOR: Partial<Record<DeadlineAnchor, keyof CaseDates>> = {
  OPINION_REQUESTED: 'opinions_requested_on',
  DECISION: 'decided_on',
  NOTICE_RECEIVED: 'notice_received_on',
};

const DONE: Record<string, keyof CaseDates> = {
  P2_OPINION: 'decided_on',
  P5_NOTIFY: 'notice_sent_on',
  P6_RECOVER: 'recovered_on',
  P6_REMEDY: 'remedy_reported_on',
  P7_SETTLE: 'settled_on',
};

/** One agency's opinion clock: from the request, done on its answer, stopped when the case closed. */
export function opinionClock(
  o: OpinionFacts,
  c: Pick<CaseDates, 'decided_on' | 'closed_on'>,
  calendar: WorkingCalendar,
  today: IsoDate,
): ClockView {
  const finished = o.answered_on ?? c.decided_on ?? c.closed_on;
  return clockFrom({ days: o.due_working_days, unit: 'WORKING' }, o.requested_on, finished, [], calendar, today);
}

/** The day after which MOFA may decide without the missing opinions: the latest opinion due date. */
export function opinionsDue(opinions: readonly OpinionFacts[], calendar: WorkingCalendar, today: IsoDate): IsoDate | null {
  const dues = opinions
    .map((o) => clockFrom({ days: o.due_working_days, unit: 'WORKING' }, o.requested_on, null, [], calendar, today).dueDate)
    .filter((d): d is string => d !== null)
    .sort();
  return dues.at(-1) ?? null;
}

/**
 * Each step's clock (null for steps without a limit). The opinions step is done once every agency answered (or the
 * decision was taken); a step whose anchor has not happened yet has NOT_STARTED.
 */
export function sanctionStepClocks(
  c: CaseDates,
  version: ProcedureVersion,
  opinions: readonly OpinionFacts[],
  calendar: WorkingCalendar,
  today: IsoDate,
): { code: string; role: string; clock: ClockView | null }[] {
  const allAnswered = opinions.length > 0 && opinions.every((o) => o.answered_on !== null);
  const lastAnswer = allAnswered
    ? ([...opinions]
        .map((o) => o.answered_on!)
        .sort()
        .at(-1) ?? null)
    : null;
  return version.steps.map((step) => {
    const deadline = step.deadline;
    const anchor = deadline ? ANCHOR[deadline.anchor] : undefined;
    if (!deadline || !anchor) return { code: step.code, role: step.role, clock: null };
    const doneColumn = DONE[step.code];
    const done = step.code === 'P2_OPINION' ? (lastAnswer ?? c.decided_on) : doneColumn ? c[doneColumn] : null;
    return { code: step.code, role: step.role, clock: clockFrom(deadline, c[anchor], done ?? c.closed_on, [], calendar, today) };
  });
}
