/** Shapes of the statistics API (src/modules/stats/stats.schemas.ts). Money is a decimal string in USD. */
export type MoneyPart = { committedUsd: string; disbursedUsd: string; aidRecords: number };
export type Summary = {
  year: number;
  activeOrganisations: number;
  registeredOrganisations: number | null;
  committedUsd: string;
  disbursedUsd: string;
  aidRecords: number;
  referenceDate: string;
  previous: {
    year: number;
    activeOrganisations: number;
    registeredOrganisations: number | null;
    committedUsd: string;
    disbursedUsd: string;
    aidRecords: number;
  };
  changePct: Record<'activeOrganisations' | 'registeredOrganisations' | 'committedUsd' | 'disbursedUsd' | 'aidRecords', string | null>;
  synthetic: boolean;
};
export type ProvincePart = MoneyPart & { id: string; code: string; name: string; region: string; organisations: number };
export type NamedPart = MoneyPart & { code: string; name: string; organisations: number };
export type Dashboard = {
  year: number;
  scope: { kind: 'national' | 'province' | 'ministry'; id: string | null; name: string | null };
  filters: { province: string | null; sector: string | null; country: string | null; organisation: string | null };
  summary: Summary;
  trend: (MoneyPart & { year: number; activeOrganisations: number; registeredOrganisations: number | null })[];
  byProvince: {
    items: ProvincePart[];
    unallocated: MoneyPart & { organisations: number };
    regions: NamedPart[];
    total: { committedUsd: string; disbursedUsd: string };
  };
  bySector: {
    items: NamedPart[];
    unallocated: MoneyPart & { organisations: number };
    total: { committedUsd: string; disbursedUsd: string };
  };
  byCountry: NamedPart[];
  byOrganisation: {
    items: (MoneyPart & { id: string | null; code: string | null; name: string; country: string | null })[];
    others: MoneyPart & { count: number };
  };
};
export type Definition = { id: string; term: string; text: string };
/** Filters kept in the page address, so every chart, link and shared URL agrees on them. */
export type StatsQuery = {
  year: number;
  sector?: string;
  province?: string;
  region?: string;
  country?: string;
  organisation?: string;
  view?: 'own' | 'national';
};
