/**
 * Service levels: for each procedure, the share of dossiers delivered within the statutory limit and the median
 * working days used; for each acting body (COMINGO, MOFA, each consulted agency), the share of its steps done on
 * time and its median; and the list of what is overdue now. Everything is recomputed from the stored step dates
 * with the current calendar, so an administrator's correction of a holiday changes the figures.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { clockFrom, overallClock, stepViews, toPauses, type ClockView } from './deadlines';
import { currentStep } from './dossier-view';
import { loadCatalogue, versionById } from './procedures.catalogue';
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
function count(t: Tally, clock: ClockView): void {
  if (clock.state === 'DONE') {
    t.done++;
    if (clock.onTime) t.onTime++;
    t.days.push(clock.elapsedDays);
  } else if (clock.state !== 'NOT_STARTED') {
    t.open++;
    if (clock.overdueDays > 0) t.overdue++;
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
export async function slaView(db: Kysely<Database>, query: SlaQuery, today: string) {
  let q = db
    .selectFrom('dossiers as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .selectAll('d')
    .select(sql<string>`coalesce(o.name_vi, o.name_en, o.name_original)`.as('organisation_name'))
    .where('d.accepted_on', 'is not', null);
  if (query.from) q = q.where('d.accepted_on', '>=', query.from);
  if (query.to) q = q.where('d.accepted_on', '<=', query.to);
  if (query.procedureCode) q = q.where('d.procedure_code', '=', query.procedureCode as never);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const [calendar, catalogue, pauses, consultations, agencies] = await Promise.all([
    loadCalendar(db),
    loadCatalogue(db),
    ids.length ? db.selectFrom('dossier_pauses').selectAll().where('dossier_id', 'in', ids).execute() : Promise.resolve([]),
    ids.length
      ? db.selectFrom('dossier_consultations').selectAll().where('dossier_id', 'in', ids).where('status', '<>', 'CANCELLED').execute()
      : Promise.resolve([]),
    db.selectFrom('agencies').select(['id', 'name_vi', 'name_en']).execute(),
  ]);
  const pausesOf = groupBy(pauses, (p) => p.dossier_id);
  const consultationsOf = groupBy(consultations, (c) => c.dossier_id);
  const byProcedure = new Map<string, Tally>();
  const byAgency = new Map<string, Tally>();
  const overdue: {
    kind: 'DOSSIER' | 'CONSULTATION';
    dossierId: string;
    code: string | null;
    organisationName: string;
    procedureCode: string;
    step: string;
    agencyId: string | null;
    dueDate: string | null;
    overdueDays: number;
  }[] = [];
  const agencyTally = (id: string) => byAgency.get(id) ?? byAgency.set(id, tally()).get(id)!;

  for (const row of rows) {
    const version = versionById(catalogue, row.procedure_version_id);
    const p = toPauses(pausesOf.get(row.id) ?? []);
    const overall = overallClock(row, version, p, calendar, today);
    if (overall && row.status !== 'WITHDRAWN')
      count(byProcedure.get(row.procedure_code) ?? byProcedure.set(row.procedure_code, tally()).get(row.procedure_code)!, overall);
    const steps = stepViews(row, version, p, calendar, today);
    for (const step of steps) {
      if (!step.clock || step.role === 'NGO' || step.role === 'CONSULTED_AGENCY' || step.code === 'S6_DELIVER') continue;
      const body = step.role === 'GOVERNING_AGENCY' ? (row.application.governingAgencyId ?? 'GOVERNING_AGENCY') : step.role;
      if (row.status !== 'WITHDRAWN') count(agencyTally(body), step.clock);
    }
    const open = row.status !== 'DELIVERED' && row.status !== 'WITHDRAWN';
    const step = currentStep(steps);
    const late = Math.max(overall?.overdueDays ?? 0, step?.clock.overdueDays ?? 0);
    if (open && late > 0) {
      overdue.push({
        kind: 'DOSSIER',
        dossierId: row.id,
        code: row.code,
        organisationName: row.organisation_name,
        procedureCode: row.procedure_code,
        step: step?.code ?? 'S6_DELIVER',
        agencyId: null,
        dueDate: (overall?.overdueDays ?? 0) >= (step?.clock.overdueDays ?? 0) ? (overall?.dueDate ?? null) : (step?.clock.dueDate ?? null),
        overdueDays: late,
      });
    }
    for (const c of consultationsOf.get(row.id) ?? []) {
      const clock = clockFrom(
        { days: c.due_working_days, unit: 'WORKING' },
        c.requested_on,
        c.answered_on ?? (open ? null : (row.closed_on ?? row.delivered_on)),
        [],
        calendar,
        today,
      );
      count(agencyTally(c.agency_id), clock);
      if (clock.state !== 'DONE' && clock.overdueDays > 0) {
        overdue.push({
          kind: 'CONSULTATION',
          dossierId: row.id,
          code: row.code,
          organisationName: row.organisation_name,
          procedureCode: row.procedure_code,
          step: 'S3_OPINION',
          agencyId: c.agency_id,
          dueDate: clock.dueDate,
          overdueDays: clock.overdueDays,
        });
      }
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
