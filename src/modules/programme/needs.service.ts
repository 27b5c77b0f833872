import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { actionNeedsComment, isNeedEditable, nextNeedStatus, statusAfterFunding, type NeedStatus } from '@domain/programme';
import { DomainRuleError } from '@domain/rule-error';
import type { Database } from '@db/types';
import { inTransaction } from '@db/transaction';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { aidScopeCondition } from '@modules/aid/aid.policy';
import { readNeedDetail } from './needs.detail';
import { assertOwnProvince, needScopeCondition, ownAgencySql, proposingAgencyFor, workflowRoleOf } from './needs.policy';
import { checkNeedReferences } from './needs.references';
import { vietnamYear } from '@common/time/vietnam-today';
import type { CreateNeedBody, LinkFundingBody, NeedActionBody, NeedDetail, UpdateNeedBody } from './needs.schemas';
import type { NeedProposalTable } from './programme.tables';

function actorOrThrow(ctx: WriteContext): Actor {
  if (!ctx.actor) throw new AppError('not_signed_in');
  return ctx.actor;
}

/** The columns a body sets (undefined leaves a column as it is on update). */
function columnsOf(body: Partial<CreateNeedBody>): Partial<Insertable<NeedProposalTable>> {
  return {
    programme_code: body.programmeCode,
    priority_code: body.priorityCode,
    sector_code: body.sectorCode,
    title_vi: body.titleVi,
    title_en: body.titleEn,
    summary_vi: body.summaryVi,
    summary_en: body.summaryEn,
    province_ids: body.provinceIds,
    beneficiaries: body.beneficiaries,
    beneficiaries_count: body.beneficiariesCount,
    budget: body.budget,
    currency: body.currency,
    duration_months: body.durationMonths,
    counterpart_amount: body.counterpartAmount,
    counterpart_note: body.counterpartNote,
    contact_office: body.contactOffice,
    contact_email: body.contactEmail,
    contact_phone: body.contactPhone,
  };
}

const actorLabel = (actor: Actor) => `${actor.displayName} (${actor.username})`;

async function recordEvent(
  trx: Transaction<Database>,
  actor: Actor,
  proposalId: string,
  event: { action: string; from: NeedStatus | null; to: NeedStatus; comment?: string | null },
): Promise<void> {
  await trx
    .insertInto('need_proposal_events')
    .values({
      proposal_id: proposalId,
      action: event.action,
      from_status: event.from,
      to_status: event.to,
      comment: event.comment ?? null,
      actor_user_id: actor.userId,
      actor_label: actorLabel(actor),
    })
    .execute();
}

/** The stored proposal, locked, with whether it is the actor's agency's; not found outside the actor's scope. */
async function lockVisible(trx: Transaction<Database>, actor: Actor, id: string) {
  const row = (
    await sql<{ id: string; status: NeedStatus; version: number; own: boolean; province_ids: string[]; proposing_agency_id: string }>`
      select n.id, n.status, n.version, ${ownAgencySql(actor)} as own, n.province_ids, n.proposing_agency_id
      from need_proposals n where n.id = ${id} and ${needScopeCondition(actor)} for update`.execute(trx)
  ).rows[0];
  if (!row) throw notFound('need_proposal');
  return row;
}

/**
 * Files a proposal as a draft: an agency officer for its own agency (a province only for its own territory),
 * central for any agency. One transaction with its first workflow event and its audit record.
 * @throws AppError forbidden, proposal_outside_province, unknown_reference, validation_failed
 */
export async function createNeed(db: Kysely<Database>, ctx: WriteContext, body: CreateNeedBody): Promise<NeedDetail> {
  const actor = actorOrThrow(ctx);
  const agencyId = proposingAgencyFor(actor, body.proposingAgencyId, body.provinceIds);
  const id = await inTransaction(db, async (trx) => {
    await checkNeedReferences(trx, { ...body, proposingAgencyId: agencyId });
    const seq = await sql<{ n: string }>`select nextval('need_proposal_seq') as n`.execute(trx);
    const code = `NC-${vietnamYear()}-${String(seq.rows[0]!.n).padStart(4, '0')}`;
    const row = await trx
      .insertInto('need_proposals')
      .values({
        ...columnsOf(body),
        code,
        title_vi: body.titleVi,
        sector_code: body.sectorCode,
        province_ids: body.provinceIds,
        budget: body.budget,
        currency: body.currency,
        proposing_agency_id: agencyId,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actor, row.id, { action: 'create', from: null, to: 'DRAFT' });
    await writeAudit(trx, ctx, { action: 'need_proposal.create', entityType: 'need_proposal', entityId: row.id, after: row });
    return row.id;
  });
  return (await readNeedDetail(db, actor, id))!;
}

/**
 * Changes a draft or a proposal returned for changes (optimistic concurrency on `version`).
 * @throws AppError not_found (also outside scope), stale_version (409 with the current record), forbidden,
 *   proposal_outside_province; DomainRuleError transition_not_allowed (not editable in its state)
 */
export async function updateNeed(db: Kysely<Database>, ctx: WriteContext, id: string, body: UpdateNeedBody): Promise<NeedDetail> {
  const actor = actorOrThrow(ctx);
  await inTransaction(db, async (trx) => {
    const current = await lockVisible(trx, actor, id);
    if (!workflowRoleOf(actor, current.own)) throw new AppError('forbidden');
    if (current.version !== body.version)
      throw staleVersion({ currentVersion: current.version, current: await readNeedDetail(trx, actor, id) });
    if (!isNeedEditable(current.status)) throw new DomainRuleError('transition_not_allowed', { action: 'edit', status: current.status });
    if (body.provinceIds) assertOwnProvince(actor, body.provinceIds);
    const before = await trx.selectFrom('need_proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const { version: _version, ...fields } = body;
    await checkNeedReferences(trx, {
      ...fields,
      programmeCode: fields.programmeCode === undefined ? before.programme_code : fields.programmeCode,
      priorityCode: fields.priorityCode === undefined ? before.priority_code : fields.priorityCode,
      sectorCode: fields.sectorCode ?? before.sector_code,
    });
    const after = await trx
      .updateTable('need_proposals')
      .set({ ...columnsOf(fields), updated_at: new Date(), version: current.version + 1 })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'need_proposal.update', entityType: 'need_proposal', entityId: id, before, after });
  });
  return (await readNeedDetail(db, actor, id))!;
}

