import { describe, expect, it } from 'vitest';
import { applyEvent, replayStrict, type LifecycleContext } from './lifecycle';
import type { CertificateEvent, CertificateEventKind, CertificateState } from './certificate-events';
import { ev, weekdaysOnly } from './test-fixtures';
import { DomainRuleError, type RuleCode } from '../rule-error';

const ctx: LifecycleContext = { type: 'GDKHD', addWorkingDays: weekdaysOnly };
const officeCtx: LifecycleContext = { type: 'GDKVPDD', addWorkingDays: weekdaysOnly };
const issued = ev('ISSUED', '2023-01-10', { validUntil: '2026-01-10', provinces: ['new34:01'], sectors: ['HEALTH'] });

function run(events: CertificateEvent[], c: LifecycleContext = ctx): CertificateState {
  let state: CertificateState | null = null;
  for (const e of events) state = applyEvent(state, e, c);
  if (state === null) throw new Error('empty');
  return state;
}

function codeOf(fn: () => unknown): RuleCode | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (e) {
    if (e instanceof DomainRuleError) return e.code;
    throw e;
  }
}

describe('applyEvent: issue', () => {
  it('issues version 1 with the issue date as first valid day', () => {
    const s = run([issued]);
    expect(s.version).toBe(1);
    expect(s.recordedStatus).toBe('ACTIVE');
    expect(s.content).toMatchObject({ validFrom: '2023-01-10', validUntil: '2026-01-10', provinces: ['new34:01'] });
  });

  it('validates the issue like a new certificate', () => {
    const tooLong = ev('ISSUED', '2023-01-10', { validUntil: '2026-01-11', provinces: ['x'], sectors: ['y'] });
    expect(codeOf(() => applyEvent(null, tooLong, ctx))).toBe('certificate_validity_exceeds_cap');
    expect(codeOf(() => applyEvent(null, issued, { ...ctx, homeTermUntil: '2025-12-31' }))).toBe('certificate_validity_exceeds_home_term');
    const vpda = ev('ISSUED', '2023-03-01', { validUntil: '2025-03-01', provinces: ['x'], sectors: ['y'] });
    expect(codeOf(() => applyEvent(null, vpda, { ...ctx, type: 'GDKVPDA' }))).toBe('certificate_legacy_no_new_issue');
    const noCity = ev('ISSUED', '2023-03-01', { validUntil: '2025-03-01', provinces: ['x'], sectors: ['y'], officeProvince: 'new34:31' });
    expect(codeOf(() => applyEvent(null, noCity, officeCtx))).toBe('certificate_office_city');
  });

  it('refuses a history that does not start with ISSUED, and a second ISSUED', () => {
    expect(codeOf(() => applyEvent(null, ev('AMENDED', '2023-02-01', { sectors: ['EDU'] }), ctx))).toBe('certificate_not_issued');
    expect(codeOf(() => run([issued, issued]))).toBe('certificate_already_issued');
  });

  it('refuses decisions without number, signed after taking effect, without ground, or out of order', () => {
    expect(codeOf(() => run([issued, { ...ev('AMENDED', '2023-02-01'), decisionNumber: ' ' }]))).toBe('certificate_decision_invalid');
    expect(codeOf(() => run([issued, { ...ev('AMENDED', '2023-02-01'), decisionDate: '2023-02-02' }]))).toBe(
      'certificate_decision_invalid',
    );
    expect(codeOf(() => run([issued, ev('AMENDED', '2023-02-01', undefined, '')]))).toBe('certificate_legal_ground_required');
    expect(codeOf(() => run([issued, ev('AMENDED', '2023-05-01'), ev('AMENDED', '2023-04-01')]))).toBe('certificate_event_out_of_order');
    expect(codeOf(() => run([issued, ev('AMENDED', '2023-02-30')]))).toBe('invalid_date');
  });
});

