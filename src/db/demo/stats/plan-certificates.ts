import { D58_FROM, DEMO_AS_OF, NEW_PROVINCES_FROM } from './calendar';
import type { OrgPlan } from './plan-organisations';
import { addDays, addYears, dateBetween, type Prng } from './prng';

type CertType = 'GDKHD' | 'GDKVPDD' | 'GDKVPDA';
type Status = 'ACTIVE' | 'SUSPENDED' | 'EXPIRED' | 'TERMINATED' | 'SELF_TERMINATED';

export type CertificateRows = {
  certificates: { id: string; organisationId: string; type: CertType; number: string }[];
  events: {
    id: string;
    certificateId: string;
    seq: number;
    kind: string;
    effectiveDate: string;
    decisionNumber: string;
    decisionDate: string;
    legalGround: string;
    changes: string;
  }[];
  versions: {
    certificateId: string;
    version: number;
    effectiveFrom: string;
    issueDate: string;
    validUntil: string;
    officeProvinceId: string | null;
    provinceIds: string[];
    sectorCodes: string[];
    eventId: string;
  }[];
  periods: { certificateId: string; organisationId: string; status: Status; from: string; to: string | null }[];
};

const YEARS: Record<CertType, number> = { GDKHD: 3, GDKVPDD: 5, GDKVPDA: 3 };
const ground = (date: string, article: string) => (date >= D58_FROM ? `Nghị định 58/2022/NĐ-CP, ${article}` : 'Nghị định 12/2012/NĐ-CP');

/**
 * Certificates consistent with each organisation's registration window: issued on its first day, extended
 * (or, for a legacy project-office certificate, converted) until the window ends, then expired or terminated.
 * Validity never exceeds 3 years (operation) or 5 years (representative office, Hà Nội, Đà Nẵng or TP HCM only,
 * at most one per organisation). Events, versions and status periods agree with each other.
 */