/**
 * One step of the workflow (submit; central: publish, request changes with a comment, decline with a reason),
 * recorded as an event and audited in the same transaction.
 * @throws AppError not_found, stale_version, validation_failed (comment missing); DomainRuleError
 *   transition_not_allowed (422), transition_role_not_allowed (403)
 */
export async function actOnNeed(db: Kysely<Database>, ctx: WriteContext, id: string, body: NeedActionBody): Promise<NeedDetail> {
  const actor = actorOrThrow(ctx);
  await inTransaction(db, async (trx) => {
    const current = await lockVisible(trx, actor, id);
    const role = workflowRoleOf(actor, current.own);
    if (!role) throw new DomainRuleError('transition_role_not_allowed', { action: body.action, status: current.status });
    if (current.version !== body.version)
      throw staleVersion({ currentVersion: current.version, current: await readNeedDetail(trx, actor, id) });
    const to = nextNeedStatus(current.status, body.action, role);
    const comment = actionNeedsComment(body.action) ? body.comment! : (body.comment ?? null);
    const now = new Date();
    const after = await trx
      .updateTable('need_proposals')
      .set({
        status: to,
        version: current.version + 1,
        updated_at: now,
        ...(actionNeedsComment(body.action) ? { review_comment: comment } : {}),
        ...(to === 'SUBMITTED' ? { submitted_at: now } : {}),
        ...(to === 'PUBLISHED' ? { published_at: now, review_comment: null } : {}),
      })
      .where('id', '=', id)
      .returning(['id', 'status', 'version', 'review_comment', 'published_at'])
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actor, id, { action: body.action, from: current.status, to, comment });
    await writeAudit(trx, ctx, {
      action: `need_proposal.${body.action}`,
      entityType: 'need_proposal',
      entityId: id,
      before: { status: current.status, version: current.version },
      after,
    });
  });
  return (await readNeedDetail(db, actor, id))!;
}

/**
 * Links an aid item that funds a published proposal, with the amount it mobilises in the proposal's currency;
 * the proposal becomes FUNDED. Central, or the proposing body for an aid item in its own aid scope.
 * @throws AppError not_found (proposal or aid item outside scope), forbidden, already_exists; DomainRuleError
 *   transition_not_allowed (not published)
 */
export async function linkFunding(db: Kysely<Database>, ctx: WriteContext, id: string, body: LinkFundingBody): Promise<NeedDetail> {
  const actor = actorOrThrow(ctx);
  await inTransaction(db, async (trx) => {
    const current = await lockVisible(trx, actor, id);
    if (!workflowRoleOf(actor, current.own)) throw new AppError('forbidden');
    const to = statusAfterFunding(current.status);
    const item = await trx
      .selectFrom('aid_items as i')
      .select('i.id')
      .where('i.id', '=', body.aidItemId)
      .where(aidScopeCondition(actor))
      .executeTakeFirst();
    if (!item) throw notFound('aid_item');
    const exists = await trx
      .selectFrom('need_fundings')
      .select('aid_item_id')
      .where('proposal_id', '=', id)
      .where('aid_item_id', '=', body.aidItemId)
      .executeTakeFirst();
    if (exists) throw new AppError('already_exists', { details: { field: 'aidItemId' } });
    const link = await trx
      .insertInto('need_fundings')
      .values({ proposal_id: id, aid_item_id: body.aidItemId, amount: body.amount, linked_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('need_proposals')
      .set({ status: to, version: current.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    if (current.status !== to) await recordEvent(trx, actor, id, { action: 'fund', from: current.status, to });
    await writeAudit(trx, ctx, {
      action: 'need_proposal.fund',
      entityType: 'need_proposal',
      entityId: id,
      before: { status: current.status },
      after: { status: to, funding: link },
    });
  });
  return (await readNeedDetail(db, actor, id))!;
}
