import { describe, expect, it } from 'vitest';
import { isRegisteredOn, organisationStatusAsOf } from './organisation-status';
import { ev, record } from './test-fixtures';

const hd = record('hd', 'GDKHD', '2023-01-10', '2026-01-10');
const vpSuspended = record('vp', 'GDKVPDD', '2023-01-10', '2028-01-10', [ev('SUSPENDED', '2024-03-01', undefined, 'D58_ART18_1B')]);

describe('organisationStatusAsOf', () => {
  it('is NONE without certificates or before the first issue', () => {
    expect(organisationStatusAsOf([], '2024-01-01')).toBe('NONE');
    expect(organisationStatusAsOf([hd], '2023-01-09')).toBe('NONE');
  });

  it('is ACTIVE when any certificate is active, even if another is suspended', () => {
    expect(organisationStatusAsOf([hd, vpSuspended], '2024-06-01')).toBe('ACTIVE');
  });

  it('is SUSPENDED when none is active but one is suspended', () => {
    expect(organisationStatusAsOf([hd, vpSuspended], '2026-06-01')).toBe('SUSPENDED');
  });

  it('is EXPIRED the day after the last certificate expires', () => {
    expect(organisationStatusAsOf([hd], '2026-01-10')).toBe('ACTIVE');
    expect(organisationStatusAsOf([hd], '2026-01-11')).toBe('EXPIRED');
  });

  it('follows the certificate that ended most recently', () => {
    const oldTerminated = record('t', 'GDKHD', '2015-01-01', '2017-12-31', [ev('REVOKED', '2016-06-01', undefined, 'x')]);
    expect(organisationStatusAsOf([oldTerminated, hd], '2027-01-01')).toBe('EXPIRED');
    const selfEnded = record('s', 'GDKHD', '2023-01-10', '2026-01-10', [ev('SELF_TERMINATED', '2025-01-01')]);
    const oldExpired = record('e', 'GDKHD', '2019-01-01', '2021-12-31');
    expect(organisationStatusAsOf([oldExpired, selfEnded], '2025-06-01')).toBe('TERMINATED');
  });

  it('prefers TERMINATED on a tie', () => {
    const expired = record('e', 'GDKHD', '2021-01-01', '2023-12-31');
    const terminated = record('t', 'GDKHD', '2022-01-01', '2024-12-31', [ev('TERMINATED', '2024-01-01', undefined, 'D58_ART19_1A')]);
    expect(organisationStatusAsOf([expired, terminated], '2024-06-01')).toBe('TERMINATED');
  });
});

describe('isRegisteredOn', () => {
  it('counts active and suspended certificates, not expired or not-yet-valid ones', () => {
    expect(isRegisteredOn([hd], '2025-12-31')).toBe(true);
    expect(isRegisteredOn([hd], '2026-01-11')).toBe(false);
    expect(isRegisteredOn([hd], '2023-01-09')).toBe(false);
    expect(isRegisteredOn([vpSuspended], '2027-01-01')).toBe(true);
    expect(
      isRegisteredOn(
        [record('x', 'GDKHD', '2023-01-10', '2026-01-10', [ev('TERMINATED', '2024-02-01', undefined, 'D58_ART19_1A')])],
        '2024-02-01',
      ),
    ).toBe(false);
  });
});
