import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '@db/types';
import { inTransaction } from '@db/transaction';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { isCentral, mineCondition, publicNeedCondition } from './needs.policy';
import type { CreateInterestBody, InterestView, UpdateInterestBody } from './needs.schemas';

/**
 * NGOs' interest in published proposals. An NGO sees only its own organisation's interests; the proposing body
 * sees those on its proposals and marks them (in talks, agreed, not pursued); central sees and marks them all.
 */
export function interestScope(actor: Actor): RawBuilder<SqlBool> {
  if (isCentral(actor)) return sql<SqlBool>`true`;
  if (actor.role === 'agency') return mineCondition(actor, 'n');
  if (actor.role === 'ngo' && actor.organisationId) return sql<SqlBool>`ni.organisation_id = ${actor.organisationId}`;
  return sql<SqlBool>`false`;
}

/** Whether the actor may change an interest's status (not the NGO itself: it expressed it). */
const mayMark = (actor: Actor) => isCentral(actor) || actor.role === 'agency';

type Row = {
  id: string;
  proposal_id: string;
  proposal_code: string;
  title_vi: string;
  title_en: string | null;
  organisation_id: string;
  organisation_name: string;
  message: string;
  contact_name: string;
  contact_email: string | null;
  contact_phone: string | null;
  status: InterestView['status'];
  status_note: string | null;
  created_at: Date;
  version: number;
};

const present = (r: Row): InterestView => ({
  id: r.id,
  proposalId: r.proposal_id,
  proposalCode: r.proposal_code,
  proposalTitleVi: r.title_vi,
  proposalTitleEn: r.title_en,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  message: r.message,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  status: r.status,
  statusNote: r.status_note,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

/** The interests the actor may see, newest first; optionally those of one proposal. */
export async function listInterests(db: Kysely<Database>, actor: Actor, proposalId?: string): Promise<InterestView[]> {
  const rows = await sql<Row>`select ni.*, n.code as proposal_code, n.title_vi, n.title_en,
      coalesce(o.name_vi, o.name_original) as organisation_name
    from need_interests ni join need_proposals n on n.id = ni.proposal_id join organisations o on o.id = ni.organisation_id
    where ${interestScope(actor)} ${proposalId ? sql`and ni.proposal_id = ${proposalId}` : sql``}
    order by ni.created_at desc, ni.id limit 500`.execute(db);
  return rows.rows.map(present);
}

async function readInterest(db: Kysely<Database>, actor: Actor, id: string): Promise<InterestView | undefined> {
  const rows = await sql<Row>`select ni.*, n.code as proposal_code, n.title_vi, n.title_en,
      coalesce(o.name_vi, o.name_original) as organisation_name
    from need_interests ni join need_proposals n on n.id = ni.proposal_id join organisations o on o.id = ni.organisation_id
    where ni.id = ${id} and ${interestScope(actor)}`.execute(db);
  return rows.rows[0] ? present(rows.rows[0]) : undefined;
}

/**
 * An NGO's expression of interest in a published proposal (one per organisation and proposal), audited.
 * @throws AppError forbidden (not an NGO account), not_found (not published), already_exists (409)
 */
export async function createInterest(
  db: Kysely<Database>,
  ctx: WriteContext,
  proposalId: string,
  body: CreateInterestBody,
): Promise<InterestView> {
  const actor = ctx.actor;
  if (!actor || actor.role !== 'ngo' || !actor.organisationId) throw new AppError('forbidden');
  const organisationId = actor.organisationId;
  const id = await inTransaction(db, async (trx) => {
    const proposal = await trx
      .selectFrom('need_proposals as n')
      .select('n.id')
      .where('n.id', '=', proposalId)
      .where(publicNeedCondition('n'))
      .executeTakeFirst();
    if (!proposal) throw notFound('need_proposal');
    const row = await trx
      .insertInto('need_interests')
      .values({
        proposal_id: proposalId,
        organisation_id: organisationId,
        message: body.message,
        contact_name: body.contactName,
        contact_email: body.contactEmail ?? null,
        contact_phone: body.contactPhone ?? null,
        created_by: actor.userId,
      })
      .onConflict((oc) => oc.columns(['proposal_id', 'organisation_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('already_exists', { details: { field: 'proposalId' } });
    await writeAudit(trx, ctx, { action: 'need_interest.create', entityType: 'need_interest', entityId: row.id, after: row });
    return row.id;
  });
  return (await readInterest(db, actor, id))!;
}

/**
 * Marks an interest (in talks, agreed, not pursued) with an optional note; optimistic concurrency on `version`.
 * @throws AppError not_found (outside scope), forbidden (the NGO itself), stale_version
 */
export async function updateInterest(db: Kysely<Database>, ctx: WriteContext, id: string, body: UpdateInterestBody): Promise<InterestView> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('not_signed_in');
  await inTransaction(db, async (trx) => {
    const before = (
      await sql<{ id: string; status: string; status_note: string | null; version: number }>`
        select ni.id, ni.status, ni.status_note, ni.version from need_interests ni join need_proposals n on n.id = ni.proposal_id
        where ni.id = ${id} and ${interestScope(actor)} for update of ni`.execute(trx)
    ).rows[0];
    if (!before) throw notFound('need_interest');
    if (!mayMark(actor)) throw new AppError('forbidden');
    if (before.version !== body.version)
      throw staleVersion({ currentVersion: before.version, current: await readInterest(trx, actor, id) });
    const after = await trx
      .updateTable('need_interests')
      .set({ status: body.status, status_note: body.statusNote ?? null, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returning(['id', 'status', 'status_note', 'version'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'need_interest.update', entityType: 'need_interest', entityId: id, before, after });
  });
  return (await readInterest(db, actor, id))!;
}
