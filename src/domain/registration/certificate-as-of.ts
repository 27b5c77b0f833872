/**
 * Reading a certificate as it stood on a given date.
 */
import { foldEvents } from './certificate-reducer';
import type { CertificateContent, CertificateEvent, CertificateStatus, SuspensionInfo } from './certificate-events';
import { assertIsoDate, type AddWorkingDays, type IsoDate } from './iso-date';

/** The certificate on one date. */
export interface CertificateSnapshot {
  date: IsoDate;
  status: CertificateStatus;
  /** Version in force on the date; 0 before the issue decision takes effect. */
  version: number;
  /** Content in force on the date; null before issue. */
  content: CertificateContent | null;
  /**
   * Suspension standing on the date, even when another status wins (a suspended certificate that
   * then expires still shows the unremedied suspension).
   */
  suspension: SuspensionInfo | null;
  /** Date the certificate was ended by a decision, when that happened on or before `date`. */
  endedOn: IsoDate | null;
}

/** Options for {@link certificateAsOf}. */
export interface AsOfOptions {
  /** Working-day calendar, used to report the suspension remedy deadline. */
  addWorkingDays?: AddWorkingDays;
}

/**
 * The certificate's content, version and status on `date`: the decisions with
 * `effectiveDate <= date` are replayed.
 *
 * Status precedence, highest first:
 * 1. TERMINATED / REVOKED / SELF_TERMINATED: a decision ended the certificate; nothing revives it.
 * 2. NOT_YET_VALID: before the issue date.
 * 3. EXPIRED: after the last day of validity (`date > validUntil`). Expiry beats suspension because
 *    an expired certificate grants no right to operate whether or not it is suspended; the standing
 *    suspension is still returned in `suspension`.
 * 4. SUSPENDED: a suspension is in effect and not yet lifted.
 * 5. ACTIVE.
 *
 * Validity is inclusive: on `validUntil` itself the certificate is still ACTIVE.
 */
export function certificateAsOf(events: readonly CertificateEvent[], date: IsoDate, options: AsOfOptions = {}): CertificateSnapshot {
  assertIsoDate(date, 'date');
  const effective = events.filter((e) => e.effectiveDate <= date);
  const state = foldEvents(effective, options.addWorkingDays);
  if (state === null) {
    return { date, status: 'NOT_YET_VALID', version: 0, content: null, suspension: null, endedOn: null };
  }
  const base = {
    date,
    version: state.version,
    content: state.content,
    suspension: state.suspension,
    endedOn: state.endedOn,
  };
  switch (state.recordedStatus) {
    case 'TERMINATED':
    case 'REVOKED':
    case 'SELF_TERMINATED':
      return { ...base, status: state.recordedStatus };
    default:
      break;
  }
  if (date > state.content.validUntil) return { ...base, status: 'EXPIRED' };
  return { ...base, status: state.recordedStatus };
}
