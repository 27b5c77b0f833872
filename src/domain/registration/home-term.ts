/**
 * Validity beyond the home-country term (D58 Art. 9.1): a certificate may not outlast the organisation's legal
 * status at home. Issue and extension refuse it (issue-rules, lifecycle); this finds the certificates that came to
 * exceed it afterwards, when the home term was shortened (an officer's edit, an import).
 */
import { foldEvents } from './certificate-reducer';
import type { CertificateRecord } from './certificate-events';
import type { CertificateType } from './certificate-types';
import { assertIsoDate, type IsoDate } from './iso-date';

/** A certificate still to run whose last valid day is after the home term. */
export interface BeyondHomeTerm {
  certificateId: string;
  type: CertificateType;
  validUntil: IsoDate;
  homeTermUntil: IsoDate;
}

/**
 * Certificates not ended by a decision and not expired on `today` (future ones included) whose current validity,
 * as last decided, runs past `homeTermUntil`. No home term recorded: nothing to compare, nothing flagged.
 */
export function certificatesBeyondHomeTerm(
  certificates: readonly CertificateRecord[],
  homeTermUntil: IsoDate | null,
  today: IsoDate,
): BeyondHomeTerm[] {
  assertIsoDate(today, 'today');
  if (homeTermUntil === null) return [];
  const found: BeyondHomeTerm[] = [];
  for (const certificate of certificates) {
    const state = foldEvents(certificate.events);
    if (state === null || state.endedOn !== null) continue;
    const { validUntil } = state.content;
    if (validUntil < today || validUntil <= homeTermUntil) continue;
    found.push({ certificateId: certificate.id, type: certificate.type, validUntil, homeTermUntil });
  }
  return found;
}
