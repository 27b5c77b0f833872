import { PROVINCE_REFORM_DATE } from '@common/time/province-reform';
import { compareDecimal, sumDecimals } from '@domain/money/decimal';

/** The date the 34-province map took effect: older records keep old-province codes (re-exported for the aid area). */
export { PROVINCE_REFORM_DATE };

export type Issue = { path: string; message: string };

/** The fields of an aid item the rules look at, after merging an update onto the stored record. */
export type AidRecordFacts = {
  organisationId: string | null;
  otherDonorName: string | null;
  status: string;
  approvalDecisionNumber: string | null;
  approvalDate: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  locations: { provinceId: string; share: string }[];
  sectors: { code: string; share: string }[];
};

/** The date that decides which province codes an item uses: approval, else planned start, else actual start. */
export const referenceDate = (f: Pick<AidRecordFacts, 'approvalDate' | 'plannedStart' | 'actualStart'>): string | null =>
  f.approvalDate ?? f.plannedStart ?? f.actualStart;

/** The legal basis of an approval by its date: D93/2009, D80/2020 from 17/09/2020, D313/2025 from 08/12/2025. */
export function legalBasisOn(approvalDate: string): 'D93_2009' | 'D80_2020' | 'D313_2025' {
  if (approvalDate < '2020-09-17') return 'D93_2009';
  if (approvalDate < '2025-12-08') return 'D80_2020';
  return 'D313_2025';
}

function checkShares(items: { share: string }[], path: string, issues: Issue[]): void {
  if (items.length === 0) return;
  items.forEach((item, i) => {
    if (compareDecimal(item.share, '0') <= 0 || compareDecimal(item.share, '100') > 0)
      issues.push({ path: `${path}.${i}.share`, message: 'share must be above 0 and at most 100' });
  });
  const total = sumDecimals(items.map((item) => item.share));
  if (compareDecimal(total, '100') !== 0) issues.push({ path, message: `shares must add up to 100 (they add up to ${total})` });
}

function checkDuplicates(keys: string[], path: string, issues: Issue[]): void {
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) issues.push({ path: `${path}.${i}`, message: `${key} is listed twice` });
    seen.add(key);
  });
}

/**
 * Every rule an aid record breaks, all at once (a form shows them together): a donor, approval data for approved
 * states, start and end dates for running and completed aid, date order, shares adding up to 100, and province
 * codes of the right scheme for the record's date (old 63 before 01/07/2025, the 34 current ones from then on).
 */
export function aidRecordIssues(f: AidRecordFacts): Issue[] {
  const issues: Issue[] = [];
  if (!f.organisationId && !f.otherDonorName)
    issues.push({ path: 'body.organisationId', message: 'a registered NGO or another donor name is required' });
  if (['APPROVED', 'IMPLEMENTING', 'COMPLETED'].includes(f.status)) {
    if (!f.approvalDecisionNumber) issues.push({ path: 'body.approvalDecisionNumber', message: `required when the status is ${f.status}` });
    if (!f.approvalDate) issues.push({ path: 'body.approvalDate', message: `required when the status is ${f.status}` });
  }
  if (['IMPLEMENTING', 'COMPLETED'].includes(f.status) && !f.actualStart)
    issues.push({ path: 'body.actualStart', message: `required when the status is ${f.status}` });
  if (f.status === 'COMPLETED' && !f.actualEnd) issues.push({ path: 'body.actualEnd', message: 'required when the status is COMPLETED' });
  if (f.plannedStart && f.plannedEnd && f.plannedEnd < f.plannedStart)
    issues.push({ path: 'body.plannedEnd', message: 'must not be before the planned start' });
  if (f.actualStart && f.actualEnd && f.actualEnd < f.actualStart)
    issues.push({ path: 'body.actualEnd', message: 'must not be before the actual start' });
  checkShares(f.locations, 'body.locations', issues);
  checkShares(f.sectors, 'body.sectors', issues);
  checkDuplicates(
    f.locations.map((l) => l.provinceId),
    'body.locations',
    issues,
  );
  checkDuplicates(
    f.sectors.map((s) => s.code),
    'body.sectors',
    issues,
  );
  const date = referenceDate(f);
  if (date) {
    const expected = date < PROVINCE_REFORM_DATE ? 'old63' : 'new34';
    f.locations.forEach((l, i) => {
      if (!l.provinceId.startsWith(`${expected}:`)) {
        issues.push({
          path: `body.locations.${i}.provinceId`,
          message:
            expected === 'old63'
              ? `records dated before ${PROVINCE_REFORM_DATE} keep the old (63) province codes`
              : `records dated from ${PROVINCE_REFORM_DATE} use the current (34) province codes`,
        });
      }
    });
  }
  return issues;
}
