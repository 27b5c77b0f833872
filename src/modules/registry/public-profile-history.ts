import type { CertificateRecord } from '@domain/registration';
import type { PublicProfileDecision } from './public-profile.schemas';

type CertificateRef = { id: string; type: PublicProfileDecision['certificateType']; number: string };

/**
 * The history of an organisation's certificates for its public profile: every decision (issued, extended, amended,
 * suspended, ended...) in effect by `today`, with its kind, dates and number, latest first. Only what the published decision states
 * about the certificate: no legal ground text, no person, no attributes of the printed content.
 */
export function publicDecisionHistory(
  rows: readonly CertificateRef[],
  records: readonly CertificateRecord[],
  today: string,
): PublicProfileDecision[] {
  return records
    .flatMap((record, i) =>
      record.events
        .filter((event) => event.effectiveDate <= today)
        .map((event) => ({
          certificateId: rows[i]!.id,
          certificateType: rows[i]!.type,
          certificateNumber: rows[i]!.number,
          kind: event.kind,
          effectiveDate: event.effectiveDate,
          decisionDate: event.decisionDate,
          decisionNumber: event.decisionNumber,
        })),
    )
    .sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.decisionDate.localeCompare(a.decisionDate));
}
