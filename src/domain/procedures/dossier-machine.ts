/**
 * The registration dossier (hồ sơ) state machine, domain §2.11:
 *
 *   DRAFT → SUBMITTED → (INCOMPLETE ↔ SUPPLEMENTED) → ACCEPTED_COMPLETE → CONSULTING
 *         → FORWARDED_TO_MOFA → APPRAISING → APPROVED | REJECTED → DELIVERED
 *   plus WITHDRAWN from any state before the decision.
 *
 * Statutory clock (30 WD new/extension, 25 WD amendment/re-issue):
 * - it starts at ACCEPTED_COMPLETE: the limit runs "from receipt of the full valid dossier", so
 *   supplement requests before acceptance (S1, ≤ 2 WD) happen before the clock starts;
 * - a supplement request during consultation sends the dossier back to INCOMPLETE and PAUSES the
 *   clock; once supplemented, COMINGO RESUMES consultation and the clock runs on (not from zero);
 * - it stops at DELIVERED (S6 delivery is the last act within the limit) or on withdrawal.
 * Whether the clock is paused is kept in the state, because INCOMPLETE before acceptance and
 * INCOMPLETE during consultation look alike but lead to different next steps.
 */
import type { ActorRole } from './types';
import { DomainRuleError } from '../rule-error';

/** Dossier statuses. */
export type DossierStatus =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'INCOMPLETE'
  | 'SUPPLEMENTED'
  | 'ACCEPTED_COMPLETE'
  | 'CONSULTING'
  | 'FORWARDED_TO_MOFA'
  | 'APPRAISING'
  | 'APPROVED'
  | 'REJECTED'
  | 'DELIVERED'
  | 'WITHDRAWN';

/** All statuses. */
export const DOSSIER_STATUSES: readonly DossierStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'INCOMPLETE',
  'SUPPLEMENTED',
  'ACCEPTED_COMPLETE',
  'CONSULTING',
  'FORWARDED_TO_MOFA',
  'APPRAISING',
  'APPROVED',
  'REJECTED',
  'DELIVERED',
  'WITHDRAWN',
];

/** Actions on a dossier (UI buttons). */
export type DossierAction =
  | 'SUBMIT'
  | 'REQUEST_SUPPLEMENT'
  | 'SUPPLEMENT'
  | 'ACCEPT'
  | 'RESUME'
  | 'START_CONSULTATION'
  | 'FORWARD_TO_MOFA'
  | 'START_APPRAISAL'
  | 'APPROVE'
  | 'REJECT'
  | 'DELIVER'
  | 'WITHDRAW';

/** All actions. */
export const DOSSIER_ACTIONS: readonly DossierAction[] = [
  'SUBMIT',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT',
  'ACCEPT',
  'RESUME',
  'START_CONSULTATION',
  'FORWARD_TO_MOFA',
  'START_APPRAISAL',
  'APPROVE',
  'REJECT',
  'DELIVER',
  'WITHDRAW',
];

/** The statutory clock. */
export type ClockState = 'NOT_STARTED' | 'RUNNING' | 'PAUSED' | 'STOPPED';

/** A dossier's state. */
export interface DossierState {
  status: DossierStatus;
  clock: ClockState;
}

/** A new dossier. */
export const INITIAL_DOSSIER_STATE: DossierState = { status: 'DRAFT', clock: 'NOT_STARTED' };

/** No action leaves these. */
export const FINAL_STATUSES: ReadonlySet<DossierStatus> = new Set(['DELIVERED', 'WITHDRAWN']);

/** The decision is taken: the applicant can no longer withdraw, only receive the result. */
const DECIDED: ReadonlySet<DossierStatus> = new Set(['APPROVED', 'REJECTED']);

/**
 * An edge of the graph. `when` restricts it by clock: PRE_CLOCK = before acceptance,
 * PAUSED = supplement requested during consultation.
 */
export interface DossierEdge {
  from: DossierStatus;
  action: DossierAction;
  to: DossierStatus;
  roles: readonly ActorRole[];
  when?: 'PRE_CLOCK' | 'PAUSED';
}

const edge = (
  from: DossierStatus,
  action: DossierAction,
  to: DossierStatus,
  roles: ActorRole[],
  when?: DossierEdge['when'],
): DossierEdge => (when ? { from, action, to, roles, when } : { from, action, to, roles });

