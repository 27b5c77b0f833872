import type { Db } from '@db/transaction';
import { recipients } from '@modules/procedures/dossiers.repository';

/** Inbox kinds of an aid item's own decisions (texts in procedures:inbox.kinds, beside the dossiers'). */
export type AidNotice = 'AID_REVOKED' | 'AID_ADJUSTMENT_FILED' | 'AID_ADJUSTMENT_DECIDED';

/** Who hears of a decision on an item: its aid owner's users, the donor NGO's users, an agency's officers. */
export type AidNoticeAudience = { ownerAgencyId?: string | null; organisationId?: string | null; agencyId?: string | null };

/**
 * Puts a notice about an aid item in the inbox of every active user of the audience, through the procedures'
 * notifications table and recipients query, inside the caller's transaction (so a rolled-back decision tells nobody).
 * `params.itemId` lets the inbox open the item's page.
 * @returns how many notifications were created
 */
export async function notifyAid(
  trx: Db,
  audience: AidNoticeAudience,
  kind: AidNotice,
  params: Record<string, string | number | null>,
): Promise<number> {
  const users = await recipients(trx, {
    ...(audience.ownerAgencyId ? { ownerAgencyId: audience.ownerAgencyId } : {}),
    ...(audience.organisationId ? { organisationId: audience.organisationId } : {}),
    ...(audience.agencyId ? { agencyId: audience.agencyId } : {}),
  });
  if (!users.length) return 0;
  const rows = await trx
    .insertInto('notifications')
    .values(users.map((u) => ({ user_id: u.id, kind, dossier_id: null, params: JSON.stringify(params), dedupe_key: null })))
    .returning('id')
    .execute();
  return rows.length;
}
