import type { ColumnType, Generated } from 'kysely';
import type { AidReportTables } from './aid-reports.tables';

/** Kysely types of the aid registry's own tables (migration 20261123140000_aid_registry.sql). */
type Numeric = ColumnType<string, string | number, string | number>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

export type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';

export type AidItemTotalsTable = {
  aid_item_id: string;
  committed_usd: Numeric;
  disbursed_usd: Numeric;
  committed_vnd: Numeric;
  disbursed_vnd: Numeric;
  first_tx_date: string | null;
  last_tx_date: string | null;
  tx_count: number;
};

export type AidItemYearTotalsTable = {
  aid_item_id: string;
  year: number;
  committed_usd: Numeric;
  disbursed_usd: Numeric;
  committed_vnd: Numeric;
  disbursed_vnd: Numeric;
  tx_count: number;
};

export type NgoReportTable = {
  id: Generated<string>;
  organisation_id: string;
  report_year: number;
  period_from: string;
  period_to: string;
  due_date: string;
  status: Generated<ReportStatus>;
  submitted_at: Date | null;
  submitted_by: string | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_note: string | null;
  summary: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type NgoReportLineTable = {
  report_id: string;
  aid_item_id: string;
  disbursed_amount: Numeric | null;
  currency: string | null;
  amount_usd: Numeric | null;
  disbursement_date: string | null;
  results: string | null;
  beneficiaries_total: number | null;
  beneficiaries_female: number | null;
  beneficiaries_ethnic_minority: number | null;
  beneficiaries_disability: number | null;
  transaction_id: string | null;
};

export type AgencyReportKind = 'AGENCY_MAU04' | 'GOVERNING_ANNUAL';

export type AgencyReportTable = {
  id: Generated<string>;
  agency_id: string;
  kind: AgencyReportKind;
  report_year: number;
  period_from: string;
  period_to: string;
  due_date: string;
  status: Generated<ReportStatus>;
  figures: Json<Record<string, unknown>>;
  summary: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type AidTables = {
  aid_item_totals: AidItemTotalsTable;
  aid_item_year_totals: AidItemYearTotalsTable;
  ngo_reports: NgoReportTable;
  ngo_report_lines: NgoReportLineTable;
  agency_reports: AgencyReportTable;
} & AidReportTables;
