/**
 * Property test of the dossier machine: thousands of random action sequences (seeded, reproducible)
 * checked against an independent transcription of domain §2.11, plus an exhaustive reachability
 * check of the (status, clock) state space.
 */
import { describe, expect, it } from 'vitest';
import {
  DOSSIER_ACTIONS,
  DOSSIER_EDGES,
  DOSSIER_STATUSES,
  INITIAL_DOSSIER_STATE,
  allowedActions,
  isFinal,
  transition,
  type DossierAction,
  type DossierState,
  type DossierStatus,
} from './dossier-machine';
import type { ActorRole } from './types';
import { DomainRuleError } from '../rule-error';
import { pick, seededRandom } from '../random';

/** §2.11 written out by hand, independently of DOSSIER_EDGES: status → action → possible targets. */
const SPEC: Record<DossierStatus, Partial<Record<DossierAction, DossierStatus>>> = {
  DRAFT: { SUBMIT: 'SUBMITTED', WITHDRAW: 'WITHDRAWN' },
  SUBMITTED: { REQUEST_SUPPLEMENT: 'INCOMPLETE', ACCEPT: 'ACCEPTED_COMPLETE', WITHDRAW: 'WITHDRAWN' },
  INCOMPLETE: { SUPPLEMENT: 'SUPPLEMENTED', WITHDRAW: 'WITHDRAWN' },
  SUPPLEMENTED: { REQUEST_SUPPLEMENT: 'INCOMPLETE', ACCEPT: 'ACCEPTED_COMPLETE', RESUME: 'CONSULTING', WITHDRAW: 'WITHDRAWN' },
  ACCEPTED_COMPLETE: { START_CONSULTATION: 'CONSULTING', WITHDRAW: 'WITHDRAWN' },
  CONSULTING: { REQUEST_SUPPLEMENT: 'INCOMPLETE', FORWARD_TO_MOFA: 'FORWARDED_TO_MOFA', WITHDRAW: 'WITHDRAWN' },
  FORWARDED_TO_MOFA: { START_APPRAISAL: 'APPRAISING', WITHDRAW: 'WITHDRAWN' },
  APPRAISING: { APPROVE: 'APPROVED', REJECT: 'REJECTED', WITHDRAW: 'WITHDRAWN' },
  APPROVED: { DELIVER: 'DELIVERED' },
  REJECTED: { DELIVER: 'DELIVERED' },
  DELIVERED: {},
  WITHDRAWN: {},
};
const ROLES: ActorRole[] = ['NGO', 'COMINGO', 'CONSULTED_AGENCY', 'MOFA', 'GOVERNING_AGENCY'];
const ROLE_OF: Record<DossierAction, ActorRole> = {
  SUBMIT: 'NGO',
  SUPPLEMENT: 'NGO',
  WITHDRAW: 'NGO',
  REQUEST_SUPPLEMENT: 'COMINGO',
  ACCEPT: 'COMINGO',
  RESUME: 'COMINGO',
  START_CONSULTATION: 'COMINGO',
  FORWARD_TO_MOFA: 'COMINGO',
  DELIVER: 'COMINGO',
  START_APPRAISAL: 'MOFA',
  APPROVE: 'MOFA',
  REJECT: 'MOFA',
};
const PRE_CLOCK: ReadonlySet<DossierStatus> = new Set(['DRAFT', 'SUBMITTED']);
const IN_CLOCK: ReadonlySet<DossierStatus> = new Set([
  'ACCEPTED_COMPLETE',
  'CONSULTING',
  'FORWARDED_TO_MOFA',
  'APPRAISING',
  'APPROVED',
  'REJECTED',
]);

/** Plain assertion: vitest's expect is too slow for ~100k checks in a loop. */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

function checkInvariants(s: DossierState, everAccepted: boolean): void {
  const at = () => JSON.stringify(s);
  check(DOSSIER_STATUSES.includes(s.status), () => `unknown status ${at()}`);
  if (PRE_CLOCK.has(s.status)) check(s.clock === 'NOT_STARTED', () => `clock before acceptance ${at()}`);
  if (IN_CLOCK.has(s.status)) check(s.clock === 'RUNNING', () => `clock should run ${at()}`);
  if (s.status === 'INCOMPLETE' || s.status === 'SUPPLEMENTED') {
    check(s.clock === (everAccepted ? 'PAUSED' : 'NOT_STARTED'), () => `supplement clock ${at()}`);
  }
  if (isFinal(s.status)) {
    check(s.clock === (everAccepted ? 'STOPPED' : 'NOT_STARTED'), () => `final clock ${at()}`);
    check(allowedActions(s).length === 0, () => `actions after final ${at()}`);
  }
}

