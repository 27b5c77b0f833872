import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { ngoReportPeriod } from '@domain/reporting';
import type { Database } from '@db/types';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { offsetOf } from '@http/pagination';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import { organisationScopeCondition } from './aid.policy';
import { findVisibleAidItem } from './aid-items.detail';
import type { NgoReportTable } from './aid.tables';
import { fileLines, lineWarnings, readLines, replaceLines } from './ngo-report-lines';
import type { ListNgoReportsQuery, NgoReportDetail, NgoReportSummary, PutNgoReportBody } from './reports.schemas';
import type { Db } from '@db/transaction';

type ReportRow = Selectable<NgoReportTable>;

const EDITABLE = ['DRAFT', 'RETURNED'];

/** The NGO files its own report; an administrator may act for it (e.g. a report received on paper). */
const mayEdit = (actor: Actor, report: Pick<ReportRow, 'organisation_id'>) =>
  actor.role === 'admin' || (actor.role === 'ngo' && actor.organisationId === report.organisation_id);
const mayReview = (actor: Actor) => hasNationalScope(actor);

function summaries(db: Db, actor: Actor) {
  return db
    .selectFrom('ngo_reports as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .where(organisationScopeCondition(actor, 'r.organisation_id'))
    .select([
      'r.id',
      'r.organisation_id as organisationId',
      sql<string>`coalesce(o.name_en, o.name_original)`.as('organisationName'),
      'r.report_year as reportYear',
      'r.period_from as periodFrom',
      'r.period_to as periodTo',
      'r.due_date as dueDate',
      'r.status',
      sql<string | null>`to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('submittedAt'),
      sql<string>`(select round(coalesce(sum(l.amount_usd), 0), 2)::text from ngo_report_lines l where l.report_id = r.id)`.as(
        'disbursedUsd',
      ),
      sql<number>`(select count(*)::int from ngo_report_lines l where l.report_id = r.id)`.as('lineCount'),
      'r.version',
    ]);
}

/** Reports the actor may see (their scope's organisations), newest year first. */
export async function listNgoReports(db: Kysely<Database>, actor: Actor, query: ListNgoReportsQuery) {
  let base = summaries(db, actor);
  if (query.year) base = base.where('r.report_year', '=', query.year);
  if (query.status) base = base.where('r.status', '=', query.status);
  if (query.organisationId) base = base.where('r.organisation_id', '=', query.organisationId);
  const [items, count] = await Promise.all([
    base.orderBy('r.report_year', 'desc').orderBy('organisationName').limit(query.pageSize).offset(offsetOf(query)).execute(),
    base
      .clearSelect()
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as NgoReportSummary[], total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

/** One report with its lines (and, for whoever may edit it, the aid items it may still cover). */
export async function getNgoReport(db: Db, actor: Actor, id: string): Promise<NgoReportDetail> {
  const summary = await summaries(db, actor).where('r.id', '=', id).executeTakeFirst();
  if (!summary) throw notFound('ngo_report');
  const row = await db.selectFrom('ngo_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const edit = mayEdit(actor, row) && EDITABLE.includes(row.status);
  return {
    ...(summary as NgoReportSummary),
    summary: row.summary,
    reviewNote: row.review_note,
    lines: await readLines(db, row, edit),
    abilities: { edit, submit: edit, review: mayReview(actor) && row.status === 'SUBMITTED' },
    warnings: await lineWarnings(db, id),
  };
}

/**
 * Opens the draft of an organisation's report for a year, with the period and due date of Decree 58
 * (15/12 of the year before to 14/12, due 18/12).
 * @throws AppError forbidden, validation_failed, already_exists (details.id names the existing report)
 */
export async function createNgoReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  actor: Actor,
  body: { year: number; organisationId?: string },
): Promise<NgoReportDetail> {
  const organisationId = actor.role === 'ngo' ? actor.organisationId : body.organisationId;
  if (actor.role !== 'ngo' && actor.role !== 'admin') throw new AppError('forbidden');
  if (!organisationId)
    throw new AppError('validation_failed', { details: { issues: [{ path: 'body.organisationId', message: 'required' }] } });
  const existing = await db
    .selectFrom('ngo_reports')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('report_year', '=', body.year)
    .executeTakeFirst();
  if (existing) throw new AppError('already_exists', { details: { id: existing.id } });
  const organisation = await db.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
  if (!organisation)
    throw new AppError('validation_failed', { details: { issues: [{ path: 'body.organisationId', message: 'unknown organisation' }] } });
  const period = ngoReportPeriod(body.year);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('ngo_reports')
      .values({
        organisation_id: organisationId,
        report_year: body.year,
        period_from: period.from,
        period_to: period.to,
        due_date: period.due,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'ngo_report.create', entityType: 'ngo_report', entityId: row.id, after: row });
    return row.id;
  });
  return getNgoReport(db, actor, id);
}

/** Locks the report for a change by its author, refusing stale versions and filed reports. */
async function lockForEdit(trx: Transaction<Database>, actor: Actor, id: string, version: number): Promise<ReportRow> {
  const row = await trx
    .selectFrom('ngo_reports')
    .selectAll()
    .where('id', '=', id)
    .where(organisationScopeCondition(actor, 'organisation_id'))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('ngo_report');
  if (!mayEdit(actor, row)) throw new AppError('forbidden');
  if (!EDITABLE.includes(row.status)) throw new AppError('report_not_editable', { details: { status: row.status } });
  if (row.version !== version) throw staleVersion({ currentVersion: row.version, current: await getNgoReport(trx, actor, id) });
  return row;
}

/**
 * Saves the draft: summary and lines (disbursement per aid item, results, beneficiaries).
 * @throws AppError not_found, forbidden, report_not_editable (409), stale_version (409), validation_failed, exchange_rate_missing
 */
export async function saveNgoReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  actor: Actor,
  id: string,
  body: PutNgoReportBody,
): Promise<NgoReportDetail> {
  await db.transaction().execute(async (trx) => {
    const before = await lockForEdit(trx, actor, id, body.version);
    const linesBefore = await readLines(trx, before, false);
    await replaceLines(trx, ctx, before, body.lines);
    const after = await trx
      .updateTable('ngo_reports')
      .set({ summary: body.summary === undefined ? before.summary : body.summary, updated_at: new Date(), version: before.version + 1 })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'ngo_report.update',
      entityType: 'ngo_report',
      entityId: id,
      before: { ...before, lines: linesBefore },
      after: { ...after, lines: body.lines },
    });
  });
  return getNgoReport(db, actor, id);
}

/**
 * Files the report: every disbursement line becomes a DISBURSEMENT transaction (source REPORT) in the same
 * database transaction as the status change, so statistics see the report's money as soon as it is filed.
 * @throws AppError as {@link saveNgoReport}
 */
export async function submitNgoReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<NgoReportDetail> {
  await db.transaction().execute(async (trx) => {
    const before = await lockForEdit(trx, actor, id, version);
    const transactions = await fileLines(trx, ctx, before);
    const after = await trx
      .updateTable('ngo_reports')
      .set({
        status: 'SUBMITTED',
        submitted_at: new Date(),
        submitted_by: actor.userId,
        updated_at: new Date(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'ngo_report.submit',
      entityType: 'ngo_report',
      entityId: id,
      before,
      after: { ...after, transactions },
    });
  });
  return getNgoReport(db, actor, id);
}

/**
 * Central officers accept a filed report or return it to the NGO with a note (it becomes editable again; filing
 * it anew replaces the transactions of the first filing).
 * @throws AppError forbidden, not_found, conflict (not submitted), stale_version
 */
export async function reviewNgoReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  actor: Actor,
  id: string,
  body: { version: number; decision: 'ACCEPT' | 'RETURN'; note?: string },
): Promise<NgoReportDetail> {
  if (!mayReview(actor)) throw new AppError('forbidden');
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('ngo_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('ngo_report');
    if (before.status !== 'SUBMITTED')
      throw new AppError('conflict', { details: { reason: 'report_not_submitted', status: before.status } });
    if (before.version !== body.version)
      throw staleVersion({ currentVersion: before.version, current: await getNgoReport(trx, actor, id) });
    const after = await trx
      .updateTable('ngo_reports')
      .set({
        status: body.decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED',
        reviewed_at: new Date(),
        reviewed_by: actor.userId,
        review_note: body.note ?? null,
        updated_at: new Date(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: `ngo_report.${body.decision.toLowerCase()}`,
      entityType: 'ngo_report',
      entityId: id,
      before,
      after,
    });
  });
  return getNgoReport(db, actor, id);
}

/** The report lines filed about one aid item the actor may see, newest year first (the aid page's reports). */
export async function reportLinesOfItem(db: Kysely<Database>, actor: Actor, aidItemId: string) {
  if (!(await findVisibleAidItem(db, actor, aidItemId))) throw notFound('aid_item');
  return db
    .selectFrom('ngo_report_lines as l')
    .innerJoin('ngo_reports as r', 'r.id', 'l.report_id')
    .select([
      'r.id as reportId',
      'r.report_year as reportYear',
      'r.status',
      sql<string | null>`l.disbursed_amount::text`.as('disbursedAmount'),
      'l.currency',
      sql<string | null>`round(l.amount_usd, 2)::text`.as('amountUsd'),
      'l.results',
      'l.beneficiaries_total as beneficiariesTotal',
      'l.beneficiaries_female as beneficiariesFemale',
      'l.beneficiaries_ethnic_minority as beneficiariesEthnicMinority',
      'l.beneficiaries_disability as beneficiariesDisability',
    ])
    .where('l.aid_item_id', '=', aidItemId)
    .orderBy('r.report_year', 'desc')
    .execute();
}
