/**
 * Revocation of an approved aid item (Decree 80/2020 Art. 4.7, carried into Decree 313/2025): an item approved but
 * neither started nor disbursed six months after its approval *may* be revoked by the body that approved it. The
 * decision (number, date, reason) sets it REVOKED, in one transaction with its audit record and the notices to the
 * aid owner and the donor NGO. Nothing else ever sets REVOKED (aid-items.service.ts refuses it as a field edit).
 */
import { sql, type Kysely } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import { inTransaction } from '@db/transaction';
import type { Database } from '@db/types';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { approverCondition, mayBeRevokedSql } from './aid.policy';
import { findVisibleAidItem, readAidDetail } from './aid-items.detail';
import type { AidDetail } from './aid-items.schemas';
import { notifyAid } from './aid-notify';

export type RevocationBody = { version: number; decisionNumber: string; decisionDate: string; reason: string };

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: { issues: [{ path, message }] } });

/**
 * Records the approver's revocation decision on an item.
 * @throws AppError not_found (also outside the actor's scope), forbidden (not its approver), stale_version,
 *   aid_not_revocable (started, disbursed, not approved, or the six months not yet run), validation_failed (dates)
 */
export async function revokeAidItem(db: Kysely<Database>, ctx: WriteContext, id: string, body: RevocationBody): Promise<AidDetail> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('not_signed_in');
  await inTransaction(db, async (trx) => {
    const before = await findVisibleAidItem(trx, actor, id, { forUpdate: true });
    if (!before) throw notFound('aid_item');
    const facts = await trx
      .selectFrom('aid_items as i')
      .select([sql<boolean>`${approverCondition(actor)}`.as('approver'), mayBeRevokedSql().as('revocable')])
      .where('i.id', '=', id)
      .executeTakeFirstOrThrow();
    if (!facts.approver) throw new AppError('forbidden', { details: { reason: 'not_the_approver' } });
    if (before.version !== body.version)
      throw staleVersion({ currentVersion: before.version, current: await readAidDetail(trx, actor, id) });
    if (!facts.revocable) throw new AppError('aid_not_revocable');
    if (body.decisionDate > vietnamToday()) throw invalid('body.decisionDate', 'in the future');
    if (before.approval_date && body.decisionDate < before.approval_date) throw invalid('body.decisionDate', 'before the approval');
    const after = await trx
      .updateTable('aid_items')
      .set({
        status: 'REVOKED',
        revocation_decision_number: body.decisionNumber,
        revocation_date: body.decisionDate,
        revocation_reason: body.reason,
        revoked_by_agency_id: actor.agencyId ?? before.governing_agency_id,
        updated_at: new Date(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'aid_item.revoke', entityType: 'aid_item', entityId: id, before, after });
    await notifyAid(trx, { ownerAgencyId: before.aid_owner_agency_id, organisationId: before.organisation_id }, 'AID_REVOKED', {
      itemId: id,
      code: before.code,
      title: before.title_vi,
      decisionNumber: body.decisionNumber,
      decisionDate: body.decisionDate,
    });
  });
  return (await readAidDetail(db, actor, id))!;
}
