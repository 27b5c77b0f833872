import { sql } from 'kysely';
import type { Db } from '@db/transaction';
import { formatScaled, roundMoney, sumScaled } from '@domain/money/decimal';
import { readAidRelations } from './aid-items.detail';
import { filteredAidItems } from './aid-items.repository';
import type { PublicAidItemPage } from './public-aid-item.schemas';

type Status = PublicAidItemPage['status'];

/**
 * One aid item as the public sees it, or undefined when the public may not see it (pipeline, cancelled, revoked,
 * unknown): the item is found through the public aid list's own scope (filteredAidItems with the public audience,
 * i.e. publicAidCondition), so what the public sees is defined once.
 */
export async function publicAidItemOf(db: Db, id: string): Promise<PublicAidItemPage | undefined> {
  const item = await filteredAidItems(db, { public: true }, {})
    .where('i.id', '=', id)
    .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
    .leftJoin('agencies as ow', 'ow.id', 'i.aid_owner_agency_id')
    .leftJoin('agencies as g', 'g.id', 'i.governing_agency_id')
    .select([
      'i.id',
      'i.code',
      'i.iati_identifier',
      'i.title_vi',
      'i.title_en',
      'i.description_vi',
      'i.description_en',
      'i.modality',
      'i.status',
      'i.organisation_id',
      sql<string | null>`coalesce(o.name_en, o.name_original)`.as('org_name'),
      'o.name_vi as org_name_vi',
      'i.donor_country_code',
      'ow.id as owner_id',
      'ow.name_vi as owner_vi',
      'ow.name_en as owner_en',
      'g.id as gov_id',
      'g.name_vi as gov_vi',
      'g.name_en as gov_en',
      'i.approval_date',
      'i.planned_start',
      'i.planned_end',
      'i.actual_start',
      'i.actual_end',
      'i.synthetic',
    ])
    .executeTakeFirst();
  if (!item) return undefined;
  const [relations, years] = await Promise.all([
    readAidRelations(db, id),
    db
      .selectFrom('aid_item_year_totals')
      .select([
        'year',
        sql<string>`round(committed_usd, 2)::text`.as('committedUsd'),
        sql<string>`round(disbursed_usd, 2)::text`.as('disbursedUsd'),
      ])
      .where('aid_item_id', '=', id)
      .orderBy('year')
      .execute(),
  ]);
  // Locations rolled up to today's provinces, shares added (two old units may be one province now).
  const provinces = new Map<string, { id: string; nameVi: string; nameEn: string; shares: string[] }>();
  for (const l of relations.locations) {
    const p = provinces.get(l.currentId) ?? { id: l.currentId, nameVi: l.currentNameVi, nameEn: l.currentNameEn, shares: [] };
    p.shares.push(String(l.share));
    provinces.set(l.currentId, p);
  }
  const sum = (values: string[]) => formatScaled(sumScaled(values));
  return {
    id: item.id,
    code: item.code,
    iatiIdentifier: item.iati_identifier,
    titleVi: item.title_vi,
    titleEn: item.title_en,
    descriptionVi: item.description_vi,
    descriptionEn: item.description_en,
    modality: item.modality,
    status: item.status as Status,
    organisation:
      item.organisation_id && item.org_name ? { id: item.organisation_id, name: item.org_name, nameVi: item.org_name_vi } : null,
    donorCountryCode: item.donor_country_code,
    aidOwner: item.owner_id ? { id: item.owner_id, nameVi: item.owner_vi!, nameEn: item.owner_en! } : null,
    governingAgency: item.gov_id ? { id: item.gov_id, nameVi: item.gov_vi!, nameEn: item.gov_en! } : null,
    approvalDate: item.approval_date,
    plannedStart: item.planned_start,
    plannedEnd: item.planned_end,
    actualStart: item.actual_start,
    actualEnd: item.actual_end,
    sectors: relations.sectors.map((s) => ({ code: s.code, nameVi: s.nameVi, nameEn: s.nameEn, share: String(s.share) })),
    provinces: [...provinces.values()].map(({ shares, ...p }) => ({ ...p, share: sum(shares) })),
    // A partner typed in clear may be a private person: only registered organisations and State bodies are named.
    partners: relations.partners
      .filter((p) => p.organisationId !== null || p.agencyId !== null)
      .map((p) => ({ role: p.role, name: p.name, organisationId: p.organisationId })),
    years: years.map((y) => ({ year: y.year, committedUsd: y.committedUsd, disbursedUsd: y.disbursedUsd })),
    total: {
      committedUsd: roundMoney(sum(years.map((y) => y.committedUsd).concat('0'))),
      disbursedUsd: roundMoney(sum(years.map((y) => y.disbursedUsd).concat('0'))),
    },
    synthetic: item.synthetic,
  };
}
