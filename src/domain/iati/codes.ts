/**
 * Code mappings between vnaid's vocabulary and the IATI 2.03 codelists.
 *
 * Every IATI code used here is typed by the `as const` lists generated from the official codelists
 * (`codelists.generated.ts`), so a mapping to a code that does not exist fails to compile.
 *
 * Choices (documented here because they are not obvious):
 * - **Status.** IATI has no "approved but not started" nor "approval revoked". APPROVED → 1 Pipeline,
 *   COMPLETED → 4 Closed, REVOKED → 5 Cancelled. The exact vnaid status travels in `<vnaid:status>` so
 *   the round trip is lossless. On import without the extension: 3 Finalisation and 4 Closed → COMPLETED;
 *   6 Suspended → IMPLEMENTING with a warning (vnaid has no suspended state).
 * - **Modality.** DAC aid type C01 "Project-type interventions" explicitly includes large multi-component
 *   projects "sometimes referred to as a programme", so both PROGRAMME and PROJECT map to C01.
 *   NON_PROJECT (D80 Art. 3.2: one-off aid, experts, conferences, training, surveys) maps to D02
 *   "Other technical assistance", whose DAC definition reads "provision, outside projects …, ad hoc
 *   contributions such as conferences, seminars and workshops". RELIEF maps to the IATI `humanitarian="1"`
 *   flag with aid type C01 (DAC: humanitarian projects are recorded under C01). `hierarchy` is not used:
 *   IATI assumes 1 when absent, so it cannot carry meaning for stand-alone items. The exact modality
 *   travels in `<vnaid:modality>`.
 * - **Extension precedence.** The `vnaid:` element wins only when it agrees with the native IATI
 *   fields (same ActivityStatus code; RELIEF ⇔ humanitarian). Otherwise someone edited the file after
 *   export: the native field wins and the reader warns.
 * @module
 */
import {
  type ACTIVITY_DATE_TYPE,
  type ACTIVITY_STATUS,
  type AID_TYPE,
  type ORGANISATION_ROLE,
  type TRANSACTION_TYPE,
} from './codelists.generated';
import type { ActivityDates, AidModality, AidStatus, OrgRole, TransactionKind } from './model';
import { own } from './own';

export * from './sector-codes';

type CodeOf<T extends readonly { code: string }[]> = T[number]['code'];
/** IATI ActivityStatus codes. */
export type IatiActivityStatusCode = CodeOf<typeof ACTIVITY_STATUS>;
/** IATI OrganisationRole codes. */
export type IatiOrgRoleCode = CodeOf<typeof ORGANISATION_ROLE>;
/** IATI TransactionType codes. */
export type IatiTransactionTypeCode = CodeOf<typeof TRANSACTION_TYPE>;
/** IATI ActivityDateType codes. */
export type IatiActivityDateTypeCode = CodeOf<typeof ACTIVITY_DATE_TYPE>;
/** OECD DAC aid type codes (AidType vocabulary 1). */
export type DacAidTypeCode = CodeOf<typeof AID_TYPE>;

/** XML namespace of vnaid's extension elements (IATI allows `##other` elements and attributes). */
export const VNAID_NS = 'urn:vnaid:iati:1';

/** All vnaid statuses, in lifecycle order. */
export const AID_STATUSES: readonly AidStatus[] = ['PIPELINE', 'APPROVED', 'IMPLEMENTING', 'COMPLETED', 'CANCELLED', 'REVOKED'];
/** All vnaid modalities. */
export const AID_MODALITIES: readonly AidModality[] = ['PROGRAMME', 'PROJECT', 'NON_PROJECT', 'RELIEF'];

/** vnaid status → IATI ActivityStatus. */
export const STATUS_TO_IATI: Readonly<Record<AidStatus, IatiActivityStatusCode>> = {
  PIPELINE: '1',
  APPROVED: '1',
  IMPLEMENTING: '2',
  COMPLETED: '4',
  CANCELLED: '5',
  REVOKED: '5',
};