describe('applyEvent: amendment, supplement, re-issue', () => {
  it('creates a new version for each and keeps earlier versions', () => {
    const s = run([
      issued,
      ev('AMENDED', '2023-06-01', { provinces: ['new34:01', 'new34:92'] }),
      ev('SUPPLEMENTED', '2023-09-01', { sectors: ['HEALTH', 'EDUCATION'] }),
      ev('REISSUED', '2024-01-15', { attributes: { reason: 'lost' } }),
    ]);
    expect(s.version).toBe(4);
    expect(s.versions.map((v) => [v.version, v.kind])).toEqual([
      [1, 'ISSUED'],
      [2, 'AMENDED'],
      [3, 'SUPPLEMENTED'],
      [4, 'REISSUED'],
    ]);
    expect(s.versions[0]?.content.provinces).toEqual(['new34:01']);
    expect(s.content).toMatchObject({ provinces: ['new34:01', 'new34:92'], sectors: ['HEALTH', 'EDUCATION'] });
    expect(s.content.attributes).toEqual({ reason: 'lost' });
  });

  it('refuses lengthening validity by amendment, emptying scope, or moving an office outside the three cities', () => {
    expect(codeOf(() => run([issued, ev('AMENDED', '2023-06-01', { validUntil: '2026-02-01' })]))).toBe(
      'certificate_validity_extension_only',
    );
    expect(codeOf(() => run([issued, ev('AMENDED', '2023-06-01', { provinces: [] })]))).toBe('certificate_provinces_required');
    const vp = ev('ISSUED', '2023-01-10', { validUntil: '2028-01-10', provinces: ['a'], sectors: ['b'], officeProvince: 'new34:01' });
    expect(codeOf(() => run([vp, ev('AMENDED', '2023-06-01', { officeProvince: 'new34:31' })], officeCtx))).toBe('certificate_office_city');
    expect(run([vp, ev('AMENDED', '2023-06-01', { officeProvince: 'new34:48' })], officeCtx).content.officeProvince).toBe('new34:48');
  });

  it('refuses amending, supplementing, re-issuing or self-terminating after expiry', () => {
    for (const kind of ['AMENDED', 'SUPPLEMENTED', 'REISSUED', 'SELF_TERMINATED'] as const) {
      expect(codeOf(() => run([issued, ev(kind, '2026-01-11', { sectors: ['EDU'] })]))).toBe('certificate_expired');
    }
    // The last day of validity is still within validity.
    expect(run([issued, ev('AMENDED', '2026-01-10', { sectors: ['EDU'] })]).version).toBe(2);
  });
});

describe('applyEvent: extension (Art. 9.2)', () => {
  it('grants up to the same term again from the old expiry', () => {
    const s = run([issued, ev('EXTENDED', '2025-12-01', { validUntil: '2029-01-10' })]);
    expect(s.content.validUntil).toBe('2029-01-10');
    expect(s.content.validFrom).toBe('2023-01-10');
    expect(s.version).toBe(2);
  });

  it('refuses an extension beyond 3 years from the old expiry', () => {
    const err = (() => {
      try {
        run([issued, ev('EXTENDED', '2025-12-01', { validUntil: '2029-01-11' })]);
      } catch (e) {
        return e as DomainRuleError;
      }
      return null;
    })();
    expect(err?.code).toBe('certificate_validity_exceeds_cap');
    expect(err?.details).toMatchObject({ from: '2026-01-10', maxValidUntil: '2029-01-10' });
  });

  it('counts from the extension date under the alternative reading', () => {
    const alt = { ...ctx, extensionBase: 'EXTENSION_DATE' as const };
    expect(codeOf(() => run([issued, ev('EXTENDED', '2025-12-01', { validUntil: '2029-01-10' })], alt))).toBe(
      'certificate_validity_exceeds_cap',
    );
    expect(run([issued, ev('EXTENDED', '2025-12-01', { validUntil: '2028-12-01' })], alt).content.validUntil).toBe('2028-12-01');
  });

  it('refuses an extension beyond the home-country term, not later than the current expiry, or missing a date', () => {
    const home = { ...ctx, homeTermUntil: '2027-12-31' };
    expect(codeOf(() => run([issued, ev('EXTENDED', '2025-12-01', { validUntil: '2028-06-30' })], home))).toBe(
      'certificate_validity_exceeds_home_term',
    );
    expect(codeOf(() => run([issued, ev('EXTENDED', '2025-12-01', { validUntil: '2026-01-10' })]))).toBe('certificate_extension_not_later');
    expect(codeOf(() => run([issued, ev('EXTENDED', '2025-12-01')]))).toBe('certificate_extension_not_later');
  });

  it('refuses extending a GDKVPDA (Decree 12 project office)', () => {
    const legacy = ev('ISSUED', '2020-03-01', {
      validUntil: '2025-02-28',
      provinces: ['old63:36'],
      sectors: ['AGRI'],
      officeProvince: 'old63:36',
    });
    const vpda = { ...ctx, type: 'GDKVPDA' as const };
    expect(codeOf(() => run([legacy, ev('EXTENDED', '2025-01-10', { validUntil: '2028-02-28' })], vpda))).toBe(
      'certificate_legacy_no_extension',
    );
    // ...but it may still be amended or re-issued until expiry (D58 Art. 28).
    expect(run([legacy, ev('AMENDED', '2023-05-01', { sectors: ['AGRI', 'HEALTH'] }), ev('REISSUED', '2024-05-01')], vpda).version).toBe(3);
  });

  it('refuses an extension while suspended or after expiry', () => {
    const suspended = [issued, ev('SUSPENDED', '2025-10-01', undefined, 'D58_ART18_1C')];
    expect(codeOf(() => run([...suspended, ev('EXTENDED', '2025-12-01', { validUntil: '2029-01-10' })]))).toBe('certificate_suspended');
    expect(codeOf(() => run([issued, ev('EXTENDED', '2026-01-11', { validUntil: '2029-01-10' })]))).toBe('certificate_expired');
  });
});

