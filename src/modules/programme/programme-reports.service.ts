import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import { inTransaction } from '@db/transaction';
import {
  availableProgrammeReportActions,
  isProgrammeReportOverdue,
  nextProgrammeReportStatus,
  programmeInForce,
  programmeReportDueDate,
  type ProgrammeReportListStatus,
  type ProgrammeReportRole,
} from '@domain/programme';
import { AppError, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { hasSyntheticData } from '@modules/stats/stats.service';
import { computeReportFigures, type Reporter } from './programme-reports.figures';
import { notifyReporter } from './programme-reports.notify';
import { programmeReportRoleOf, programmeReportScope } from './programme-reports.policy';
import type { ProgrammeReportView, SaveProgrammeReportBody } from './programme-reports.schemas';
import type { ProgrammeReportTable } from './programme-reports.tables';
import { listProgrammes } from './programmes.service';

type Db = Kysely<Database> | Transaction<Database>;
type Row = Selectable<ProgrammeReportTable>;

/**
 * The ministries and provinces expected to report: agencies of kind MINISTRY or PROVINCE still in force (no
 * successor date), provinces among today's 34. A successor reports for the bodies it took over (its scope in the
 * statistics includes them).
 */
export function expectedReporters(db: Db) {
  return db
    .selectFrom('agencies')
    .select(['id', 'name_vi', 'name_en', 'kind', 'province_id'])
    .where('kind', 'in', ['MINISTRY', 'PROVINCE'])
    .where('valid_until', 'is', null)
    .where((eb) => eb.or([eb('province_id', 'is', null), eb('province_id', 'like', 'new34:%')]))
    .orderBy('kind')
    .orderBy('province_id')
    .orderBy('id');
}

/** @throws AppError programme_report_not_expected (the agency is not a ministry or province that reports) */
async function loadReporter(db: Db, agencyId: string): Promise<Reporter> {
  const row = await expectedReporters(db).where('id', '=', agencyId).executeTakeFirst();
  if (!row) throw new AppError('programme_report_not_expected', { params: { agency: agencyId }, details: { agencyId } });
  return row as Reporter;
}

/**
 * The programme in force in a year that may be reported on (not a year to come).
 * @throws AppError programme_report_future_year, programme_report_no_programme
 */
async function programmeFor(db: Db, year: number) {
  const thisYear = Number(vietnamToday().slice(0, 4));
  if (year > thisYear) throw new AppError('programme_report_future_year', { params: { year }, details: { year, thisYear } });
  const programme = programmeInForce(await listProgrammes(db as Kysely<Database>), year);
  if (!programme) throw new AppError('programme_report_no_programme', { params: { year }, details: { year } });
  return programme;
}

const scoped = (db: Db, actor: WriteContext['actor'], agencyId: string, year: number) =>
  db
    .selectFrom('programme_reports as r')
    .selectAll('r')
    .where('r.agency_id', '=', agencyId)
    .where('r.year', '=', year)
    .where(programmeReportScope(actor));

/**
 * One agency's report for a year as its reader sees it: the stored report, or a report not started yet; the
 * figures frozen at submission, or computed afresh from the registry while it can still change.
 * @throws AppError forbidden (another agency's report), programme_report_not_expected, programme_report_future_year,
 *   programme_report_no_programme
 */
export async function readProgrammeReport(
  db: Db,
  actor: WriteContext['actor'],
  agencyId: string,
  year: number,
): Promise<ProgrammeReportView> {
  const role = programmeReportRoleOf(actor, agencyId);
  const reporter = await loadReporter(db, agencyId);
  const [row, synthetic] = await Promise.all([
    scoped(db, actor, agencyId, year).executeTakeFirst(),
    hasSyntheticData(db as Kysely<Database>),
  ]);
  const programme = await programmeFor(db, year);
  const status: ProgrammeReportListStatus = row?.status ?? 'NOT_STARTED';
  const figures = row?.status === 'SUBMITTED' && row.figures ? row.figures : await computeReportFigures(db, reporter, year, programme);
  return present(reporter, year, programme.code, row, status, figures, role, synthetic);
}

function present(
  reporter: Reporter,
  year: number,
  programmeCode: string,
  row: Row | undefined,
  status: ProgrammeReportListStatus,
  figures: ProgrammeReportView['figures'],
  role: ProgrammeReportRole,
  synthetic: boolean,
): ProgrammeReportView {
  return {
    id: row?.id ?? null,
    agencyId: reporter.id,
    agencyNameVi: reporter.name_vi,
    agencyNameEn: reporter.name_en,
    agencyKind: reporter.kind,
    year,
    programmeCode: row?.programme_code ?? programmeCode,
    status,
    dueDate: programmeReportDueDate(year),
    overdue: isProgrammeReportOverdue(status, year, vietnamToday()),
    difficulties: row?.difficulties ?? '',
    proposals: row?.proposals ?? '',
    figures,
    returnReason: row?.return_reason ?? null,
    submittedAt: row?.submitted_at?.toISOString() ?? null,
    returnedAt: row?.returned_at?.toISOString() ?? null,
    version: row?.version ?? 0,
    actions: availableProgrammeReportActions(status, role),
    synthetic,
  };
}

/**
 * Locks the report row (if any), within the actor's scope in SQL as every read is, and checks the version the
 * caller read. @throws AppError stale_version
 */
async function lockAt(
  trx: Transaction<Database>,
  ctx: WriteContext,
  agencyId: string,
  year: number,
  version: number,
): Promise<Row | undefined> {
  const row = await trx
    .selectFrom('programme_reports as r')
    .selectAll('r')
    .where('r.agency_id', '=', agencyId)
    .where('r.year', '=', year)
    .where(programmeReportScope(ctx.actor))
    .forUpdate()
    .executeTakeFirst();
  if ((row?.version ?? 0) !== version) throw staleVersion({ currentVersion: row?.version ?? 0 });
  return row;
}

/** A submitted report is read-only for its reporter. @throws AppError programme_report_submitted (409) */
function assertNotSubmitted(row: Row | undefined, role: ProgrammeReportRole, year: number): void {
  if (role === 'reporter' && row?.status === 'SUBMITTED')
    throw new AppError('programme_report_submitted', { params: { year }, details: { year, status: row.status } });
}

/**
 * The reporting agency saves its draft text (difficulties, proposals); the first save creates the report. A
 * returned report stays RETURNED until submitted again. Audited in the same transaction.
 * @throws AppError forbidden, stale_version, programme_report_submitted (read-only), programme_report_*;
 *   DomainRuleError transition_role_not_allowed (central does not write the reporter's text)
 */
export async function saveProgrammeReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  agencyId: string,
  year: number,
  body: SaveProgrammeReportBody,
): Promise<ProgrammeReportView> {
  const role = programmeReportRoleOf(ctx.actor, agencyId);
  await loadReporter(db, agencyId);
  const programme = await programmeFor(db, year);
  await inTransaction(db, async (trx) => {
    const before = await lockAt(trx, ctx, agencyId, year, body.version);
    assertNotSubmitted(before, role, year);
    const status = nextProgrammeReportStatus(before?.status ?? 'NOT_STARTED', 'save', role);
    const values = { difficulties: body.difficulties, proposals: body.proposals, status };
    const saved = await writeReportRow(trx, ctx, before, { agencyId, year, programmeCode: programme.code }, values);
    await writeAudit(trx, ctx, {
      action: 'programme_report.save',
      entityType: 'programme_report',
      entityId: saved.id,
      before: before ? { status: before.status, difficulties: before.difficulties, proposals: before.proposals } : null,
      after: { agencyId, year, ...values, version: saved.version },
    });
  });
  return readProgrammeReport(db, ctx.actor, agencyId, year);
}

