/**
 * Reads of inspection plans and inspections, scope applied in the SQL (inspections.policy.ts): paginated lists,
 * one plan or inspection with everything on it, and the findings shown on an NGO's record. "Overdue" compares
 * with the Vietnam date `today` the route passes in.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '@db/transaction';
import { isActionOverdue, type ActionStatus, type InspectionKind } from '@domain/supervision/inspections';
import type { Actor } from '@modules/auth/actor';
import { inspectionScopeCondition, isCentral, leadsSql, planScopeCondition } from './inspections.policy';
import type { InspectionDetail, InspectionListItem, InspectionsQuery, PlanDetail, PlanListItem, PlansQuery } from './inspections.schemas';

type Named = { id: string; nameVi: string; nameEn: string };
type Page = { limit: number; offset: number };

/**
 * Where a sanction procedure (suspension, forced termination) against an NGO is started: the sanctions screen's
 * proposal for it (src/modules/supervision/sanctions.routes.ts lets admin, central and agency officers propose).
 */
export const sanctionUrlOf = (actor: Actor, organisationId: string): string | null =>
  isCentral(actor) || actor.role === 'agency' ? `/supervision/sanctions/new?organisationId=${organisationId}` : null;

/** Names of agencies by id (unknown ids are dropped). */
async function agencyNames(db: Db, ids: readonly string[]): Promise<Map<string, Named>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'name_vi', 'name_en'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, nameVi: r.name_vi, nameEn: r.name_en }]));
}
const namesOf = (map: Map<string, Named>, ids: readonly string[]) => ids.map((id) => map.get(id)).filter((n): n is Named => !!n);
const nameOf = (map: Map<string, Named>, id: string): Named => map.get(id) ?? { id, nameVi: id, nameEn: id };

// ---- plans ----

type PlanRow = {
  id: string;
  year: number;
  title: string;
  owner_agency_id: string | null;
  owner_vi: string | null;
  owner_en: string | null;
  entries: string;
  synthetic: boolean;
  version: number;
};
const presentPlan = (r: PlanRow): PlanListItem => ({
  id: r.id,
  year: r.year,
  title: r.title,
  ownerAgency: r.owner_agency_id ? { id: r.owner_agency_id, nameVi: r.owner_vi ?? '', nameEn: r.owner_en ?? '' } : null,
  entries: Number(r.entries),
  synthetic: r.synthetic,
});
const planSelect = sql`select p.id, p.year, p.title, p.owner_agency_id, a.name_vi as owner_vi, a.name_en as owner_en, p.synthetic, p.version,
    (select count(*) from inspection_plan_entries e where e.plan_id = p.id) as entries
  from inspection_plans p left join agencies a on a.id = p.owner_agency_id`;

