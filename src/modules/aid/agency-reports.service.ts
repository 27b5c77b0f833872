import { sql, type Kysely, type Selectable } from 'kysely';
import { reportPeriod } from '@domain/reporting';
import type { Database } from '@db/types';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { offsetOf, type PageQuery } from '@http/pagination';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { aidScopeCondition, governedBy, organisationScopeCondition } from './aid.policy';
import type { AgencyReportKind, AgencyReportTable } from './aid.tables';
import type { AgencyReportFigures, AgencyReportView } from './reports.schemas';
import type { Db } from '@db/transaction';

type Row = Selectable<AgencyReportTable> & { agency_name_vi: string; agency_name_en: string };

/** The officer's agency acting as the reporting body, with the scope its report covers. */
function agencyActor(actor: Actor): Actor & { agencyId: string } {
  if (actor.role !== 'agency' || !actor.agencyId) throw new AppError('forbidden');
  return actor as Actor & { agencyId: string };
}

/**
 * The registry's figures for an agency's report of a year, counted in Decree 58's data window (15/12 of the previous
 * year to 14/12, the report's period; issue 13): aid items in the agency's scope active in the window (for the
 * governing-agency report: the items it governs only), their organisations, the USD committed and disbursed by
 * transactions dated in the window, the FNGO reports filed for the year in scope, and the mobilisation results (aid
 * approved in the window and its commitments).
 */
