import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '@db/types';
import type { ActionStatus, InspectionKind } from '@domain/supervision/inspections';

/**
 * Kysely types of the inspection tables (migration 20261209140000_inspections.sql), kept out of the shared schema
 * type and joined with {@link inspectionDb}, as the obligations tables are.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type InspectionPlanTable = {
  id: Generated<string>;
  year: number;
  title: string;
  owner_agency_id: string | null;
  synthetic: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type InspectionPlanEntryTable = {
  id: Generated<string>;
  plan_id: string;
  organisation_id: string;
  kind: InspectionKind;
  province_ids: string[];
  lead_agency_id: string;
  agency_ids: string[];
  planned_from: string;
  planned_to: string;
  note: string | null;
  position: number;
};

export type InspectionTable = {
  id: Generated<string>;
  plan_entry_id: string | null;
  organisation_id: string;
  kind: InspectionKind;
  lead_agency_id: string;
  agency_ids: string[];
  province_ids: string[];
  team: string[];
  starts_on: string;
  ends_on: string | null;
  scope: string | null;
  closed_on: string | null;
  closure_summary: string | null;
  synthetic: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type InspectionFindingTable = {
  id: Generated<string>;
  inspection_id: string;
  description: string;
  recommendation: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
};

export type InspectionActionTable = {
  id: Generated<string>;
  inspection_id: string;
  finding_id: string | null;
  description: string;
  owner_agency_id: string;
  due_date: string;
  status: Generated<ActionStatus>;
  done_on: string | null;
  done_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type InspectionDocumentTable = {
  id: Generated<string>;
  inspection_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_path: string;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
};

export type InspectionTables = {
  inspection_plans: InspectionPlanTable;
  inspection_plan_entries: InspectionPlanEntryTable;
  inspections: InspectionTable;
  inspection_findings: InspectionFindingTable;
  inspection_actions: InspectionActionTable;
  inspection_documents: InspectionDocumentTable;
};

export type InspectionDb = Kysely<Database & InspectionTables>;

/** The database handle (or transaction) with the inspection tables. */
export const inspectionDb = (db: Kysely<Database> | Transaction<Database>): InspectionDb =>
  db.withTables<InspectionTables>() as unknown as InspectionDb;
