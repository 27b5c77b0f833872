/**
 * Due dates, days left and days overdue of a dossier: the whole procedure (30 / 25 WD from the complete dossier)
 * and each step, computed with the working calendar (database decisions included) and the clock pauses.
 * Pure: the caller passes the calendar and "today".
 */
import { computeCalendarDeadline, computeDeadline, type ClockPause, type IsoDate, type WorkingCalendar } from '@domain/calendar';
import type { Deadline, DeadlineAnchor, ProcedureVersion } from '@domain/procedures';

/** The step dates a dossier stores (see the dossiers table). */
export type DossierDates = {
  submitted_on: string | null;
  last_received_on: string | null;
  accepted_on: string | null;
  consultation_sent_on: string | null;
  opinions_complete_on: string | null;
  forwarded_on: string | null;
  appraisal_started_on: string | null;
  decided_on: string | null;
  delivered_on: string | null;
  closed_on: string | null;
};

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
 * Clocks already computed, per built calendar (a new calendar, after an administrator's change, starts empty).
 * A finished step's clock never changes and a running one only changes with the day, so list and SLA views
 * opened again the same day reuse them instead of walking the same weeks day by day.
 */
const computed = new WeakMap<WorkingCalendar, Map<string, ClockView>>();
const MAX_CACHED = 200_000;

/**
 * One clock from `start` for `deadline.days`. A finished act is measured up to the day it was done; an abandoned
 * dossier (withdrawn) stops its clocks on the day it closed.
 */
function computeClock(
  deadline: Pick<Deadline, 'days' | 'unit'>,
  start: IsoDate | null,
  finishedOn: IsoDate | null,
  pauses: readonly ClockPause[],
  calendar: WorkingCalendar,
  today: IsoDate,
): ClockView {
  const base = { days: deadline.days, unit: deadline.unit, finishedOn };
  if (!start) {
    return {
      ...base,
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
  const c =
    deadline.unit === 'WORKING'
      ? (({ dueDate, elapsedWorkingDays, remainingWorkingDays, overdueWorkingDays, paused }) => ({
          dueDate,
          elapsed: elapsedWorkingDays,
          remaining: remainingWorkingDays,
          overdue: overdueWorkingDays,
          paused,
        }))(computeDeadline({ start, workingDays: deadline.days, pauses, asOf }, calendar))
      : (({ dueDate, elapsedDays, remainingDays, overdueDays, paused }) => ({
          dueDate,
          elapsed: elapsedDays,
          remaining: remainingDays,
          overdue: overdueDays,
          paused,
        }))(computeCalendarDeadline({ start, days: deadline.days, pauses, asOf }, calendar));
  const done = finishedOn !== null;
  return {
    ...base,
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

/**
 * One clock from `start` for `deadline.days` (see {@link computeClock}), remembered per calendar.
 */
export function clockFrom(
  deadline: Pick<Deadline, 'days' | 'unit'>,
  start: IsoDate | null,
  finishedOn: IsoDate | null,
  pauses: readonly ClockPause[],
  calendar: WorkingCalendar,
  today: IsoDate,
): ClockView {
  let cache = computed.get(calendar);
  if (!cache) computed.set(calendar, (cache = new Map()));
  const key = `${deadline.unit}|${deadline.days}|${start}|${finishedOn ?? `~${today}`}|${pauses.map((p) => `${p.from}:${p.to ?? ''}`).join(',')}`;
  let clock = cache.get(key);
  if (!clock) {
    clock = computeClock(deadline, start, finishedOn, pauses, calendar, today);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, clock);
  }
  return { ...clock };
}

/**
 * The stored pauses in the calendar domain's shape, split by what they stop: a supplement asked before acceptance
 * only holds the completeness check (S1), since the statutory clock has not started; one asked during processing
 * stops the statutory clock and the steps running with it.
 */
export type DossierPauses = { running: ClockPause[]; beforeAcceptance: ClockPause[] };

export const toPauses = (rows: readonly { from_date: string; to_date: string | null; reason: string }[]): DossierPauses => ({
  running: rows.filter((r) => r.reason !== 'SUPPLEMENT_BEFORE_ACCEPTANCE').map((r) => ({ from: r.from_date, to: r.to_date })),
  beforeAcceptance: rows.filter((r) => r.reason === 'SUPPLEMENT_BEFORE_ACCEPTANCE').map((r) => ({ from: r.from_date, to: r.to_date })),
});

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

/**
 * Each step with its own clock: started by its anchor date, done by its act. Steps counted backwards from a
 * future event (file 60 days before expiry) and steps without a limit show no clock.
 */
export function stepViews(
  d: DossierDates,
  version: ProcedureVersion,
  pauses: DossierPauses,
  calendar: WorkingCalendar,
  today: IsoDate,
): StepView[] {
  return version.steps.map((step) => {
    const view = { code: step.code, nameVi: step.name.vi, nameEn: step.name.en, role: step.role, legalRef: step.legalRef };
    const deadline = step.deadline;
    const anchor = deadline ? ANCHOR_COLUMN[deadline.anchor] : undefined;
    if (!deadline || deadline.direction !== 'AFTER' || !anchor) return { ...view, clock: null };
    const doneColumn = STEP_DONE[step.code];
    const finished = (doneColumn ? d[doneColumn] : null) ?? d.closed_on;
    const stops = deadline.anchor === 'DOSSIER_RECEIVED' ? pauses.beforeAcceptance : pauses.running;
    return { ...view, clock: clockFrom(deadline, d[anchor], finished, stops, calendar, today) };
  });
}
