/**
 * Statutory clocks: "within N working days from receipt of a complete dossier" (D58 Art. 11, 30 WD) and
 * "within N days" (D80 Art. 9, 20 days), with the clock stopped while the authority waits for the applicant.
 *
 * Shared semantics of both clocks:
 * - `start` is the day of the triggering event (e.g. receipt of the complete valid dossier). It is never
 *   counted: counting begins the next day (Civil Code 2015 Art. 147.1).
 * - A pause `{ from, to }` stops the clock on every day from `from` through `to`, **both included**. Read `from`
 *   as the day the request for more documents was sent and `to` as the day they arrived: like `start`, the
 *   day of arrival is an event day and counting resumes the day after. To count the request day itself, pass
 *   `from` = the next day. `to` omitted means the pause is still open: the clock is stopped from `from` on.
 *   Overlapping pauses are allowed and simply merge.
 * - `elapsed` counts the counted days in (start, asOf]: on the due date itself elapsed = the limit and nothing is
 *   overdue yet (the period ends at 24:00 of that day); on the next counted day it is 1 day overdue.
 * - When `asOf` is on or before `start`, nothing has elapsed.
 * - `dueDate` is null when an open pause is reached before the limit: the due date cannot be known until the
 *   applicant answers.
 * - `paused` is true when `asOf` is on or after `start` and falls inside a pause (a pause may begin on the start
 *   day itself: the dossier is complete on paper but a document is already being queried).
 */
import { addDays, daysBetween, type IsoDate } from './iso-date';
import type { WorkingCalendar } from './working-calendar';

/** An interval during which the clock is stopped; `to` omitted or null = not yet resumed. */
export type ClockPause = { from: IsoDate; to?: IsoDate | null };

/** Input of {@link computeDeadline}. */
export type WorkingDayClockInput = {
  start: IsoDate;
  workingDays: number;
  pauses?: readonly ClockPause[];
  asOf: IsoDate;
};

/** Input of {@link computeCalendarDeadline}. */
export type CalendarDayClockInput = { start: IsoDate; days: number; pauses?: readonly ClockPause[]; asOf: IsoDate };

/** State of a working-day clock at `asOf`. */
export type WorkingDayClock = {
  /** Last day of the period (the limit-th counted working day), or null while an open pause blocks it. */
  dueDate: IsoDate | null;
  elapsedWorkingDays: number;
  /** Counted working days left after `asOf`, 0 once the due date is reached. */
  remainingWorkingDays: number;
  /** Counted working days after the due date up to `asOf`. */
  overdueWorkingDays: number;
  paused: boolean;
};

/** State of a calendar-day clock at `asOf`. */
export type CalendarDayClock = {
  /** Last day of the period after the Art. 148 move off a non-working day, or null while an open pause blocks it. */
  dueDate: IsoDate | null;
  elapsedDays: number;
  /** Counted days in (asOf, dueDate]; may exceed `days − elapsedDays` when Art. 148 moved the due date. */
  remainingDays: number;
  /** Counted days in (dueDate, asOf]. */
  overdueDays: number;
  paused: boolean;
};

function validatePauses(pauses: readonly ClockPause[]): void {
  for (const p of pauses) {
    if (p.to != null && p.to < p.from) throw new RangeError(`Pause ends (${p.to}) before it starts (${p.from})`);
  }
}

function inPause(date: IsoDate, pauses: readonly ClockPause[]): boolean {
  return pauses.some((p) => date >= p.from && (p.to == null || date <= p.to));
}

/** True when an open-ended pause covers `date` and every later day. */
function inOpenPause(date: IsoDate, pauses: readonly ClockPause[]): boolean {
  return pauses.some((p) => p.to == null && date >= p.from);
}

/** A pause as a closed interval of stopped days; `to` null = still open. */
type Stop = { from: IsoDate; to: IsoDate | null };

const NO_STOPS: readonly Stop[] = [];

/** The pauses sorted and merged into disjoint intervals (overlapping or touching pauses become one). */
function mergePauses(pauses: readonly ClockPause[]): readonly Stop[] {
  if (pauses.length === 0) return NO_STOPS;
  const sorted = pauses.map((p) => ({ from: p.from, to: p.to ?? null })).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Stop[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && (last.to === null || p.from <= addDays(last.to, 1))) {
      if (last.to !== null && (p.to === null || p.to > last.to)) last.to = p.to;
    } else out.push({ ...p });
  }
  return out;
}

/**
 * The days a clock counts, without pauses: working days (through the calendar's cumulative index) or every day.
 * `count(a, b)` = counted days in (a, b], 0 when b ≤ a; `nth(a, n)` = the n-th counted day after a (n ≥ 1).
 */