describe('dossier machine: random action sequences', () => {
  it('never leaves the graph, never performs a disallowed transition, and exercises every edge', () => {
    const SEED = 20221101;
    const rand = seededRandom(SEED);
    const visited = new Set<DossierStatus>();
    const usedEdges = new Set<string>();
    let transitions = 0;
    let refusals = 0;
    for (let run = 0; run < 5000; run += 1) {
      let s = INITIAL_DOSSIER_STATE;
      let everAccepted = false;
      visited.add(s.status);
      const length = 1 + Math.floor(rand() * 40);
      for (let i = 0; i < length; i += 1) {
        // Half the time a blind (action, role) pair, otherwise an allowed action (withdrawal rarely,
        // or every walk would end early) by a random role, so that deep states are reached too.
        const allowed = allowedActions(s).filter((a) => a !== 'WITHDRAW' || rand() < 0.05);
        const action = rand() < 0.5 || allowed.length === 0 ? pick(rand, DOSSIER_ACTIONS) : pick(rand, allowed);
        const role = rand() < 0.7 ? ROLE_OF[action] : pick(rand, ROLES);
        const before = JSON.stringify(s);
        const where = () => `seed ${SEED} run ${run} step ${i}: ${before} ${action} by ${role}`;
        let next: DossierState | null = null;
        let error: unknown = null;
        try {
          next = transition(s, action, role);
        } catch (e) {
          error = e;
        }
        if (next !== null) {
          transitions += 1;
          check(next.status === SPEC[s.status][action], () => `unexpected target ${next?.status}: ${where()}`);
          check(role === ROLE_OF[action], () => `wrong role accepted: ${where()}`);
          check(allowedActions(s, role).includes(action), () => `allowedActions disagrees: ${where()}`);
          usedEdges.add(`${s.status}|${action}|${s.clock}`);
          if (action === 'ACCEPT') everAccepted = true;
          s = next;
          visited.add(s.status);
          checkInvariants(s, everAccepted);
        } else {
          refusals += 1;
          check(error instanceof DomainRuleError, () => `unexpected error ${String(error)}: ${where()}`);
          const code = (error as DomainRuleError).code;
          const possible = SPEC[s.status][action] !== undefined && allowedActions(s).includes(action);
          check(code === (possible ? 'transition_role_not_allowed' : 'transition_not_allowed'), () => `code ${code}: ${where()}`);
          check(!allowedActions(s, role).includes(action), () => `refused but listed: ${where()}`);
          if (possible) check(role !== ROLE_OF[action], () => `right role refused: ${where()}`);
          check(JSON.stringify(s) === before, () => `state mutated: ${where()}`);
        }
      }
    }
    expect(transitions).toBeGreaterThan(20_000);
    expect(refusals).toBeGreaterThan(20_000);
    expect([...visited].sort()).toEqual([...DOSSIER_STATUSES].sort());
    // Every edge of the graph was taken (the guarded SUPPLEMENTED edges under their own clock state).
    for (const e of DOSSIER_EDGES) {
      const taken = [...usedEdges].some((k) => k.startsWith(`${e.from}|${e.action}|`));
      expect(taken, `${e.from} --${e.action}--> ${e.to}`).toBe(true);
    }
  });

  it('the exported graph matches the specification exactly', () => {
    const fromGraph = DOSSIER_EDGES.map((e) => `${e.from}|${e.action}|${e.to}|${e.roles.join(',')}`).sort();
    const fromSpec = Object.entries(SPEC)
      .flatMap(([from, actions]) => Object.entries(actions).map(([a, to]) => `${from}|${a}|${to}|${ROLE_OF[a as DossierAction]}`))
      .sort();
    expect(fromGraph).toEqual(fromSpec);
  });

  it('every status is reachable and every reachable state can still finish', () => {
    const key = (s: DossierState) => `${s.status}/${s.clock}`;
    const reachable = new Map<string, DossierState>([[key(INITIAL_DOSSIER_STATE), INITIAL_DOSSIER_STATE]]);
    const next = new Map<string, string[]>();
    const queue = [INITIAL_DOSSIER_STATE];
    while (queue.length > 0) {
      const s = queue.shift() as DossierState;
      const succ: string[] = [];
      for (const action of DOSSIER_ACTIONS) {
        for (const role of ROLES) {
          let t: DossierState;
          try {
            t = transition(s, action, role);
          } catch {
            continue;
          }
          succ.push(key(t));
          if (!reachable.has(key(t))) {
            reachable.set(key(t), t);
            queue.push(t);
          }
        }
      }
      next.set(key(s), succ);
    }
    expect(new Set([...reachable.values()].map((s) => s.status))).toEqual(new Set(DOSSIER_STATUSES));
    expect([...reachable.keys()].sort()).toEqual(
      [
        'DRAFT/NOT_STARTED',
        'SUBMITTED/NOT_STARTED',
        'INCOMPLETE/NOT_STARTED',
        'SUPPLEMENTED/NOT_STARTED',
        'INCOMPLETE/PAUSED',
        'SUPPLEMENTED/PAUSED',
        'ACCEPTED_COMPLETE/RUNNING',
        'CONSULTING/RUNNING',
        'FORWARDED_TO_MOFA/RUNNING',
        'APPRAISING/RUNNING',
        'APPROVED/RUNNING',
        'REJECTED/RUNNING',
        'DELIVERED/STOPPED',
        'WITHDRAWN/NOT_STARTED',
        'WITHDRAWN/STOPPED',
      ].sort(),
    );
    // Liveness: from every reachable state a final state can be reached.
    const canFinish = (k: string, seen = new Set<string>()): boolean => {
      const s = reachable.get(k) as DossierState;
      if (isFinal(s.status)) return true;
      seen.add(k);
      return (next.get(k) ?? []).some((n) => !seen.has(n) && canFinish(n, seen));
    };
    for (const k of reachable.keys()) expect(canFinish(k), k).toBe(true);
  });
});
