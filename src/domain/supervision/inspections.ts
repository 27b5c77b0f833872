/**
 * Inspections and field visits of foreign NGOs (Decree 58 Art. 22–24: thanh tra, kiểm tra, giám sát; domain.md
 * §2.8): the kinds, the yearly plan's and the visit's date rules, when a follow-up action is overdue, and when an
 * inspection may be closed. Pure: "today" is passed in (a Vietnam date), no I/O.
 * @module
 */
import { compareIsoDates, type IsoDate } from '../calendar/iso-date';

/** Thanh tra (inspection), kiểm tra (check), giám sát (supervision) and a field visit (đi thực tế). */
export const inspectionKinds = ['THANH_TRA', 'KIEM_TRA', 'GIAM_SAT', 'FIELD_VISIT'] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

export const actionStatuses = ['OPEN', 'DONE'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/**
 * A follow-up action is overdue when still open after its due date, on the Vietnam date `today` (the due day
 * itself is still in time).
 */
export function isActionOverdue(action: { status: ActionStatus; dueDate: IsoDate }, today: IsoDate): boolean {
  return action.status === 'OPEN' && compareIsoDates(today, action.dueDate) > 0;
}

/**
 * What is wrong with a planned period of a yearly plan, if anything: it must not end before it starts and must
 * start in the plan's year (a plan for 2026 schedules 2026's visits; one may run into the next January).
 */
export function plannedPeriodProblem(year: number, from: IsoDate, to: IsoDate): 'ends_before_start' | 'outside_year' | null {
  if (compareIsoDates(to, from) < 0) return 'ends_before_start';
  if (Number(from.slice(0, 4)) !== year) return 'outside_year';
  return null;
}

/** A visit's dates: it cannot end before it starts (null ends: still under way). */
export function visitDatesProblem(startsOn: IsoDate, endsOn: IsoDate | null): 'ends_before_start' | null {
  return endsOn && compareIsoDates(endsOn, startsOn) < 0 ? 'ends_before_start' : null;
}

/**
 * Why an inspection cannot be closed on `closedOn`, if so: not in the future, not before the visit started, and
 * only once every follow-up action is done — a closed inspection is read-only, so an open action could never be
 * marked done afterwards.
 */
export function closureProblem(
  visit: { startsOn: IsoDate },
  closedOn: IsoDate,
  today: IsoDate,
  actions: readonly { status: ActionStatus }[],
): 'in_future' | 'before_start' | 'actions_open' | null {
  if (compareIsoDates(closedOn, today) > 0) return 'in_future';
  if (compareIsoDates(closedOn, visit.startsOn) < 0) return 'before_start';
  if (actions.some((a) => a.status === 'OPEN')) return 'actions_open';
  return null;
}

/**
 * Whether a province officer may name these provinces: each must be its own province, or a former (old 63-unit)
 * unit rolled up to it. `rollUp` maps every province id to its current unit.
 */
export function provincesWithin(officerProvinceId: string, provinceIds: readonly string[], rollUp: ReadonlyMap<string, string>): boolean {
  return provinceIds.every((id) => (rollUp.get(id) ?? id) === officerProvinceId);
}
