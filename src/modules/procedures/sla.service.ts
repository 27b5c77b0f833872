/**
 * Service levels: for each procedure, the share of dossiers delivered within the statutory limit and the median
 * working days used; for each acting body (COMINGO, MOFA, each consulted agency), the share of its steps done on
 * time and its median; and the list of what is overdue now. Everything is recomputed from the stored step dates
 * with the current calendar, so an administrator's correction of a holiday changes the figures.
 */
import { sql, type Kysely } from 'kysely';
import type { SlaOverdueEntry, SlaView } from '@common/procedures/sla';
import type { Database } from '@db/types';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { consultationClock, DOSSIER_DATE_COLUMNS, overallClock, stepClocks, toPauses, type ClockView } from './deadlines';
import { currentStep } from './dossier-view';
import { consultedStepCode, loadCatalogue, stepNames, versionById } from './procedures.catalogue';
import { groupBy } from './group-by';

export type SlaQuery = { from?: string; to?: string; procedureCode?: string };

/** Median of a list of integers (null when empty); an even count averages the two middle values. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

type Tally = { done: number; onTime: number; days: number[]; open: number; overdue: number };
const tally = (): Tally => ({ done: 0, onTime: 0, days: [], open: 0, overdue: 0 });
/** Counts `times` identical clocks. */
function count(t: Tally, clock: ClockView, times = 1): void {
  if (clock.state === 'DONE') {
    t.done += times;
    if (clock.onTime) t.onTime += times;
    for (let i = 0; i < times; i++) t.days.push(clock.elapsedDays);
  } else if (clock.state !== 'NOT_STARTED') {
    t.open += times;
    if (clock.overdueDays > 0) t.overdue += times;
  }
}
const summary = (t: Tally) => ({
  finished: t.done,
  finishedOnTime: t.onTime,
  onTimeShare: share(t.onTime, t.done),
  medianDays: median(t.days),
  open: t.open,
  openOverdue: t.overdue,
});

