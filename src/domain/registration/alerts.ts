/**
 * Expiry and extension-filing alerts for certificates.
 */
import { certificateAsOf } from './certificate-as-of';
import type { CertificateRecord } from './certificate-events';
import { certificateTypes, type CertificateType, type CertificateTypeInfo } from './certificate-types';
import { addDays, assertIsoDate, daysBetween, type IsoDate } from './iso-date';

/** Days before expiry within which an extension dossier must already be filed (D58 Art. 12.1, 16.1). */
export const EXTENSION_FILING_LEAD_DAYS = 60;

/** Alert windows before expiry, in calendar days, narrowest first. */
export const EXPIRY_BUCKETS = [30, 60, 90] as const;

/** The narrowest window (30, 60 or 90 days) that contains the time left. */
export type ExpiryBucket = (typeof EXPIRY_BUCKETS)[number];

/** A certificate and whether its extension dossier has been filed. */
export interface AlertInput {
  certificate: CertificateRecord;
  extensionFiled: boolean;
}

/** Certificate expiring within 90 days. */
export interface ExpiringAlert {
  kind: 'EXPIRING';
  certificateId: string;
  type: CertificateType;
  validUntil: IsoDate;
  /** Calendar days from today to the last valid day (0 = expires at the end of today). */
  daysLeft: number;
  bucket: ExpiryBucket;
  /** What happens at expiry: extension, or (GDKVPDA) consideration for conversion. */
  onExpiry: CertificateTypeInfo['onExpiry'];
}

/** Extension dossier not filed although the filing deadline has been reached. */
export interface ExtensionNotFiledAlert {
  kind: 'EXTENSION_NOT_FILED';
  certificateId: string;
  type: CertificateType;
  validUntil: IsoDate;
  filingDeadline: IsoDate;
  /** True once the deadline day itself has passed (filing is now late). */
  overdue: boolean;
}

/** Any certificate alert. */
export type CertificateAlert = ExpiringAlert | ExtensionNotFiledAlert;

/** The alert bucket for `daysLeft`, or null when expiry is more than 90 days away or past. */
export function expiryBucket(daysLeft: number): ExpiryBucket | null {
  if (daysLeft < 0) return null;
  return EXPIRY_BUCKETS.find((b) => daysLeft <= b) ?? null;
}

/**
 * Last day to file an extension dossier: expiry − 60 calendar days. "At least 60 days before the
 * certificate expires" with `validUntil` the last valid day leaves exactly 60 days (the day after
 * filing through `validUntil`) when filing on this date. No weekend shift: moving a "no later than
 * N days before" date later would shorten the notice the law requires.
 */
export function extensionFilingDeadline(validUntil: IsoDate): IsoDate {
  return addDays(validUntil, -EXTENSION_FILING_LEAD_DAYS);
}

/**
 * Alerts for `today`, for certificates in force (ACTIVE or SUSPENDED) on that day:
 * - EXPIRING when the last valid day is at most 90 days away, bucketed 30 / 60 / 90;
 * - EXTENSION_NOT_FILED when today ≥ expiry − 60 days, no extension dossier was filed, and the type
 *   can be extended (a GDKVPDA cannot; it gets only the EXPIRING alert with onExpiry
 *   CONSIDER_CONVERSION).
 * Expired, terminated or not-yet-valid certificates produce no alert.
 */
export function certificateAlerts(items: readonly AlertInput[], today: IsoDate): CertificateAlert[] {
  assertIsoDate(today, 'today');
  const alerts: CertificateAlert[] = [];
  for (const { certificate, extensionFiled } of items) {
    const snap = certificateAsOf(certificate.events, today);
    if ((snap.status !== 'ACTIVE' && snap.status !== 'SUSPENDED') || snap.content === null) continue;
    const { validUntil } = snap.content;
    const info = certificateTypes[certificate.type];
    const daysLeft = daysBetween(today, validUntil);
    const bucket = expiryBucket(daysLeft);
    if (bucket !== null) {
      alerts.push({
        kind: 'EXPIRING',
        certificateId: certificate.id,
        type: certificate.type,
        validUntil,
        daysLeft,
        bucket,
        onExpiry: info.onExpiry,
      });
    }
    const filingDeadline = extensionFilingDeadline(validUntil);
    if (info.extensionAllowed && !extensionFiled && today >= filingDeadline) {
      alerts.push({
        kind: 'EXTENSION_NOT_FILED',
        certificateId: certificate.id,
        type: certificate.type,
        validUntil,
        filingDeadline,
        overdue: today > filingDeadline,
      });
    }
  }
  return alerts;
}
