import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '@db/types';
import type { AwardKind, AwardStatus, NomineeKind } from '@domain/programme/coordination';
import type { Actor } from '@modules/auth/actor';
import { isCentral } from './meetings.policy';
import { offsetOf } from '@http/pagination';
import { awardScopeCondition } from './awards.policy';
import type { AwardsQuery, AwardView, PublicAwardView } from './awards.schemas';

type AwardRow = {
  id: string;
  status: AwardStatus;
  nominee_kind: NomineeKind;
  organisation_id: string | null;
  org_name: string | null;
  organisation_name: string | null;
  person_name: string | null;
  award_kind: AwardKind;
  award_name: string | null;
  reason: string;
  nominating_agency_id: string;
  agency_vi: string;
  agency_en: string;
  nominated_on: string;
  decision_number: string | null;
  decision_date: string | null;
  issuing_authority: string | null;
  decline_reason: string | null;
  synthetic: boolean;
  version: number;
};

const selectAwards = sql`select w.id, w.status, w.nominee_kind, w.organisation_id, o.name_original as org_name, w.organisation_name,
    w.person_name, w.award_kind, w.award_name, w.reason, w.nominating_agency_id, a.name_vi as agency_vi, a.name_en as agency_en,
    w.nominated_on::text as nominated_on, w.decision_number, w.decision_date::text as decision_date, w.issuing_authority,
    w.decline_reason, w.synthetic, w.version
  from programme_awards w
  join agencies a on a.id = w.nominating_agency_id
  left join organisations o on o.id = w.organisation_id`;

const present = (r: AwardRow, actor: Actor | null): AwardView => ({
  id: r.id,
  status: r.status,
  nomineeKind: r.nominee_kind,
  organisationId: r.organisation_id,
  organisationDisplayName: r.org_name ?? r.organisation_name,
  personName: r.person_name,
  awardKind: r.award_kind,
  awardName: r.award_name,
  reason: r.reason,
  nominatingAgency: { id: r.nominating_agency_id, nameVi: r.agency_vi, nameEn: r.agency_en },
  nominatedOn: r.nominated_on,
  decisionNumber: r.decision_number,
  decisionDate: r.decision_date,
  issuingAuthority: r.issuing_authority,
  declineReason: r.decline_reason,
  canDecide: isCentral(actor) && r.status === 'NOMINATED',
  synthetic: r.synthetic,
  version: r.version,
});

/** One page of awards under `conditions` (scope first): open nominations first, then the latest decisions. */
export async function findAwards(
  db: Kysely<Database>,
  actor: Actor,
  conditions: RawBuilder<SqlBool>[],
  page: { limit: number; offset: number },
): Promise<{ items: AwardView[]; total: number }> {
  const where = conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
  const [rows, count] = await Promise.all([
    sql<AwardRow>`${selectAwards} where ${where}
      order by (w.status = 'NOMINATED') desc, coalesce(w.decision_date, w.nominated_on) desc, w.created_at desc, w.id
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: string }>`select count(*) as n from programme_awards w where ${where}`.execute(db),
  ]);
  return { items: rows.rows.map((r) => present(r, actor)), total: Number(count.rows[0]!.n) };
}

/** One award under `condition` (scope), or undefined. */
export async function readAward(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  condition: RawBuilder<SqlBool>,
): Promise<AwardView | undefined> {
  const row = (await sql<AwardRow>`${selectAwards} where w.id = ${id} and ${condition}`.execute(db)).rows[0];
  return row ? present(row, actor) : undefined;
}

/**
 * The decided awards of an NGO and its people, latest first: the public projection shown on the NGO's profile
 * (nominations and declined ones never leave the officers' screens).
 */
export async function publicAwardsOf(db: Kysely<Database>, organisationId: string): Promise<PublicAwardView[]> {
  const rows = await sql<{
    id: string;
    award_kind: AwardKind;
    award_name: string | null;
    nominee_kind: NomineeKind;
    person_name: string | null;
    decision_number: string;
    decision_date: string;
    issuing_authority: string;
    synthetic: boolean;
  }>`select w.id, w.award_kind, w.award_name, w.nominee_kind, w.person_name, w.decision_number,
      w.decision_date::text as decision_date, w.issuing_authority, w.synthetic
    from programme_awards w where w.organisation_id = ${organisationId} and w.status = 'DECIDED'
    order by w.decision_date desc, w.id`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    awardKind: r.award_kind,
    awardName: r.award_name,
    recipientKind: r.nominee_kind,
    personName: r.nominee_kind === 'INDIVIDUAL' ? r.person_name : null,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    issuingAuthority: r.issuing_authority,
    synthetic: r.synthetic,
  }));
}

/** One page of the awards in the actor's scope under the list's filters. */
export async function listAwards(db: Kysely<Database>, actor: Actor, q: AwardsQuery) {
  const conditions = [awardScopeCondition(actor)];
  if (q.status) conditions.push(sql<SqlBool>`w.status = ${q.status}`);
  if (q.organisationId) conditions.push(sql<SqlBool>`w.organisation_id = ${q.organisationId}`);
  return { ...(await findAwards(db, actor, conditions, { limit: q.pageSize, offset: offsetOf(q) })), page: q.page, pageSize: q.pageSize };
}
