/**
 * The aid's reports on their clocks (issue 13 §1; D80 Art. 13.9, 14.4, 15.5, 18, 23.9b): which reports each aid item
 * in the caller's scope owes for a year, which are done, due or late, and the filing of one, pre-filled from the
 * registry. The due dates come from src/domain/reporting/aid-reports.ts on the working calendar; the scope is the
 * aid registry's SQL condition (aid.policy.ts), so an owner sees its own aid, a governing agency the aid it governs.
 */
import { sql, type Kysely } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import { compareIsoDates, daysBetween } from '@domain/calendar/iso-date';
import { aidReportState, aidReportsDue, type AidReportDue, type AidReportKind, type ReportCalendar } from '@domain/reporting';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { offsetOf } from '@http/pagination';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { loadCalendar } from '@modules/calendar/calendar.service';
import type { Db } from '@db/transaction';
import { aidScopeCondition, governedBy } from './aid.policy';
import { computeAidReportFigures } from './aid-reports.figures';
import type { AidReportFigures, AidReportRow, AidReportView, CreateAidReportBody, ListAidReportsQuery } from './aid-reports.schemas';

const REPORTING = ['APPROVED', 'IMPLEMENTING', 'COMPLETED'] as const;

/** The facts of an item the clocks and the rights read. */
export type ReportingItem = {
  id: string;
  code: string;
  title_vi: string;
  title_en: string | null;
  status: string;
  start: string | null;
  end: string | null;
  budget_revenue: boolean;
  aid_owner_agency_id: string | null;
  aid_owner_name: string | null;
  governing_agency_id: string | null;
  may_govern: boolean;
};

/** Whether the actor's agency governs the item (it files the settlement), in SQL: false for anyone but an agency. */
const governedByActor = (actor: Actor | null) =>
  actor?.role === 'agency' && actor.agencyId ? governedBy(actor.agencyId) : sql<boolean>`false`;

/** Aid items as the reporting rules read them, within the actor's scope when there is an actor. */
function selectReportingItems(db: Db, actor: Actor | null) {
  const q = db
    .selectFrom('aid_items as i')
    .select([
      'i.id',
      'i.code',
      'i.title_vi',
      'i.title_en',
      'i.status',
      sql<string | null>`coalesce(i.actual_start, i.approval_date)::text`.as('start'),
      sql<string | null>`coalesce(i.actual_end, i.planned_end)::text`.as('end'),
      'i.budget_revenue',
      'i.aid_owner_agency_id',
      'i.aid_owner_name',
      'i.governing_agency_id',
      sql<boolean>`${governedByActor(actor)}`.as('may_govern'),
    ]);
  return actor ? q.where(aidScopeCondition(actor)) : q;
}

/**
 * Items that may owe reports for `year` (approved, implementing or completed, started by the end of the year and not
 * ended before it), within the actor's scope, with whether the actor's agency governs each.
 */
export function reportingItems(db: Db, actor: Actor | null, year: number) {
  return selectReportingItems(db, actor)
    .where('i.status', 'in', [...REPORTING])
    .where(sql<boolean>`coalesce(i.actual_start, i.approval_date) <= make_date(${year}, 12, 31)`)
    .where(
      sql<boolean>`(coalesce(i.actual_end, i.planned_end) is null or coalesce(i.actual_end, i.planned_end) >= make_date(${year}, 1, 1))`,
    );
}

/** Whether the actor files this report: the item's aid owner for its reports, the governing agency for the settlement. */
export function mayFile(
  actor: Actor,
  item: Pick<ReportingItem, 'aid_owner_agency_id' | 'may_govern'>,
  due: Pick<AidReportDue, 'filer'>,
): boolean {
  if (due.filer === 'OWNER') return actor.role === 'owner' && !!actor.agencyId && item.aid_owner_agency_id === actor.agencyId;
  return actor.role === 'agency' && item.may_govern;
}

const itemFacts = (item: ReportingItem) => ({
  status: item.status,
  start: item.start,
  end: item.end,
  budgetRevenue: item.budget_revenue,
});

/**
 * The reports owed for a year by the items in the caller's scope (optionally one item, one owner, one governing
 * agency), with their state on today's date, filtered and paged.
 */
