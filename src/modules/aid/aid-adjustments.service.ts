/**
 * Adjustments of approved aid (Decree 80/2020 Art. 16; src/domain/procedures/aid-adjustment-procedures.ts): the aid
 * owner files a request on its approved item; it goes back to the item's original approver, or to the Ministry of
 * Finance when the aid was approved at the Prime Minister's level or the change makes it a PM case; the approver
 * approves (the change applies to the item, versioned and audited) or refuses. Every request stays on the item with
 * the values it replaced, so the history of the item reads from its adjustments.
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import { inTransaction, type Db } from '@db/transaction';
import type { Database } from '@db/types';
import { procedureFor } from '@domain/procedures';
import { aidAdjustmentDueDate, routeAidAdjustment } from '@domain/procedures/aid-adjustment-procedures';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { agencyAndPredecessors, aidScopeCondition } from './aid.policy';
import { findVisibleAidItem, readAidRelations } from './aid-items.detail';
import { aidRecordIssues, type Issue } from './aid-items.validation';
import type { AdjustmentChanges, AdjustmentView, DecideAdjustmentBody, FileAdjustmentBody } from './aid-adjustments.schemas';
import { notifyAid } from './aid-notify';

type Trx = Transaction<Database>;
type ItemRow = NonNullable<Awaited<ReturnType<typeof findVisibleAidItem>>>;

/** Shares in percent with two decimals adding up to exactly 100 (the last one takes the rounding). */
function equalShares(count: number): string[] {
  const base = Math.floor(10_000 / count);
  return Array.from({ length: count }, (_, i) => ((i === count - 1 ? 10_000 - base * (count - 1) : base) / 100).toFixed(2));
}

const invalid = (issues: Issue[]) => new AppError('validation_failed', { details: { issues } });

