import type { ColumnType, Generated } from 'kysely';
import type { AidReportKind } from '@domain/reporting';

/** Kysely types of the aid reports on their clocks and of counterpart funds (migration 20261209120000_aid_reports.sql). */
type Numeric = ColumnType<string, string | number, string | number>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

export type AidReportTable = {
  id: Generated<string>;
  aid_item_id: string;
  kind: AidReportKind;
  period_key: string;
  period_from: string;
  period_to: string;
  due_date: string;
  filer_agency_id: string | null;
  status: Generated<'DRAFT' | 'SUBMITTED'>;
  figures: Json<Record<string, unknown>>;
  summary: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type AidCounterpartFundTable = {
  id: Generated<string>;
  aid_item_id: string;
  amount: Numeric;
  currency: string;
  source: string;
  created_by: string | null;
  created_at: Generated<Date>;
};

export type AidReportTables = { aid_reports: AidReportTable; aid_counterpart_funds: AidCounterpartFundTable };
