/**
 * Due dates, days left and days overdue of a dossier: the whole procedure (30 / 25 WD from the complete dossier)
 * and each step, computed with the working calendar (database decisions included) and the clock pauses.
 * Pure: the caller passes the calendar and "today".
 */
import { computeCalendarDeadline, computeDeadline, type ClockPause, type IsoDate, type WorkingCalendar } from '@domain/calendar';
import type { Deadline, DeadlineAnchor, ProcedureVersion } from '@domain/procedures';
import type { DossierTable } from './procedures.tables';

/** The dossier columns every clock is computed from (views that only need clocks read these, not whole rows). */
export const DOSSIER_DATE_COLUMNS = [
  'submitted_on',
  'last_received_on',
  'accepted_on',
  'consultation_sent_on',
  'opinions_complete_on',
  'forwarded_on',
  'appraisal_started_on',
  'decided_on',
  'delivered_on',
  'closed_on',
] as const satisfies readonly (keyof DossierTable)[];

/** The step dates a dossier stores (see the dossiers table). */
export type DossierDates = Pick<DossierTable, (typeof DOSSIER_DATE_COLUMNS)[number]>;

/** A clock as the UI shows it. */
export type ClockView = {
  days: number;
  unit: 'WORKING' | 'CALENDAR';
  startedOn: IsoDate | null;
  dueDate: IsoDate | null;
  elapsedDays: number;
  remainingDays: number;
  overdueDays: number;
  paused: boolean;
  /** NOT_STARTED, RUNNING (or PAUSED) until the act is done, then DONE. */
  state: 'NOT_STARTED' | 'RUNNING' | 'PAUSED' | 'DONE';
  finishedOn: IsoDate | null;
  /** Once DONE: whether it was done by the due date; while running: whether it is still within it. */
  onTime: boolean | null;
};

export type StepView = { code: string; nameVi: string; nameEn: string; role: string; legalRef: string; clock: ClockView | null };

const ANCHOR_COLUMN: Partial<Record<DeadlineAnchor, keyof DossierDates>> = {
  DOSSIER_RECEIVED: 'last_received_on',
  DOSSIER_COMPLETE: 'accepted_on',
  OPINION_REQUESTED: 'consultation_sent_on',
  ALL_OPINIONS_RECEIVED: 'opinions_complete_on',
  DOSSIER_FORWARDED: 'forwarded_on',
  DECISION: 'decided_on',
};

/** The date on which each step's act is done. */
const STEP_DONE: Record<string, keyof DossierDates> = {
  SUBMIT: 'submitted_on',
  S1_CHECK: 'accepted_on',
  S2_REQUEST_OPINIONS: 'consultation_sent_on',
  S3_OPINION: 'opinions_complete_on',
  S4_FORWARD: 'forwarded_on',
  S5_DECIDE: 'decided_on',
  S6_DELIVER: 'delivered_on',
  NOTIFY: 'submitted_on',
  RECEIVE: 'accepted_on',
  RECORD: 'decided_on',
  A1_RECEIVE: 'accepted_on',
  A2_REQUEST_OPINIONS: 'consultation_sent_on',
  A3_OPINION: 'opinions_complete_on',
  A4_APPRAISE: 'decided_on',
  A5_DECIDE: 'decided_on',
  A6_NOTIFY: 'delivered_on',
};

/**
 * One clock from `start` for `deadline.days`. A finished act is measured up to the day it was done; an abandoned
 * dossier (withdrawn) stops its clocks on the day it closed. Cheap enough to compute on every read (the calendar's
 * working-day index makes each call O(pauses · log days)), so nothing is cached and nothing goes stale.
 */
export function clockFrom(
  deadline: Pick<Deadline, 'days' | 'unit'>,
  start: IsoDate | null,
  finishedOn: IsoDate | null,
  pauses: readonly ClockPause[],
  calendar: WorkingCalendar,
  today: IsoDate,
): ClockView {
  if (!start) {
    return {
      days: deadline.days,
      unit: deadline.unit,
      finishedOn,
      startedOn: null,
      dueDate: null,
      elapsedDays: 0,
      remainingDays: deadline.days,
      overdueDays: 0,
      paused: false,
      state: 'NOT_STARTED',
      onTime: null,
    };
  }
  const asOf = finishedOn ?? today;
  // Both clocks answer the same questions; only their field names differ.
  let c: { dueDate: IsoDate | null; elapsed: number; remaining: number; overdue: number; paused: boolean };
  if (deadline.unit === 'WORKING') {
    const w = computeDeadline({ start, workingDays: deadline.days, pauses, asOf }, calendar);
    c = {
      dueDate: w.dueDate,
      elapsed: w.elapsedWorkingDays,
      remaining: w.remainingWorkingDays,
      overdue: w.overdueWorkingDays,
      paused: w.paused,
    };
  } else {
    const k = computeCalendarDeadline({ start, days: deadline.days, pauses, asOf }, calendar);
    c = { dueDate: k.dueDate, elapsed: k.elapsedDays, remaining: k.remainingDays, overdue: k.overdueDays, paused: k.paused };
  }
  const done = finishedOn !== null;
  return {
    days: deadline.days,
    unit: deadline.unit,
    finishedOn,
    startedOn: start,
    dueDate: c.dueDate,
    elapsedDays: c.elapsed,
    remainingDays: c.remaining,
    overdueDays: c.overdue,
    paused: !done && c.paused,
    state: done ? 'DONE' : c.paused ? 'PAUSED' : 'RUNNING',
    onTime: c.overdue === 0,
  };
}