/** The adjustments the actor decides for: national officers all, an agency officer those routed to its agency (or a predecessor). */
function decidesFor(actor: Actor, column = 'j.approver_agency_id') {
  if (actor.role === 'admin' || actor.role === 'central') return sql<SqlBool>`true`;
  if (actor.role !== 'agency' || !actor.agencyId) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} in ${agencyAndPredecessors(actor.agencyId)}`;
}

/** The values of the item that the change would replace (the history keeps them). */
async function currentValues(trx: Db, item: ItemRow, changes: AdjustmentChanges): Promise<Record<string, unknown>> {
  const before: Record<string, unknown> = {};
  if (changes.titleVi !== undefined) before.titleVi = item.title_vi;
  if (changes.titleEn !== undefined) before.titleEn = item.title_en;
  if (changes.descriptionVi !== undefined) before.descriptionVi = item.description_vi;
  if (changes.plannedStart !== undefined) before.plannedStart = item.planned_start;
  if (changes.plannedEnd !== undefined) before.plannedEnd = item.planned_end;
  if (changes.provinceIds !== undefined) before.provinceIds = (await readAidRelations(trx, item.id)).locations.map((l) => l.provinceId);
  return before;
}

/** The item's rules (dates in order, province codes of the item's period, shares) checked on the item as changed. */
async function changeIssues(trx: Db, item: ItemRow, changes: AdjustmentChanges): Promise<Issue[]> {
  const keys = Object.keys(changes);
  if (keys.length === 0) return [{ path: 'body.changes', message: 'state what changes' }];
  const relations = await readAidRelations(trx, item.id);
  const provinces = changes.provinceIds ?? null;
  const shares = provinces ? equalShares(provinces.length) : [];
  const issues = aidRecordIssues({
    organisationId: item.organisation_id,
    otherDonorName: item.other_donor_name,
    status: item.status,
    approvalDecisionNumber: item.approval_decision_number,
    approvalDate: item.approval_date,
    plannedStart: changes.plannedStart ?? item.planned_start,
    plannedEnd: changes.plannedEnd ?? item.planned_end,
    actualStart: item.actual_start,
    actualEnd: item.actual_end,
    locations: provinces ? provinces.map((provinceId, i) => ({ provinceId, share: shares[i]! })) : relations.locations,
    sectors: relations.sectors,
  }).map((issue) => ({
    ...issue,
    path: issue.path.replace(/^body\./, 'body.changes.').replace('body.changes.locations', 'body.changes.provinceIds'),
  }));
  if (provinces) {
    const found = new Set((await trx.selectFrom('provinces').select('id').where('id', 'in', provinces).execute()).map((p) => p.id));
    provinces.forEach((id, i) => {
      if (!found.has(id)) issues.push({ path: `body.changes.provinceIds.${i}`, message: `unknown: ${id}` });
    });
    if (new Set(provinces).size !== provinces.length) issues.push({ path: 'body.changes.provinceIds', message: 'a province twice' });
  }
  return issues;
}

/** Whether the item was approved at the Prime Minister's level (its approval dossier said so). */
async function approvedAtPmLevel(trx: Db, itemId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('dossiers')
    .select('id')
    .where('aid_item_id', '=', itemId)
    .where('procedure_code', '=', 'AID_APPROVAL')
    .where(sql<boolean>`application->>'approvalLevel' = 'PM'`)
    .executeTakeFirst();
  return !!row;
}

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

/**
 * Files the aid owner's request to adjust its approved item; nothing on the item changes until the decision.
 * @throws AppError forbidden (not an aid owner), not_found (not its item), aid_adjustment_not_allowed (not approved
 *   or ongoing, or a request already open), validation_failed (nothing to change, the item's rules broken)
 */
export async function fileAdjustment(db: Kysely<Database>, ctx: WriteContext, itemId: string, body: FileAdjustmentBody): Promise<string> {
  const actor = ctx.actor;
  if (!actor || actor.role !== 'owner' || !actor.agencyId) throw new AppError('forbidden');
  const ownerAgencyId = actor.agencyId;
  try {
    return await inTransaction(db, async (trx) => {
      const item = await findVisibleAidItem(trx, actor, itemId, { forUpdate: true });
      if (!item) throw notFound('aid_item');
      if (item.status !== 'APPROVED' && item.status !== 'IMPLEMENTING') throw new AppError('aid_adjustment_not_allowed');
      const issues = await changeIssues(trx, item, body.changes);
      if (issues.length) throw invalid(issues);
      const route = routeAidAdjustment({
        originalApproverId: item.governing_agency_id,
        approvedAtPmLevel: await approvedAtPmLevel(trx, itemId),
        pmSubjects: body.pmSubjects,
      });
      if (!route) throw invalid([{ path: 'aidItem.governingAgencyId', message: 'the item names no approver' }]);
      const filedOn = vietnamToday();
      const version = procedureFor('AID_ADJUSTMENT', filedOn);
      const row = await trx
        .insertInto('aid_adjustments')
        .values({
          aid_item_id: itemId,
          owner_agency_id: ownerAgencyId,
          filed_by: actor.userId,
          approver_agency_id: route.approverAgencyId,
          pm_level: route.pmLevel,
          reason: body.reason,
          changes: JSON.stringify({ ...body.changes, ...(body.pmSubjects.length ? { pmSubjects: body.pmSubjects } : {}) }),
          before: JSON.stringify(await currentValues(trx, item, body.changes)),
          procedure_version: version.versionId,
          filed_on: filedOn,
          due_date: aidAdjustmentDueDate(version, filedOn),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, { action: 'aid_adjustment.file', entityType: 'aid_adjustment', entityId: row.id, after: row });
      await notifyAid(trx, { agencyId: route.approverAgencyId }, 'AID_ADJUSTMENT_FILED', {
        itemId,
        code: item.code,
        title: item.title_vi,
        dueDate: row.due_date,
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('aid_adjustment_not_allowed');
    throw error;
  }
}

/** Applies an approved change to the item (new version, audited with its before and after images). */
async function applyChanges(trx: Trx, ctx: WriteContext, itemId: string, changes: AdjustmentChanges): Promise<number> {
  const before = await trx.selectFrom('aid_items').selectAll().where('id', '=', itemId).forUpdate().executeTakeFirstOrThrow();
  const relationsBefore = await readAidRelations(trx, itemId);
  const after = await trx
    .updateTable('aid_items')
    .set({
      ...(changes.titleVi !== undefined ? { title_vi: changes.titleVi } : {}),
      ...(changes.titleEn !== undefined ? { title_en: changes.titleEn } : {}),
      ...(changes.descriptionVi !== undefined ? { description_vi: changes.descriptionVi } : {}),
      ...(changes.plannedStart !== undefined ? { planned_start: changes.plannedStart } : {}),
      ...(changes.plannedEnd !== undefined ? { planned_end: changes.plannedEnd } : {}),
      updated_at: new Date(),
      version: before.version + 1,
    })
    .where('id', '=', itemId)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (changes.provinceIds) {
    const shares = equalShares(changes.provinceIds.length);
    await trx.deleteFrom('aid_locations').where('aid_item_id', '=', itemId).execute();
    await trx
      .insertInto('aid_locations')
      .values(changes.provinceIds.map((provinceId, i) => ({ aid_item_id: itemId, province_id: provinceId, share: shares[i]! })))
      .execute();
  }
  await writeAudit(trx, ctx, {
    action: 'aid_item.adjust',
    entityType: 'aid_item',
    entityId: itemId,
    before: { ...before, ...relationsBefore },
    after: { ...after, ...(changes.provinceIds ? { provinceIds: changes.provinceIds } : {}) },
  });
  return after.version;
}

/**
 * The approver's decision on an open request: approval applies the change to the item, refusal leaves it as it was.
 * @throws AppError not_found, forbidden (not its approver), stale_version, aid_adjustment_decided, validation_failed
 */
export async function decideAdjustment(db: Kysely<Database>, ctx: WriteContext, id: string, body: DecideAdjustmentBody): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('not_signed_in');
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('aid_adjustments as j')
      .innerJoin('aid_items as i', 'i.id', 'j.aid_item_id')
      .selectAll('j')
      .select([decidesFor(actor).as('decides'), 'i.code', 'i.title_vi', 'i.organisation_id', 'i.aid_owner_agency_id'])
      .where('j.id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('aid_adjustment');
    if (!row.decides) throw new AppError('forbidden', { details: { reason: 'not_the_approver' } });
    if (row.status !== 'FILED') throw new AppError('aid_adjustment_decided');
    if (row.version !== body.version) throw staleVersion({ currentVersion: row.version });
    if (body.decisionDate > vietnamToday()) throw invalid([{ path: 'body.decisionDate', message: 'in the future' }]);
    if (body.decisionDate < row.filed_on) throw invalid([{ path: 'body.decisionDate', message: 'before the request' }]);
    let itemVersion: number | null = null;
    if (body.decision === 'APPROVE') {
      const { pmSubjects: _pm, ...changes } = row.changes as AdjustmentChanges & { pmSubjects?: unknown };
      const item = await trx.selectFrom('aid_items').selectAll().where('id', '=', row.aid_item_id).executeTakeFirstOrThrow();
      // Revoked, cancelled or completed since the request: there is nothing left to adjust (a refusal is still recorded).
      if (item.status !== 'APPROVED' && item.status !== 'IMPLEMENTING') throw new AppError('aid_adjustment_not_allowed');
      const issues = await changeIssues(trx, item, changes);
      if (issues.length) throw invalid(issues);
      itemVersion = await applyChanges(trx, ctx, row.aid_item_id, changes);
    }
    const after = await trx
      .updateTable('aid_adjustments')
      .set({
        status: body.decision === 'APPROVE' ? 'APPROVED' : 'REFUSED',
        decision_number: body.decisionNumber,
        decision_date: body.decisionDate,
        decision_note: body.note ?? null,
        decided_by: actor.userId,
        item_version_after: itemVersion,
        updated_at: new Date(),
        version: row.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { decides: _d, code: _c, title_vi: _t, organisation_id: _o, aid_owner_agency_id: _a, ...before } = row;
    await writeAudit(trx, ctx, {
      action: body.decision === 'APPROVE' ? 'aid_adjustment.approve' : 'aid_adjustment.refuse',
      entityType: 'aid_adjustment',
      entityId: id,
      before,
      after,
    });
    await notifyAid(trx, { ownerAgencyId: row.owner_agency_id, organisationId: row.organisation_id }, 'AID_ADJUSTMENT_DECIDED', {
      itemId: row.aid_item_id,
      code: row.code,
      title: row.title_vi,
      outcome: after.status,
      outcomeVi: after.status === 'APPROVED' ? 'được phê duyệt' : 'bị từ chối',
      outcomeEn: after.status === 'APPROVED' ? 'approved' : 'refused',
      decisionNumber: body.decisionNumber,
    });
  });
}

/**
 * Adjustments the actor may read, newest first: of one item (when it sees the item, or decides one of its
 * requests), or every open request it decides (`pending`), for the approver's queue.
 */
export async function listAdjustments(db: Db, actor: Actor, filter: { itemId?: string; pending?: boolean }): Promise<AdjustmentView[]> {
  let q = db
    .selectFrom('aid_adjustments as j')
    .innerJoin('aid_items as i', 'i.id', 'j.aid_item_id')
    .selectAll('j')
    .select(['i.code', 'i.title_vi', decidesFor(actor).as('decides')]);
  if (filter.itemId) q = q.where('j.aid_item_id', '=', filter.itemId);
  if (filter.pending) q = q.where('j.status', '=', 'FILED').where(decidesFor(actor));
  else q = q.where((eb) => eb.or([aidScopeCondition(actor, 'i'), decidesFor(actor)]));
  const rows = await q.orderBy('j.created_at', 'desc').limit(500).execute();
  const today = vietnamToday();
  return rows.map((r) => ({
    id: r.id,
    aidItemId: r.aid_item_id,
    itemCode: r.code,
    itemTitleVi: r.title_vi,
    ownerAgencyId: r.owner_agency_id,
    approverAgencyId: r.approver_agency_id,
    pmLevel: r.pm_level,
    reason: r.reason,
    changes: r.changes,
    before: r.before,
    procedureVersion: r.procedure_version,
    filedOn: r.filed_on,
    dueDate: r.due_date,
    status: r.status,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    decisionNote: r.decision_note,
    mayDecide: r.status === 'FILED' && Boolean(r.decides),
    overdue: r.status === 'FILED' && r.due_date < today,
    version: r.version,
  }));
}