type DayCounter = { count(a: IsoDate, b: IsoDate): number; nth(a: IsoDate, n: number): IsoDate };

/** One counter per calendar: clocks are computed by the thousand, so their helpers are not rebuilt each time. */
const workingDayCounters = new WeakMap<WorkingCalendar, DayCounter>();
function workingDayCounter(calendar: WorkingCalendar): DayCounter {
  let counter = workingDayCounters.get(calendar);
  if (!counter) {
    counter = { count: (a, b) => (b <= a ? 0 : calendar.workingDaysBetween(a, b)), nth: (a, n) => calendar.addWorkingDays(a, n) };
    workingDayCounters.set(calendar, counter);
  }
  return counter;
}
const calendarDayCounter: DayCounter = { count: (a, b) => (b <= a ? 0 : daysBetween(a, b)), nth: addDays };

/** Counted days in (a, b] outside the pauses: the whole count minus each stop's share, O(pauses). */
function countDays(a: IsoDate, b: IsoDate, stops: readonly Stop[], days: DayCounter): number {
  let n = days.count(a, b);
  for (const p of stops) {
    const from = addDays(p.from, -1);
    const to = p.to === null || p.to > b ? b : p.to;
    n -= days.count(from > a ? from : a, to);
  }
  return n;
}

/**
 * The `limit`-th counted day after `start` outside the pauses, jumping from gap to gap between stops; null when an
 * open pause comes first. For working days the calendar throws a RangeError when the day leaves its years.
 */
function nthCountedDay(start: IsoDate, limit: number, stops: readonly Stop[], days: DayCounter): IsoDate | null {
  if (limit === 0) return start;
  let cursor = start;
  let needed = limit;
  for (const p of stops) {
    if (p.to !== null && p.to <= cursor) continue;
    const gapEnd = addDays(p.from, -1);
    const available = days.count(cursor, gapEnd);
    if (available >= needed) return days.nth(cursor, needed);
    needed -= available;
    if (p.to === null) return null;
    cursor = p.to;
  }
  return days.nth(cursor, needed);
}

function checkLimit(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/**
 * A working-day clock (e.g. D58's 30 WD to issue a certificate). Working days inside pauses do not count, which
 * moves the due date out by the same number of working days. With `workingDays` = 0 the due date is `start`.
 */
export function computeDeadline(input: WorkingDayClockInput, calendar: WorkingCalendar): WorkingDayClock {
  const { start, workingDays, asOf } = input;
  const pauses = input.pauses ?? [];
  checkLimit('workingDays', workingDays);
  validatePauses(pauses);
  const stops = mergePauses(pauses);
  const days = workingDayCounter(calendar);
  const dueDate = nthCountedDay(start, workingDays, stops, days);
  const elapsed = countDays(start, asOf, stops, days);
  return {
    dueDate,
    elapsedWorkingDays: elapsed,
    remainingWorkingDays: Math.max(0, workingDays - elapsed),
    overdueWorkingDays: Math.max(0, elapsed - workingDays),
    paused: asOf >= start && inPause(asOf, pauses),
  };
}

/**
 * A calendar-day clock (e.g. D80's 20 days to appraise). Every non-paused day counts; if the last counted day
 * is a non-working day, the due date moves to the next working day outside any pause (Civil Code Art. 148).
 * With `days` = 0 the due date is `start` (no Art. 148 move: there is no period to end).
 */
export function computeCalendarDeadline(input: CalendarDayClockInput, calendar: WorkingCalendar): CalendarDayClock {
  const { start, days, asOf } = input;
  const pauses = input.pauses ?? [];
  checkLimit('days', days);
  validatePauses(pauses);
  const stops = mergePauses(pauses);
  let dueDate = nthCountedDay(start, days, stops, calendarDayCounter);
  if (dueDate !== null && days > 0) {
    while (dueDate !== null && (!calendar.isWorkingDay(dueDate) || inPause(dueDate, pauses))) {
      const next: IsoDate = addDays(dueDate, 1);
      dueDate = inOpenPause(next, pauses) ? null : next;
    }
  }
  const elapsed = countDays(start, asOf, stops, calendarDayCounter);
  let remaining: number;
  let overdue = 0;
  if (dueDate === null) remaining = Math.max(0, days - elapsed);
  else if (asOf <= dueDate) remaining = countDays(asOf > start ? asOf : start, dueDate, stops, calendarDayCounter);
  else {
    remaining = 0;
    overdue = countDays(dueDate, asOf, stops, calendarDayCounter);
  }
  return {
    dueDate,
    elapsedDays: elapsed,
    remainingDays: remaining,
    overdueDays: overdue,
    paused: asOf >= start && inPause(asOf, pauses),
  };
}