/**
 * Writes a report's row: the next version of the stored one, or the first one of the agency's year. The caller holds
 * the lock (`lockAt`) and has checked the version and the transition.
 */
async function writeReportRow(
  trx: Transaction<Database>,
  ctx: WriteContext,
  before: { id: string; version: number } | undefined | null,
  key: { agencyId: string; year: number; programmeCode: string },
  values: Updateable<ProgrammeReportTable>,
): Promise<{ id: string; version: number }> {
  return before
    ? trx
        .updateTable('programme_reports')
        .set({ ...values, version: before.version + 1, updated_at: new Date() })
        .where('id', '=', before.id)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow()
    : trx
        .insertInto('programme_reports')
        .values({
          ...values,
          agency_id: key.agencyId,
          year: key.year,
          programme_code: key.programmeCode,
          created_by: ctx.actor?.userId ?? null,
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
}

/**
 * The reporting agency submits its report: the registry's figures are read and frozen into it in the same
 * transaction, and it becomes read-only. Audited with the figures.
 * @throws AppError forbidden, stale_version, programme_report_*; DomainRuleError transition_not_allowed
 */
export async function submitProgrammeReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  agencyId: string,
  year: number,
  version: number,
): Promise<ProgrammeReportView> {
  const role = programmeReportRoleOf(ctx.actor, agencyId);
  const reporter = await loadReporter(db, agencyId);
  const programme = await programmeFor(db, year);
  await inTransaction(db, async (trx) => {
    const before = await lockAt(trx, ctx, agencyId, year, version);
    assertNotSubmitted(before, role, year);
    const status = nextProgrammeReportStatus(before?.status ?? 'NOT_STARTED', 'submit', role);
    const figures = await computeReportFigures(trx, reporter, year, programme);
    const values = {
      status,
      figures: JSON.stringify(figures),
      submitted_at: new Date(),
      submitted_by: ctx.actor?.userId ?? null,
    };
    const saved = await writeReportRow(trx, ctx, before, { agencyId, year, programmeCode: programme.code }, values);
    await writeAudit(trx, ctx, {
      action: 'programme_report.submit',
      entityType: 'programme_report',
      entityId: saved.id,
      before: before ? { status: before.status, version: before.version } : null,
      after: { agencyId, year, status, version: saved.version, figures },
    });
  });
  return readProgrammeReport(db, ctx.actor, agencyId, year);
}

/**
 * Central returns a submitted report for changes with a reason; the agency's users find it in their inbox, and
 * the figures are read afresh until it is submitted again. Audited with the reason.
 * @throws AppError forbidden, stale_version, not_found-like programme_report_*; DomainRuleError transition_not_allowed
 */
export async function returnProgrammeReport(
  db: Kysely<Database>,
  ctx: WriteContext,
  agencyId: string,
  year: number,
  body: { version: number; reason: string },
): Promise<ProgrammeReportView> {
  const role = programmeReportRoleOf(ctx.actor, agencyId);
  await loadReporter(db, agencyId);
  await inTransaction(db, async (trx) => {
    const before = await lockAt(trx, ctx, agencyId, year, body.version);
    const status = nextProgrammeReportStatus(before?.status ?? 'NOT_STARTED', 'return', role);
    const saved = await trx
      .updateTable('programme_reports')
      .set({
        status,
        return_reason: body.reason,
        returned_at: new Date(),
        returned_by: ctx.actor?.userId ?? null,
        figures: null,
        version: before!.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', before!.id)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await notifyReporter(
      trx,
      agencyId,
      'PROGRAMME_REPORT_RETURNED',
      { year, reason: body.reason },
      `PROGRAMME_REPORT_RETURNED:${saved.id}:${saved.version}`,
    );
    await writeAudit(trx, ctx, {
      action: 'programme_report.return',
      entityType: 'programme_report',
      entityId: saved.id,
      before: { status: before!.status, version: before!.version, figures: before!.figures },
      after: { status, reason: body.reason, version: saved.version },
    });
  });
  return readProgrammeReport(db, ctx.actor, agencyId, year);
}