export function planCertificates(rng: Prng, orgs: readonly OrgPlan[], rollsUp: ReadonlyMap<string, string>): CertificateRows {
  const rows: CertificateRows = { certificates: [], events: [], versions: [], periods: [] };
  let decision = 0;
  const decisionNumber = (date: string) => `${++decision}/QĐ-BNG-${date.slice(0, 4)}`;
  for (const org of orgs) {
    let type: CertType = org.officeProvince ? 'GDKVPDD' : org.regStart < D58_FROM && rng.chance(0.2) ? 'GDKVPDA' : 'GDKHD';
    let issue = org.regStart;
    for (;;) {
      const id = rng.uuid();
      rows.certificates.push({
        id,
        organisationId: org.id,
        type,
        number: `${String(rows.certificates.length + 1).padStart(4, '0')}/${issue.slice(0, 4)}/${type}`,
      });
      let seq = 0;
      let version = 0;
      let activeFrom = issue;
      const content = (date: string) => ({
        officeProvinceId: type === 'GDKVPDD' ? org.officeProvince : null,
        provinceIds: [...new Set(org.homeProvinces.map((p) => (date >= NEW_PROVINCES_FROM ? (rollsUp.get(p) ?? p) : p)))].sort(),
        sectorCodes: [...org.sectors].sort(),
      });
      const event = (kind: string, effectiveDate: string, decisionDate: string, legalGround: string, changes: object = {}) => {
        const eventId = rng.uuid();
        rows.events.push({
          id: eventId,
          certificateId: id,
          seq: ++seq,
          kind,
          effectiveDate,
          decisionNumber: decisionNumber(decisionDate),
          decisionDate,
          legalGround,
          changes: JSON.stringify(changes),
        });
        return eventId;
      };
      const newVersion = (eventId: string, effectiveFrom: string, issueDate: string, validUntil: string) =>
        rows.versions.push({
          certificateId: id,
          version: ++version,
          effectiveFrom,
          issueDate,
          validUntil,
          eventId,
          ...content(effectiveFrom),
        });
      const period = (status: Status, from: string, to: string | null) =>
        rows.periods.push({ certificateId: id, organisationId: org.id, status, from, to });

      let validUntil = addDays(addYears(issue, YEARS[type]), -1);
      newVersion(
        event('ISSUED', issue, addDays(issue, -rng.int(5, 25)), ground(issue, 'Điều 9'), { validUntil }),
        issue,
        issue,
        validUntil,
      );
      let converted = false;
      for (;;) {
        const end = org.regEnd;
        if (end && end <= addDays(validUntil, 1)) {
          if (org.endKind === 'EXPIRED') {
            // The last term was granted to the day the organisation planned to leave.
            validUntil = addDays(end, -1);
            rows.versions[rows.versions.length - 1]!.validUntil = validUntil;
            activeFrom = suspendMaybe(rng, event, period, activeFrom, end);
            period('ACTIVE', activeFrom, end);
            period('EXPIRED', end, null);
          } else {
            activeFrom = suspendMaybe(rng, event, period, activeFrom, end);
            event(org.endKind!, end, addDays(end, -rng.int(3, 20)), org.endKind === 'TERMINATED' ? 'D58_ART19_1B' : ground(end, 'Điều 20'));
            period('ACTIVE', activeFrom, end);
            period(org.endKind!, end, null);
          }
          break;
        }
        if (!end && validUntil >= DEMO_AS_OF) {
          activeFrom = suspendMaybe(rng, event, period, activeFrom, DEMO_AS_OF);
          if (rng.chance(0.3)) {
            // An amendment within the current term: a new version from its date, same expiry.
            const termStart = rows.versions[rows.versions.length - 1]!.effectiveFrom;
            const from = addDays(termStart > activeFrom ? termStart : activeFrom, 1);
            const on = from < DEMO_AS_OF ? dateBetween(rng, from, DEMO_AS_OF) : DEMO_AS_OF;
            newVersion(event('AMENDED', on, on, ground(on, 'Điều 12')), on, on, validUntil);
          }
          period('ACTIVE', activeFrom, addDays(validUntil, 1));
          period('EXPIRED', addDays(validUntil, 1), null);
          break;
        }
        const next = addDays(validUntil, 1);
        if (type === 'GDKVPDA') {
          // Decree 58 Art. 28: a project-office certificate is not extended; it is converted to an operation certificate.
          period('ACTIVE', activeFrom, next);
          period('EXPIRED', next, null);
          type = 'GDKHD';
          issue = next;
          converted = true;
          break;
        }
        validUntil = addDays(addYears(next, YEARS[type]), -1);
        newVersion(
          event('EXTENDED', next, addDays(next, -rng.int(10, 40)), ground(next, 'Điều 9.2'), { validUntil }),
          next,
          next,
          validUntil,
        );
      }
      if (!converted) break;
    }
  }
  return rows;
}

/** Rarely (after Decree 58), a suspension of 15–40 days that was lifted; returns where the active period resumes. */
function suspendMaybe(
  rng: Prng,
  event: (kind: string, effectiveDate: string, decisionDate: string, legalGround: string) => string,
  period: (status: Status, from: string, to: string | null) => void,
  activeFrom: string,
  until: string,
): string {
  const earliest = addDays(activeFrom > D58_FROM ? activeFrom : D58_FROM, 30);
  const latest = addDays(until, -60);
  if (earliest >= latest || !rng.chance(0.05)) return activeFrom;
  const since = dateBetween(rng, earliest, latest);
  const lifted = addDays(since, rng.int(15, 40));
  event('SUSPENDED', since, since, rng.pick(['D58_ART18_1A', 'D58_ART18_1B', 'D58_ART18_1C']));
  event('SUSPENSION_LIFTED', lifted, lifted, 'Nghị định 58/2022/NĐ-CP, Điều 18.3');
  period('ACTIVE', activeFrom, since);
  period('SUSPENDED', since, lifted);
  return lifted;
}
