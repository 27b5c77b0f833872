import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '@db/types';
import type { AwardKind, AwardStatus, MeetingKind, NomineeKind, TaskStatus } from '@domain/programme/coordination';

/**
 * Kysely types of the coordination tables (migration 20261208110000_programme_meetings_awards.sql): meetings with
 * participants, documents and follow-up tasks, and awards. Kept out of the shared schema type and joined with
 * {@link coordinationDb}, as the supervision module does.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ProgrammeMeetingTable = {
  id: Generated<string>;
  kind: MeetingKind;
  title_vi: string;
  title_en: string | null;
  meeting_date: string;
  place: string | null;
  guests: string[];
  conclusions: string | null;
  is_public: Generated<boolean>;
  synthetic: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type ProgrammeMeetingAgencyTable = { meeting_id: string; agency_id: string };
export type ProgrammeMeetingOrganisationTable = { meeting_id: string; organisation_id: string };

export type ProgrammeMeetingDocumentTable = {
  id: Generated<string>;
  meeting_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_path: string;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
};

export type ProgrammeMeetingTaskTable = {
  id: Generated<string>;
  meeting_id: string;
  description: string;
  owner_agency_id: string;
  due_date: string;
  status: Generated<TaskStatus>;
  done_on: string | null;
  done_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type ProgrammeAwardTable = {
  id: Generated<string>;
  status: Generated<AwardStatus>;
  nominee_kind: NomineeKind;
  organisation_id: string | null;
  person_name: string | null;
  organisation_name: string | null;
  award_kind: AwardKind;
  award_name: string | null;
  reason: string;
  nominating_agency_id: string;
  nominated_on: string;
  decision_number: string | null;
  decision_date: string | null;
  issuing_authority: string | null;
  decline_reason: string | null;
  synthetic: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type CoordinationTables = {
  programme_meetings: ProgrammeMeetingTable;
  programme_meeting_agencies: ProgrammeMeetingAgencyTable;
  programme_meeting_organisations: ProgrammeMeetingOrganisationTable;
  programme_meeting_documents: ProgrammeMeetingDocumentTable;
  programme_meeting_tasks: ProgrammeMeetingTaskTable;
  programme_awards: ProgrammeAwardTable;
};

export type CoordinationDb = Kysely<Database & CoordinationTables>;

/** The database handle (or transaction) with the coordination tables. */
export const coordinationDb = (db: Kysely<Database> | Transaction<Database>): CoordinationDb =>
  db.withTables<CoordinationTables>() as unknown as CoordinationDb;