/** IATI ActivityStatus → vnaid status, for imports without the vnaid extension. */
export const IATI_TO_STATUS: Readonly<Record<IatiActivityStatusCode, AidStatus>> = {
  '1': 'PIPELINE',
  '2': 'IMPLEMENTING',
  '3': 'COMPLETED',
  '4': 'COMPLETED',
  '5': 'CANCELLED',
  '6': 'IMPLEMENTING',
};

/**
 * The IATI ActivityStatus to publish for a vnaid status, agreeing with the activity's dates (issue 16 #6): an item
 * not yet approved in Viet Nam (PIPELINE) or approved but whose work has started reads 2 (implementation), one with
 * an actual end but not closed 3 (finalisation) — never 1 (pipeline) beside an actual start date.
 * A publisher's own status, when an item was imported, is published instead unless vnaid's lifecycle ended it.
 */
export function iatiStatusOf(
  status: AidStatus,
  dates: { actualStart?: string; actualEnd?: string },
  publisherStatus?: string,
): IatiActivityStatusCode {
  if (status === 'CANCELLED' || status === 'REVOKED') return '5';
  if (publisherStatus !== undefined && own(IATI_TO_STATUS, publisherStatus) !== undefined) return publisherStatus as IatiActivityStatusCode;
  if (status === 'COMPLETED') return '4';
  if (dates.actualEnd) return '3';
  if (dates.actualStart || status === 'IMPLEMENTING') return '2';
  return '1';
}

/** Outcome of reading a status: the value and, when relevant, why it is not a plain lookup. */
export interface ResolvedStatus {
  status: AidStatus;
  note?: 'unknown_code' | 'suspended' | 'extension_conflict';
}

/**
 * Resolves an activity's status from the IATI code and the optional `<vnaid:status>` value.
 * @param iatiCode the `activity-status/@code` (may be absent or invalid in third-party files)
 * @param extension the `vnaid:status/@code`, if present
 * @param dates the activity's dates: vnaid's export writes the status that agrees with them ({@link iatiStatusOf}),
 *   so an extension status with that code is no conflict
 */
export function resolveStatus(
  iatiCode: string | undefined,
  extension: string | undefined,
  dates: { actualStart?: string; actualEnd?: string } = {},
): ResolvedStatus {
  const ext = AID_STATUSES.find((s) => s === extension);
  const known = iatiCode !== undefined && own(IATI_TO_STATUS, iatiCode) !== undefined;
  if (ext && (!known || STATUS_TO_IATI[ext] === iatiCode || iatiStatusOf(ext, dates) === iatiCode)) return { status: ext };
  if (!known) return { status: 'PIPELINE', note: 'unknown_code' };
  const status = IATI_TO_STATUS[iatiCode as IatiActivityStatusCode];
  if (ext) return { status, note: 'extension_conflict' };
  return iatiCode === '6' ? { status, note: 'suspended' } : { status };
}

/** How a modality is expressed with native IATI fields. */
export interface ModalityIati {
  /** DAC aid type (AidType vocabulary 1) written as `default-aid-type`. */
  aidType: DacAidTypeCode;
  /** Value of the activity's `humanitarian` attribute. */
  humanitarian: boolean;
}

/** vnaid modality → native IATI fields. */
export const MODALITY_TO_IATI: Readonly<Record<AidModality, ModalityIati>> = {
  PROGRAMME: { aidType: 'C01', humanitarian: false },
  PROJECT: { aidType: 'C01', humanitarian: false },
  NON_PROJECT: { aidType: 'D02', humanitarian: false },
  RELIEF: { aidType: 'C01', humanitarian: true },
};

/** What an imported activity says natively about its modality. */
export interface ModalitySignals {
  humanitarian: boolean;
  /** DAC (vocabulary 1) `default-aid-type` codes. */
  aidTypes: readonly string[];
  /** True when `related-activity type="2"` (child) is present: the activity is a parent, i.e. a programme. */
  hasChildren: boolean;
}

/** DAC aid types that denote non-project aid: technical assistance, experts, scholarships. */
const NON_PROJECT_AID_TYPES = new Set(['D01', 'D02', 'E01', 'E02']);

/**
 * Resolves the modality of an activity.
 * @returns the modality and whether it came from the extension, was inferred, or overrode a conflicting extension
 */
