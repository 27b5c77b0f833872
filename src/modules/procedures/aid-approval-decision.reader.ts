/**
 * The approval decision behind a registered aid item (D80 Art. 11): the latest approving dossier's number, date and
 * content, within the item's own scope (in SQL).
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '@db/transaction';
import { notFound } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';
import { aidScopeCondition } from '@modules/aid/aid.policy';

/**
 * @throws AppError not_found when the item is not visible to the actor or was not approved through a dossier
 *   (entered by hand, imported)
 */
export async function readAidApprovalDecision(db: Db, actor: Actor, aidItemId: string) {
  const row = await db
    .selectFrom('dossiers as d')
    .innerJoin('aid_items as i', 'i.id', 'd.aid_item_id')
    .select(['d.id', 'd.code', 'd.decision'])
    .where('i.id', '=', aidItemId)
    .where(aidScopeCondition(actor, 'i'))
    .where('d.procedure_code', '=', 'AID_APPROVAL')
    .where(sql<boolean>`d.decision->>'outcome' = 'APPROVED'`)
    .orderBy('d.decided_on', 'desc')
    .executeTakeFirst();
  if (!row) throw notFound('aid_item');
  return {
    dossierId: row.id,
    code: row.code,
    decisionNumber: row.decision?.decisionNumber ?? null,
    decisionDate: row.decision?.decisionDate ?? null,
    content: row.decision?.content ?? null,
  };
}
