/**
 * Obligation reminders in the inbox (the procedures' notifications table and inbox screen): the NGO's users two
 * working days before an obligation falls due and once it is late; central (COMINGO) when the 12-month inactivity
 * watch of Art. 19.1(b) flags an organisation. Each reminder carries a dedupe key (obligation, due date, kind), so
 * the check can run every hour without repeating itself; the periodic-task helper runs it once per hour across
 * processes. Late obligations are only
 * reminded within {@link OVERDUE_WINDOW_DAYS} of their due date, so the first run on an old registry does not flood
 * the inboxes with years-old items (the compliance list shows those).
 *
 * E-mail: with SMTP_URL set, each new obligation reminder for a user with an address is also e-mailed through the
 * procedures' mailer (mailer.ts) after the inbox rows are committed, in the user's language; a failed send is
 * retried on the next pass ({@link mailObligationReminders}).
 */
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import { compareIsoDates, daysBetween } from '@domain/calendar/iso-date';
import { OBLIGATION_LEGAL_BASIS, type Obligation } from '@domain/registration/obligations';
import { registryWorkingDays } from '@modules/registry/registry-calendar';
import { interpolate, type Language } from '@common/i18n/languages';
import type { NotificationParams } from '@common/procedures/notification-params';
import procEn from '@common/i18n/en/procedures.json';
import procVi from '@common/i18n/vi/procedures.json';
import type { AppConfig } from '@config/env';
import { recipients } from '@modules/procedures/dossiers.repository';
import { createMailer, type MailMessage, type Mailer } from '@modules/procedures/mailer';
import { renderNotification } from '@modules/procedures/notification-text';
import en from '@common/i18n/en/supervision.json';
import vi from '@common/i18n/vi/supervision.json';
import { everyPeriod } from '../../jobs/scheduled-runs';
import { deriveFor } from './obligations.service';

/** Remind this many working days before a due date. */
export const REMIND_WORKING_DAYS_BEFORE = 2;
/** Late obligations older than this are not reminded (the compliance list shows them). */
export const OVERDUE_WINDOW_DAYS = 30;
const CHUNK = 500;

type Kind = 'OBLIGATION_DUE_SOON' | 'OBLIGATION_OVERDUE';

/** Whether an obligation calls for a reminder on `today`, and which. */
export function reminderKind(o: Pick<Obligation, 'status' | 'dueDate'>, today: string, remindFrom: string): Kind | null {
  if (o.status === 'LATE') return daysBetween(o.dueDate, today) <= OVERDUE_WINDOW_DAYS ? 'OBLIGATION_OVERDUE' : null;
  if (o.status === 'DUE' && compareIsoDates(o.dueDate, remindFrom) <= 0) return 'OBLIGATION_DUE_SOON';
  return null;
}

/**
 * One pass on `today` over every organisation holding a certificate.
 * @returns how many inbox notifications were created
 */
export async function runObligationReminders(db: Kysely<Database>, today: string): Promise<number> {
  const orgs = await db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name_original'])
    .where((eb) => eb.exists(eb.selectFrom('certificates as c').select('c.id').whereRef('c.organisation_id', '=', 'o.id')))
    .execute();
  const workingDays = await registryWorkingDays(db);
  const remindFrom = workingDays(today, REMIND_WORKING_DAYS_BEFORE);
  const central = await recipients(db, { comingo: true });
  const ngoUsers = new Map<string, { id: string }[]>();
  let created = 0;
  for (let i = 0; i < orgs.length; i += CHUNK) {
    const slice = orgs.slice(i, i + CHUNK);
    const derived = await deriveFor(
      db,
      slice.map((o) => o.id),
      today,
    );
    const rows: { user_id: string; kind: Kind; params: string; dedupe_key: string }[] = [];
    for (const org of slice) {
      for (const o of derived.get(org.id) ?? []) {
        const kind = reminderKind(o, today, remindFrom);
        if (!kind) continue;
        // The inactivity watch is central's to act on; every other obligation is the NGO's.
        if (o.kind === 'INACTIVITY_REVIEW' && kind !== 'OBLIGATION_OVERDUE') continue;
        let users = o.kind === 'INACTIVITY_REVIEW' ? central : ngoUsers.get(org.id);
        if (!users) {
          users = await recipients(db, { organisationId: org.id });
          ngoUsers.set(org.id, users);
        }
        const params = JSON.stringify({
          code: org.name_original,
          organisationId: org.id,
          obligation: o.key,
          stepNameVi: vi.kinds[o.kind],
          stepNameEn: en.kinds[o.kind],
          dueDate: o.dueDate,
          legalBasis: OBLIGATION_LEGAL_BASIS[o.kind].vi,
        });
        for (const u of users) rows.push({ user_id: u.id, kind, params, dedupe_key: `${kind}:${o.key}:${o.dueDate}` });
      }
    }
    if (!rows.length) continue;
    const inserted = await db
      .insertInto('notifications')
      .values(rows.map((r) => ({ ...r, dossier_id: null })))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    created += inserted.length;
  }
  return created;
}

