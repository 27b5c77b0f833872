import { sql, type Kysely, type QueryCreator } from 'kysely';
import type { Database } from '@db/types';
import type { Actor } from '@modules/auth/actor';
import { aidScopeCondition, locatedInProvince, mayBeRevokedSql, publicAidCondition } from './aid.policy';
import type { AidListItem, ExportAidQuery } from './aid-items.schemas';

/** Who a query is for: a signed-in actor (scoped by role) or the anonymous public. */
export type Audience = { actor: Actor } | { public: true };

type Filters = Omit<ExportAidQuery, 'sort' | 'order'>;
const baseItems = (db: QueryCreator<Database>) => db.selectFrom('aid_items as i');
type ItemsQuery = ReturnType<typeof baseItems>;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The status a list shows and filters on: the status decided, for everyone (nothing lapses by itself, D80 Art. 4.7). */
const shownStatus = () => sql<string>`i.status`;

/**
 * Aid items matching the filters, inside the audience's scope. The year filter keeps items with a transaction
 * dated in the year (aid_item_year_totals) or whose activity period (actual dates, else planned) overlaps it;
 * an item with a start and no end counts in its start year only.
 */
export function filteredAidItems(db: QueryCreator<Database>, audience: Audience, f: Filters): ItemsQuery {
  let q = baseItems(db);
  q = q.where('actor' in audience ? aidScopeCondition(audience.actor) : publicAidCondition());
  if (f.modality) q = q.where('i.modality', '=', f.modality);
  if (f.status) q = q.where(shownStatus(), '=', f.status);
  if (f.mayBeRevoked) q = q.where(mayBeRevokedSql());
  if (f.organisationId) q = q.where('i.organisation_id', '=', f.organisationId);
  if (f.donorCountry) q = q.where('i.donor_country_code', '=', f.donorCountry);
  if (f.q) q = q.where(sql<boolean>`i.search_text like '%' || vn_fold(${escapeLike(f.q)}) || '%'`);
  if (f.sector) q = q.where(sql<boolean>`i.id in (select s.aid_item_id from aid_sectors s where s.sector_code = ${f.sector})`);
  if (f.province) q = q.where(locatedInProvince(f.province));
  if (f.year) {
    const from = `${f.year}-01-01`;
    const to = `${f.year}-12-31`;
    q = q.where(sql<boolean>`(i.id in (select y.aid_item_id from aid_item_year_totals y where y.year = ${f.year})
      or (coalesce(i.actual_start, i.planned_start) <= ${to}::date
          and coalesce(i.actual_end, i.planned_end, i.actual_start, i.planned_start) >= ${from}::date))`);
  }
  return q;
}

/** Sort keys; money sorts need the totals joined in the page query, the others read the item row only. */
const SORT_COLUMNS = {
  code: { key: sql`i.code`, needsTotals: false },
  title: { key: sql`i.title_vi`, needsTotals: false },
  committedUsd: { key: sql`coalesce(t.committed_usd, 0)`, needsTotals: true },
  disbursedUsd: { key: sql`coalesce(t.disbursed_usd, 0)`, needsTotals: true },
  approvalDate: { key: sql`i.approval_date`, needsTotals: false },
} as const;

/** Per-row USD totals: the year's (aid_item_year_totals) when a year is given, else lifetime (aid_item_totals). */
function totalsTable(db: QueryCreator<Database>, year: number | undefined) {
  return year
    ? db.selectFrom('aid_item_year_totals').select(['aid_item_id', 'committed_usd', 'disbursed_usd']).where('year', '=', year).as('t')
    : db.selectFrom('aid_item_totals').select(['aid_item_id', 'committed_usd', 'disbursed_usd']).as('t');
}

/**
 * One page of the aid list with per-row USD totals (the year's when a year is given, else lifetime), read from
 * the aggregate tables the transaction triggers keep, rounded to cents only here, for display. Two steps: the
 * page's ids are chosen first (filters, scope, sort, offset) on narrow rows, then only those rows are dressed
 * with names, provinces and totals, so a deep page does not compute the columns of every row it skips.
 */
export async function listAidRows(
  db: Kysely<Database>,
  audience: Audience,
  query: ExportAidQuery,
  page: { limit: number; offset: number },
): Promise<AidListItem[]> {
  const sort = SORT_COLUMNS[query.sort];
  const direction = query.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  let ids = filteredAidItems(db, audience, query);
  if (sort.needsTotals) ids = ids.leftJoin(totalsTable(db, query.year), 't.aid_item_id', 'i.id') as unknown as typeof ids;
  const pageIds = ids
    .select(['i.id', sql`${sort.key}`.as('sort_key')])
    .orderBy(sql`${sort.key} ${direction}`)
    .orderBy('i.code')
    .limit(page.limit)
    .offset(page.offset)
    .as('pg');
  const rows = await db
    .selectFrom(pageIds)
    .innerJoin('aid_items as i', 'i.id', 'pg.id')
    .leftJoin(totalsTable(db, query.year), 't.aid_item_id', 'i.id')
    .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select([
      'i.id',
      'i.code',
      'i.title_vi as titleVi',
      'i.title_en as titleEn',
      'i.modality',
      shownStatus().as('status'),
      'i.organisation_id as organisationId',
      sql<string | null>`coalesce(o.name_en, o.name_original, i.other_donor_name)`.as('donorName'),
      'o.name_vi as donorNameVi',
      'i.donor_country_code as donorCountryCode',
      'i.governing_agency_id as governingAgencyId',
      'i.approval_date as approvalDate',
      'i.planned_start as plannedStart',
      'i.planned_end as plannedEnd',
      sql<
        string[]
      >`array(select distinct p.rolls_up_to from aid_locations l join provinces p on p.id = l.province_id where l.aid_item_id = i.id order by 1)`.as(
        'provinces',
      ),
      mayBeRevokedSql().as('mayBeRevoked'),
      sql<string>`round(coalesce(t.committed_usd, 0), 2)::text`.as('committedUsd'),
      sql<string>`round(coalesce(t.disbursed_usd, 0), 2)::text`.as('disbursedUsd'),
      'i.synthetic',
    ])
    .orderBy(sql`pg.sort_key ${direction}`)
    .orderBy('i.code')
    .execute();
  return rows.map((row) => ({ ...row, status: row.status as AidListItem['status'] }));
}

/** The number of items matching the filters (same scope and filters as the page). */
export async function countAidItems(db: Kysely<Database>, audience: Audience, filters: Filters): Promise<number> {
  const row = await filteredAidItems(db, audience, filters)
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** True when any item matching the filters is synthetic (exports then say so). */
export async function anySynthetic(db: Kysely<Database>, audience: Audience, filters: Filters): Promise<boolean> {
  const row = await filteredAidItems(db, audience, filters)
    .select(sql<boolean>`bool_or(i.synthetic)`.as('any'))
    .executeTakeFirstOrThrow();
  return row.any === true;
}

/** The registered organisations that have aid items inside the audience's scope (for the donor filter). */
export async function donorsInScope(
  db: Kysely<Database>,
  audience: Audience,
): Promise<{ id: string; name: string; countryCode: string }[]> {
  return filteredAidItems(db, audience, {})
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select(['o.id', sql<string>`coalesce(o.name_en, o.name_original)`.as('name'), 'o.country_code as countryCode'])
    .distinct()
    .orderBy('name')
    .limit(2000)
    .execute();
}
