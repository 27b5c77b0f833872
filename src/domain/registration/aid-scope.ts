/**
 * Aid recorded outside the certificate (D58 Art. 8.1: an FNGO operates only in the provinces and fields written on
 * its certificate). Which of an aid item's provinces and fields no certificate of its organisation covered while the
 * aid ran.
 */
import { certificateAsOf } from './certificate-as-of';
import type { CertificateRecord } from './certificate-events';
import { assertIsoDate, type IsoDate } from './iso-date';

/** An aid item as the check reads it. Province ids may be old (old63) or current (new34) units. */
export interface AidForScope {
  /** First day of the aid (actual start, else planned start, else approval). */
  start: IsoDate;
  /** Last day (actual end, else planned end); the start when unknown. */
  end: IsoDate;
  provinceIds: readonly string[];
  sectorCodes: readonly string[];
}

/** What lies outside; both empty when the certificates covered everything. */
export interface OutsideScope {
  provinceIds: string[];
  sectorCodes: string[];
}

/**
 * The aid's provinces and fields not covered, on any day of the aid's period, by a certificate of the organisation
 * that was in force (ACTIVE or SUSPENDED) that day with that content. The content can change during the period
 * (an amendment adds a province), so it is read at the start and on every decision date inside the period.
 * Provinces match through the 63 → 34 merger: a certificate province covers an aid province that is the same unit,
 * that rolls up to it (aid dated before 01/07/2025 keeps old ids) or that it rolls up to (an old certificate, aid
 * recorded in the merged unit). Two different old units that merged are not the same place.
 * @param rollsUpTo the current unit of a province id (provinces.rolls_up_to); itself for a current unit
 */
export function aidOutsideScope(
  aid: AidForScope,
  certificates: readonly CertificateRecord[],
  rollsUpTo: (provinceId: string) => string,
): OutsideScope {
  assertIsoDate(aid.start, 'start');
  assertIsoDate(aid.end, 'end');
  const end = aid.end < aid.start ? aid.start : aid.end;
  const provinces = new Set<string>();
  const sectors = new Set<string>();
  for (const certificate of certificates) {
    const days = new Set([aid.start]);
    for (const e of certificate.events) if (e.effectiveDate > aid.start && e.effectiveDate <= end) days.add(e.effectiveDate);
    for (const day of days) {
      const snap = certificateAsOf(certificate.events, day);
      if ((snap.status !== 'ACTIVE' && snap.status !== 'SUSPENDED') || !snap.content) continue;
      snap.content.provinces.forEach((p) => provinces.add(p));
      snap.content.sectors.forEach((s) => sectors.add(s));
    }
  }
  const covered = (id: string) => provinces.has(id) || provinces.has(rollsUpTo(id)) || [...provinces].some((p) => rollsUpTo(p) === id);
  return {
    provinceIds: [...new Set(aid.provinceIds)].filter((id) => !covered(id)).sort(),
    sectorCodes: [...new Set(aid.sectorCodes)].filter((code) => !sectors.has(code)).sort(),
  };
}