/** One page of the plans the actor may read, latest year first, and the total. */
export async function findPlans(db: Db, actor: Actor, q: PlansQuery, page: Page): Promise<{ items: PlanListItem[]; total: number }> {
  const conditions: RawBuilder<SqlBool>[] = [planScopeCondition(actor)];
  if (q.year) conditions.push(sql<SqlBool>`p.year = ${q.year}`);
  const where = sql.join(conditions, sql` and `);
  const [rows, count] = await Promise.all([
    sql<PlanRow>`${planSelect} where ${where} order by p.year desc, p.title, p.id limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: string }>`select count(*) as n from inspection_plans p where ${where}`.execute(db),
  ]);
  return { items: rows.rows.map(presentPlan), total: Number(count.rows[0]!.n) };
}

/** A plan the actor may read with its entries; undefined outside its scope. */
export async function readPlanDetail(db: Db, actor: Actor, id: string): Promise<PlanDetail | undefined> {
  const plan = (await sql<PlanRow & { leads: boolean }>`${planSelect} where p.id = ${id} and ${planScopeCondition(actor)}`.execute(db))
    .rows[0];
  if (!plan) return undefined;
  const [entries, leads] = await Promise.all([
    sql<{
      id: string;
      organisation_id: string;
      code: string;
      name: string;
      kind: InspectionKind;
      province_ids: string[];
      lead_agency_id: string;
      agency_ids: string[];
      planned_from: string;
      planned_to: string;
      note: string | null;
      inspection_id: string | null;
    }>`select e.id, e.organisation_id, o.code, o.name_original as name, e.kind, e.province_ids, e.lead_agency_id, e.agency_ids,
        e.planned_from::text as planned_from, e.planned_to::text as planned_to, e.note,
        (select i.id from inspections i where i.plan_entry_id = e.id order by i.created_at limit 1) as inspection_id
      from inspection_plan_entries e join organisations o on o.id = e.organisation_id
      where e.plan_id = ${id} order by e.position, e.planned_from, e.id`.execute(db),
    sql<{ leads: boolean }>`select ${leadsSql(actor, 'p', 'owner_agency_id')} as leads from inspection_plans p where p.id = ${id}`.execute(
      db,
    ),
  ]);
  const names = await agencyNames(
    db,
    entries.rows.flatMap((e) => [e.lead_agency_id, ...e.agency_ids]),
  );
  return {
    ...presentPlan(plan),
    entryList: entries.rows.map((e) => ({
      id: e.id,
      organisation: { id: e.organisation_id, code: e.code, name: e.name },
      kind: e.kind,
      provinceIds: e.province_ids,
      leadAgency: nameOf(names, e.lead_agency_id),
      agencies: namesOf(names, e.agency_ids),
      plannedFrom: e.planned_from,
      plannedTo: e.planned_to,
      note: e.note,
      inspectionId: e.inspection_id,
    })),
    canEdit: !!leads.rows[0]?.leads,
    version: plan.version,
  };
}

// ---- inspections ----

type InspectionRow = {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  kind: InspectionKind;
  lead_agency_id: string;
  lead_vi: string;
  lead_en: string;
  starts_on: string;
  ends_on: string | null;
  closed_on: string | null;
  findings: string;
  open_actions: string;
  overdue_actions: string;
  synthetic: boolean;
};
const presentInspection = (r: InspectionRow): InspectionListItem => ({
  id: r.id,
  organisation: { id: r.organisation_id, code: r.code, name: r.name },
  kind: r.kind,
  leadAgency: { id: r.lead_agency_id, nameVi: r.lead_vi, nameEn: r.lead_en },
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  closedOn: r.closed_on,
  findings: Number(r.findings),
  openActions: Number(r.open_actions),
  overdueActions: Number(r.overdue_actions),
  synthetic: r.synthetic,
});
const inspectionSelect = (today: string) => sql`select i.id, i.organisation_id, o.code, o.name_original as name, i.kind,
    i.lead_agency_id, a.name_vi as lead_vi, a.name_en as lead_en, i.starts_on::text as starts_on, i.ends_on::text as ends_on,
    i.closed_on::text as closed_on, i.synthetic,
    (select count(*) from inspection_findings f where f.inspection_id = i.id) as findings,
    (select count(*) from inspection_actions x where x.inspection_id = i.id and x.status = 'OPEN') as open_actions,
    (select count(*) from inspection_actions x where x.inspection_id = i.id and x.status = 'OPEN' and x.due_date < ${today}::date) as overdue_actions
  from inspections i join organisations o on o.id = i.organisation_id join agencies a on a.id = i.lead_agency_id`;

/** One page of the inspections the actor may read, latest first, with findings and open/overdue actions counted. */
export async function findInspections(
  db: Db,
  actor: Actor,
  q: InspectionsQuery,
  page: Page,
  today: string,
): Promise<{ items: InspectionListItem[]; total: number }> {
  const conditions: RawBuilder<SqlBool>[] = [inspectionScopeCondition(actor)];
  if (q.organisationId) conditions.push(sql<SqlBool>`i.organisation_id = ${q.organisationId}`);
  if (q.year) conditions.push(sql<SqlBool>`extract(year from i.starts_on) = ${q.year}`);
  if (q.state === 'open') conditions.push(sql<SqlBool>`i.closed_on is null`);
  if (q.state === 'closed') conditions.push(sql<SqlBool>`i.closed_on is not null`);
  if (q.state === 'overdue')
    conditions.push(sql<SqlBool>`exists (select 1 from inspection_actions x
      where x.inspection_id = i.id and x.status = 'OPEN' and x.due_date < ${today}::date)`);
  const where = sql.join(conditions, sql` and `);
  const [rows, count] = await Promise.all([
    sql<InspectionRow>`${inspectionSelect(today)} where ${where}
      order by i.starts_on desc, i.id limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: string }>`select count(*) as n from inspections i where ${where}`.execute(db),
  ]);
  return { items: rows.rows.map(presentInspection), total: Number(count.rows[0]!.n) };
}

/**
 * An inspection the actor may read with team, findings, follow-up actions (overdue on `today`, and whether the
 * actor may change each one's status), documents and closure; undefined outside its scope.
 */
