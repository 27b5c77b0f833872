/**
 * Aid-report reminders in the inbox (the procedures' notifications table and inbox screen), like the obligation
 * reminders: the filer's users two working days before a report falls due, and again once it is late (within
 * {@link OVERDUE_WINDOW_DAYS}, so the first run on an old registry does not flood the inboxes; the lists show older
 * ones). The aid owner's accounts are reminded of its reports, the governing agency's of the settlement. Each reminder
 * carries a dedupe key (item, report, period, due date, kind), so the hourly check, run once per hour across the
 * processes (scheduled_runs), never repeats itself.
 */
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import { aidReportReminder, aidReportsDue } from '@domain/reporting';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { recipients } from '@modules/procedures/dossiers.repository';
import en from '@common/i18n/en/aidReports.json';
import vi from '@common/i18n/vi/aidReports.json';
import { everyPeriod } from '../../jobs/scheduled-runs';
import { reportingItems } from './aid-reports.service';

/** Remind this many working days before a due date. */
export const REMIND_WORKING_DAYS_BEFORE = 2;
/** Late reports older than this are not reminded. */
export const OVERDUE_WINDOW_DAYS = 30;

/**
 * One pass on `today` over the reports of this year and the previous one (a report of last year may fall due now).
 * @returns how many inbox notifications were created
 */
export async function runAidReportReminders(db: Kysely<Database>, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  const calendar = await loadCalendar(db);
  const remindFrom = calendar.addWorkingDays(today, REMIND_WORKING_DAYS_BEFORE);
  const users = new Map<string, { id: string }[]>();
  const usersOf = async (key: string, audience: Parameters<typeof recipients>[1]) => {
    let found = users.get(key);
    if (!found) {
      found = await recipients(db, audience);
      users.set(key, found);
    }
    return found;
  };
  let created = 0;
  for (const y of [year - 1, year]) {
    const items = await reportingItems(db, null, y).execute();
    if (!items.length) continue;
    const filed = await db
      .selectFrom('aid_reports')
      .select(['aid_item_id', 'kind', 'period_key'])
      .where('status', '=', 'SUBMITTED')
      .where((eb) => eb.or([eb('period_key', 'like', `${y}%`), eb('period_key', '=', 'COMPLETION')]))
      .execute();
    const done = new Set(filed.map((r) => `${r.aid_item_id}:${r.kind}:${r.period_key}`));
    const rows: { user_id: string; kind: string; params: string; dedupe_key: string; dossier_id: null }[] = [];
    for (const item of items) {
      const facts = { status: item.status, start: item.start, end: item.end, budgetRevenue: item.budget_revenue };
      for (const due of aidReportsDue(facts, y, calendar)) {
        const kind = aidReportReminder(due, today, remindFrom, done.has(`${item.id}:${due.kind}:${due.periodKey}`), OVERDUE_WINDOW_DAYS);
        if (!kind) continue;
        const agencyId = due.filer === 'OWNER' ? item.aid_owner_agency_id : item.governing_agency_id;
        if (!agencyId) continue;
        const audience = due.filer === 'OWNER' ? { ownerAgencyId: agencyId } : { agencyId };
        const params = JSON.stringify({
          code: item.code,
          aidItemId: item.id,
          stepNameVi: vi.kinds[due.kind],
          stepNameEn: en.kinds[due.kind],
          period: due.periodKey,
          dueDate: due.due,
          legalBasis: due.legalBasis,
        });
        for (const u of await usersOf(`${due.filer}:${agencyId}`, audience))
          rows.push({
            user_id: u.id,
            kind,
            params,
            dedupe_key: `${kind}:${item.id}:${due.kind}:${due.periodKey}:${due.due}`,
            dossier_id: null,
          });
      }
    }
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await db
        .insertInto('notifications')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
        .returning('id')
        .execute();
      created += inserted.length;
    }
  }
  return created;
}

/**
 * Starts the hourly aid-report reminder check (from src/main.ts, server processes only).
 * @returns a function that stops it
 */
export function startAidReportReminders(
  db: Kysely<Database>,
  logger: Pick<FastifyBaseLogger, 'info' | 'error'>,
  firstDelayMs = 100_000,
  everyMs = 3_600_000,
): () => void {
  const schedule = everyPeriod(
    db,
    'aid.report-reminders',
    async () => {
      const created = await runAidReportReminders(db, vietnamToday());
      if (created) logger.info({ component: 'aid-reports', created }, 'aid report reminders');
    },
    {
      firstDelayMs,
      intervalMs: everyMs,
      onError: (error) => logger.error({ component: 'aid-reports', err: error }, 'aid report reminder check failed'),
    },
  );
  return () => schedule.stop();
}