describe('applyEvent: suspension and termination', () => {
  it('requires an Art. 18.1 ground and sets a 30-working-day remedy deadline from receipt', () => {
    expect(codeOf(() => run([issued, ev('SUSPENDED', '2024-03-01', undefined, 'Nghị định 58 Điều 18')]))).toBe(
      'certificate_suspension_ground_invalid',
    );
    const s = run([issued, ev('SUSPENDED', '2024-03-01', undefined, 'D58_ART18_1B')]);
    expect(s.recordedStatus).toBe('SUSPENDED');
    expect(s.suspension).toMatchObject({ since: '2024-03-01', ground: 'D58_ART18_1B', remedyDeadline: '2024-04-12' });
    const received = run([issued, { ...ev('SUSPENDED', '2024-03-01', undefined, 'D58_ART18_1B'), receivedDate: '2024-03-06' }]);
    expect(received.suspension?.remedyDeadline).toBe('2024-04-17');
  });

  it('refuses suspending twice and lifting a suspension that does not exist', () => {
    const s1 = ev('SUSPENDED', '2024-03-01', undefined, 'D58_ART18_1B');
    expect(codeOf(() => run([issued, s1, ev('SUSPENDED', '2024-03-05', undefined, 'D58_ART18_1C')]))).toBe('certificate_already_suspended');
    expect(codeOf(() => run([issued, ev('SUSPENSION_LIFTED', '2024-03-05')]))).toBe('certificate_not_suspended');
    expect(run([issued, s1, ev('SUSPENSION_LIFTED', '2024-04-01')]).recordedStatus).toBe('ACTIVE');
  });

  it('allows a sanction after expiry (Art. 18.1(a): operating on an expired certificate)', () => {
    expect(run([issued, ev('SUSPENDED', '2026-02-01', undefined, 'D58_ART18_1A')]).recordedStatus).toBe('SUSPENDED');
  });

  it('requires an Art. 19.1 ground for forced termination, any stated ground for revocation', () => {
    expect(codeOf(() => run([issued, ev('TERMINATED', '2024-06-01', undefined, 'misc')]))).toBe('certificate_termination_ground_invalid');
    expect(run([issued, ev('TERMINATED', '2024-06-01', undefined, 'D58_ART19_1A')]).recordedStatus).toBe('TERMINATED');
    expect(run([issued, ev('REVOKED', '2024-06-01', undefined, 'Luật Khiếu nại; hồ sơ giả mạo')]).recordedStatus).toBe('REVOKED');
  });

  it('checks the facts of ground (b): 12 months after issue', () => {
    expect(codeOf(() => run([issued, ev('TERMINATED', '2024-01-09', undefined, 'D58_ART19_1B')]))).toBe(
      'certificate_termination_ground_unmet',
    );
    expect(run([issued, ev('TERMINATED', '2024-01-10', undefined, 'D58_ART19_1B')]).endedOn).toBe('2024-01-10');
  });

  it('checks the facts of ground (c): unlifted suspension past its remedy deadline', () => {
    const susp = ev('SUSPENDED', '2024-03-01', undefined, 'D58_ART18_1B');
    expect(codeOf(() => run([issued, ev('TERMINATED', '2024-05-01', undefined, 'D58_ART19_1C')]))).toBe(
      'certificate_termination_ground_unmet',
    );
    expect(codeOf(() => run([issued, susp, ev('TERMINATED', '2024-04-12', undefined, 'D58_ART19_1C')]))).toBe(
      'certificate_termination_ground_unmet',
    );
    expect(run([issued, susp, ev('TERMINATED', '2024-04-15', undefined, 'D58_ART19_1C')]).recordedStatus).toBe('TERMINATED');
  });

  const ends: Array<[CertificateEventKind, string]> = [
    ['TERMINATED', 'D58_ART19_1A'],
    ['REVOKED', 'D58_ART19_1A'],
    ['SELF_TERMINATED', 'D58 Điều 20.6'],
  ];
  const after: CertificateEventKind[] = [
    'AMENDED',
    'SUPPLEMENTED',
    'EXTENDED',
    'REISSUED',
    'SUSPENDED',
    'SUSPENSION_LIFTED',
    'TERMINATED',
    'REVOKED',
    'SELF_TERMINATED',
  ];
  it.each(ends)('refuses every action after %s', (kind, ground) => {
    const ended = [issued, ev(kind, '2024-06-01', undefined, ground)];
    for (const next of after) {
      const grounds: Partial<Record<CertificateEventKind, string>> = { SUSPENDED: 'D58_ART18_1B', TERMINATED: 'D58_ART19_1A' };
      const e = ev(next, '2024-07-01', next === 'EXTENDED' ? { validUntil: '2029-01-10' } : undefined, grounds[next] ?? 'x');
      expect(codeOf(() => run([...ended, e]))).toBe('certificate_terminated');
    }
  });
});

describe('replayStrict', () => {
  it('replays a history in effective-date order and reports the failing decision', () => {
    const amend = ev('AMENDED', '2023-06-01', { sectors: ['EDU'] });
    expect(replayStrict([amend, issued], ctx)?.version).toBe(2);
    try {
      replayStrict([issued, ev('EXTENDED', '2025-12-01', { validUntil: '2030-01-01' })], ctx);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainRuleError).code).toBe('certificate_validity_exceeds_cap');
      expect((e as DomainRuleError).details.eventIndex).toBe(1);
    }
  });
});
