import { sql, type Kysely } from 'kysely';
import { availableNeedActions, isNeedEditable } from '@domain/programme';
import type { Database } from '@db/types';
import type { Actor } from '@modules/auth/actor';
import { listNeedDocuments } from './needs-documents.service';
import { needScopeCondition, ownAgencySql, workflowRoleOf } from './needs.policy';
import type { NeedDetail } from './needs.schemas';

type DetailRow = {
  id: string;
  code: string;
  status: NeedDetail['status'];
  proposing_agency_id: string;
  agency_vi: string;
  agency_en: string;
  programme_code: string | null;
  priority_code: string | null;
  sector_code: string;
  title_vi: string;
  title_en: string | null;
  summary_vi: string | null;
  summary_en: string | null;
  province_ids: string[];
  beneficiaries: string | null;
  beneficiaries_count: number | null;
  budget: string;
  currency: string;
  duration_months: number | null;
  counterpart_amount: string | null;
  counterpart_note: string | null;
  contact_office: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  review_comment: string | null;
  published_at: Date | null;
  synthetic: boolean;
  version: number;
  own: boolean;
  mobilised: string;
};

/**
 * A proposal as the actor may see it, or undefined when it is outside the actor's scope (a draft of another
 * agency reads as not found). Officers of the proposing body and central also get the workflow history, the
 * latest comment and the number of interests; the actions offered follow the domain workflow.
 */
export async function readNeedDetail(db: Kysely<Database>, actor: Actor | null, id: string): Promise<NeedDetail | undefined> {
  const row = (
    await sql<DetailRow>`select n.*, n.budget::text as budget, n.counterpart_amount::text as counterpart_amount,
        a.name_vi as agency_vi, a.name_en as agency_en, ${ownAgencySql(actor)} as own,
        coalesce((select sum(f.amount) from need_fundings f where f.proposal_id = n.id), 0)::text as mobilised
      from need_proposals n join agencies a on a.id = n.proposing_agency_id
      where n.id = ${id} and ${needScopeCondition(actor)}`.execute(db)
  ).rows[0];
  if (!row) return undefined;
  const role = workflowRoleOf(actor, row.own);
  const [fundings, events, interests, documents] = await Promise.all([
    db
      .selectFrom('need_fundings as f')
      .innerJoin('aid_items as i', 'i.id', 'f.aid_item_id')
      .select(['f.aid_item_id', 'i.code', 'i.title_vi', 'f.amount', 'f.linked_at'])
      .where('f.proposal_id', '=', id)
      .orderBy('f.linked_at')
      .execute(),
    role
      ? db.selectFrom('need_proposal_events').selectAll().where('proposal_id', '=', id).orderBy('at').orderBy('id').execute()
      : Promise.resolve([]),
    role
      ? db
          .selectFrom('need_interests')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('proposal_id', '=', id)
          .executeTakeFirstOrThrow()
      : Promise.resolve({ n: '0' }),
    listNeedDocuments(db, id),
  ]);
  return {
    id: row.id,
    code: row.code,
    titleVi: row.title_vi,
    titleEn: row.title_en,
    summaryVi: row.summary_vi,
    summaryEn: row.summary_en,
    provinceIds: row.province_ids,
    sectorCode: row.sector_code,
    budget: row.budget,
    currency: row.currency,
    status: row.status,
    proposedBy: row.proposing_agency_id,
    proposedByNameVi: row.agency_vi,
    proposedByNameEn: row.agency_en,
    synthetic: row.synthetic,
    programmeCode: row.programme_code,
    priorityCode: row.priority_code,
    beneficiaries: row.beneficiaries,
    beneficiariesCount: row.beneficiaries_count,
    durationMonths: row.duration_months,
    counterpartAmount: row.counterpart_amount,
    counterpartNote: row.counterpart_note,
    contactOffice: row.contact_office,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    mobilised: row.mobilised,
    fundings: fundings.map((f) => ({
      aidItemId: f.aid_item_id,
      aidItemCode: f.code,
      aidItemTitleVi: f.title_vi,
      amount: f.amount,
      linkedAt: f.linked_at.toISOString(),
    })),
    version: row.version,
    reviewComment: role ? row.review_comment : null,
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      comment: e.comment,
      actor: e.actor_label,
      at: e.at.toISOString(),
    })),
    actions: role ? availableNeedActions(row.status, role) : [],
    editable: role !== null && isNeedEditable(row.status),
    interestCount: Number(interests.n),
    documents,
  };
}
