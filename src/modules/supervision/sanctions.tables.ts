import type { ColumnType, Generated } from 'kysely';
import type { SanctionOutcome, SanctionProcedureCode, SanctionStatus } from '@domain/procedures';
import type { Db } from '@db/transaction';
import type { Database } from '@db/types';
import type { Kysely } from 'kysely';

/** jsonb: read as the parsed value, written as JSON text. */
type Json<T> = ColumnType<T, string | undefined, string>;

/** A document the proposer relies on (number, date, title), as named in the proposal. */
export type EvidenceRef = { title: string; reference?: string | null; date?: string | null };

/** What a terminated NGO settled (Art. 19.4). */
export type Settlement = { premises: string; staff: string; assets: string; finances: string };

/** Kysely types of migration 20261209150000_sanction_cases.sql (joined with `sanctionsDb`, like supervisionDb). */
export type SanctionCaseTable = {
  id: Generated<string>;
  code: string;
  procedure_code: SanctionProcedureCode;
  procedure_version_id: string;
  organisation_id: string;
  certificate_id: string;
  status: Generated<SanctionStatus>;
  outcome: SanctionOutcome | null;
  legal_ground: string;
  grounds: string;
  evidence: Json<EvidenceRef[]>;
  proposed_by: string | null;
  proposed_by_agency_id: string | null;
  proposed_on: string;
  opinions_requested_on: string;
  meeting_held_on: string | null;
  meeting_minutes: string | null;
  decided_on: string | null;
  decision_number: string | null;
  decision_event_id: string | null;
  notice_sent_on: string | null;
  notice_received_on: string | null;
  remedy_reported_on: string | null;
  remedy_report: string | null;
  recovered_on: string | null;
  settled_on: string | null;
  settlement: Json<Settlement | null> | null;
  closed_on: string | null;
  closing_note: string | null;
  closing_event_id: string | null;
  escalated_from_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type SanctionOpinionTable = {
  id: Generated<string>;
  case_id: string;
  agency_id: string;
  basis: string;
  requested_on: string;
  due_working_days: number;
  opinion: 'AGREE' | 'DISAGREE' | null;
  answer: string | null;
  answered_by: string | null;
  answered_on: string | null;
};

export type SanctionEventTable = {
  id: Generated<string>;
  case_id: string;
  at: Generated<Date>;
  on_date: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  actor_label: string;
  note: string | null;
};

export type SanctionTables = {
  sanction_cases: SanctionCaseTable;
  sanction_opinions: SanctionOpinionTable;
  sanction_events: SanctionEventTable;
};

export type SanctionsDb = Kysely<Database & SanctionTables>;

/** The database handle (or transaction) with the sanction tables typed; the shared schema type stays untouched. */
export const sanctionsDb = (db: Db): SanctionsDb => db.withTables<SanctionTables>() as unknown as SanctionsDb;
