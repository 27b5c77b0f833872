import { describe, expect, it } from 'vitest';
import type { CertificateEvent } from '@domain/registration';
import { periodRange, statusPeriods } from './certificate-periods';

const ev = (kind: CertificateEvent['kind'], date: string, extra: Partial<CertificateEvent> = {}): CertificateEvent => ({
  kind,
  effectiveDate: date,
  decisionDate: date,
  decisionNumber: `${kind}/${date}`,
  legalGround: 'Nghị định 58/2022/NĐ-CP',
  ...extra,
});
const issued = ev('ISSUED', '2024-01-10', { changes: { validUntil: '2027-01-10', provinces: ['new34:04'], sectors: ['YTE'] } });
const ranges = (events: CertificateEvent[]) => statusPeriods(events).map((p) => [p.status, periodRange(p)]);

describe('statusPeriods', () => {
  it('is ACTIVE from issue through the last valid day, EXPIRED from the day after', () => {
    expect(ranges([issued])).toEqual([
      ['ACTIVE', '[2024-01-10,2027-01-11)'],
      ['EXPIRED', '[2027-01-11,)'],
    ]);
  });

  it('splits around a suspension and merges the active stretches an amendment does not change', () => {
    const events = [
      issued,
      ev('AMENDED', '2024-05-01', { changes: { sectors: ['GDDT'] } }),
      ev('SUSPENDED', '2025-03-03', { legalGround: 'D58_ART18_1B' }),
      ev('SUSPENSION_LIFTED', '2025-04-10'),
    ];
    expect(ranges(events)).toEqual([
      ['ACTIVE', '[2024-01-10,2025-03-03)'],
      ['SUSPENDED', '[2025-03-03,2025-04-10)'],
      ['ACTIVE', '[2025-04-10,2027-01-11)'],
      ['EXPIRED', '[2027-01-11,)'],
    ]);
  });

  it('moves expiry with an extension and ends for good on a termination', () => {
    expect(ranges([issued, ev('EXTENDED', '2026-11-01', { changes: { validUntil: '2030-01-10' } })]).at(-1)).toEqual([
      'EXPIRED',
      '[2030-01-11,)',
    ]);
    expect(ranges([issued, ev('REVOKED', '2025-06-01', { legalGround: 'D58_ART19_1A' })])).toEqual([
      ['ACTIVE', '[2024-01-10,2025-06-01)'],
      ['REVOKED', '[2025-06-01,)'],
    ]);
  });

  it('gives no period for a certificate without decisions', () => {
    expect(statusPeriods([])).toEqual([]);
  });
});
