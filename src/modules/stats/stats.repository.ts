import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { COUNTED_REPORT_STATUSES, VALID_CERTIFICATE_STATUS } from '@domain/statistics/definitions';
import { factsSql, isUnfiltered, reportsApply, type SplitDimension, type StatsFilter } from './stats.filters';

type Db = Kysely<Database>;
/** Exact sums as decimal strings, straight from SQL numeric. */
export type YearTotals = { year: number; committed: string; disbursed: string; records: number; active: number };
export type PartRow = { code: string; region: string | null; committed: string; disbursed: string; records: number; organisations: number };
export type GroupTotals = { committed: string; disbursed: string; records: number; organisations: number };

const counted = sql`(${sql.join(COUNTED_REPORT_STATUSES.map((s) => sql.lit(s)))})`;

/** Committed, disbursed, aid records and regularly active NGOs per year. */
export async function totalsByYear(db: Db, years: readonly number[], f: StatsFilter): Promise<YearTotals[]> {
  if (isUnfiltered(f)) {
    // Fast path: the organisation-year aggregate holds a few hundred rows per year.
    const { rows } = await sql<YearTotals>`
      select y.year,
        coalesce(sum(s.committed_usd), 0)::text as committed, coalesce(sum(s.disbursed_usd), 0)::text as disbursed,
        coalesce(sum(s.aid_records), 0)::int as records,
        (select count(*) from (
          select a.organisation_id from stats_org_year a where a.year = y.year and a.disbursements > 0 and a.organisation_id is not null
          union select r.organisation_id from ngo_reports r where r.report_year = y.year and r.status in ${counted}) u)::int as active
      from unnest(${years}::int[]) y(year) left join stats_org_year s on s.year = y.year
      group by y.year order by y.year`.execute(db);
    return rows;
  }
  const reports = reportsApply(f)
    ? sql`union select r.organisation_id, r.report_year from ngo_reports r join organisations o on o.id = r.organisation_id
        where r.report_year = any(${years}::int[]) and r.status in ${counted}
        ${f.country ? sql`and o.country_code = ${f.country}` : sql``} ${f.organisationId ? sql`and r.organisation_id = ${f.organisationId}::uuid` : sql``}`
    : sql``;
  const { rows } = await sql<YearTotals>`
    with f as (${factsSql(years, f)}),
    act as (select organisation_id, year from f where disbursements > 0 and organisation_id is not null ${reports})
    select y.year,
      coalesce((select sum(committed) from f where f.year = y.year), 0)::text as committed,
      coalesce((select sum(disbursed) from f where f.year = y.year), 0)::text as disbursed,
      (select count(*) from f where f.year = y.year)::int as records,
      (select count(distinct organisation_id) from act where act.year = y.year)::int as active
    from unnest(${years}::int[]) y(year) order by y.year`.execute(db);
  return rows;
}

/**
 * Organisations holding a valid certificate on each date. With a province or sector filter, the certificate's
 * content on that date must name it; a governing-agency scope has no registration figure (null).
 */
export async function registeredOn(db: Db, dates: readonly string[], f: StatsFilter): Promise<Map<string, number | null>> {
  if (f.agencyIds) return new Map(dates.map((d) => [d, null]));
  const content =
    f.province || f.sector
      ? sql`and exists (select 1 from certificate_versions v where v.certificate_id = p.certificate_id
          and v.version = (select max(v2.version) from certificate_versions v2 where v2.certificate_id = p.certificate_id and v2.effective_from <= d.day)
          ${f.province ? sql`and exists (select 1 from provinces pr where pr.id = any(v.province_ids) and pr.rolls_up_to = ${f.province})` : sql``}
          ${f.sector ? sql`and ${f.sector} = any(v.sector_codes)` : sql``})`
      : sql``;
  const { rows } = await sql<{ day: string; n: number }>`
    select d.day::text as day, count(distinct p.organisation_id)::int as n
    from unnest(${dates}::date[]) d(day)
    left join certificate_status_periods p on p.status = ${VALID_CERTIFICATE_STATUS} and p.period @> d.day
      ${f.country ? sql`and exists (select 1 from organisations o where o.id = p.organisation_id and o.country_code = ${f.country})` : sql``}
      ${f.organisationId ? sql`and p.organisation_id = ${f.organisationId}::uuid` : sql``}
      ${content}
    group by d.day`.execute(db);
  return new Map(rows.map((r) => [r.day, r.n]));
}

