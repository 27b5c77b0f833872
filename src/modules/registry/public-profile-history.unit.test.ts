import { describe, expect, it } from 'vitest';
import type { CertificateEvent, CertificateRecord } from '@domain/registration';
import { publicDecisionHistory } from './public-profile-history';

const event = (kind: CertificateEvent['kind'], effectiveDate: string, decisionNumber: string): CertificateEvent => ({
  kind,
  effectiveDate,
  decisionDate: effectiveDate,
  decisionNumber,
  legalGround: 'D58_ART18_1B',
  changes: { attributes: { representative: 'Secret Person' } },
});

describe('publicDecisionHistory', () => {
  const rows = [
    { id: 'c1', type: 'GDKHD' as const, number: '01/GDKHD' },
    { id: 'c2', type: 'GDKVPDD' as const, number: '02/GDKVPDD' },
  ];
  const records: CertificateRecord[] = [
    { id: 'c1', type: 'GDKHD', events: [event('ISSUED', '2020-01-10', 'Q1'), event('SUSPENDED', '2024-05-01', 'Q3')] },
    { id: 'c2', type: 'GDKVPDD', events: [event('ISSUED', '2022-03-01', 'Q2'), event('EXTENDED', '2027-03-01', 'Q4')] },
  ];

  it('lists the decisions of every certificate in force by today, latest first', () => {
    const history = publicDecisionHistory(rows, records, '2026-12-08');
    expect(history.map((h) => [h.certificateNumber, h.kind, h.effectiveDate])).toEqual([
      ['01/GDKHD', 'SUSPENDED', '2024-05-01'],
      ['02/GDKVPDD', 'ISSUED', '2022-03-01'],
      ['01/GDKHD', 'ISSUED', '2020-01-10'],
    ]);
  });

  it('carries neither the legal ground text nor the printed attributes (a person may be named there)', () => {
    const text = JSON.stringify(publicDecisionHistory(rows, records, '2030-01-01'));
    expect(text).not.toContain('Secret Person');
    expect(text).not.toContain('D58_ART18_1B');
  });
});
