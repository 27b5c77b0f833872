/**
 * Types describing administrative procedures as data: steps, deadlines, documents and the agencies
 * consulted. Deadlines and lists change with the law, so each procedure exists in versions tied to a
 * legal document and an effective-date range (domain §9.1).
 */
import type { IsoDate } from '../registration/iso-date';

/** Procedure codes. */
export type ProcedureCode =
  | 'NEW_GDKHD'
  | 'NEW_GDKVPDD'
  | 'EXTEND_GDKHD'
  | 'EXTEND_GDKVPDD'
  | 'AMEND'
  | 'REISSUE'
  | 'SELF_TERMINATION'
  | 'AID_APPROVAL'
  /** Adjustment of approved aid (D80 Art. 16): a request on the aid item itself, not a dossier (aid-adjustment-procedures.ts). */
  | 'AID_ADJUSTMENT'
  | SanctionProcedureCode;

/** Sanctions run by the State on an NGO (D58 Art. 18, 19): cases of their own, never filed as dossiers. */
export type SanctionProcedureCode = 'SUSPENSION' | 'FORCED_TERMINATION';

/** The sanction procedure codes. */
export const SANCTION_PROCEDURE_CODES: readonly SanctionProcedureCode[] = ['SUSPENSION', 'FORCED_TERMINATION'];

/** All procedure codes. */
export const PROCEDURE_CODES: readonly ProcedureCode[] = [
  'NEW_GDKHD',
  'NEW_GDKVPDD',
  'EXTEND_GDKHD',
  'EXTEND_GDKVPDD',
  'AMEND',
  'REISSUE',
  'SELF_TERMINATION',
  'AID_APPROVAL',
  'AID_ADJUSTMENT',
  ...SANCTION_PROCEDURE_CODES,
];

/** The procedures an applicant files as a dossier (every code but the sanctions). */
export const DOSSIER_PROCEDURE_CODES: readonly ProcedureCode[] = PROCEDURE_CODES.filter(
  (c) => !(SANCTION_PROCEDURE_CODES as readonly string[]).includes(c) && c !== 'AID_ADJUSTMENT',
);

/** Who acts at a step. */
export type ActorRole = 'NGO' | 'COMINGO' | 'CONSULTED_AGENCY' | 'MOFA' | 'GOVERNING_AGENCY';

/** Working days skip weekends and holidays (calendar module); calendar days do not. */
export type DeadlineUnit = 'WORKING' | 'CALENDAR';

/** The moment a deadline is counted from (AFTER) or back from (BEFORE). */
export type DeadlineAnchor =
  | 'DOSSIER_RECEIVED'
  | 'DOSSIER_COMPLETE'
  | 'OPINION_REQUESTED'
  | 'ALL_OPINIONS_RECEIVED'
  | 'DOSSIER_FORWARDED'
  | 'DECISION'
  | 'CERTIFICATE_EXPIRY'
  | 'CESSATION_DATE'
  /** Sanctions: the day the NGO received the decision (Art. 18.3 remedy, Art. 19.4 settlement). */
  | 'NOTICE_RECEIVED';

/** A time limit. `direction: 'BEFORE'` means "at least `days` before the anchor". */
export interface Deadline {
  days: number;
  unit: DeadlineUnit;
  anchor: DeadlineAnchor;
  direction: 'AFTER' | 'BEFORE';
}

/** Localised text. */
export interface Text {
  vi: string;
  en: string;
}

/** One step of a procedure. */
export interface ProcedureStep {
  code: string;
  name: Text;
  role: ActorRole;
  /** Null when the law sets no limit for the step (the overall limit still applies). */
  deadline: Deadline | null;
  /** Legal reference of the step. */
  legalRef: string;
  note?: Text;
}

/** A document of the dossier. */
export interface RequiredDocument {
  code: string;
  name: Text;
  /** False for documents needed only in some cases (see `condition`). */
  required: boolean;
  /** When an optional document becomes necessary. */
  condition?: Text;
  /** Documents sharing a group are alternatives: exactly one of them is expected. */
  oneOf?: string;
}

/** Agencies always named by the law (MPI is routed by the agency registry to its successor MOF). */
export type FixedAgencyCode = 'MPS' | 'MPI' | 'MOF' | 'MOHA' | 'SBV' | 'MOFA' | 'VUFO' | 'PROVINCIAL_FINANCE_DEPT' | 'PROVINCIAL_POLICE';

/** Agencies that depend on the dossier. */
export type DynamicAgencySource =
  'LINE_MINISTRIES_OF_SECTORS' | 'PROVINCES_OF_AREAS' | 'OFFICE_PROVINCE' | 'AID_APPROVING_AGENCIES' | 'RELEVANT_SPECIALISED_AGENCIES';

/**
 * When a consultation entry applies:
 * - ALWAYS;
 * - IF_CHANGED: only for the part of the certificate the amendment changes (new sectors → their
 *   ministries; new provinces → their People's Committees; a moved office → the new office province);
 * - IF_CONCERNED: only if the change concerns the agency (decided by COMINGO case by case);
 * - IF_DONOR_FNGO: only when the donor is a foreign NGO (VUFO, D80 Art. 10.2).
 */
export type ConsultationCondition = 'ALWAYS' | 'IF_CHANGED' | 'IF_CONCERNED' | 'IF_DONOR_FNGO';

/** One line of a consultation list. */
export type ConsultationEntry =
  | { kind: 'FIXED'; agency: FixedAgencyCode; when: ConsultationCondition }
  | { kind: 'DYNAMIC'; source: DynamicAgencySource; when: ConsultationCondition };

/**
 * Consultation lists by variant. D58 procedures have one variant, `DEFAULT`; aid approval has one per
 * approval level (`PM`, `CENTRAL`, `LOCAL`).
 */
export type ConsultationRules = Readonly<Record<string, readonly ConsultationEntry[]>>;

/** One version of a procedure, in force over `[effectiveFrom, effectiveTo]` (inclusive). */
export interface ProcedureVersion {
  code: ProcedureCode;
  /** Unique id of this version, e.g. `AID_APPROVAL@D80-2020`. */
  versionId: string;
  name: Text;
  legalDocument: string;
  legalRefs: readonly string[];
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  /** Parameters not confirmed from the legal text; such a version may be edited (see overrides). */
  provisional: boolean;
  /** Statutory overall time limit; null when the law sets none. */
  overallLimit: Deadline | null;
  /** Number of dossier sets to submit. */
  copies: number;
  steps: readonly ProcedureStep[];
  documents: readonly RequiredDocument[];
  /** Null when nobody is consulted. */
  consultation: ConsultationRules | null;
  /** Other numeric parameters (e.g. months before an unstarted aid approval may be revoked). */
  parameters: Readonly<Record<string, number>>;
}
