import type { ColumnType, Generated } from 'kysely';
import type { ClockState, DossierStatus, ProcedureCode } from '@domain/procedures';

/** jsonb: read as the parsed value, written as JSON text. */
type Json<T> = ColumnType<T, string | undefined, string>;

/** What the applicant asks for (stored as jsonb on the dossier). */
export type DossierApplication = {
  certificateType?: 'GDKHD' | 'GDKVPDD';
  provinceIds?: string[];
  sectorCodes?: string[];
  officeProvinceId?: string | null;
  /** Validity asked for, last day inclusive. */
  requestedValidUntil?: string | null;
  /** Amendment: what changes (new lists or office). */
  changes?: { provinceIds?: string[]; sectorCodes?: string[]; officeProvinceId?: string | null; other?: string };
  /** Re-issue: LOST | DAMAGED; self-termination: planned cessation date. */
  reissueReason?: 'LOST' | 'DAMAGED';
  cessationDate?: string | null;
  aidApprovingAgencyIds?: string[];
  /** Aid approval: the governing agency (cơ quan chủ quản) and the approval level (consultation variant). */
  governingAgencyId?: string;
  approvalLevel?: 'PM' | 'CENTRAL' | 'LOCAL' | 'RELIEF_RECOVERY';
  /** Aid approval at LOCAL level: the current province (`new34:NN`) whose bodies appraise and approve it. */
  aidProvinceId?: string | null;
  donorIsFngo?: boolean;
  /** Aid approval: the aid item, an existing draft (`itemId`) or the one the approval registers. */
  aid?: DossierAidRequest;
  summary?: string;
};

/** What an aid-approval dossier asks to have approved (domain §3.5, §3.11). */
export type DossierAidRequest = {
  /** A draft (PIPELINE) item of the organisation already in the aid registry. */
  itemId?: string;
  titleVi?: string;
  titleEn?: string;
  modality?: 'PROGRAMME' | 'PROJECT' | 'NON_PROJECT' | 'RELIEF';
  plannedStart?: string;
  plannedEnd?: string;
};

/** The decision recorded on a dossier. */
export type DossierDecision = {
  outcome: 'APPROVED' | 'REJECTED';
  decisionNumber: string;
  decisionDate: string;
  validUntil?: string | null;
  reason?: string | null;
  /** Aid approval: the decision's content (D80 Art. 11), or what the dossier knew (`prefilled`). */
  content?: Record<string, unknown> | null;
};

export type ProcedureOverrideTable = {
  version_id: string;
  overall_limit_days: number | null;
  step_deadline_days: Json<Record<string, number>>;
  parameters: Json<Record<string, number>>;
  legal_note: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type DossierTable = {
  id: Generated<string>;
  code: string | null;
  organisation_id: string;
  procedure_code: ProcedureCode;
  procedure_version_id: string;
  status: Generated<DossierStatus>;
  clock: Generated<ClockState>;
  certificate_id: string | null;
  application: Json<DossierApplication>;
  submitted_at: Date | null;
  submitted_on: string | null;
  last_received_on: string | null;
  accepted_on: string | null;
  consultation_sent_on: string | null;
  opinions_complete_on: string | null;
  forwarded_on: string | null;
  appraisal_started_on: string | null;
  decided_on: string | null;
  delivered_on: string | null;
  closed_on: string | null;
  decision: Json<DossierDecision | null> | null;
  certificate_result_id: string | null;
  /** Aid approval: the aid registry item (linked draft, or created by the approval). */
  aid_item_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Aid approval filed by a Vietnamese aid owner (role `owner`): its agency; null when the NGO filed. */
  filed_by_agency_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Aid approval: the body that receives, appraises and decides it, by approval level (aid-approval-routing.ts). */
  handling_agency_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type DossierPauseTable = {
  id: Generated<string>;
  dossier_id: string;
  from_date: string;
  to_date: string | null;
  reason: string;
};

export type DossierSupplementRequestTable = {
  id: Generated<string>;
  dossier_id: string;
  message: string;
  document_codes: string[];
  during_clock: boolean;
  requested_by: string | null;
  requested_at: Generated<Date>;
  requested_on: string;
  answer_note: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  answered_on: string | null;
};

export type DossierDocumentTable = {
  id: Generated<string>;
  dossier_id: string;
  document_code: string;
  file_name: string;
  media_type: string;
  size_bytes: ColumnType<string, number | string, number | string>;
  sha256: string;
  storage_path: string;
  supplement_request_id: string | null;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
  superseded_at: Date | null;
};

export type ConsultationOpinion = 'AGREE' | 'AGREE_WITH_CONDITIONS' | 'DISAGREE';

export type DossierConsultationTable = {
  id: Generated<string>;
  dossier_id: string;
  agency_id: string;
  named_agency_id: string | null;
  basis: string;
  status: Generated<'PENDING' | 'ANSWERED' | 'SILENT' | 'CANCELLED'>;
  requested_on: string;
  due_working_days: number;
  opinion: ConsultationOpinion | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  answered_on: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
  /** How the opinion came: in the app, on paper (recorded by the officer), or silence recorded after the deadline. */
  channel: 'APP' | 'PAPER' | 'SILENCE' | null;
  letter_number: string | null;
  letter_date: string | null;
  letter_file_name: string | null;
  letter_media_type: string | null;
  letter_size_bytes: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  letter_sha256: string | null;
  letter_storage_path: string | null;
};

export type DossierEventTable = {
  id: Generated<string>;
  dossier_id: string;
  at: Generated<Date>;
  on_date: string;
  action: string;
  from_status: string | null;
  to_status: string;
  clock: string;
  actor_user_id: string | null;
  actor_label: string;
  note: string | null;
  details: Json<Record<string, unknown>>;
};

export type NotificationTable = {
  id: Generated<string>;
  user_id: string;
  kind: string;
  dossier_id: string | null;
  params: Json<Record<string, string | number | null>>;
  dedupe_key: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
  emailed_at: Date | null;
};

/** The procedures module's tables, joined into the Database type in src/db/types.ts. */
export type ProceduresTables = {
  procedure_overrides: ProcedureOverrideTable;
  dossiers: DossierTable;
  dossier_pauses: DossierPauseTable;
  dossier_supplement_requests: DossierSupplementRequestTable;
  dossier_documents: DossierDocumentTable;
  dossier_consultations: DossierConsultationTable;
  dossier_events: DossierEventTable;
  notifications: NotificationTable;
};
