/**
 * Deadline reminders: a periodic check (started from src/main.ts) puts a reminder in the inbox of whoever must
 * act when a step falls due within two working days, and again once it is overdue. Each reminder carries a
 * dedupe key (dossier, step, due date, kind), so the check can run every hour without repeating itself, and a
 * due date moved by a pause or a holiday decision produces a fresh reminder.
 *
 * E-mail: when SMTP_URL is set, each new reminder for a user with an e-mail address is also sent by e-mail
 * (mailer.ts), after the inbox rows are committed; a failed send is retried on the next pass.
 */
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '@config/env';
import type { Database } from '@db/types';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { consultationClock, stepClocks, toPauses, type ClockView } from './deadlines';
import type { Audience } from './inbox.service';
import { notify } from './inbox.service';
import { consultedStepCode, loadCatalogue, stepNames, versionById } from './procedures.catalogue';
import { createMailer, reminderMail, type Mailer } from './mailer';
import { vietnamToday } from '@common/time/vietnam-today';
import { groupBy } from './group-by';
import { everyPeriod } from '../../jobs/scheduled-runs';
import { runSanctionReminders } from '@modules/supervision/sanction-reminders';

/** Remind this many working days before a due date (and on the day itself). */
export const REMIND_WORKING_DAYS_BEFORE = 2;

type Logger = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

function reminderKind(clock: ClockView): 'REMINDER_DUE_SOON' | 'REMINDER_OVERDUE' | null {
  if (clock.state !== 'RUNNING' || !clock.dueDate) return null;
  if (clock.overdueDays > 0) return 'REMINDER_OVERDUE';
  return clock.remainingDays <= REMIND_WORKING_DAYS_BEFORE ? 'REMINDER_DUE_SOON' : null;
}

const audienceOf = (role: string, row: { organisation_id: string; handling_agency_id: string | null }): Audience | null => {
  if (role === 'COMINGO') return { comingo: true };
  if (role === 'MOFA') return { mofa: true };
  // Aid approval: the body its approval level routes it to (aid-approval-routing.ts).
  if (role === 'GOVERNING_AGENCY' && row.handling_agency_id) return { agencyId: row.handling_agency_id };
  return null;
};

/**
 * One pass of the reminder check on `today`.
 * @returns how many reminders were created
 */
export async function runReminders(db: Kysely<Database>, today: string): Promise<number> {
  const rows = await db.selectFrom('dossiers').selectAll().where('status', 'not in', ['DRAFT', 'DELIVERED', 'WITHDRAWN']).execute();
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.id);
  const [calendar, catalogue, pauses, consultations] = await Promise.all([
    loadCalendar(db),
    loadCatalogue(db),
    db.selectFrom('dossier_pauses').selectAll().where('dossier_id', 'in', ids).execute(),
    db.selectFrom('dossier_consultations').selectAll().where('dossier_id', 'in', ids).where('status', '=', 'PENDING').execute(),
  ]);
  const pausesOf = groupBy(pauses, (p) => p.dossier_id);
  const consultationsOf = groupBy(consultations, (c) => c.dossier_id);
  let created = 0;
  for (const row of rows) {
    const version = versionById(catalogue, row.procedure_version_id);
    const steps = stepClocks(row, version, toPauses(pausesOf.get(row.id) ?? []), calendar, today);
    for (const step of steps) {
      const kind = step.clock && reminderKind(step.clock);
      const audience = audienceOf(step.role, row);
      if (!kind || !audience || !step.clock) continue;
      const params = {
        code: row.code,
        ...stepNames(version, step.code),
        dueDate: step.clock.dueDate,
        days: kind === 'REMINDER_OVERDUE' ? step.clock.overdueDays : step.clock.remainingDays,
        unit: step.clock.unit,
      };
      created += await notify(db, audience, kind, row.id, params, `${kind}:${row.id}:${step.code}:${step.clock.dueDate}`);
    }
    for (const c of consultationsOf.get(row.id) ?? []) {
      const clock = consultationClock(c, row, calendar, today);
      const kind = reminderKind(clock);
      if (!kind) continue;
      const params = {
        code: row.code,
        ...stepNames(version, consultedStepCode(version)),
        dueDate: clock.dueDate,
        days: kind === 'REMINDER_OVERDUE' ? clock.overdueDays : clock.remainingDays,
        unit: clock.unit,
      };
      created += await notify(db, { agencyId: c.agency_id }, kind, row.id, params, `${kind}:${c.id}:${clock.dueDate}`);
    }
  }
  return created;
}

/** Reminders not yet e-mailed, read per pass (the rest wait for the next pass). */
const MAIL_BATCH = 200;

/**
 * E-mails the reminders not yet sent to users with an address, one message each, and marks each sent one. A message
 * the server refuses (or a server that is down) is logged and left unmarked, so the next pass retries it; the
 * inbox notification itself was committed when the reminder was created and is never affected.
 * @returns how many messages were sent
 */
export async function mailReminders(db: Kysely<Database>, mailer: Mailer, logger: Logger): Promise<number> {
  const pending = await db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['n.id', 'n.kind', 'n.params', 'u.email', 'u.locale'])
    .where('n.emailed_at', 'is', null)
    .where('n.kind', 'in', ['REMINDER_DUE_SOON', 'REMINDER_OVERDUE', 'CERTIFICATE_NOTICE'])
    .where('u.email', 'is not', null)
    .where('u.active', '=', true)
    .orderBy('n.created_at')
    .limit(MAIL_BATCH)
    .execute();
  let sent = 0;
  for (const n of pending) {
    try {
      await mailer.send(reminderMail(n.email!, n.kind, n.params, n.locale));
    } catch (error) {
      logger.warn({ component: 'mail', notificationId: n.id, err: error }, 'reminder e-mail not sent; retried on the next pass');
      continue;
    }
    await db.updateTable('notifications').set({ emailed_at: new Date() }).where('id', '=', n.id).execute();
    sent++;
  }
  return sent;
}

/**
 * Starts the hourly reminder check (first check a minute after start, so start-up stays fast). It runs once per
 * hour across all the processes on the database (src/jobs/scheduled-runs.ts), so each reminder is e-mailed once.
 * @returns a function that stops it
 */
export function startReminderJob(
  db: Kysely<Database>,
  config: Pick<AppConfig, 'smtpUrl' | 'smtpFrom'>,
  logger: Logger,
  everyMs = 3_600_000,
  firstDelayMs = 60_000,
): () => void {
  const mailer = createMailer(config);
  if (!mailer) logger.info({ component: 'reminders' }, 'SMTP_URL not set: deadline reminders go to the in-app inbox only, no e-mail');
  const schedule = everyPeriod(
    db,
    'procedures.reminders',
    async () => {
      const created = (await runReminders(db, vietnamToday())) + (await runSanctionReminders(db, vietnamToday()));
      const mailed = mailer ? await mailReminders(db, mailer, logger) : 0;
      if (created || mailed) logger.info({ component: 'reminders', created, mailed }, 'deadline reminders');
    },
    {
      firstDelayMs,
      intervalMs: everyMs,
      onError: (error) => logger.error({ component: 'reminders', err: error }, 'reminder check failed'),
    },
  );
  return () => {
    schedule.stop();
    mailer?.close();
  };
}
