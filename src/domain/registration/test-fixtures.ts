/**
 * Test-only builders shared by the registration tests (not imported by production code).
 */
import type { CertificateChanges, CertificateEvent, CertificateEventKind, CertificateRecord } from './certificate-events';
import type { CertificateType } from './certificate-types';
import { addDays, type IsoDate } from './iso-date';

/** Working days = Monday to Friday; enough for rule tests (the real calendar knows holidays). */
export function weekdaysOnly(date: IsoDate, n: number): IsoDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) left -= 1;
  }
  return d;
}

let seq = 0;

/** A decision effective and signed on `date`. */
export function ev(
  kind: CertificateEventKind,
  date: IsoDate,
  changes?: CertificateChanges,
  legalGround = 'Nghị định 58/2022/NĐ-CP',
): CertificateEvent {
  seq += 1;
  return { kind, effectiveDate: date, decisionDate: date, decisionNumber: `${seq}/QĐ-BNG`, legalGround, ...(changes ? { changes } : {}) };
}

/** A certificate record with an ISSUED decision and optional later decisions. */
export function record(
  id: string,
  type: CertificateType,
  issued: IsoDate,
  validUntil: IsoDate,
  later: CertificateEvent[] = [],
): CertificateRecord {
  const office = type === 'GDKVPDD' ? { officeProvince: 'new34:01' } : {};
  return {
    id,
    type,
    events: [ev('ISSUED', issued, { validUntil, provinces: ['new34:01'], sectors: ['HEALTH'], ...office }), ...later],
  };
}
