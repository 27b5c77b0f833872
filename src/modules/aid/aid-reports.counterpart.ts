/**
 * Counterpart funds (vốn đối ứng, D80 Art. 3.9, 11): the Vietnamese side's own contribution recorded beside an aid
 * item, one row per source, amounts as exact decimal strings. Read by whoever sees the item; recorded or removed by
 * national officers, the governing agency, and the item's aid owner.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { AppError, notFound } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import type { Db } from '@db/transaction';
import { aidScopeCondition, governedBy } from './aid.policy';
import { counterpartOf } from './aid-reports.figures';

async function visibleItem(db: Db, actor: Actor, id: string, forUpdate = false) {
  let q = db
    .selectFrom('aid_items as i')
    .select(['i.id', 'i.aid_owner_agency_id'])
    .select(sql<boolean>`${actor.role === 'agency' && actor.agencyId ? governedBy(actor.agencyId) : sql<boolean>`false`}`.as('governs'))
    .where('i.id', '=', id)
    .where(aidScopeCondition(actor));
  if (forUpdate) q = q.forUpdate();
  const item = await q.executeTakeFirst();
  if (!item) throw notFound('aid_item');
  return item;
}

function canEdit(actor: Actor, item: { aid_owner_agency_id: string | null; governs: boolean }): boolean {
  if (actor.role === 'admin' || actor.role === 'central') return true;
  if (actor.role === 'owner') return !!actor.agencyId && actor.agencyId === item.aid_owner_agency_id;
  return actor.role === 'agency' && item.governs;
}

/** The item's counterpart funds with their totals per currency. @throws AppError not_found (outside scope) */
export async function listCounterpartFunds(db: Kysely<Database>, actor: Actor, aidItemId: string) {
  const item = await visibleItem(db, actor, aidItemId);
  const { rows, totals } = await counterpartOf(db, aidItemId);
  return {
    items: rows.map((r) => ({ id: r.id, amount: r.amount, currency: r.currency, source: r.source, createdAt: r.created_at.toISOString() })),
    totals,
    canEdit: canEdit(actor, item),
  };
}

/**
 * Records one counterpart amount. @throws AppError not_found, forbidden, unknown_reference (currency not in the
 * reference list)
 */
export async function addCounterpartFund(
  db: Kysely<Database>,
  ctx: WriteContext,
  actor: Actor,
  aidItemId: string,
  body: { amount: string; currency: string; source: string },
) {
  await db.transaction().execute(async (trx) => {
    const item = await visibleItem(trx, actor, aidItemId, true);
    if (!canEdit(actor, item)) throw new AppError('forbidden');
    const currency = await trx.selectFrom('currencies').select('code').where('code', '=', body.currency).executeTakeFirst();
    if (!currency) throw new AppError('unknown_reference', { params: { codes: body.currency }, details: { currency: body.currency } });
    const row = await trx
      .insertInto('aid_counterpart_funds')
      .values({ aid_item_id: aidItemId, amount: body.amount, currency: body.currency, source: body.source, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'aid_counterpart.add', entityType: 'aid_item', entityId: aidItemId, after: row });
  });
  return listCounterpartFunds(db, actor, aidItemId);
}

/** Removes one counterpart amount. @throws AppError not_found, forbidden */
export async function removeCounterpartFund(db: Kysely<Database>, ctx: WriteContext, actor: Actor, aidItemId: string, fundId: string) {
  await db.transaction().execute(async (trx) => {
    const item = await visibleItem(trx, actor, aidItemId, true);
    if (!canEdit(actor, item)) throw new AppError('forbidden');
    const before = await trx
      .deleteFrom('aid_counterpart_funds')
      .where('id', '=', fundId)
      .where('aid_item_id', '=', aidItemId)
      .returningAll()
      .executeTakeFirst();
    if (!before) throw notFound('aid_counterpart_fund');
    await writeAudit(trx, ctx, { action: 'aid_counterpart.remove', entityType: 'aid_item', entityId: aidItemId, before });
  });
  return listCounterpartFunds(db, actor, aidItemId);
}
