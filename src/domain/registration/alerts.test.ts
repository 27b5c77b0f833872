import { describe, expect, it } from 'vitest';
import { certificateAlerts, expiryBucket, extensionFilingDeadline } from './alerts';
import { ev, record } from './test-fixtures';

// Expires (last valid day) on 2026-03-31; filing deadline 2026-01-30.
const hd = record('hd', 'GDKHD', '2023-04-01', '2026-03-31');

describe('expiryBucket', () => {
  it.each([
    [-1, null],
    [0, 30],
    [30, 30],
    [31, 60],
    [60, 60],
    [61, 90],
    [90, 90],
    [91, null],
  ])('%i days left → %s', (days, bucket) => {
    expect(expiryBucket(days)).toBe(bucket);
  });
});

describe('certificateAlerts', () => {
  it('computes the filing deadline as expiry minus 60 calendar days', () => {
    expect(extensionFilingDeadline('2026-03-31')).toBe('2026-01-30');
  });

  it('raises nothing more than 90 days before expiry', () => {
    expect(certificateAlerts([{ certificate: hd, extensionFiled: false }], '2025-12-30')).toEqual([]);
  });

  it('buckets the expiry alert by the time left', () => {
    const at = (today: string) =>
      certificateAlerts([{ certificate: hd, extensionFiled: true }], today).map((a) =>
        a.kind === 'EXPIRING' ? [a.daysLeft, a.bucket] : a.kind,
      );
    expect(at('2026-01-01')).toEqual([[89, 90]]);
    expect(at('2026-02-01')).toEqual([[58, 60]]);
    expect(at('2026-03-31')).toEqual([[0, 30]]);
    expect(at('2026-04-01')).toEqual([]);
  });

  it('flags a missing extension dossier from the deadline day on, overdue after it', () => {
    const missing = (today: string) =>
      certificateAlerts([{ certificate: hd, extensionFiled: false }], today).filter((a) => a.kind === 'EXTENSION_NOT_FILED');
    expect(missing('2026-01-29')).toEqual([]);
    expect(missing('2026-01-30')).toEqual([
      {
        kind: 'EXTENSION_NOT_FILED',
        certificateId: 'hd',
        type: 'GDKHD',
        validUntil: '2026-03-31',
        filingDeadline: '2026-01-30',
        overdue: false,
      },
    ]);
    expect(missing('2026-01-31')[0]).toMatchObject({ overdue: true });
  });

  it('does not flag a filed extension, a GDKVPDA, or an ended certificate', () => {
    const vpda = record('pa', 'GDKVPDA', '2020-04-01', '2026-03-31');
    const ended = record('t', 'GDKHD', '2023-04-01', '2026-03-31', [ev('SELF_TERMINATED', '2025-12-01')]);
    const alerts = certificateAlerts(
      [
        { certificate: hd, extensionFiled: true },
        { certificate: vpda, extensionFiled: false },
        { certificate: ended, extensionFiled: false },
      ],
      '2026-02-15',
    );
    expect(alerts.map((a) => [a.certificateId, a.kind])).toEqual([
      ['hd', 'EXPIRING'],
      ['pa', 'EXPIRING'],
    ]);
    expect(alerts[1]).toMatchObject({ onExpiry: 'CONSIDER_CONVERSION' });
  });

  it('still alerts on a suspended certificate', () => {
    const susp = record('s', 'GDKHD', '2023-04-01', '2026-03-31', [ev('SUSPENDED', '2025-12-01', undefined, 'D58_ART18_1B')]);
    expect(certificateAlerts([{ certificate: susp, extensionFiled: false }], '2026-03-01').map((a) => a.kind)).toEqual([
      'EXPIRING',
      'EXTENSION_NOT_FILED',
    ]);
  });
});
