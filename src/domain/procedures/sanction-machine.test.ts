import { describe, expect, it } from 'vitest';
import { procedureFor } from './definitions';
import { assertReadyToDecide, opinionsDiffer, sanctionActions, sanctionTransition } from './sanction-machine';
import { DomainRuleError } from '../rule-error';

const ruleOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'no error';
  } catch (e) {
    if (e instanceof DomainRuleError) return e.code;
    throw e;
  }
};

describe('sanction procedures in the catalogue (D58 Art. 18, 19)', () => {
  it('holds both versions from 01/11/2022 with the statutory working-day limits', () => {
    const suspension = procedureFor('SUSPENSION', '2026-01-01');
    const deadlines = (code: 'SUSPENSION' | 'FORCED_TERMINATION') =>
      Object.fromEntries(
        procedureFor(code, '2026-01-01').steps.map((s) => [s.code, s.deadline ? `${s.deadline.days} ${s.deadline.anchor}` : null]),
      );
    expect(suspension.legalRefs).toEqual(['Điều 18']);
    expect(deadlines('SUSPENSION')).toEqual({
      P1_PROPOSE: null,
      P2_OPINION: '10 OPINION_REQUESTED',
      P3_MEETING: null,
      P4_DECIDE: null,
      P5_NOTIFY: '5 DECISION',
      P6_REMEDY: '30 NOTICE_RECEIVED',
      P7_CONCLUDE: null,
    });
    expect(deadlines('FORCED_TERMINATION')).toMatchObject({
      P5_NOTIFY: '5 DECISION',
      P6_RECOVER: '5 DECISION',
      P7_SETTLE: '60 NOTICE_RECEIVED',
    });
    expect(ruleOf(() => procedureFor('SUSPENSION', '2022-10-31'))).toBe('procedure_not_in_force');
    expect(suspension.documents.filter((d) => d.required).map((d) => d.code)).toEqual(['PROPOSAL', 'EVIDENCE', 'DECISION']);
  });

  it('keeps self-termination as a 60-day notice with its attachments', () => {
    const self = procedureFor('SELF_TERMINATION', '2026-01-01');
    expect(self.steps[0]!.deadline).toEqual({ days: 60, unit: 'CALENDAR', anchor: 'CESSATION_DATE', direction: 'BEFORE' });
    expect(self.documents.length).toBeGreaterThan(0);
  });
});

describe('sanction case steps', () => {
  it('walks a suspension to reinstatement and a termination to settlement', () => {
    expect(sanctionTransition('SUSPENSION', 'CONSULTING', 'DECIDE', 'OFFICER')).toEqual({ status: 'NOTICE_PENDING', outcome: null });
    expect(sanctionTransition('SUSPENSION', 'NOTICE_PENDING', 'NOTIFY', 'OFFICER').status).toBe('REMEDY');
    expect(sanctionTransition('FORCED_TERMINATION', 'NOTICE_PENDING', 'NOTIFY', 'OFFICER').status).toBe('RECOVERY');
    expect(sanctionTransition('SUSPENSION', 'REMEDY', 'REINSTATE', 'OFFICER')).toEqual({ status: 'CLOSED', outcome: 'REINSTATED' });
    expect(sanctionTransition('FORCED_TERMINATION', 'SETTLEMENT', 'SETTLE', 'OFFICER')).toEqual({ status: 'CLOSED', outcome: 'SETTLED' });
  });

  it('refuses steps of the other sanction, steps out of order and the NGO deciding', () => {
    expect(ruleOf(() => sanctionTransition('FORCED_TERMINATION', 'RECOVERY', 'REINSTATE', 'OFFICER'))).toBe('transition_not_allowed');
    expect(ruleOf(() => sanctionTransition('SUSPENSION', 'CONSULTING', 'NOTIFY', 'OFFICER'))).toBe('transition_not_allowed');
    expect(ruleOf(() => sanctionTransition('SUSPENSION', 'CONSULTING', 'DECIDE', 'NGO'))).toBe('transition_role_not_allowed');
    expect(sanctionActions('SUSPENSION', 'REMEDY', 'NGO')).toEqual(['REPORT_REMEDY']);
    expect(sanctionActions('SUSPENSION', 'CLOSED')).toEqual([]);
  });

  it('waits for every opinion or the end of the 10 working days, and for a meeting when opinions differ', () => {
    expect(ruleOf(() => assertReadyToDecide(['AGREE', null], null, '2026-02-27', '2026-02-27'))).toBe('sanction_opinions_pending');
    expect(ruleOf(() => assertReadyToDecide(['AGREE', null], null, '2026-02-27', '2026-03-02'))).toBe('no error');
    expect(ruleOf(() => assertReadyToDecide(['AGREE', 'DISAGREE'], null, '2026-02-27', '2026-02-20'))).toBe('sanction_meeting_required');
    expect(ruleOf(() => assertReadyToDecide(['AGREE', 'DISAGREE'], '2026-02-24', '2026-02-27', '2026-02-25'))).toBe('no error');
    expect(opinionsDiffer(['AGREE', null, 'AGREE'])).toBe(false);
  });
});