export async function readInspectionDetail(db: Db, actor: Actor, id: string, today: string): Promise<InspectionDetail | undefined> {
  const row = (
    await sql<
      InspectionRow & {
        plan_entry_id: string | null;
        agency_ids: string[];
        province_ids: string[];
        team: string[];
        scope: string | null;
        closure_summary: string | null;
        version: number;
        leads: boolean;
      }
    >`select x.*, i.plan_entry_id, i.agency_ids, i.province_ids, i.team, i.scope, i.closure_summary, i.version,
        ${leadsSql(actor)} as leads
      from (${inspectionSelect(today)} where i.id = ${id} and ${inspectionScopeCondition(actor)}) x
      join inspections i on i.id = x.id`.execute(db)
  ).rows[0];
  if (!row) return undefined;
  const [findings, actions, documents] = await Promise.all([
    sql<{ id: string; description: string; recommendation: string | null; created_at: Date }>`
      select f.id, f.description, f.recommendation, f.created_at from inspection_findings f
      where f.inspection_id = ${id} order by f.created_at, f.id`.execute(db),
    sql<{
      id: string;
      finding_id: string | null;
      description: string;
      owner_agency_id: string;
      due_date: string;
      status: ActionStatus;
      done_on: string | null;
      version: number;
      own: boolean;
    }>`select x.id, x.finding_id, x.description, x.owner_agency_id, x.due_date::text as due_date, x.status,
        x.done_on::text as done_on, x.version, ${leadsSql(actor, 'x', 'owner_agency_id')} as own
      from inspection_actions x where x.inspection_id = ${id} order by x.due_date, x.created_at, x.id`.execute(db),
    sql<{ id: string; file_name: string; media_type: string; size_bytes: number; sha256: string; uploaded_at: Date }>`
      select d.id, d.file_name, d.media_type, d.size_bytes, d.sha256, d.uploaded_at
      from inspection_documents d where d.inspection_id = ${id} order by d.uploaded_at, d.id`.execute(db),
  ]);
  const names = await agencyNames(db, [...row.agency_ids, ...actions.rows.map((a) => a.owner_agency_id)]);
  const open = !row.closed_on;
  return {
    ...presentInspection(row),
    planEntryId: row.plan_entry_id,
    agencies: namesOf(names, row.agency_ids),
    provinceIds: row.province_ids,
    team: row.team,
    scope: row.scope,
    closureSummary: row.closure_summary,
    findingList: findings.rows.map((f) => ({
      id: f.id,
      description: f.description,
      recommendation: f.recommendation,
      createdAt: new Date(f.created_at).toISOString(),
    })),
    actions: actions.rows.map((a) => ({
      id: a.id,
      findingId: a.finding_id,
      description: a.description,
      ownerAgency: nameOf(names, a.owner_agency_id),
      dueDate: a.due_date,
      status: a.status,
      doneOn: a.done_on,
      overdue: isActionOverdue({ status: a.status, dueDate: a.due_date }, today),
      canChangeStatus: open && (row.leads || a.own),
      version: a.version,
    })),
    documents: documents.rows.map((d) => ({
      id: d.id,
      fileName: d.file_name,
      mediaType: d.media_type,
      sizeBytes: Number(d.size_bytes),
      sha256: d.sha256,
      uploadedAt: new Date(d.uploaded_at).toISOString(),
    })),
    canEdit: open && row.leads,
    sanctionUrl: sanctionUrlOf(actor, row.organisation_id),
    version: row.version,
  };
}

/** The findings of the inspections of one organisation that the actor may read, latest inspection first. */
export async function findOrganisationFindings(db: Db, actor: Actor, organisationId: string) {
  const rows = await sql<{
    id: string;
    description: string;
    recommendation: string | null;
    created_at: Date;
    inspection_id: string;
    kind: InspectionKind;
    starts_on: string;
    closed_on: string | null;
    lead_agency_id: string;
    lead_vi: string;
    lead_en: string;
    open_actions: string;
  }>`select f.id, f.description, f.recommendation, f.created_at, i.id as inspection_id, i.kind, i.starts_on::text as starts_on,
      i.closed_on::text as closed_on, i.lead_agency_id, a.name_vi as lead_vi, a.name_en as lead_en,
      (select count(*) from inspection_actions x where x.finding_id = f.id and x.status = 'OPEN') as open_actions
    from inspection_findings f join inspections i on i.id = f.inspection_id join agencies a on a.id = i.lead_agency_id
    where i.organisation_id = ${organisationId} and ${inspectionScopeCondition(actor)}
    order by i.starts_on desc, f.created_at, f.id
    limit 500`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    description: r.description,
    recommendation: r.recommendation,
    createdAt: new Date(r.created_at).toISOString(),
    inspectionId: r.inspection_id,
    kind: r.kind,
    startsOn: r.starts_on,
    closedOn: r.closed_on,
    leadAgency: { id: r.lead_agency_id, nameVi: r.lead_vi, nameEn: r.lead_en },
    openActions: Number(r.open_actions),
  }));
}