export async function listAidReports(db: Kysely<Database>, actor: Actor, query: ListAidReportsQuery, today = vietnamToday()) {
  let q = reportingItems(db, actor, query.year);
  if (query.aidItemId) q = q.where('i.id', '=', query.aidItemId);
  if (query.ownerAgencyId) q = q.where('i.aid_owner_agency_id', '=', query.ownerAgencyId);
  if (query.governingAgencyId) q = q.where(governedBy(query.governingAgencyId));
  const [items, calendar] = await Promise.all([q.orderBy('i.code').execute(), loadCalendar(db)]);
  // The filed reports of the same items, read by the same scoped condition (a semi-join, not a list of ids).
  const filed = items.length
    ? await db
        .selectFrom('aid_reports')
        .select(['id', 'aid_item_id', 'kind', 'period_key', 'status', 'submitted_at'])
        .where('aid_item_id', 'in', q.clearSelect().select('i.id'))
        .where((eb) => eb.or([eb('period_key', 'like', `${query.year}%`), eb('period_key', '=', 'COMPLETION')]))
        .execute()
    : [];
  const byKey = new Map(filed.map((r) => [`${r.aid_item_id}:${r.kind}:${r.period_key}`, r]));
  const rows: AidReportRow[] = [];
  for (const item of items) {
    for (const due of aidReportsDue(itemFacts(item), query.year, calendar)) {
      if (query.kind && due.kind !== query.kind) continue;
      const report = byKey.get(`${item.id}:${due.kind}:${due.periodKey}`);
      const done = report?.status === 'SUBMITTED';
      const state = aidReportState(due, today, done);
      const lateOn = done ? vietnamToday(report.submitted_at!) : today;
      rows.push({
        aidItemId: item.id,
        aidItemCode: item.code,
        aidItemTitleVi: item.title_vi,
        aidItemTitleEn: item.title_en,
        ownerAgencyId: item.aid_owner_agency_id,
        ownerName: item.aid_owner_name,
        governingAgencyId: item.governing_agency_id,
        kind: due.kind,
        periodKey: due.periodKey,
        periodFrom: due.from,
        periodTo: due.to,
        dueDate: due.due,
        filer: due.filer,
        dueRule: due.dueRule,
        legalBasis: due.legalBasis,
        provisional: due.provisional,
        state,
        daysLate: Math.max(0, daysBetween(due.due, lateOn)),
        reportId: report?.id ?? null,
        reportStatus: report?.status ?? null,
        submittedAt: report?.submitted_at?.toISOString() ?? null,
        canFile: !done && mayFile(actor, item, due),
      });
    }
  }
  const counts = { UPCOMING: 0, DUE: 0, LATE: 0, DONE: 0 };
  for (const r of rows) counts[r.state] += 1;
  const selected = query.state ? rows.filter((r) => r.state === query.state) : rows;
  selected.sort(
    (a, b) => compareIsoDates(a.dueDate, b.dueDate) || a.aidItemCode.localeCompare(b.aidItemCode) || a.kind.localeCompare(b.kind),
  );
  const start = offsetOf(query);
  return {
    year: query.year,
    today,
    counts,
    items: selected.slice(start, start + query.pageSize),
    total: selected.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The year a period key belongs to (`COMPLETION` belongs to the year the aid ends). */
const yearOfKey = (key: string, end: string | null): number | null =>
  key === 'COMPLETION' ? (end ? Number(end.slice(0, 4)) : null) : Number(key.slice(0, 4));

/**
 * The report an item owes for a kind and period key, or 422 `aid_report_not_owed`.
 * @throws AppError aid_report_not_owed
 */
function owedReport(item: ReportingItem, kind: AidReportKind, periodKey: string, calendar: ReportCalendar): AidReportDue {
  const year = yearOfKey(periodKey, item.end);
  const found =
    year !== null && year >= 2000 && year <= 2100
      ? aidReportsDue(itemFacts(item), year, calendar).find((d) => d.kind === kind && d.periodKey === periodKey)
      : undefined;
  if (!found) throw new AppError('aid_report_not_owed', { params: { kind, period: periodKey }, details: { kind, periodKey } });
  return found;
}

type StoredReport = Awaited<ReturnType<typeof readStored>>;

function readStored(db: Db, actor: Actor, id: string) {
  return db
    .selectFrom('aid_reports as r')
    .innerJoin('aid_items as i', 'i.id', 'r.aid_item_id')
    .selectAll('r')
    .select(['i.code', 'i.title_vi', 'i.title_en', 'i.aid_owner_agency_id'])
    .select(sql<boolean>`${governedByActor(actor)}`.as('may_govern'))
    .where('r.id', '=', id)
    .where(aidScopeCondition(actor))
    .executeTakeFirst();
}

const filerOf = (kind: AidReportKind): AidReportDue['filer'] => (kind === 'SETTLEMENT' ? 'GOVERNING' : 'OWNER');

const present = (actor: Actor, row: NonNullable<StoredReport>): AidReportView => ({
  id: row.id,
  aidItemId: row.aid_item_id,
  aidItemCode: row.code,
  aidItemTitleVi: row.title_vi,
  aidItemTitleEn: row.title_en,
  kind: row.kind,
  periodKey: row.period_key,
  periodFrom: row.period_from,
  periodTo: row.period_to,
  dueDate: row.due_date,
  status: row.status,
  figures: row.figures as AidReportFigures,
  summary: row.summary,
  submittedAt: row.submitted_at?.toISOString() ?? null,
  version: row.version,
  canEdit: row.status === 'DRAFT' && mayFile(actor, row, { filer: filerOf(row.kind) }),
});

/** One report in the caller's scope. @throws AppError not_found */
export async function getAidReport(db: Db, actor: Actor, id: string): Promise<AidReportView> {
  const row = await readStored(db, actor, id);
  if (!row) throw notFound('aid_report');
  return present(actor, row);
}

/**
 * Starts the report an item owes (a draft pre-filled from the registry). Only the filer starts it: the item's aid
 * owner for its reports, the governing agency for the settlement.
 * @throws AppError not_found (item outside scope), forbidden, aid_report_not_owed, already_exists (details.id)
 */
export async function createAidReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  actor: Actor,
  body: CreateAidReportBody,
): Promise<AidReportView> {
  const id = await db.transaction().execute(async (trx) => {
    const item = await reportingItemById(trx, actor, body.aidItemId);
    const due = owedReport(item, body.kind, body.periodKey, await loadCalendar(db));
    if (!mayFile(actor, item, due)) throw new AppError('forbidden', { details: { reason: 'aid_report_filer', filer: due.filer } });
    const existing = await trx
      .selectFrom('aid_reports')
      .select('id')
      .where('aid_item_id', '=', item.id)
      .where('kind', '=', due.kind)
      .where('period_key', '=', due.periodKey)
      .executeTakeFirst();
    if (existing) throw new AppError('already_exists', { details: { id: existing.id } });
    const figures = await computeAidReportFigures(trx, item.id, due.from, due.to);
    const row = await trx
      .insertInto('aid_reports')
      .values({
        aid_item_id: item.id,
        kind: due.kind,
        period_key: due.periodKey,
        period_from: due.from,
        period_to: due.to,
        due_date: due.due,
        filer_agency_id: actor.agencyId,
        figures: JSON.stringify(figures),
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'aid_report.create', entityType: 'aid_report', entityId: row.id, after: row });
    return row.id;
  });
  return getAidReport(db, actor, id);
}

async function reportingItemById(db: Db, actor: Actor, id: string): Promise<ReportingItem> {
  const item = await selectReportingItems(db, actor).where('i.id', '=', id).executeTakeFirst();
  if (!item) throw notFound('aid_item');
  return item;
}

/**
 * Saves the summary (recomputing the figures when asked) or, with `submit`, files the report with the registry's
 * figures of that moment. Only a draft of the filer changes; a report is filed once its period has ended.
 * @throws AppError not_found, forbidden, report_not_editable, stale_version, aid_report_period_open
 */
export async function changeAidReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  actor: Actor,
  id: string,
  body: { version: number; summary?: string | null; refreshFigures?: boolean; submit?: boolean },
  today = vietnamToday(),
): Promise<AidReportView> {
  await db.transaction().execute(async (trx) => {
    const visible = await readStored(trx, actor, id);
    if (!visible) throw notFound('aid_report');
    if (!mayFile(actor, visible, { filer: filerOf(visible.kind) }))
      throw new AppError('forbidden', { details: { reason: 'aid_report_filer' } });
    const before = await trx.selectFrom('aid_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (before.status !== 'DRAFT') throw new AppError('report_not_editable', { details: { status: before.status } });
    if (before.version !== body.version) throw staleVersion({ currentVersion: before.version, current: present(actor, visible) });
    if (body.submit && compareIsoDates(today, before.period_to) < 0)
      throw new AppError('aid_report_period_open', { params: { date: before.period_to }, details: { periodTo: before.period_to } });
    const figures =
      body.refreshFigures || body.submit
        ? await computeAidReportFigures(trx, before.aid_item_id, before.period_from, before.period_to)
        : undefined;
    const after = await trx
      .updateTable('aid_reports')
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
      action: body.submit ? 'aid_report.submit' : 'aid_report.update',
      entityType: 'aid_report',
      entityId: id,
      before,
      after,
    });
  });
  return getAidReport(db, actor, id);
}