/** What a consultation's clock depends on: the request row and, once it has ended, the dossier. */
type ConsultationFacts = { requested_on: string; due_working_days: number; answered_on: string | null; status: string };
type DossierEnd = { status: string; closed_on: string | null; delivered_on: string | null };

/**
 * The clock of one request for a written opinion: `due_working_days` working days from the day it was sent (D58
 * Art. 11.3, 12.2, 15.3, 16.2: the consulted agencies reply "within 10 working days of receiving the request").
 *
 * It is deliberately NOT paused while the dossier waits for a supplement. Decree 58 stops only the authority's
 * overall limit for the applicant's delay: the 30 / 25 WD run "from receipt of the complete valid dossier", so the
 * days the dossier waits for missing documents are not counted against it (dossier_pauses). The consulted agency's
 * limit has its own trigger, the request letter, and neither the decree nor domain.md §2.5 provides for suspending
 * it; the agency answers on the dossier it was sent. Pauses are therefore never applied here.
 *
 * The clock ends on the day of the answer; a request cancelled by a withdrawal, or still open when the dossier was
 * closed, stops on the day the dossier closed.
 */
export function consultationClock(c: ConsultationFacts, dossier: DossierEnd, calendar: WorkingCalendar, today: IsoDate): ClockView {
  const ended = dossier.status === 'DELIVERED' || dossier.status === 'WITHDRAWN';
  const finished = c.answered_on ?? (c.status === 'CANCELLED' || ended ? (dossier.closed_on ?? dossier.delivered_on ?? today) : null);
  return clockFrom({ days: c.due_working_days, unit: 'WORKING' }, c.requested_on, finished, [], calendar, today);
}

/**
 * The stored pauses in the calendar domain's shape, split by what they stop: a supplement asked before acceptance
 * only holds the completeness check (S1), since the statutory clock has not started; one asked during processing
 * stops the statutory clock and the steps running with it.
 */
export type DossierPauses = { running: readonly ClockPause[]; beforeAcceptance: readonly ClockPause[] };

const NO_PAUSES: DossierPauses = { running: [], beforeAcceptance: [] };

export const toPauses = (rows: readonly { from_date: string; to_date: string | null; reason: string }[]): DossierPauses =>
  rows.length === 0
    ? NO_PAUSES
    : {
        running: rows.filter((r) => r.reason !== 'SUPPLEMENT_BEFORE_ACCEPTANCE').map((r) => ({ from: r.from_date, to: r.to_date })),
        beforeAcceptance: rows
          .filter((r) => r.reason === 'SUPPLEMENT_BEFORE_ACCEPTANCE')
          .map((r) => ({ from: r.from_date, to: r.to_date })),
      };

/** The whole procedure's clock (null for procedures without a statutory overall limit). */
export function overallClock(
  d: DossierDates,
  version: ProcedureVersion,
  pauses: DossierPauses,
  calendar: WorkingCalendar,
  today: IsoDate,
): ClockView | null {
  if (!version.overallLimit) return null;
  const finished = d.delivered_on ?? d.closed_on;
  return clockFrom(version.overallLimit, d.accepted_on, finished, pauses.running, calendar, today);
}

/** A step's clock with what identifies the step (see {@link stepClocks}). */
export type StepClock = { code: string; role: string; clock: ClockView | null };

/**
 * Each step's own clock: started by its anchor date, done by its act. Steps counted backwards from a future event
 * (file 60 days before expiry) and steps without a limit have no clock. Views computed by the thousand (SLA) use
 * this; pages use {@link stepViews}, which adds the names.
 */
export function stepClocks(
  d: DossierDates,
  version: ProcedureVersion,
  pauses: DossierPauses,
  calendar: WorkingCalendar,
  today: IsoDate,
): StepClock[] {
  return version.steps.map((step) => {
    const deadline = step.deadline;
    const anchor = deadline ? ANCHOR_COLUMN[deadline.anchor] : undefined;
    if (!deadline || deadline.direction !== 'AFTER' || !anchor) return { code: step.code, role: step.role, clock: null };
    const doneColumn = STEP_DONE[step.code];
    const finished = (doneColumn ? d[doneColumn] : null) ?? d.closed_on;
    const stops = deadline.anchor === 'DOSSIER_RECEIVED' ? pauses.beforeAcceptance : pauses.running;
    return { code: step.code, role: step.role, clock: clockFrom(deadline, d[anchor], finished, stops, calendar, today) };
  });
}

/** Each step with its names, legal reference and clock (see {@link stepClocks}). */
export function stepViews(
  d: DossierDates,
  version: ProcedureVersion,
  pauses: DossierPauses,
  calendar: WorkingCalendar,
  today: IsoDate,
): StepView[] {
  const clocks = stepClocks(d, version, pauses, calendar, today);
  return version.steps.map((step, i) => ({
    code: step.code,
    nameVi: step.name.vi,
    nameEn: step.name.en,
    role: step.role,
    legalRef: step.legalRef,
    clock: clocks[i]!.clock,
  }));
}
