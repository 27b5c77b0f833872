/**
 * The vocabulary of a certificate's life: decisions (events), content, versions and state.
 *
 * A certificate is stored as the ordered list of MOFA decisions about it. Its content on any date
 * is obtained by replaying the decisions effective by then (see certificate-as-of.ts), so history is
 * never overwritten and "the certificate as it stood on 2024-03-01" is always answerable.
 */
import type { CertificateType } from './certificate-types';
import type { IsoDate } from './iso-date';

/** Kinds of decision about a certificate (D58 Art. 7 lists MOFA's powers). */
export type CertificateEventKind =
  | 'ISSUED'
  | 'AMENDED'
  | 'SUPPLEMENTED'
  | 'EXTENDED'
  | 'REISSUED'
  | 'SUSPENDED'
  | 'SUSPENSION_LIFTED'
  | 'TERMINATED'
  | 'REVOKED'
  | 'SELF_TERMINATED';

/** Decisions that produce a new version of the certificate's content. */
export const VERSIONING_EVENTS: ReadonlySet<CertificateEventKind> = new Set(['ISSUED', 'AMENDED', 'SUPPLEMENTED', 'EXTENDED', 'REISSUED']);

/** Decisions that end a certificate for good. */
export const TERMINAL_EVENTS: ReadonlySet<CertificateEventKind> = new Set(['TERMINATED', 'REVOKED', 'SELF_TERMINATED']);

/** Grounds for suspension, D58 Art. 18.1 (a)–(c). Used as `legalGround` of a SUSPENDED event. */
export const SUSPENSION_GROUNDS = {
  D58_ART18_1A: {
    vi: 'Tiếp tục hoạt động khi Giấy đăng ký đã hết hạn',
    en: 'Continuing to operate after the certificate expired',
  },
  D58_ART18_1B: {
    vi: 'Hoạt động ngoài địa bàn hoặc lĩnh vực ghi trong Giấy đăng ký',
    en: 'Operating outside the registered areas or fields',
  },
  D58_ART18_1C: {
    vi: 'Sử dụng hoặc báo cáo tài khoản khác với tài khoản đã đăng ký',
    en: 'Using or reporting a bank account other than the registered one',
  },
} as const;

/** Grounds for forced termination and revocation, D58 Art. 19.1 (a)–(c). */
export const TERMINATION_GROUNDS = {
  D58_ART19_1A: {
    vi: 'Vi phạm các hành vi bị cấm tại Điều 5',
    en: 'Committing an act prohibited by Art. 5',
  },
  D58_ART19_1B: {
    vi: 'Không hoạt động trong 12 tháng liên tục kể từ ngày được cấp Giấy đăng ký',
    en: 'No activity for 12 consecutive months after the certificate was issued',
  },
  D58_ART19_1C: {
    vi: 'Không khắc phục vi phạm trong thời hạn 30 ngày làm việc sau khi bị đình chỉ',
    en: 'Failure to remedy within 30 working days of a suspension',
  },
} as const;

/** A suspension ground code. */
export type SuspensionGround = keyof typeof SUSPENSION_GROUNDS;
/** A forced-termination ground code. */
export type TerminationGround = keyof typeof TERMINATION_GROUNDS;

/** Working days the FNGO has to remedy a suspension (D58 Art. 18.3). */
export const SUSPENSION_REMEDY_WORKING_DAYS = 30;
/** Months of inactivity after issue that justify forced termination (D58 Art. 19.1(b)). */
export const INACTIVITY_MONTHS = 12;

/**
 * Content changed by a decision. Omitted fields keep their previous value. `attributes` carries
 * printed fields the rules do not reason about (e.g. representative's name); a null value removes
 * an attribute.
 */
export interface CertificateChanges {
  validUntil?: IsoDate;
  provinces?: readonly string[];
  sectors?: readonly string[];
  officeProvince?: string | null;
  attributes?: Readonly<Record<string, string | null>>;
}

/** One MOFA decision about a certificate. */
export interface CertificateEvent {
  kind: CertificateEventKind;
  /** Day the decision takes effect (for ISSUED: the issue date, first day of validity). */
  effectiveDate: IsoDate;
  decisionNumber: string;
  decisionDate: IsoDate;
  /** Legal basis; for SUSPENDED a {@link SuspensionGround}, for TERMINATED a {@link TerminationGround}. */
  legalGround: string;
  /**
   * For SUSPENDED: day the FNGO received the decision, which starts the 30-WD remedy period
   * (Art. 18.3). Defaults to `effectiveDate` when unknown.
   */
  receivedDate?: IsoDate;
  changes?: CertificateChanges;
}

/** The content printed on the certificate (one version). */
export interface CertificateContent {
  /** First day of validity (the issue date). */
  validFrom: IsoDate;
  /** Last day of validity, inclusive. */
  validUntil: IsoDate;
  provinces: readonly string[];
  sectors: readonly string[];
  officeProvince: string | null;
  attributes: Readonly<Record<string, string>>;
}

/** One version of the content, created by a versioning decision. */
export interface CertificateVersion {
  version: number;
  kind: CertificateEventKind;
  effectiveDate: IsoDate;
  decisionNumber: string;
  content: CertificateContent;
}

/** A standing suspension. */
export interface SuspensionInfo {
  since: IsoDate;
  ground: string;
  decisionNumber: string;
  /** Day the FNGO received the decision (start of the remedy period). */
  receivedDate: IsoDate;
  /** Last day to remedy (30 WD after receipt); null when no working-day calendar was supplied. */
  remedyDeadline: IsoDate | null;
}

/** Lifecycle status recorded by decisions (date-independent, unlike the status "as of" a date). */
export type RecordedStatus = 'ACTIVE' | 'SUSPENDED' | 'TERMINATED' | 'REVOKED' | 'SELF_TERMINATED';

/** Status of a certificate on a given date. */
export type CertificateStatus = 'ACTIVE' | 'SUSPENDED' | 'EXPIRED' | 'TERMINATED' | 'REVOKED' | 'SELF_TERMINATED' | 'NOT_YET_VALID';

/** State of a certificate after replaying some decisions. */
export interface CertificateState {
  recordedStatus: RecordedStatus;
  /** Current version number (1 after ISSUED). */
  version: number;
  content: CertificateContent;
  versions: readonly CertificateVersion[];
  suspension: SuspensionInfo | null;
  /** Effective date of the terminal decision, if any. */
  endedOn: IsoDate | null;
  /** Effective date of the latest decision applied. */
  lastEffectiveDate: IsoDate;
}

/** A stored certificate: its type and its decisions. */
export interface CertificateRecord {
  id: string;
  type: CertificateType;
  events: readonly CertificateEvent[];
}