const OBLIGATION_KINDS_MAILED: readonly Kind[] = ['OBLIGATION_DUE_SOON', 'OBLIGATION_OVERDUE'];
/** Reminders not yet e-mailed, read per pass (the rest wait for the next pass). */
const MAIL_BATCH = 200;

/** The e-mail of one obligation reminder in the recipient's language: the inbox line, then the usual footer. */
export function obligationMail(to: string, kind: string, params: NotificationParams, lang: Language): MailMessage {
  const mail = (lang === 'en' ? en : vi).mail;
  const subject = interpolate(kind === 'OBLIGATION_OVERDUE' ? mail.subjectOverdue : mail.subjectDueSoon, {
    code: String(params.code ?? ''),
  });
  const footer = (lang === 'en' ? procEn : procVi).inbox.mail.footer;
  return { to, subject, text: `${renderNotification(kind, params, lang)}\n\n${footer}\n` };
}

/**
 * E-mails the obligation reminders not yet sent to active users with an address, one message each, and marks each
 * sent one. A refused message (or a server that is down) is logged and left unmarked for the next pass; the inbox
 * notification was committed before and is never affected.
 * @returns how many messages were sent
 */
export async function mailObligationReminders(
  db: Kysely<Database>,
  mailer: Mailer,
  logger: Pick<FastifyBaseLogger, 'warn'>,
): Promise<number> {
  const pending = await db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['n.id', 'n.kind', 'n.params', 'u.email', 'u.locale'])
    .where('n.emailed_at', 'is', null)
    .where('n.kind', 'in', OBLIGATION_KINDS_MAILED)
    .where('u.email', 'is not', null)
    .where('u.active', '=', true)
    .orderBy('n.created_at')
    .limit(MAIL_BATCH)
    .execute();
  let sent = 0;
  for (const n of pending) {
    try {
      await mailer.send(obligationMail(n.email!, n.kind, n.params, n.locale));
    } catch (error) {
      logger.warn({ component: 'mail', notificationId: n.id, err: error }, 'obligation reminder e-mail not sent; retried on the next pass');
      continue;
    }
    await db.updateTable('notifications').set({ emailed_at: new Date() }).where('id', '=', n.id).execute();
    sent++;
  }
  return sent;
}

/**
 * Starts the hourly obligation reminder check (from src/main.ts, server processes only); with SMTP configured the
 * new reminders are e-mailed too.
 * @returns a function that stops it
 */
export function startObligationReminders(
  db: Kysely<Database>,
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>,
  firstDelayMs = 90_000,
  everyMs = 3_600_000,
  config: Pick<AppConfig, 'smtpUrl' | 'smtpFrom'> = { smtpUrl: undefined },
): () => void {
  const mailer = createMailer(config);
  const schedule = everyPeriod(
    db,
    'supervision.obligation-reminders',
    async () => {
      const created = await runObligationReminders(db, vietnamToday());
      const mailed = mailer ? await mailObligationReminders(db, mailer, logger) : 0;
      if (created || mailed) logger.info({ component: 'supervision', created, mailed }, 'obligation reminders');
    },
    {
      firstDelayMs,
      intervalMs: everyMs,
      onError: (error) => logger.error({ component: 'supervision', err: error }, 'obligation reminder check failed'),
    },
  );
  return () => {
    schedule.stop();
    mailer?.close();
  };
}
