import type { ColumnType } from 'kysely';

type Numeric = ColumnType<string, string | number, string | number>;

/** Aggregates kept by the triggers of migration 20261123160000 (never written by application code). */
export type StatsItemYearTable = {
  aid_item_id: string;
  year: number;
  organisation_id: string | null;
  committed_usd: Numeric;
  disbursed_usd: Numeric;
  commitments: number;
  disbursements: number;
};
export type StatsOrgYearTable = {
  organisation_id: string | null;
  year: number;
  committed_usd: Numeric;
  disbursed_usd: Numeric;
  commitments: number;
  disbursements: number;
  aid_records: number;
};

export type StatsItemPlaceTable = { aid_item_id: string; province_id: string; region_code: string; fraction: Numeric };
export type StatsItemSectorTable = { aid_item_id: string; sector_code: string; fraction: Numeric };

/** Item-year cells by province and sector (migration 20261124160000), for filtered and scoped figures. */
export type StatsItemCellTable = {
  aid_item_id: string;
  year: number;
  organisation_id: string | null;
  country_code: string | null;
  governing_agency_id: string | null;
  province_id: string | null;
  region_code: string | null;
  sector_code: string | null;
  committed_usd: Numeric;
  disbursed_usd: Numeric;
  disbursements: number;
};

export type StatsTables = {
  stats_item_year: StatsItemYearTable;
  stats_org_year: StatsOrgYearTable;
  stats_item_place: StatsItemPlaceTable;
  stats_item_sector: StatsItemSectorTable;
  stats_item_cell: StatsItemCellTable;
};
