/**
 * Obligation reminders in the inbox (the procedures' notifications table and inbox screen): the NGO's users two
 * working days before an obligation falls due and once it is late; central (COMINGO) when the 12-month inactivity
 * watch of Art. 19.1(b) flags an organisation. Each reminder carries a dedupe key (obligation, due date, kind), so
 * the check can run every hour without repeating itself; the periodic-task helper runs it once per hour across
 * processes. Late obligations are only
 * reminded within {@link OVERDUE_WINDOW_DAYS} of their due date, so the first run on an old registry does not flood
 * the inboxes with years-old items (the compliance list shows those).
 *
 * E-mail: the procedures' mailer sends only its own reminder kinds; obligation reminders stay in the inbox for now.
 */
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import { compareIsoDates, daysBetween } from '@domain/calendar/iso-date';
import { OBLIGATION_LEGAL_BASIS, type Obligation } from '@domain/registration/obligations';
import { registryWorkingDays } from '@modules/registry/registry-calendar';
import { recipients } from '@modules/procedures/dossiers.repository';
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

/**
 * Starts the hourly obligation reminder check (from src/main.ts, server processes only).
 * @returns a function that stops it
 */
export function startObligationReminders(
  db: Kysely<Database>,
  logger: Pick<FastifyBaseLogger, 'info' | 'error'>,
  firstDelayMs = 90_000,
  everyMs = 3_600_000,
): () => void {
  const schedule = everyPeriod(
    db,
    'supervision.obligation-reminders',
    async () => {
      const created = await runObligationReminders(db, vietnamToday());
      if (created) logger.info({ component: 'supervision', created }, 'obligation reminders');
    },
    {
      firstDelayMs,
      intervalMs: everyMs,
      onError: (error) => logger.error({ component: 'supervision', err: error }, 'obligation reminder check failed'),
    },
  );
  return () => schedule.stop();
}
