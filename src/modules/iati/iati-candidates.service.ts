import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { offsetOf, type PageQuery } from '@http/pagination';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';

/** A likely duplicate as the API shows it, with the number of imported aid items waiting for the decision. */
export type CandidateView = {
  id: string;
  iatiRef: string | null;
  name: string;
  organisationId: string;
  organisationName: string;
  organisationIatiId: string | null;
  score: string;
  status: 'OPEN' | 'CONFIRMED' | 'REJECTED';
  aidItems: number;
  createdAt: string;
  version: number;
};

/** Imported items whose donor is the candidate's publisher (by IATI identifier, else by name) and not yet linked. */
const waitingItems = sql<string>`(select count(*) from iati_activity_sources s join aid_items i on i.id = s.aid_item_id
  where i.organisation_id is null and (case when c.iati_ref is not null then s.donor_ref = c.iati_ref else vn_fold(s.donor_name) = vn_fold(c.name) end))`;

function candidates(db: Kysely<Database>) {
  return db
    .selectFrom('iati_org_candidates as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.iati_ref as iatiRef',
      'c.name',
      'c.organisation_id as organisationId',
      'o.name_original as organisationName',
      'o.iati_org_id as organisationIatiId',
      sql<string>`c.score::text`.as('score'),
      'c.status',
      waitingItems.as('aidItems'),
      'c.created_at as createdAt',
      'c.version',
    ]);
}

const present = (r: Omit<CandidateView, 'aidItems' | 'createdAt'> & { aidItems: string; createdAt: Date }): CandidateView => ({
  ...r,
  aidItems: Number(r.aidItems),
  createdAt: r.createdAt.toISOString(),
});

/** Likely duplicates, best score first, optionally of one status. */
export async function listCandidates(db: Kysely<Database>, query: PageQuery & { status?: CandidateView['status'] | undefined }) {
  let base = db.selectFrom('iati_org_candidates as c');
  if (query.status) base = base.where('c.status', '=', query.status);
  let page = candidates(db);
  if (query.status) page = page.where('c.status', '=', query.status);
  const [rows, count] = await Promise.all([
    page.orderBy('c.score', 'desc').orderBy('c.created_at', 'desc').limit(query.pageSize).offset(offsetOf(query)).execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

async function getCandidate(db: Kysely<Database>, id: string): Promise<CandidateView> {
  const row = await candidates(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('iati_org_candidate');
  return present(row);
}

/**
 * Decides a likely duplicate. Confirming says "this publisher is that organisation": the organisation receives the
 * publisher's IATI identifier (when it has none and no one else holds it), so later imports match it exactly; the
 * imported aid items naming the publisher in clear are linked to it; other open candidates of the same publisher
 * are rejected. Rejecting leaves the items as they are. One transaction, audited, versioned (stale → 409).
 * @throws AppError not_found, stale_version, conflict (already decided)
 */
export async function decideCandidate(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  body: { decision: 'confirm' | 'reject'; version: number },
): Promise<CandidateView> {
  await db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('iati_org_candidates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!c) throw notFound('iati_org_candidate');
    if (c.version !== body.version) throw staleVersion({ currentVersion: c.version, current: await getCandidate(trx, id) });
    if (c.status !== 'OPEN') throw new AppError('conflict', { details: { reason: 'candidate_decided', status: c.status } });
    const status = body.decision === 'confirm' ? 'CONFIRMED' : 'REJECTED';
    await trx
      .updateTable('iati_org_candidates')
      .set({ status, resolved_by: ctx.actor?.userId ?? null, resolved_at: new Date(), version: c.version + 1 })
      .where('id', '=', id)
      .execute();
    let linked: string[] = [];
    if (body.decision === 'confirm') {
      const org = await trx
        .selectFrom('organisations')
        .select(['id', 'iati_org_id', 'version'])
        .where('id', '=', c.organisation_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const taken = c.iati_ref
        ? await trx.selectFrom('organisations').select('id').where('iati_org_id', '=', c.iati_ref).executeTakeFirst()
        : undefined;
      if (c.iati_ref && !org.iati_org_id && !taken) {
        await trx
          .updateTable('organisations')
          .set({ iati_org_id: c.iati_ref, updated_at: new Date(), version: org.version + 1 })
          .where('id', '=', org.id)
          .execute();
        await writeAudit(trx, ctx, {
          action: 'organisation.iati_link',
          entityType: 'organisation',
          entityId: org.id,
          before: { iati_org_id: null },
          after: { iati_org_id: c.iati_ref },
        });
      }
      const rows = await sql<{ id: string }>`
        update aid_items i set organisation_id = ${c.organisation_id}, other_donor_name = null, updated_at = now(), version = i.version + 1
        from iati_activity_sources s
        where s.aid_item_id = i.id and i.organisation_id is null
          and (case when ${c.iati_ref}::text is not null then s.donor_ref = ${c.iati_ref} else vn_fold(s.donor_name) = vn_fold(${c.name}) end)
        returning i.id`.execute(trx);
      linked = rows.rows.map((r) => r.id);
      for (const itemId of linked) {
        await writeAudit(trx, ctx, {
          action: 'aid_item.iati_link_organisation',
          entityType: 'aid_item',
          entityId: itemId,
          after: { organisation_id: c.organisation_id, candidateId: id },
        });
      }
      await trx
        .updateTable('iati_org_candidates')
        .set({ status: 'REJECTED', resolved_by: ctx.actor?.userId ?? null, resolved_at: new Date(), version: sql`version + 1` })
        .where('status', '=', 'OPEN')
        .where('id', '<>', id)
        .where(sql<boolean>`coalesce(iati_ref, '') = coalesce(${c.iati_ref}::text, '') and vn_fold(name) = vn_fold(${c.name})`)
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: `iati_org_candidate.${body.decision}`,
      entityType: 'iati_org_candidate',
      entityId: id,
      before: { status: c.status },
      after: { status, organisationId: c.organisation_id, linkedAidItems: linked.length },
    });
  });
  return getCandidate(db, id);
}
