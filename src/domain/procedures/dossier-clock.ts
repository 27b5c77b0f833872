/**
 * How much of the statutory time limit a dossier has used, and when it falls due.
 *
 * Counting (Civil Code Art. 147): the day of the triggering event is not counted. Time runs while
 * the clock is RUNNING; days between a supplement request during consultation (pause) and the
 * resumption are not counted (see dossier-machine.ts).
 */
import type { ClockState, DossierState } from './dossier-machine';
import type { Deadline } from './types';
import { addDays, assertIsoDate, daysBetween, type IsoDate } from '../registration/iso-date';

/** Working-day arithmetic, injected from the calendar module. */
export interface WorkingCalendar {
  /** Date `n` working days after `date`. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days in `(from, to]`; 0 when `to <= from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}

/** The state reached by a transition and the day it happened. */
export interface DossierHistoryEntry {
  state: DossierState;
  at: IsoDate;
}

/** Clock summary on a date. */
export interface ClockSummary {
  clock: ClockState;
  /** Day the complete dossier was accepted (clock start). */
  startedOn: IsoDate | null;
  /** Days of the limit used, in the limit's unit. */
  usedDays: number;
  /** Days left (negative when overdue); null before the start. */
  remainingDays: number | null;
  /** Last day to deliver if nothing pauses the clock again; null before start, while paused or once stopped. */
  dueDate: IsoDate | null;
  overdue: boolean;
}

/**
 * Summarises the clock on `asOf` from the dossier's history (in chronological order).
 * @param limit the procedure's overall limit (unit WORKING or CALENDAR)
 */
export function clockSummary(
  history: readonly DossierHistoryEntry[],
  limit: Deadline,
  asOf: IsoDate,
  calendar: WorkingCalendar,
): ClockSummary {
  assertIsoDate(asOf, 'asOf');
  const count = (from: IsoDate, to: IsoDate) =>
    to <= from ? 0 : limit.unit === 'WORKING' ? calendar.workingDaysBetween(from, to) : daysBetween(from, to);
  const add = (from: IsoDate, n: number) => (limit.unit === 'WORKING' ? calendar.addWorkingDays(from, n) : addDays(from, n));

  let clock: ClockState = 'NOT_STARTED';
  let startedOn: IsoDate | null = null;
  let runningSince: IsoDate | null = null;
  let used = 0;
  for (const { state, at } of history) {
    if (at > asOf) break;
    if (state.clock === 'RUNNING' && runningSince === null) {
      runningSince = at;
      startedOn ??= at;
    } else if (state.clock !== 'RUNNING' && runningSince !== null) {
      used += count(runningSince, at);
      runningSince = null;
    }
    clock = state.clock;
  }
  if (runningSince !== null) used += count(runningSince, asOf);
  if (startedOn === null) {
    return { clock, startedOn, usedDays: 0, remainingDays: null, dueDate: null, overdue: false };
  }
  const remaining = limit.days - used;
  // Due date: from the last restart, the days still available (when overdue, the original due day is in the past).
  const dueDate = clock === 'RUNNING' && runningSince !== null ? add(runningSince, limit.days - (used - count(runningSince, asOf))) : null;
  return { clock, startedOn, usedDays: used, remainingDays: remaining, dueDate, overdue: remaining < 0 };
}