/** A year split by province (rolled up to the 34 current ones, with their regions) or by sector, by shares. */
export async function splitByDimension(
  db: Db,
  year: number,
  f: StatsFilter,
  dimension: SplitDimension,
): Promise<{ parts: PartRow[]; total: GroupTotals; unallocated: GroupTotals }> {
  const province = dimension === 'province';
  const table = province ? sql`stats_item_place` : sql`stats_item_sector`;
  const code = province ? sql`x.province_id` : sql`x.sector_code`;
  const grouping = province ? sql`grouping sets ((x.province_id, x.region_code), (x.region_code))` : sql`x.sector_code`;
  const { rows } = await sql<PartRow & { kind: 'part' | 'region' | 'total' | 'unallocated' }>`
    with f as materialized (${factsSql([year], f, dimension)})
    select case when grouping(${code}) = 1 then 'region' else 'part' end as kind, ${code} as code, ${province ? sql`x.region_code` : sql`null::text`} as region,
      sum(f.committed * x.fraction)::text as committed, sum(f.disbursed * x.fraction)::text as disbursed,
      count(distinct f.aid_item_id)::int as records, count(distinct f.organisation_id)::int as organisations
    from f join ${table} x on x.aid_item_id = f.aid_item_id
    group by ${grouping}
    union all
    select 'total', null, null, coalesce(sum(committed), 0)::text, coalesce(sum(disbursed), 0)::text, count(*)::int, count(distinct organisation_id)::int from f
    union all
    select 'unallocated', null, null, coalesce(sum(committed), 0)::text, coalesce(sum(disbursed), 0)::text, count(*)::int, count(distinct organisation_id)::int
    from f where not exists (select 1 from ${table} x where x.aid_item_id = f.aid_item_id)`.execute(db);
  const pick = (kind: string) => rows.find((r) => r.kind === kind)!;
  return {
    parts: rows
      .filter((r) => r.kind === 'part' || r.kind === 'region')
      .map((r) => ({ ...r, code: r.kind === 'region' ? `region:${r.region}` : r.code })),
    total: pick('total'),
    unallocated: pick('unallocated'),
  };
}

/** A year grouped by donor country or by organisation (each item has one of each: no split needed). */
export async function groupBy(db: Db, year: number, f: StatsFilter, by: 'country' | 'organisation'): Promise<PartRow[]> {
  const key = by === 'country' ? sql`country` : sql`organisation_id::text`;
  if (isUnfiltered(f)) {
    const { rows } = await sql<PartRow>`
      with f as (
        select coalesce(o.country_code, '') as country, s.organisation_id, s.committed_usd as committed, s.disbursed_usd as disbursed, s.aid_records as records
        from stats_org_year s left join organisations o on o.id = s.organisation_id where s.year = ${year} and s.organisation_id is not null
        union all
        select coalesce(i.donor_country_code, ''), null, s.committed_usd, s.disbursed_usd, 1
        from stats_item_year s join aid_items i on i.id = s.aid_item_id where s.year = ${year} and s.organisation_id is null)
      select coalesce(${key}, '') as code, null as region, sum(committed)::text as committed, sum(disbursed)::text as disbursed,
        sum(records)::int as records, count(distinct organisation_id)::int as organisations
      from f group by 1`.execute(db);
    return rows;
  }
  const { rows } = await sql<PartRow>`
    with f as (${factsSql([year], f, undefined, by === 'country')})
    select coalesce(${key}, '') as code, null as region, sum(committed)::text as committed, sum(disbursed)::text as disbursed,
      count(*)::int as records, count(distinct organisation_id)::int as organisations
    from f group by 1`.execute(db);
  return rows;
}

export type RecordRow = {
  id: string;
  code: string;
  title_vi: string;
  title_en: string | null;
  organisation_id: string | null;
  org_vi: string | null;
  org_en: string | null;
  committed: string;
  disbursed: string;
};

/** The aid items behind a figure, with the part of their amounts the filters select; largest first. */
export async function recordsBehind(db: Db, year: number, f: StatsFilter): Promise<RecordRow[]> {
  const { rows } = await sql<RecordRow>`
    with f as (${factsSql([year], f)})
    select i.id, i.code, i.title_vi, i.title_en, f.organisation_id, o.name_vi as org_vi, coalesce(o.name_en, o.name_original, i.other_donor_name) as org_en,
      f.committed::text as committed, f.disbursed::text as disbursed
    from f join aid_items i on i.id = f.aid_item_id left join organisations o on o.id = f.organisation_id
    order by f.disbursed desc, i.code`.execute(db);
  return rows;
}

type Reference = Awaited<ReturnType<typeof loadReference>>;
const referenceCache = new WeakMap<Db, { at: number; value: Promise<Reference> }>();
/** Reference lists change only by migration or an administrator; a minute's cache spares each request 4 queries. */
const REFERENCE_TTL_MS = 60_000;

async function loadReference(db: Db) {
  const [provinces, regions, sectors, countries] = await Promise.all([
    db
      .selectFrom('provinces')
      .select(['id', 'code', 'name_vi', 'name_en', 'region_code'])
      .where('scheme', '=', 'new34')
      .orderBy('code')
      .execute(),
    db.selectFrom('regions').selectAll().execute(),
    db.selectFrom('sectors').select(['code', 'name_vi', 'name_en', 'sort']).orderBy('sort').execute(),
    db.selectFrom('countries').selectAll().execute(),
  ]);
  return { provinces, regions, sectors, countries };
}

/** Names of provinces, regions, sectors, countries and organisations in both languages. */
export async function names(db: Db, organisationIds: readonly string[]) {
  let cached = referenceCache.get(db);
  if (!cached || Date.now() - cached.at > REFERENCE_TTL_MS) {
    cached = { at: Date.now(), value: loadReference(db) };
    cached.value.catch(() => referenceCache.delete(db));
    referenceCache.set(db, cached);
  }
  const [reference, organisations] = await Promise.all([
    cached.value,
    organisationIds.length
      ? db
          .selectFrom('organisations')
          .select(['id', 'code', 'name_vi', 'name_en', 'name_original', 'country_code'])
          .where('id', 'in', organisationIds)
          .execute()
      : [],
  ]);
  return { ...reference, organisations };
}