export function resolveModality(
  signals: ModalitySignals,
  extension: string | undefined,
): { modality: AidModality; source: 'extension' | 'inferred' | 'extension_conflict' } {
  const inferred: AidModality = signals.humanitarian
    ? 'RELIEF'
    : signals.aidTypes.some((t) => NON_PROJECT_AID_TYPES.has(t))
      ? 'NON_PROJECT'
      : signals.hasChildren
        ? 'PROGRAMME'
        : 'PROJECT';
  const ext = AID_MODALITIES.find((m) => m === extension);
  if (!ext) return { modality: inferred, source: 'inferred' };
  if ((ext === 'RELIEF') === signals.humanitarian) return { modality: ext, source: 'extension' };
  return { modality: inferred, source: 'extension_conflict' };
}

/** vnaid role → IATI OrganisationRole. */
export const ROLE_TO_IATI: Readonly<Record<OrgRole, IatiOrgRoleCode>> = {
  FUNDING: '1',
  ACCOUNTABLE: '2',
  EXTENDING: '3',
  IMPLEMENTING: '4',
};

/**
 * IATI OrganisationRole → vnaid role. Also accepts the 1.x textual roles (`Funding`, …) that some
 * 2.0x publishers still write.
 * @returns the role, or undefined for an unknown code
 */
export function roleFromIati(code: string): OrgRole | undefined {
  const c = code.trim().toLowerCase();
  return (Object.keys(ROLE_TO_IATI) as OrgRole[]).find((r) => ROLE_TO_IATI[r] === c || r.toLowerCase() === c);
}

/** vnaid transaction kind → IATI TransactionType. */
export const TRANSACTION_TO_IATI: Readonly<Record<TransactionKind, IatiTransactionTypeCode>> = {
  INCOMING_FUNDS: '1',
  COMMITMENT: '2',
  DISBURSEMENT: '3',
  EXPENDITURE: '4',
  INTEREST_PAYMENT: '5',
  LOAN_REPAYMENT: '6',
  REIMBURSEMENT: '7',
  PURCHASE_OF_EQUITY: '8',
  SALE_OF_EQUITY: '9',
  CREDIT_GUARANTEE: '10',
  INCOMING_COMMITMENT: '11',
  OUTGOING_PLEDGE: '12',
  INCOMING_PLEDGE: '13',
};

/** IATI 1.x letter codes still met in 2.0x files, mapped to their 2.x equivalents. */
const LEGACY_TRANSACTION_CODES: Readonly<Record<string, IatiTransactionTypeCode>> = {
  IF: '1',
  C: '2',
  D: '3',
  E: '4',
  IR: '5',
  LR: '6',
  R: '7',
  QP: '8',
  QS: '9',
  CG: '10',
};

/**
 * IATI TransactionType (or a 1.x letter code) → vnaid transaction kind.
 * @returns the kind, or undefined for an unknown code
 */
export function transactionKindFromIati(code: string): TransactionKind | undefined {
  const c = code.trim();
  const numeric = own(LEGACY_TRANSACTION_CODES, c.toUpperCase()) ?? c;
  return (Object.keys(TRANSACTION_TO_IATI) as TransactionKind[]).find((k) => TRANSACTION_TO_IATI[k] === numeric);
}

/** Activity date field → IATI ActivityDateType. */
export const DATE_TYPE_TO_IATI: Readonly<Record<keyof ActivityDates, IatiActivityDateTypeCode>> = {
  plannedStart: '1',
  actualStart: '2',
  plannedEnd: '3',
  actualEnd: '4',
};

/**
 * IATI ActivityDateType → activity date field. Also accepts the 1.x textual types (`start-planned`, …).
 * @returns the field name, or undefined for an unknown type
 */
export function dateFieldFromIati(type: string): keyof ActivityDates | undefined {
  const legacy: Record<string, keyof ActivityDates> = {
    'start-planned': 'plannedStart',
    'start-actual': 'actualStart',
    'end-planned': 'plannedEnd',
    'end-actual': 'actualEnd',
  };
  const t = type.trim();
  return own(legacy, t) ?? (Object.keys(DATE_TYPE_TO_IATI) as (keyof ActivityDates)[]).find((k) => DATE_TYPE_TO_IATI[k] === t);
}
