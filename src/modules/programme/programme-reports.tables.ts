import type { ColumnType, Generated } from 'kysely';
import type { ProgrammeReportStatus } from '@domain/programme';
import type { ProgrammeReportFigures } from './programme-reports.schemas';

/** Kysely types of the Programme monitoring tables (migration 20261208100000_programme_reports.sql). */
type Json<T = unknown> = ColumnType<T, string | null, string | null>;
type MaybeTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ProgrammeReportTable = {
  id: Generated<string>;
  agency_id: string;
  year: number;
  programme_code: string;
  status: Generated<ProgrammeReportStatus>;
  difficulties: Generated<string>;
  proposals: Generated<string>;
  figures: Json<ProgrammeReportFigures | null>;
  return_reason: string | null;
  submitted_at: MaybeTimestamp;
  submitted_by: string | null;
  returned_at: MaybeTimestamp;
  returned_by: string | null;
  synthetic: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type ProgrammeReportReminderTable = {
  id: Generated<string>;
  agency_id: string;
  year: number;
  recipients: number;
  sent_by: string | null;
  sent_at: Generated<Date>;
};

export type ProgrammeReportTables = {
  programme_reports: ProgrammeReportTable;
  programme_report_reminders: ProgrammeReportReminderTable;
};
