import { describe, expect, it } from 'vitest';
import { certificateAsOf } from './certificate-as-of';
import { ev, weekdaysOnly } from './test-fixtures';

const issued = ev('ISSUED', '2023-01-10', { validUntil: '2026-01-10', provinces: ['new34:01'], sectors: ['HEALTH'] });

describe('certificateAsOf: versions', () => {
  const events = [
    issued,
    ev('AMENDED', '2024-04-01', { provinces: ['new34:01', 'new34:92'], attributes: { representative: 'Nguyễn Văn A' } }),
    ev('EXTENDED', '2025-12-01', { validUntil: '2029-01-10' }),
  ];

  it('reads the content as it stood before and after an amendment', () => {
    const before = certificateAsOf(events, '2024-03-31');
    const after = certificateAsOf(events, '2024-04-01');
    expect(before.version).toBe(1);
    expect(before.content?.provinces).toEqual(['new34:01']);
    expect(before.content?.attributes).toEqual({});
    expect(after.version).toBe(2);
    expect(after.content?.provinces).toEqual(['new34:01', 'new34:92']);
    expect(after.content?.attributes).toEqual({ representative: 'Nguyễn Văn A' });
  });

  it('reads the old expiry before the extension takes effect and the new one after', () => {
    expect(certificateAsOf(events, '2025-11-30').content?.validUntil).toBe('2026-01-10');
    const extended = certificateAsOf(events, '2026-01-11');
    expect(extended).toMatchObject({ status: 'ACTIVE', version: 3 });
    expect(extended.content?.validUntil).toBe('2029-01-10');
  });

  it('does not depend on the order in which decisions are stored', () => {
    expect(certificateAsOf([...events].reverse(), '2024-05-01')).toEqual(certificateAsOf(events, '2024-05-01'));
  });
});

describe('certificateAsOf: status around issue and expiry', () => {
  it('is NOT_YET_VALID with no content before issue', () => {
    expect(certificateAsOf([issued], '2023-01-09')).toMatchObject({ status: 'NOT_YET_VALID', version: 0, content: null });
    expect(certificateAsOf([], '2023-01-09').status).toBe('NOT_YET_VALID');
  });

  it('is ACTIVE from the issue date through the last valid day, EXPIRED the day after', () => {
    expect(certificateAsOf([issued], '2023-01-10').status).toBe('ACTIVE');
    expect(certificateAsOf([issued], '2026-01-10').status).toBe('ACTIVE');
    expect(certificateAsOf([issued], '2026-01-11').status).toBe('EXPIRED');
  });
});

describe('certificateAsOf: suspension and termination', () => {
  const suspension = ev('SUSPENDED', '2024-03-01', undefined, 'D58_ART18_1C');
  const lifted = ev('SUSPENSION_LIFTED', '2024-04-02');

  it('is SUSPENDED from the suspension date until the day it is lifted', () => {
    const events = [issued, suspension, lifted];
    expect(certificateAsOf(events, '2024-02-29').status).toBe('ACTIVE');
    expect(certificateAsOf(events, '2024-03-01').status).toBe('SUSPENDED');
    expect(certificateAsOf(events, '2024-04-01').status).toBe('SUSPENDED');
    expect(certificateAsOf(events, '2024-04-02')).toMatchObject({ status: 'ACTIVE', suspension: null });
  });

  it('reports the remedy deadline when given a calendar', () => {
    expect(certificateAsOf([issued, suspension], '2024-03-05').suspension?.remedyDeadline).toBeNull();
    expect(certificateAsOf([issued, suspension], '2024-03-05', { addWorkingDays: weekdaysOnly }).suspension?.remedyDeadline).toBe(
      '2024-04-12',
    );
  });

  it('shows EXPIRED (not SUSPENDED) once a suspended certificate expires, keeping the suspension', () => {
    const late = ev('SUSPENDED', '2025-12-15', undefined, 'D58_ART18_1B');
    const snap = certificateAsOf([issued, late], '2026-01-11');
    expect(snap.status).toBe('EXPIRED');
    expect(snap.suspension?.since).toBe('2025-12-15');
    expect(certificateAsOf([issued, late], '2026-01-10').status).toBe('SUSPENDED');
  });

  it('is TERMINATED from the termination date, even past expiry', () => {
    const events = [issued, suspension, ev('TERMINATED', '2024-05-02', undefined, 'D58_ART19_1C')];
    expect(certificateAsOf(events, '2024-05-01').status).toBe('SUSPENDED');
    expect(certificateAsOf(events, '2024-05-02')).toMatchObject({ status: 'TERMINATED', endedOn: '2024-05-02', suspension: null });
    expect(certificateAsOf(events, '2030-01-01').status).toBe('TERMINATED');
  });

  it('distinguishes REVOKED and SELF_TERMINATED', () => {
    expect(certificateAsOf([issued, ev('REVOKED', '2024-01-01', undefined, 'x')], '2024-01-01').status).toBe('REVOKED');
    expect(certificateAsOf([issued, ev('SELF_TERMINATED', '2024-01-01')], '2024-06-01').status).toBe('SELF_TERMINATED');
  });
});
