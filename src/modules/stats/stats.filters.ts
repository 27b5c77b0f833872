import { sql, type RawBuilder } from 'kysely';

/**
 * What a statistic is restricted to. Filters chosen on the dashboard (province, sector, donor country, NGO) and
 * the data scope of the caller (a ministry sees the aid it governs) both land here, and from here inside the SQL.
 */
export type StatsFilter = {
  /** Current province id (`new34:NN`); older records count through provinces.rolls_up_to. */
  province?: string;
  sector?: string;
  country?: string;
  organisationId?: string;
  /** Governing agencies (a ministry and the bodies it succeeded). */
  agencyIds?: string[];
};

export type SplitDimension = 'province' | 'sector';

export const isUnfiltered = (f: StatsFilter): boolean => !f.province && !f.sector && !f.country && !f.organisationId && !f.agencyIds;

/** NGO annual reports count as activity only where a report is not tied to a place, sector or governing body. */
export const reportsApply = (f: StatsFilter): boolean => !f.province && !f.sector && !f.agencyIds;

/** An item's fraction in a province or sector (migration 20261123160100 keeps them; exact for shares of 100). */
function shareOf(dimension: SplitDimension, value: string): RawBuilder<unknown> {
  return dimension === 'province'
    ? sql`(select x.fraction from stats_item_place x where x.aid_item_id = s.aid_item_id and x.province_id = ${value})`
    : sql`(select x.fraction from stats_item_sector x where x.aid_item_id = s.aid_item_id and x.sector_code = ${value})`;
}

/**
 * The facts behind every figure: item-year aggregates (year, aid_item_id, organisation_id, country, committed,
 * disbursed, disbursements) weighted by the shares of the filtered province and sector. Joins only what the
 * filters need: the unfiltered national figures read the aggregate alone.
 * @param omit a split dimension whose filter is not applied as a weight (the breakdown by it splits instead)
 * @param withCountry also give each item's donor country (organisation's, else the item's)
 */
export function factsSql(years: readonly number[], f: StatsFilter, omit?: SplitDimension, withCountry = false): RawBuilder<unknown> {
  const weights = [
    f.province && omit !== 'province' ? sql` * ${shareOf('province', f.province)}` : undefined,
    f.sector && omit !== 'sector' ? sql` * ${shareOf('sector', f.sector)}` : undefined,
  ].filter((w) => w !== undefined);
  const needCountry = withCountry || Boolean(f.country);
  const needItem = needCountry || Boolean(f.agencyIds);
  const where = [
    f.country ? sql` and coalesce(o.country_code, i.donor_country_code) = ${f.country}` : sql``,
    f.organisationId ? sql` and s.organisation_id = ${f.organisationId}::uuid` : sql``,
    f.agencyIds ? sql` and i.governing_agency_id = any(${f.agencyIds}::text[])` : sql``,
  ];
  const weight = weights.length ? sql`w.w` : sql`1`;
  return sql`select s.year, s.aid_item_id, s.organisation_id, ${needCountry ? sql`coalesce(o.country_code, i.donor_country_code)` : sql`null::text`} as country,
      s.committed_usd * ${weight} as committed, s.disbursed_usd * ${weight} as disbursed, s.disbursements
    from stats_item_year s
    ${needItem ? sql`join aid_items i on i.id = s.aid_item_id` : sql``}
    ${needCountry ? sql`left join organisations o on o.id = i.organisation_id` : sql``}
    ${weights.length ? sql`cross join lateral (select 1::numeric${sql.join(weights, sql``)} as w) w` : sql``}
    where s.year = any(${years}::int[])${weights.length ? sql` and w.w > 0` : sql``}${sql.join(where, sql``)}`;
}