/** The whole graph. */
export const DOSSIER_EDGES: readonly DossierEdge[] = [
  edge('DRAFT', 'SUBMIT', 'SUBMITTED', ['NGO']),
  edge('SUBMITTED', 'REQUEST_SUPPLEMENT', 'INCOMPLETE', ['COMINGO']),
  edge('SUBMITTED', 'ACCEPT', 'ACCEPTED_COMPLETE', ['COMINGO']),
  edge('INCOMPLETE', 'SUPPLEMENT', 'SUPPLEMENTED', ['NGO']),
  edge('SUPPLEMENTED', 'REQUEST_SUPPLEMENT', 'INCOMPLETE', ['COMINGO']),
  edge('SUPPLEMENTED', 'ACCEPT', 'ACCEPTED_COMPLETE', ['COMINGO'], 'PRE_CLOCK'),
  edge('SUPPLEMENTED', 'RESUME', 'CONSULTING', ['COMINGO'], 'PAUSED'),
  edge('ACCEPTED_COMPLETE', 'START_CONSULTATION', 'CONSULTING', ['COMINGO']),
  edge('CONSULTING', 'REQUEST_SUPPLEMENT', 'INCOMPLETE', ['COMINGO']),
  edge('CONSULTING', 'FORWARD_TO_MOFA', 'FORWARDED_TO_MOFA', ['COMINGO']),
  edge('FORWARDED_TO_MOFA', 'START_APPRAISAL', 'APPRAISING', ['MOFA']),
  edge('APPRAISING', 'APPROVE', 'APPROVED', ['MOFA']),
  edge('APPRAISING', 'REJECT', 'REJECTED', ['MOFA']),
  edge('APPROVED', 'DELIVER', 'DELIVERED', ['COMINGO']),
  edge('REJECTED', 'DELIVER', 'DELIVERED', ['COMINGO']),
  ...DOSSIER_STATUSES.filter((s) => !FINAL_STATUSES.has(s) && !DECIDED.has(s)).map((s) => edge(s, 'WITHDRAW', 'WITHDRAWN', ['NGO'])),
];

/** The role that performs each action (the first role of its edges), e.g. for a scripted walk through the graph. */
export const ACTION_ROLE: Readonly<Record<DossierAction, ActorRole>> = Object.fromEntries(
  DOSSIER_ACTIONS.map((action) => [action, DOSSIER_EDGES.find((e) => e.action === action)!.roles[0]!]),
) as Record<DossierAction, ActorRole>;

function guardPasses(e: DossierEdge, state: DossierState): boolean {
  if (e.when === 'PRE_CLOCK') return state.clock === 'NOT_STARTED';
  if (e.when === 'PAUSED') return state.clock === 'PAUSED';
  return true;
}

function edgesFrom(state: DossierState, action?: DossierAction): DossierEdge[] {
  return DOSSIER_EDGES.filter((e) => e.from === state.status && (action === undefined || e.action === action) && guardPasses(e, state));
}

function nextClock(state: DossierState, e: DossierEdge): ClockState {
  if (e.action === 'ACCEPT') return 'RUNNING';
  if (e.action === 'REQUEST_SUPPLEMENT' && state.clock === 'RUNNING') return 'PAUSED';
  if (e.action === 'RESUME') return 'RUNNING';
  if (e.to === 'DELIVERED' || e.to === 'WITHDRAWN') return state.clock === 'NOT_STARTED' ? 'NOT_STARTED' : 'STOPPED';
  return state.clock;
}

/**
 * Applies `action` performed by `role`.
 * @returns the new state (the input is not modified)
 * @throws DomainRuleError `transition_not_allowed` when the action is not possible in this state;
 *   `transition_role_not_allowed` when it is, but not for this role
 */
export function transition(state: DossierState, action: DossierAction, role: ActorRole): DossierState {
  const [e] = edgesFrom(state, action);
  if (!e) {
    throw new DomainRuleError('transition_not_allowed', { status: state.status, clock: state.clock, action });
  }
  if (!e.roles.includes(role)) {
    throw new DomainRuleError('transition_role_not_allowed', { status: state.status, action, role, allowedRoles: [...e.roles] });
  }
  return { status: e.to, clock: nextClock(state, e) };
}

/** The actions `role` may perform now (e.g. to show buttons); all roles' actions when `role` is omitted. */
export function allowedActions(state: DossierState, role?: ActorRole): DossierAction[] {
  return edgesFrom(state)
    .filter((e) => role === undefined || e.roles.includes(role))
    .map((e) => e.action);
}

/** True when no further action is possible. */
export function isFinal(status: DossierStatus): boolean {
  return FINAL_STATUSES.has(status);
}
