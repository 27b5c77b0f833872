import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@db/types';
import { recipients } from '@modules/procedures/dossiers.repository';

type Db = Kysely<Database> | Transaction<Database>;

/** Inbox kinds of the Programme reports (texts in procedures:inbox.kinds, like the supervision reminders). */
export type ProgrammeReportNotice = 'PROGRAMME_REPORT_REMINDER' | 'PROGRAMME_REPORT_RETURNED';

/**
 * Puts a notice in the inbox of every active user of a reporting agency (its officers and reviewers), through the
 * procedures' notifications table and its recipients query, inside the caller's transaction. A user who already
 * has a notice with the same dedupe key does not get it twice.
 * @returns how many notifications were created
 */
export async function notifyReporter(
  trx: Db,
  agencyId: string,
  kind: ProgrammeReportNotice,
  params: Record<string, string | number | null>,
  dedupeKey: string,
): Promise<number> {
  const users = await recipients(trx, { agencyId });
  if (!users.length) return 0;
  const rows = await trx
    .insertInto('notifications')
    .values(users.map((u) => ({ user_id: u.id, kind, dossier_id: null, params: JSON.stringify(params), dedupe_key: dedupeKey })))
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}
