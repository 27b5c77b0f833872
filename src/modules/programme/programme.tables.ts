import type { ColumnType, Generated } from 'kysely';
import type { ProgrammeContent } from '@domain/programme';
import type { InterestStatus, NeedStatus } from '@domain/programme';

/** Kysely types of the programme module's tables (migrations 20261207160000_programme.sql and _seed). */
type Numeric = ColumnType<string, string | number, string | number>;
type Json<T = unknown> = ColumnType<T, string, string>;
/** A nullable timestamp, written as a Date or an ISO string. */
type MaybeTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ProgrammeTable = {
  code: string;
  sort: number;
  content: Json<ProgrammeContent>;
  version: Generated<number>;
  updated_at: Generated<Date>;
};

export type ProgrammeVersionTable = {
  code: string;
  version: number;
  content: Json<ProgrammeContent>;
  saved_by: string | null;
  saved_at: Generated<Date>;
};

export type NeedProposalTable = {
  id: Generated<string>;
  code: string;
  status: Generated<NeedStatus>;
  proposing_agency_id: string;
  programme_code: string | null;
  priority_code: string | null;
  sector_code: string;
  title_vi: string;
  title_en: string | null;
  summary_vi: string | null;
  summary_en: string | null;
  province_ids: string[];
  beneficiaries: string | null;
  beneficiaries_count: number | null;
  budget: Numeric;
  currency: string;
  duration_months: number | null;
  counterpart_amount: Numeric | null;
  counterpart_note: string | null;
  contact_office: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  review_comment: string | null;
  submitted_at: MaybeTimestamp;
  published_at: MaybeTimestamp;
  synthetic: Generated<boolean>;
  search_text: ColumnType<string, never, never>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type NeedProposalEventTable = {
  id: Generated<string>;
  proposal_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  comment: string | null;
  actor_user_id: string | null;
  actor_label: string;
  at: Generated<Date>;
};

export type NeedInterestTable = {
  id: Generated<string>;
  proposal_id: string;
  organisation_id: string;
  message: string;
  contact_name: string;
  contact_email: string | null;
  contact_phone: string | null;
  status: Generated<InterestStatus>;
  status_note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type NeedFundingTable = {
  proposal_id: string;
  aid_item_id: string;
  amount: Numeric;
  linked_by: string | null;
  linked_at: Generated<Date>;
};

export type ProgrammeTables = {
  programmes: ProgrammeTable;
  programme_versions: ProgrammeVersionTable;
  need_proposals: NeedProposalTable;
  need_proposal_events: NeedProposalEventTable;
  need_interests: NeedInterestTable;
  need_fundings: NeedFundingTable;
};
