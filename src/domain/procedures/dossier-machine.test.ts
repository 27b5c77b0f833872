import { describe, expect, it } from 'vitest';
import { INITIAL_DOSSIER_STATE, allowedActions, transition, type DossierAction, type DossierState } from './dossier-machine';
import type { ActorRole } from './types';
import { DomainRuleError, type RuleCode } from '../rule-error';

type Step = [DossierAction, ActorRole];

function play(steps: Step[], from: DossierState = INITIAL_DOSSIER_STATE): DossierState {
  return steps.reduce((s, [a, r]) => transition(s, a, r), from);
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

const toConsulting: Step[] = [
  ['SUBMIT', 'NGO'],
  ['ACCEPT', 'COMINGO'],
  ['START_CONSULTATION', 'COMINGO'],
];

describe('dossier machine', () => {
  it('runs the full path, starting the clock at acceptance and stopping it at delivery', () => {
    const seen: DossierState[] = [];
    let s = INITIAL_DOSSIER_STATE;
    for (const [a, r] of [
      ...toConsulting,
      ['FORWARD_TO_MOFA', 'COMINGO'],
      ['START_APPRAISAL', 'MOFA'],
      ['APPROVE', 'MOFA'],
      ['DELIVER', 'COMINGO'],
    ] as Step[]) {
      s = transition(s, a, r);
      seen.push(s);
    }
    expect(seen).toEqual([
      { status: 'SUBMITTED', clock: 'NOT_STARTED' },
      { status: 'ACCEPTED_COMPLETE', clock: 'RUNNING' },
      { status: 'CONSULTING', clock: 'RUNNING' },
      { status: 'FORWARDED_TO_MOFA', clock: 'RUNNING' },
      { status: 'APPRAISING', clock: 'RUNNING' },
      { status: 'APPROVED', clock: 'RUNNING' },
      { status: 'DELIVERED', clock: 'STOPPED' },
    ]);
    expect(play([...toConsulting, ['FORWARD_TO_MOFA', 'COMINGO'], ['START_APPRAISAL', 'MOFA'], ['REJECT', 'MOFA']]).status).toBe(
      'REJECTED',
    );
  });

  it('keeps the clock stopped during supplements before acceptance', () => {
    const s = play([
      ['SUBMIT', 'NGO'],
      ['REQUEST_SUPPLEMENT', 'COMINGO'],
      ['SUPPLEMENT', 'NGO'],
      ['REQUEST_SUPPLEMENT', 'COMINGO'],
      ['SUPPLEMENT', 'NGO'],
    ]);
    expect(s).toEqual({ status: 'SUPPLEMENTED', clock: 'NOT_STARTED' });
    expect(allowedActions(s, 'COMINGO')).toEqual(['REQUEST_SUPPLEMENT', 'ACCEPT']);
    expect(codeOf(() => transition(s, 'RESUME', 'COMINGO'))).toBe('transition_not_allowed');
    expect(transition(s, 'ACCEPT', 'COMINGO')).toEqual({ status: 'ACCEPTED_COMPLETE', clock: 'RUNNING' });
  });

  it('pauses the clock on a supplement request during consultation and resumes consultation', () => {
    const paused = play([...toConsulting, ['REQUEST_SUPPLEMENT', 'COMINGO']]);
    expect(paused).toEqual({ status: 'INCOMPLETE', clock: 'PAUSED' });
    const supplemented = transition(paused, 'SUPPLEMENT', 'NGO');
    expect(supplemented).toEqual({ status: 'SUPPLEMENTED', clock: 'PAUSED' });
    expect(allowedActions(supplemented, 'COMINGO')).toEqual(['REQUEST_SUPPLEMENT', 'RESUME']);
    expect(codeOf(() => transition(supplemented, 'ACCEPT', 'COMINGO'))).toBe('transition_not_allowed');
    expect(transition(supplemented, 'RESUME', 'COMINGO')).toEqual({ status: 'CONSULTING', clock: 'RUNNING' });
  });

  it('refuses actions by the wrong role with transition_role_not_allowed', () => {
    const appraising = play([...toConsulting, ['FORWARD_TO_MOFA', 'COMINGO'], ['START_APPRAISAL', 'MOFA']]);
    expect(codeOf(() => transition(appraising, 'APPROVE', 'COMINGO'))).toBe('transition_role_not_allowed');
    expect(codeOf(() => transition(appraising, 'APPROVE', 'NGO'))).toBe('transition_role_not_allowed');
    expect(codeOf(() => transition(INITIAL_DOSSIER_STATE, 'SUBMIT', 'COMINGO'))).toBe('transition_role_not_allowed');
    expect(codeOf(() => transition(play([['SUBMIT', 'NGO']]), 'WITHDRAW', 'MOFA'))).toBe('transition_role_not_allowed');
  });

  it('refuses actions that do not fit the state with transition_not_allowed', () => {
    const consulting = play(toConsulting);
    expect(codeOf(() => transition(consulting, 'APPROVE', 'MOFA'))).toBe('transition_not_allowed');
    expect(codeOf(() => transition(consulting, 'SUBMIT', 'NGO'))).toBe('transition_not_allowed');
    expect(codeOf(() => transition(INITIAL_DOSSIER_STATE, 'ACCEPT', 'COMINGO'))).toBe('transition_not_allowed');
    const err = (() => {
      try {
        transition(consulting, 'DELIVER', 'COMINGO');
      } catch (e) {
        return e as DomainRuleError;
      }
    })();
    expect(err?.details).toEqual({ status: 'CONSULTING', clock: 'RUNNING', action: 'DELIVER' });
  });

  it('allows withdrawal before the decision only, and nothing after delivery or withdrawal', () => {
    const approved = play([...toConsulting, ['FORWARD_TO_MOFA', 'COMINGO'], ['START_APPRAISAL', 'MOFA'], ['APPROVE', 'MOFA']]);
    expect(codeOf(() => transition(approved, 'WITHDRAW', 'NGO'))).toBe('transition_not_allowed');
    expect(play([['WITHDRAW', 'NGO']])).toEqual({ status: 'WITHDRAWN', clock: 'NOT_STARTED' });
    expect(play([...toConsulting, ['WITHDRAW', 'NGO']])).toEqual({ status: 'WITHDRAWN', clock: 'STOPPED' });
    const delivered = transition(approved, 'DELIVER', 'COMINGO');
    expect(allowedActions(delivered)).toEqual([]);
    expect(allowedActions(play([['WITHDRAW', 'NGO']]))).toEqual([]);
  });

  it('lists buttons per role', () => {
    expect(allowedActions(INITIAL_DOSSIER_STATE, 'NGO')).toEqual(['SUBMIT', 'WITHDRAW']);
    expect(allowedActions(INITIAL_DOSSIER_STATE, 'COMINGO')).toEqual([]);
    const submitted = play([['SUBMIT', 'NGO']]);
    expect(allowedActions(submitted, 'COMINGO')).toEqual(['REQUEST_SUPPLEMENT', 'ACCEPT']);
    expect(allowedActions(submitted, 'NGO')).toEqual(['WITHDRAW']);
    expect(allowedActions(play(toConsulting), 'CONSULTED_AGENCY')).toEqual([]);
  });

  it('does not modify the state passed in', () => {
    const s = { ...INITIAL_DOSSIER_STATE };
    transition(s, 'SUBMIT', 'NGO');
    expect(s).toEqual(INITIAL_DOSSIER_STATE);
  });
});
