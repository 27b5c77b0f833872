import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { notFound } from '@errors/app-error';
import type { PageQuery } from '@http/pagination';
import { offsetOf } from '@http/pagination';
import { recipients } from './dossiers.repository';
import type { NotificationParams } from '@common/procedures/notification-params';
import type { Db } from '@db/transaction';

/** What a notification is about; the text is rendered from procedures:inbox.kinds.<kind> in the reader's language. */
export type NotificationKind =
  | 'DOSSIER_SUBMITTED'
  | 'SUPPLEMENT_REQUESTED'
  | 'SUPPLEMENT_PROVIDED'
  | 'DOSSIER_ACCEPTED'
  | 'CONSULTATION_REQUESTED'
  | 'CONSULTATION_ANSWERED'
  | 'OPINIONS_COMPLETE'
  | 'DOSSIER_FORWARDED'
  | 'DOSSIER_DECIDED'
  | 'DOSSIER_DELIVERED'
  | 'DOSSIER_WITHDRAWN'
  /** D80 Art. 11 (A6): an aid approval's decision, with its outcome, to the donor and to MOF. */
  | 'AID_DECISION_NOTICE'
  | 'REMINDER_DUE_SOON'
  | 'REMINDER_OVERDUE'
  /** D58 Art. 25: a certificate decision told to the ministries of its fields and the provinces of its areas. */
  | 'CERTIFICATE_NOTICE'
  /** Sanctions (D58 Art. 18–19): opinion asked, opinion given, decision notified to the NGO. */
  | 'SANCTION_OPINION_REQUESTED'
  | 'SANCTION_OPINION_ANSWERED'
  | 'SANCTION_NOTICE';

export type Audience = Parameters<typeof recipients>[1];
export type { NotificationParams };

/**
 * Puts a notification in the inbox of every user of `audience`, inside the caller's transaction. With a
 * `dedupeKey`, a user who already has that notification does not get it twice (reminders run periodically).
 * @returns the number of notifications created
 */
export async function notify(
  trx: Db,
  audience: Audience,
  kind: NotificationKind,
  dossierId: string | null,
  params: NotificationParams,
  dedupeKey?: string,
): Promise<number> {
  const users = await recipients(trx, audience);
  if (!users.length) return 0;
  const rows = await trx
    .insertInto('notifications')
    .values(
      users.map((u) => ({ user_id: u.id, kind, dossier_id: dossierId, params: JSON.stringify(params), dedupe_key: dedupeKey ?? null })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

const present = (row: {
  id: string;
  kind: string;
  dossier_id: string | null;
  params: NotificationParams;
  created_at: Date;
  read_at: Date | null;
}) => ({
  id: row.id,
  kind: row.kind,
  dossierId: row.dossier_id,
  params: row.params,
  createdAt: row.created_at.toISOString(),
  readAt: row.read_at?.toISOString() ?? null,
});

/** The user's inbox, newest first, with the unread count. */
export async function listInbox(db: Kysely<Database>, userId: string, query: PageQuery & { unread?: boolean }) {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (query.unread) base = base.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(query.pageSize).offset(offsetOf(query)).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(total.n), page: query.page, pageSize: query.pageSize, unread: Number(unread.n) };
}

/** Marks one of the user's notifications read (a notification of another user is "not found"). */
export async function markRead(db: Kysely<Database>, userId: string, id: string): Promise<void> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('notification');
}

/** Marks all of the user's notifications read. */
export async function markAllRead(db: Kysely<Database>, userId: string): Promise<number> {
  const rows = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}
