/**
 * Certificate decisions as the API and the screens name them (Decree 58/2022), shared by the server's schemas and the
 * web forms so both offer the same list. The rules behind them live in src/domain/registration.
 */

/** Decisions recorded on a certificate after its issue. */
export const CERTIFICATE_DECISION_KINDS = [
  'AMENDED',
  'SUPPLEMENTED',
  'EXTENDED',
  'REISSUED',
  'SUSPENDED',
  'SUSPENSION_LIFTED',
  'TERMINATED',
  'REVOKED',
  'SELF_TERMINATED',
] as const;
export type CertificateDecisionKind = (typeof CERTIFICATE_DECISION_KINDS)[number];

/** Decisions that end a certificate for good. */
export const ENDING_DECISION_KINDS = ['TERMINATED', 'REVOKED', 'SELF_TERMINATED'] as const satisfies readonly CertificateDecisionKind[];

/** Legal grounds a suspension (Art. 18.1 a–c) and a forced termination (Art. 19.1 a–c) must cite. */
export const DECISION_GROUNDS: Partial<Record<CertificateDecisionKind, readonly string[]>> = {
  SUSPENDED: ['D58_ART18_1A', 'D58_ART18_1B', 'D58_ART18_1C'],
  TERMINATED: ['D58_ART19_1A', 'D58_ART19_1B', 'D58_ART19_1C'],
};
