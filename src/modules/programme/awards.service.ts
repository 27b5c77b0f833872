import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { inTransaction } from '@db/transaction';
import { decisionDateProblem, isAwardOpen, type AwardStatus } from '@domain/programme/coordination';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { unknownReferenceError, type UnknownReference } from '@modules/registry/registry-references';
import { awardScopeCondition, nominatingAgencyFor } from './awards.policy';
import { readAward } from './awards.repository';
import type { AwardView, DecideBody, NominateBody } from './awards.schemas';
import { assertOrganiser } from './meetings.policy';
import { coordinationDb } from './meetings.tables';

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: { issues: [{ path, message }] } });

function actorOrThrow(ctx: WriteContext): Actor {
  if (!ctx.actor) throw new AppError('not_signed_in');
  return ctx.actor;
}

/**
 * Files a nomination (an agency officer for its own agency, central for any), dated today, audited.
 * @throws AppError forbidden, unknown_reference (agency or organisation not in the registry), validation_failed
 */
export async function nominate(db: Kysely<Database>, ctx: WriteContext, body: NominateBody, today: string): Promise<AwardView> {
  const actor = actorOrThrow(ctx);
  const agencyId = nominatingAgencyFor(actor, body.nominatingAgencyId);
  const id = await inTransaction(db, async (trx) => {
    const unknown: UnknownReference[] = [];
    if (!(await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst()))
      unknown.push({ path: 'body.nominatingAgencyId', kind: 'agency', value: agencyId });
    if (
      body.organisationId &&
      !(await trx.selectFrom('organisations').select('id').where('id', '=', body.organisationId).executeTakeFirst())
    )
      unknown.push({ path: 'body.organisationId', kind: 'organisation', value: body.organisationId });
    if (unknown.length) throw unknownReferenceError(unknown);
    const individual = body.nomineeKind === 'INDIVIDUAL' ? body : null;
    const row = await coordinationDb(trx)
      .insertInto('programme_awards')
      .values({
        nominee_kind: body.nomineeKind,
        organisation_id: body.organisationId ?? null,
        person_name: individual?.personName ?? null,
        organisation_name: individual?.organisationName ?? null,
        award_kind: body.awardKind,
        award_name: body.awardName ?? null,
        reason: body.reason,
        nominating_agency_id: agencyId,
        nominated_on: today,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'programme_award.nominate', entityType: 'programme_award', entityId: row.id, after: row });
    return row.id;
  });
  return (await readAward(db, actor, id, awardScopeCondition(actor)))!;
}

/**
 * Records the decision on a nomination (central only): decided with the decision's number, date (not in the
 * future, not before the nomination) and issuing authority, or declined with a reason. A decided or declined
 * award is final (409 award_already_decided).
 * @throws AppError forbidden, not_found, stale_version, award_already_decided, validation_failed
 */
export async function decideAward(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  body: DecideBody,
  today: string,
): Promise<AwardView> {
  const actor = actorOrThrow(ctx);
  assertOrganiser(actor);
  await inTransaction(db, async (trx) => {
    const cdb = coordinationDb(trx);
    const before = (
      await sql<{ id: string; status: AwardStatus; version: number; nominated_on: string }>`select *
        from programme_awards where id = ${id} for update`.execute(trx)
    ).rows[0];
    if (!before) throw notFound('programme_award');
    if (!isAwardOpen(before.status)) throw new AppError('award_already_decided', { details: { status: before.status } });
    if (before.version !== body.version) throw staleVersion({ current: await readAward(trx, actor, id, awardScopeCondition(actor)) });
    let changes;
    if (body.outcome === 'DECIDED') {
      const problem = decisionDateProblem(body.decisionDate, before.nominated_on, today);
      if (problem === 'in_future') throw invalid('body.decisionDate', 'in the future');
      if (problem === 'before_nomination') throw invalid('body.decisionDate', `before the nomination (${before.nominated_on})`);
      changes = {
        status: 'DECIDED' as const,
        decision_number: body.decisionNumber,
        decision_date: body.decisionDate,
        issuing_authority: body.issuingAuthority,
        ...(body.awardKind ? { award_kind: body.awardKind } : {}),
        ...(body.awardName !== undefined ? { award_name: body.awardName } : {}),
      };
    } else {
      changes = { status: 'DECLINED' as const, decline_reason: body.reason };
    }
    const after = await cdb
      .updateTable('programme_awards')
      .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: body.outcome === 'DECIDED' ? 'programme_award.decide' : 'programme_award.decline',
      entityType: 'programme_award',
      entityId: id,
      before,
      after,
    });
  });
  return (await readAward(db, actor, id, awardScopeCondition(actor)))!;
}
