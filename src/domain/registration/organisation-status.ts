/**
 * An organisation's registration status, derived from all its certificates.
 */
import { certificateAsOf, type CertificateSnapshot } from './certificate-as-of';
import type { CertificateRecord } from './certificate-events';
import { addDays, type IsoDate } from './iso-date';

/** Registration status of an organisation on a date. */
export type OrganisationStatus = 'ACTIVE' | 'SUSPENDED' | 'EXPIRED' | 'TERMINATED' | 'NONE';

/** Day an ended certificate reached its final status: the terminal decision's date, or the day after expiry. */
function endedDay(s: CertificateSnapshot): IsoDate {
  if (s.endedOn !== null) return s.endedOn;
  return s.content ? addDays(s.content.validUntil, 1) : '';
}

/**
 * Organisation status on `date`. Precedence:
 * 1. ACTIVE if any certificate is ACTIVE (an organisation with a suspended GDKVPDD but an active
 *    GDKHD may still operate under the latter).
 * 2. SUSPENDED if none is active but one is SUSPENDED.
 * 3. Otherwise the organisation is judged by the certificate that ended most recently (the day it
 *    reached its final status: the day after expiry, or the terminal decision's date): EXPIRED if it
 *    expired, TERMINATED if a decision ended it (forced termination, revocation and self-termination
 *    all count as TERMINATED at organisation level). On a tie, TERMINATED wins: a decision says more
 *    than the calendar. A fixed "EXPIRED before TERMINATED" order would call an organisation that was
 *    expelled in 2024 "expired" because of a certificate that lapsed in 2019.
 * 4. NONE when it has no certificate in force or ended by `date` (none, or only future ones).
 */
export function organisationStatusAsOf(certificates: readonly CertificateRecord[], date: IsoDate): OrganisationStatus {
  const snapshots = certificates.map((c) => certificateAsOf(c.events, date));
  if (snapshots.some((s) => s.status === 'ACTIVE')) return 'ACTIVE';
  if (snapshots.some((s) => s.status === 'SUSPENDED')) return 'SUSPENDED';
  let best: { day: IsoDate; status: OrganisationStatus } | null = null;
  for (const s of snapshots) {
    if (s.status === 'NOT_YET_VALID' || s.status === 'ACTIVE' || s.status === 'SUSPENDED') continue;
    const status: OrganisationStatus = s.status === 'EXPIRED' ? 'EXPIRED' : 'TERMINATED';
    const day = endedDay(s);
    if (best === null || day > best.day || (day === best.day && status === 'TERMINATED')) best = { day, status };
  }
  return best?.status ?? 'NONE';
}

/**
 * Whether the organisation holds a valid certificate on `date`: one that is ACTIVE or SUSPENDED.
 * A suspension stops activities but does not cancel the registration (only termination or
 * revocation does), so a suspended organisation is still registered. This is the basis of the
 * "registered organisations" statistic.
 */
export function isRegisteredOn(certificates: readonly CertificateRecord[], date: IsoDate): boolean {
  return certificates.some((c) => {
    const { status } = certificateAsOf(c.events, date);
    return status === 'ACTIVE' || status === 'SUSPENDED';
  });
}
