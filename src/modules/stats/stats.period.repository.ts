import { sql } from 'kysely';
import { COUNTED_REPORT_STATUSES } from '@domain/statistics/definitions';
import type { PartRow, YearTotals } from './stats.repository';
import type { Db } from '@db/transaction';

export type SpanTotals = Omit<YearTotals, 'year'>;

const countedReports = sql`(${sql.join(COUNTED_REPORT_STATUSES.map((s) => sql.lit(s)))})`;

/**
 * A period of calendar years from the organisation-year aggregate (a few hundred rows a year): money and aid
 * records summed over the years, regularly active organisations counted once over the period.
 */
export async function periodTotals(db: Db, from: number, to: number): Promise<SpanTotals> {
  const { rows } = await sql<SpanTotals>`
    select coalesce(sum(s.committed_usd), 0)::text as committed, coalesce(sum(s.disbursed_usd), 0)::text as disbursed,
      coalesce(sum(s.aid_records), 0)::int as records,
      (select count(*) from (
        select a.organisation_id from stats_org_year a
        where a.year between ${from} and ${to} and a.disbursements > 0 and a.organisation_id is not null
        union select r.organisation_id from ngo_reports r where r.report_year between ${from} and ${to} and r.status in ${countedReports}) u)::int as active
    from stats_org_year s where s.year between ${from} and ${to}`.execute(db);
  return rows[0]!;
}

/**
 * A year from 1 January up to `asOf` included, from the transactions dated in that span (covering index on
 * aid_transactions.tx_date, migration 20261207100200; the yearly aggregates cannot cut a year) of the items the
 * year's aggregates count (stats_item_year holds counted items only, with their donor). An annual report counts as
 * activity once submitted on or before `asOf` (Vietnam date).
 */
export async function partYearTotals(db: Db, year: number, asOf: string): Promise<SpanTotals> {
  const { rows } = await sql<SpanTotals>`
    with items as materialized (select aid_item_id, organisation_id from stats_item_year where year = ${year}),
    t as materialized (
      select t.aid_item_id, t.kind, t.amount_usd, items.organisation_id
      from aid_transactions t join items on items.aid_item_id = t.aid_item_id
      where t.tx_date between ${`${year}-01-01`}::date and ${asOf}::date)
    select coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0)::text as committed,
      coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0)::text as disbursed,
      count(distinct aid_item_id)::int as records,
      (select count(*) from (
        select organisation_id from t where kind = 'DISBURSEMENT' and organisation_id is not null
        union select r.organisation_id from ngo_reports r
        where r.report_year = ${year} and r.status in ${countedReports}
          and (r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${asOf}::date) u)::int as active
    from t`.execute(db);
  return rows[0]!;
}

export type RegionScheme = 'current' | 'historic';

/**
 * A period split by region, by location shares: `current` through the items' current-province fractions
 * (stats_item_place), `historic` through their former-region fractions (stats_item_historic_region; a location
 * with no former region, like a merged province spanning two, falls in the unallocated part). Aid records count
 * item-years (so they add up to the period's records), organisations once over the period.
 */
export async function regionSplit(
  db: Db,
  from: number,
  to: number,
  scheme: RegionScheme,
): Promise<{ parts: PartRow[]; total: PartRow; unallocated: PartRow }> {
  // One fraction row per item and region, so each (item-year, region) pair is one row: records are a plain count.
  const fractions =
    scheme === 'current'
      ? sql`select x.aid_item_id, x.region_code, sum(x.fraction) as fraction from stats_item_place x
          where x.aid_item_id in (select aid_item_id from it) group by x.aid_item_id, x.region_code`
      : sql`select x.aid_item_id, x.region_code, x.fraction from stats_item_historic_region x where x.aid_item_id in (select aid_item_id from it)`;
  const { rows } = await sql<PartRow & { kind: 'part' | 'unallocated' | 'total' }>`
    with it as materialized (
      select aid_item_id, organisation_id, committed_usd, disbursed_usd from stats_item_year where year between ${from} and ${to}),
    f as materialized (${fractions})
    select case when f.region_code is null then 'unallocated' else 'part' end as kind, coalesce(f.region_code, '') as code, null as region,
      sum(it.committed_usd * coalesce(f.fraction, 1))::text as committed, sum(it.disbursed_usd * coalesce(f.fraction, 1))::text as disbursed,
      count(*)::int as records, count(distinct it.organisation_id)::int as organisations
    from it left join f on f.aid_item_id = it.aid_item_id
    group by f.region_code
    union all
    select 'total', '', null, coalesce(sum(committed_usd), 0)::text, coalesce(sum(disbursed_usd), 0)::text, count(*)::int,
      count(distinct organisation_id)::int
    from it`.execute(db);
  const none: PartRow = { code: '', region: null, committed: '0', disbursed: '0', records: 0, organisations: 0 };
  return {
    parts: rows.filter((r) => r.kind === 'part'),
    total: rows.find((r) => r.kind === 'total') ?? none,
    unallocated: rows.find((r) => r.kind === 'unallocated') ?? none,
  };
}

/** The regions of a scheme with their names, in their usual order. */
export async function regionsOf(db: Db, scheme: RegionScheme): Promise<{ code: string; name_vi: string; name_en: string }[]> {
  const { rows } =
    scheme === 'current'
      ? await sql<{ code: string; name_vi: string; name_en: string }>`
          select r.code, r.name_vi, r.name_en from regions r
          order by (select min(p.code) from provinces p where p.scheme = 'new34' and p.region_code = r.code), r.code`.execute(db)
      : await sql<{ code: string; name_vi: string; name_en: string }>`
          select code, name_vi, name_en from historic_regions order by sort`.execute(db);
  return rows;
}
