import { sql, type RawBuilder } from 'kysely';

/**
 * What a statistic is restricted to. Filters chosen on the dashboard (province, region, sector, donor country,
 * NGO) and the data scope of the caller (a province, or the aid a ministry governs) both land here, and from here
 * inside the SQL.
 */
export type StatsFilter = {
  /** Current province id (`new34:NN`); older records count through provinces.rolls_up_to. */
  province?: string;
  /** Socio-economic region of the current provinces. */
  region?: string;
  sector?: string;
  country?: string;
  organisationId?: string;
  /** Governing agencies (a ministry and the bodies it succeeded). */
  agencyIds?: string[];
};

export type SplitDimension = 'province' | 'sector';

export const isUnfiltered = (f: StatsFilter): boolean =>
  !f.province && !f.region && !f.sector && !f.country && !f.organisationId && !f.agencyIds;

/** NGO annual reports count as activity only where a report is not tied to a place, sector or governing body. */
export const reportsApply = (f: StatsFilter): boolean => !f.province && !f.region && !f.sector && !f.agencyIds;

/**
 * The conditions a filter puts on stats_item_cell rows (alias `c`; migration 20261124160000): each cell is an
 * item-year's part in one province and one sector, already weighted by both shares, so a filter is a plain
 * equality on an indexed column and the selected cells add up to the filtered figure.
 */
export function cellWhere(years: readonly number[], f: StatsFilter): RawBuilder<unknown> {
  const conditions = [
    years.length === 1 ? sql`c.year = ${years[0]}` : sql`c.year = any(${years}::int[])`,
    f.province ? sql`c.province_id = ${f.province}` : undefined,
    f.region ? sql`c.region_code = ${f.region}` : undefined,
    f.sector ? sql`c.sector_code = ${f.sector}` : undefined,
    f.country ? sql`c.country_code = ${f.country}` : undefined,
    f.organisationId ? sql`c.organisation_id = ${f.organisationId}::uuid` : undefined,
    f.agencyIds ? sql`c.governing_agency_id = any(${f.agencyIds}::text[])` : undefined,
  ].filter((c) => c !== undefined);
  return sql.join(conditions, sql` and `);
}
