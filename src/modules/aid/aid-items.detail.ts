import { sql } from 'kysely';
import { revocableFrom } from '@domain/reporting';
import type { Actor } from '@modules/auth/actor';
import { aidScopeCondition, aidWriterRoles, approverCondition, effectiveStatusSql, mayBeRevokedSql } from './aid.policy';
import type { AidDetail, AidListItem } from './aid-items.schemas';
import type { Db } from '@db/transaction';

/** The stored row of an aid item the actor may see, or undefined (the caller answers 404 either way). */
export async function findVisibleAidItem(db: Db, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('aid_items as i').selectAll('i').where('i.id', '=', id).where(aidScopeCondition(actor));
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Locations with the current unit each one rolls up to, sectors and partners of one item. */
export async function readAidRelations(db: Db, id: string) {
  const [locations, sectors, partners] = await Promise.all([
    db
      .selectFrom('aid_locations as l')
      .innerJoin('provinces as p', 'p.id', 'l.province_id')
      .innerJoin('provinces as c', 'c.id', 'p.rolls_up_to')
      .select([
        'l.province_id',
        'p.name_vi',
        'p.name_en',
        'p.scheme',
        'c.id as current_id',
        'c.name_vi as current_name_vi',
        'c.name_en as current_name_en',
        'l.share',
        'l.commune_code',
      ])
      .where('l.aid_item_id', '=', id)
      .orderBy('l.share', 'desc')
      .orderBy('l.province_id')
      .execute(),
    db
      .selectFrom('aid_sectors as s')
      .innerJoin('sectors as r', 'r.code', 's.sector_code')
      .select(['s.sector_code', 'r.name_vi', 'r.name_en', 'r.dac_code', 's.share', 'r.sort'])
      .where('s.aid_item_id', '=', id)
      .orderBy('s.share', 'desc')
      .orderBy('r.sort')
      .execute(),
    db.selectFrom('aid_partners').selectAll().where('aid_item_id', '=', id).orderBy('role').orderBy('name').execute(),
  ]);
  return {
    locations: locations.map((l) => ({
      provinceId: l.province_id,
      nameVi: l.name_vi,
      nameEn: l.name_en,
      scheme: l.scheme,
      currentId: l.current_id,
      currentNameVi: l.current_name_vi,
      currentNameEn: l.current_name_en,
      share: l.share,
      communeCode: l.commune_code,
    })),
    sectors: sectors.map((s) => ({ code: s.sector_code, nameVi: s.name_vi, nameEn: s.name_en, dacCode: s.dac_code, share: s.share })),
    partners: partners.map((p) => ({ role: p.role, name: p.name, organisationId: p.organisation_id, agencyId: p.agency_id })),
  };
}

/** Totals per original currency (rounded to the currency's minor units) and in USD/VND, from the transactions. */
async function readTotals(db: Db, id: string): Promise<AidDetail['totals']> {
  const [usd, byCurrency] = await Promise.all([
    db
      .selectFrom('aid_item_totals')
      .select([
        sql<string>`round(committed_usd, 2)::text`.as('committedUsd'),
        sql<string>`round(disbursed_usd, 2)::text`.as('disbursedUsd'),
        sql<string>`round(committed_vnd, 0)::text`.as('committedVnd'),
        sql<string>`round(disbursed_vnd, 0)::text`.as('disbursedVnd'),
      ])
      .where('aid_item_id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('aid_transactions as t')
      .innerJoin('currencies as c', 'c.code', 't.currency')
      .select([
        't.currency',
        sql<string>`round(coalesce(sum(t.amount) filter (where t.kind = 'COMMITMENT'), 0), max(c.minor_units))::text`.as('committed'),
        sql<string>`round(coalesce(sum(t.amount) filter (where t.kind = 'DISBURSEMENT'), 0), max(c.minor_units))::text`.as('disbursed'),
      ])
      .where('t.aid_item_id', '=', id)
      .groupBy('t.currency')
      .orderBy('t.currency')
      .execute(),
  ]);
  return { ...(usd ?? { committedUsd: '0.00', disbursedUsd: '0.00', committedVnd: '0', disbursedVnd: '0' }), byCurrency };
}

/**
 * The aid page: the item the actor may see with its names, relations, totals, revocation flag and what the actor may
 * do with it; undefined when it does not exist or lies outside the actor's scope.
 */
export async function readAidDetail(db: Db, actor: Actor, id: string): Promise<AidDetail | undefined> {
  const row = await db
    .selectFrom('aid_items as i')
    .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
    .leftJoin('agencies as a', 'a.id', 'i.governing_agency_id')
    .selectAll('i')
    .select([
      effectiveStatusSql().as('effective_status'),
      mayBeRevokedSql().as('may_be_revoked'),
      sql<boolean>`${approverCondition(actor)}`.as('is_approver'),
      sql<boolean>`exists (select 1 from aid_adjustments j where j.aid_item_id = i.id and j.status = 'FILED')`.as('adjustment_pending'),
      sql<string | null>`coalesce(o.name_en, o.name_original)`.as('organisation_name'),
      'o.name_vi as organisation_name_vi',
      'a.name_vi as agency_name_vi',
      'a.name_en as agency_name_en',
      sql<
        string[]
      >`array(select distinct p.rolls_up_to from aid_locations l join provinces p on p.id = l.province_id where l.aid_item_id = i.id order by 1)`.as(
        'provinces',
      ),
    ])
    .where('i.id', '=', id)
    .where(aidScopeCondition(actor))
    .executeTakeFirst();
  if (!row) return undefined;
  const [relations, totals] = await Promise.all([readAidRelations(db, id), readTotals(db, id)]);
  const writer = (aidWriterRoles as readonly string[]).includes(actor.role);
  const ngoLocked = actor.role === 'ngo' && row.status !== 'PIPELINE';
  return {
    id: row.id,
    code: row.code,
    titleVi: row.title_vi,
    titleEn: row.title_en,
    modality: row.modality,
    status: row.effective_status as AidListItem['status'],
    storedStatus: row.status,
    iatiIdentifier: row.iati_identifier,
    descriptionVi: row.description_vi,
    descriptionEn: row.description_en,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    otherDonorName: row.other_donor_name,
    donorName: row.organisation_name ?? row.other_donor_name,
    donorNameVi: row.organisation_name_vi,
    donorCountryCode: row.donor_country_code,
    governingAgencyId: row.governing_agency_id,
    governingAgencyNameVi: row.agency_name_vi,
    governingAgencyNameEn: row.agency_name_en,
    aidOwnerName: row.aid_owner_name,
    approvalDecisionNumber: row.approval_decision_number,
    approvalDate: row.approval_date,
    approvalLegalBasis: row.approval_legal_basis,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    revocableFrom: row.status === 'APPROVED' && row.approval_date && !row.actual_start ? revocableFrom(row.approval_date) : null,
    mayBeRevoked: row.may_be_revoked,
    aidOwnerAgencyId: row.aid_owner_agency_id,
    revocation:
      row.status === 'REVOKED' && row.revocation_decision_number && row.revocation_date
        ? {
            decisionNumber: row.revocation_decision_number,
            decisionDate: row.revocation_date,
            reason: row.revocation_reason ?? '',
            agencyId: row.revoked_by_agency_id,
          }
        : null,
    budgetRevenue: row.budget_revenue,
    defaultCurrency: row.default_currency,
    provinces: row.provinces,
    synthetic: row.synthetic,
    ...relations,
    totals,
    committedUsd: totals.committedUsd,
    disbursedUsd: totals.disbursedUsd,
    abilities: {
      edit: writer && !ngoLocked && row.status !== 'REVOKED',
      addTransaction: writer && row.status !== 'CANCELLED' && row.status !== 'REVOKED',
      revoke: row.may_be_revoked && row.is_approver,
      fileAdjustment:
        actor.role === 'owner' &&
        !!actor.agencyId &&
        row.aid_owner_agency_id === actor.agencyId &&
        (row.status === 'APPROVED' || row.status === 'IMPLEMENTING') &&
        !row.adjustment_pending,
    },
    version: row.version,
  };
}
