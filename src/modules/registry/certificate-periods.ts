import { addDays, certificateAsOf, foldEvents, type CertificateEvent, type IsoDate } from '@domain/registration';
import type { CertificateStatus } from '@db/types';

/** One stretch of days with the same status; `to` is exclusive, null = open-ended. */
export type StatusPeriod = { status: CertificateStatus; from: IsoDate; to: IsoDate | null };

/**
 * The status timeline of a certificate, derived from its decisions with the domain's `certificateAsOf`, so
 * "registered on date D" becomes a range query on `certificate_status_periods`. Status can only change on a
 * decision's effective date or the day after a version's last valid day, so evaluating those days is exact.
 * Days before issue (NOT_YET_VALID) get no period.
 */
export function statusPeriods(events: readonly CertificateEvent[]): StatusPeriod[] {
  const state = foldEvents(events);
  if (state === null) return [];
  const days = new Set<IsoDate>(events.map((e) => e.effectiveDate));
  for (const version of state.versions) days.add(addDays(version.content.validUntil, 1));
  const sorted = [...days].sort();
  const periods: StatusPeriod[] = [];
  for (const day of sorted) {
    const { status } = certificateAsOf(events, day);
    const last = periods.at(-1);
    if (status === 'NOT_YET_VALID') {
      if (last && last.to === null) last.to = day;
      continue;
    }
    if (last && last.to === null && last.status === status) continue;
    if (last && last.to === null) last.to = day;
    periods.push({ status, from: day, to: null });
  }
  return periods;
}

/** A PostgreSQL daterange literal for a period, `[from,to)`. */
export const periodRange = (p: StatusPeriod): string => `[${p.from},${p.to ?? ''})`;