export async function computeFigures(
  db: Db,
  actor: Actor & { agencyId: string },
  kind: AgencyReportKind,
  year: number,
): Promise<AgencyReportFigures> {
  const period = reportPeriod(kind, year);
  const { from, to } = period;
  let items = db
    .selectFrom('aid_items as i')
    .where(aidScopeCondition(actor))
    .where('i.status', 'not in', ['PIPELINE', 'CANCELLED'])
    .where(
      sql<boolean>`(exists (select 1 from aid_transactions w where w.aid_item_id = i.id and w.tx_date between ${from} and ${to})
        or (coalesce(i.actual_start, i.planned_start) <= ${to}
            and coalesce(i.actual_end, i.planned_end, coalesce(i.actual_start, i.planned_start)) >= ${from}))`,
    );
  if (kind === 'GOVERNING_ANNUAL') items = items.where(governedBy(actor.agencyId));
  const money = (k: 'COMMITMENT' | 'DISBURSEMENT') =>
    sql<string>`round(coalesce((select sum(t.amount_usd) from aid_transactions t where t.kind = ${k} and t.tx_date between ${from} and ${to}
      and t.aid_item_id in (select id from scoped)), 0), 2)::text`;
  const [figures, reports] = await Promise.all([
    db
      .with('scoped', () => items.select(['i.id', 'i.organisation_id', 'i.approval_date']))
      .selectFrom('scoped')
      .select([
        sql<number>`count(*)::int`.as('aidItems'),
        sql<number>`count(distinct organisation_id)::int`.as('organisations'),
        money('COMMITMENT').as('committedUsd'),
        money('DISBURSEMENT').as('disbursedUsd'),
        sql<number>`(count(*) filter (where approval_date between ${from} and ${to}))::int`.as('approvedItems'),
        sql<string>`round(coalesce((select sum(t.amount_usd) from aid_transactions t where t.kind = 'COMMITMENT'
          and t.aid_item_id in (select id from scoped where approval_date between ${from} and ${to})), 0), 2)::text`.as(
          'approvedCommittedUsd',
        ),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('ngo_reports as r')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('r.report_year', '=', year)
      .where('r.status', 'in', ['SUBMITTED', 'ACCEPTED'])
      .where(organisationScopeCondition(actor, 'r.organisation_id'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ...figures, ngoReportsSubmitted: reports.n, windowFrom: from, windowTo: to, windowBasis: 'D58_DATA_WINDOW' };
}

const present = (row: Row): AgencyReportView => ({
  id: row.id,
  agencyId: row.agency_id,
  agencyNameVi: row.agency_name_vi,
  agencyNameEn: row.agency_name_en,
  kind: row.kind,
  reportYear: row.report_year,
  periodFrom: row.period_from,
  periodTo: row.period_to,
  dueDate: row.due_date,
  status: row.status,
  figures: row.figures as AgencyReportFigures,
  summary: row.summary,
  submittedAt: row.submitted_at?.toISOString() ?? null,
  version: row.version,
});

/** An agency sees its own reports; national officers see every agency's. */
function visible(db: Db, actor: Actor) {
  let q = db
    .selectFrom('agency_reports as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .selectAll('r')
    .select(['a.name_vi as agency_name_vi', 'a.name_en as agency_name_en']);
  if (actor.role !== 'admin' && actor.role !== 'central') q = q.where('r.agency_id', '=', actor.agencyId ?? '');
  return q;
}

export async function listAgencyReports(db: Kysely<Database>, actor: Actor, query: PageQuery & { year?: number; kind?: AgencyReportKind }) {
  let base = visible(db, actor);
  if (query.year) base = base.where('r.report_year', '=', query.year);
  if (query.kind) base = base.where('r.kind', '=', query.kind);
  const [rows, count] = await Promise.all([
    base.orderBy('r.report_year', 'desc').orderBy('r.kind').orderBy('a.name_vi').limit(query.pageSize).offset(offsetOf(query)).execute(),
    base
      .clearSelect()
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

/** One agency report the caller may see. @throws AppError not_found otherwise */
export async function readOne(db: Db, actor: Actor, id: string): Promise<AgencyReportView> {
  const row = await visible(db, actor).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('agency_report');
  return present(row);
}

/**
 * Opens an agency's report of a kind and year, with the period and due date of its legal basis and the figures
 * computed from the registry. @throws AppError forbidden (not an agency officer), already_exists (details.id)
 */
export async function createAgencyReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  actor: Actor,
  body: { kind: AgencyReportKind; year: number },
): Promise<AgencyReportView> {
  const agency = agencyActor(actor);
  const existing = await db
    .selectFrom('agency_reports')
    .select('id')
    .where('agency_id', '=', agency.agencyId)
    .where('kind', '=', body.kind)
    .where('report_year', '=', body.year)
    .executeTakeFirst();
  if (existing) throw new AppError('already_exists', { details: { id: existing.id } });
  const period = reportPeriod(body.kind, body.year);
  const id = await db.transaction().execute(async (trx) => {
    const figures = await computeFigures(trx, agency, body.kind, body.year);
    const row = await trx
      .insertInto('agency_reports')
      .values({
        agency_id: agency.agencyId,
        kind: body.kind,
        report_year: body.year,
        period_from: period.from,
        period_to: period.to,
        due_date: period.due,
        figures: JSON.stringify(figures),
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'agency_report.create', entityType: 'agency_report', entityId: row.id, after: row });
    return row.id;
  });
  return readOne(db, actor, id);
}

/**
 * Saves the summary (and recomputes the figures when asked) or, with `submit`, files the report. Only the
 * agency's own drafts or returned reports change. @throws AppError not_found, report_not_editable, stale_version
 */
export async function changeAgencyReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  actor: Actor,
  id: string,
  body: { version: number; summary?: string | null; refreshFigures?: boolean; submit?: boolean },
): Promise<AgencyReportView> {
  const agency = agencyActor(actor);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('agency_reports')
      .selectAll()
      .where('id', '=', id)
      .where('agency_id', '=', agency.agencyId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('agency_report');
    if (before.status !== 'DRAFT' && before.status !== 'RETURNED')
      throw new AppError('report_not_editable', { details: { status: before.status } });
    if (before.version !== body.version) throw staleVersion({ currentVersion: before.version, current: await readOne(trx, actor, id) });
    const figures = body.refreshFigures || body.submit ? await computeFigures(trx, agency, before.kind, before.report_year) : undefined;
    const after = await trx
      .updateTable('agency_reports')
      .set({
        summary: body.summary === undefined ? before.summary : body.summary,
        ...(figures ? { figures: JSON.stringify(figures) } : {}),
        ...(body.submit ? { status: 'SUBMITTED' as const, submitted_at: new Date(), submitted_by: actor.userId } : {}),
        updated_at: new Date(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: body.submit ? 'agency_report.submit' : 'agency_report.update',
      entityType: 'agency_report',
      entityId: id,
      before,
      after,
    });
  });
  return readOne(db, actor, id);
}