/** The SLA view for dossiers accepted in [from, to] (all when omitted), measured on `today`. */
export async function slaView(db: Kysely<Database>, query: SlaQuery, today: string): Promise<SlaView> {
  let accepted = db.selectFrom('dossiers as d').where('d.accepted_on', 'is not', null);
  if (query.from) accepted = accepted.where('d.accepted_on', '>=', query.from);
  if (query.to) accepted = accepted.where('d.accepted_on', '<=', query.to);
  if (query.procedureCode) accepted = accepted.where('d.procedure_code', '=', query.procedureCode as never);
  const ids = accepted.select('d.id');
  // Only what the clocks and the figures need, all read at once: thousands of rows, so no jsonb, timestamps or text.
  const [rows, calendar, catalogue, pauses, consultations, agencies] = await Promise.all([
    accepted
      .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
      .select([
        'd.id',
        'd.code',
        'd.procedure_code',
        'd.procedure_version_id',
        'd.status',
        ...DOSSIER_DATE_COLUMNS.map((c) => `d.${c}` as const),
      ])
      .select(sql<string | null>`coalesce(d.handling_agency_id, d.application->>'governingAgencyId')`.as('governing_agency_id'))
      .select(sql<string>`coalesce(o.name_vi, o.name_en, o.name_original)`.as('organisation_name'))
      .execute(),
    loadCalendar(db),
    loadCatalogue(db),
    db.selectFrom('dossier_pauses').select(['dossier_id', 'from_date', 'to_date', 'reason']).where('dossier_id', 'in', ids).execute(),
    db
      .selectFrom('dossier_consultations as c')
      .innerJoin('dossiers as cd', 'cd.id', 'c.dossier_id')
      .select(['c.agency_id', 'c.status', 'c.requested_on', 'c.due_working_days', 'c.answered_on'])
      .select(['cd.status as dossier_status', 'cd.closed_on', 'cd.delivered_on'])
      // A finished request's clock depends only on these dates, so identical ones are read (and computed) once with
      // their number; a request still open stays one row, as the overdue list names its dossier.
      .select(
        sql<string | null>`case when c.answered_on is null and cd.status not in ('DELIVERED', 'WITHDRAWN') then c.dossier_id::text end`.as(
          'open_dossier_id',
        ),
      )
      .select(sql<number>`count(*)::int`.as('n'))
      .where('c.dossier_id', 'in', ids)
      .where('c.status', '<>', 'CANCELLED')
      .groupBy(sql.raw('1, 2, 3, 4, 5, 6, 7, 8, 9'))
      .execute(),
    db.selectFrom('agencies').select(['id', 'name_vi', 'name_en']).execute(),
  ]);
  const pausesOf = groupBy(pauses, (p) => p.dossier_id);
  const byProcedure = new Map<string, Tally>();
  const byAgency = new Map<string, Tally>();
  const overdue: SlaOverdueEntry[] = [];
  const agencyTally = (id: string) => byAgency.get(id) ?? byAgency.set(id, tally()).get(id)!;

  for (const row of rows) {
    const version = versionById(catalogue, row.procedure_version_id);
    const p = toPauses(pausesOf.get(row.id) ?? []);
    const overall = overallClock(row, version, p, calendar, today);
    if (overall && row.status !== 'WITHDRAWN')
      count(byProcedure.get(row.procedure_code) ?? byProcedure.set(row.procedure_code, tally()).get(row.procedure_code)!, overall);
    const steps = stepClocks(row, version, p, calendar, today);
    for (const step of steps) {
      if (!step.clock || step.role === 'NGO' || step.role === 'CONSULTED_AGENCY' || step.code === 'S6_DELIVER') continue;
      const body = step.role === 'GOVERNING_AGENCY' ? (row.governing_agency_id ?? 'GOVERNING_AGENCY') : step.role;
      if (row.status !== 'WITHDRAWN') count(agencyTally(body), step.clock);
    }
    const open = row.status !== 'DELIVERED' && row.status !== 'WITHDRAWN';
    const step = open ? currentStep(steps) : null;
    const late = Math.max(overall?.overdueDays ?? 0, step?.clock.overdueDays ?? 0);
    const byOverall = (overall?.overdueDays ?? 0) >= (step?.clock.overdueDays ?? 0);
    if (open && late > 0) {
      overdue.push({
        kind: 'DOSSIER',
        dossierId: row.id,
        code: row.code,
        organisationName: row.organisation_name,
        procedureCode: row.procedure_code,
        ...stepNames(version, step?.code ?? 'S6_DELIVER'),
        agencyId: null,
        dueDate: byOverall ? (overall?.dueDate ?? null) : (step?.clock.dueDate ?? null),
        overdueDays: late,
        unit: (byOverall ? overall?.unit : step?.clock.unit) ?? 'WORKING',
      });
    }
  }
  const rowById = new Map(rows.map((r) => [r.id, r]));
  for (const c of consultations) {
    const clock = consultationClock(c, { status: c.dossier_status, closed_on: c.closed_on, delivered_on: c.delivered_on }, calendar, today);
    count(agencyTally(c.agency_id), clock, c.n);
    const row = c.open_dossier_id ? rowById.get(c.open_dossier_id) : undefined;
    if (row && clock.state !== 'DONE' && clock.overdueDays > 0) {
      const version = versionById(catalogue, row.procedure_version_id);
      overdue.push({
        kind: 'CONSULTATION',
        dossierId: row.id,
        code: row.code,
        organisationName: row.organisation_name,
        procedureCode: row.procedure_code,
        ...stepNames(version, consultedStepCode(version)),
        agencyId: c.agency_id,
        dueDate: clock.dueDate,
        overdueDays: clock.overdueDays,
        unit: clock.unit,
      });
    }
  }
  const names = new Map(agencies.map((a) => [a.id, a]));
  return {
    asOf: today,
    byProcedure: [...byProcedure]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([procedureCode, t]) => {
        const v = catalogue.find((x) => x.code === procedureCode)!;
        return { procedureCode, nameVi: v.name.vi, nameEn: v.name.en, ...summary(t) };
      }),
    byAgency: [...byAgency]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([agencyId, t]) => ({
        agencyId,
        nameVi: names.get(agencyId)?.name_vi ?? agencyId,
        nameEn: names.get(agencyId)?.name_en ?? agencyId,
        ...summary(t),
      })),
    overdue: overdue.sort((a, b) => b.overdueDays - a.overdueDays),
  };
}
