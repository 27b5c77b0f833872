import { sql, type Kysely } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import { inTransaction } from '@db/transaction';
import { isProgrammeReportOverdue, PROGRAMME_REPORT_DUE, programmeReportDueDate, type ProgrammeReportListStatus } from '@domain/programme';
import { AppError } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { expectedReporters } from './programme-reports.service';
import { notifyReporter } from './programme-reports.notify';

/**
 * Central's who-has-not-reported list for a year: every ministry and province expected to report, with its
 * report's status (not started, draft, submitted, returned), whether it is overdue, and the reminders sent.
 */
export async function reportingStatus(db: Kysely<Database>, year: number) {
  const [agencies, reports, reminders] = await Promise.all([
    expectedReporters(db).execute(),
    db.selectFrom('programme_reports').select(['agency_id', 'status', 'submitted_at']).where('year', '=', year).execute(),
    db
      .selectFrom('programme_report_reminders')
      .select(['agency_id', sql<Date>`max(sent_at)`.as('last'), sql<number>`count(*)::int`.as('n')])
      .where('year', '=', year)
      .groupBy('agency_id')
      .execute(),
  ]);
  const reportOf = new Map(reports.map((r) => [r.agency_id, r]));
  const reminderOf = new Map(reminders.map((r) => [r.agency_id, r]));
  const today = vietnamToday();
  const items = agencies.map((a) => {
    const report = reportOf.get(a.id);
    const status: ProgrammeReportListStatus = report?.status ?? 'NOT_STARTED';
    const reminded = reminderOf.get(a.id);
    return {
      agencyId: a.id,
      nameVi: a.name_vi,
      nameEn: a.name_en,
      kind: a.kind as 'MINISTRY' | 'PROVINCE',
      status,
      overdue: isProgrammeReportOverdue(status, year, today),
      submittedAt: report?.submitted_at?.toISOString() ?? null,
      lastRemindedAt: reminded ? new Date(reminded.last).toISOString() : null,
      reminders: reminded?.n ?? 0,
    };
  });
  const count = (s: ProgrammeReportListStatus) => items.filter((i) => i.status === s).length;
  return {
    year,
    dueDate: programmeReportDueDate(year),
    dueBasis: PROGRAMME_REPORT_DUE.legalBasis,
    counts: {
      expected: items.length,
      notStarted: count('NOT_STARTED'),
      draft: count('DRAFT'),
      submitted: count('SUBMITTED'),
      returned: count('RETURNED'),
    },
    items,
  };
}

/**
 * Central reminds a ministry or province that its report for the year is awaited: a notice in the inbox of each
 * of its users (once a day at most per user), the reminder recorded and audited in the same transaction.
 * @returns how many users were notified now
 * @throws AppError programme_report_not_expected, programme_report_submitted (nothing to remind)
 */
export async function remindReporter(db: Kysely<Database>, ctx: WriteContext, agencyId: string, year: number) {
  return inTransaction(db, async (trx) => {
    const agency = await expectedReporters(trx).where('id', '=', agencyId).executeTakeFirst();
    if (!agency) throw new AppError('programme_report_not_expected', { params: { agency: agencyId }, details: { agencyId } });
    const report = await trx
      .selectFrom('programme_reports')
      .select(['id', 'status'])
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
    if (report?.status === 'SUBMITTED') throw new AppError('programme_report_submitted', { params: { year }, details: { agencyId, year } });
    const today = vietnamToday();
    const dueDate = programmeReportDueDate(year);
    const notified = await notifyReporter(
      trx,
      agencyId,
      'PROGRAMME_REPORT_REMINDER',
      { code: agency.name_vi, year, dueDate },
      `PROGRAMME_REPORT_REMINDER:${agencyId}:${year}:${today}`,
    );
    await trx
      .insertInto('programme_report_reminders')
      .values({ agency_id: agencyId, year, recipients: notified, sent_by: ctx.actor?.userId ?? null })
      .execute();
    await writeAudit(trx, ctx, {
      action: 'programme_report.remind',
      entityType: 'programme_report',
      entityId: report?.id ?? null,
      after: { agencyId, year, dueDate, notified },
    });
    return { agencyId, year, notified };
  });
}
