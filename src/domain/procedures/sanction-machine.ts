/**
 * The life of a sanction case (suspension, Art. 18; forced termination, Art. 19), domain §2.6:
 *
 *   CONSULTING ─DECIDE→ NOTICE_PENDING ─NOTIFY→ REMEDY (suspension) ─REINSTATE | ESCALATE→ CLOSED
 *                                            └→ RECOVERY (termination) ─RECOVER→ SETTLEMENT ─SETTLE→ CLOSED
 *   CONSULTING ─DROP→ CLOSED (MOFA decides not to sanction, or the proposal is withdrawn)
 *
 * Opinions and the meeting are recorded while CONSULTING; the decision waits until every agency has answered or the
 * 10 working days have run out, and, when the answers differ, until a meeting has been recorded. Pure: no I/O.
 */
import type { SanctionProcedureCode } from './types';
import { DomainRuleError } from '../rule-error';

/** Where a case stands. */
export type SanctionStatus = 'CONSULTING' | 'NOTICE_PENDING' | 'REMEDY' | 'RECOVERY' | 'SETTLEMENT' | 'CLOSED';

/** How a closed case ended. */
export type SanctionOutcome = 'DROPPED' | 'REINSTATED' | 'ESCALATED' | 'SETTLED';

/** Steps an officer or the NGO takes (buttons). */
export type SanctionAction =
  'RECORD_MEETING' | 'DECIDE' | 'DROP' | 'NOTIFY' | 'REPORT_REMEDY' | 'REINSTATE' | 'ESCALATE' | 'RECOVER' | 'SETTLE';

/** Who acts: COMINGO / MOFA officers (central), the NGO. Opinions are answered by the agencies, outside this graph. */
export type SanctionRole = 'OFFICER' | 'NGO';

type Edge = { from: SanctionStatus; action: SanctionAction; to: SanctionStatus; role: SanctionRole | 'ANY'; only?: SanctionProcedureCode };

const EDGES: readonly Edge[] = [
  { from: 'CONSULTING', action: 'RECORD_MEETING', to: 'CONSULTING', role: 'OFFICER' },
  { from: 'CONSULTING', action: 'DECIDE', to: 'NOTICE_PENDING', role: 'OFFICER' },
  { from: 'CONSULTING', action: 'DROP', to: 'CLOSED', role: 'OFFICER' },
  { from: 'NOTICE_PENDING', action: 'NOTIFY', to: 'REMEDY', role: 'OFFICER', only: 'SUSPENSION' },
  { from: 'NOTICE_PENDING', action: 'NOTIFY', to: 'RECOVERY', role: 'OFFICER', only: 'FORCED_TERMINATION' },
  // The NGO reports its remedy; an officer may record a report received on paper.
  { from: 'REMEDY', action: 'REPORT_REMEDY', to: 'REMEDY', role: 'ANY', only: 'SUSPENSION' },
  { from: 'REMEDY', action: 'REINSTATE', to: 'CLOSED', role: 'OFFICER', only: 'SUSPENSION' },
  { from: 'REMEDY', action: 'ESCALATE', to: 'CLOSED', role: 'OFFICER', only: 'SUSPENSION' },
  { from: 'RECOVERY', action: 'RECOVER', to: 'SETTLEMENT', role: 'OFFICER', only: 'FORCED_TERMINATION' },
  { from: 'SETTLEMENT', action: 'SETTLE', to: 'CLOSED', role: 'OFFICER', only: 'FORCED_TERMINATION' },
];

const OUTCOME: Partial<Record<SanctionAction, SanctionOutcome>> = {
  DROP: 'DROPPED',
  REINSTATE: 'REINSTATED',
  ESCALATE: 'ESCALATED',
  SETTLE: 'SETTLED',
};

const edgesOf = (code: SanctionProcedureCode, status: SanctionStatus) =>
  EDGES.filter((e) => e.from === status && (e.only === undefined || e.only === code));

/**
 * The status after `action`, with the outcome when it closes the case.
 * @throws DomainRuleError `transition_not_allowed` (not possible now), `transition_role_not_allowed` (not for this role)
 */
export function sanctionTransition(
  code: SanctionProcedureCode,
  status: SanctionStatus,
  action: SanctionAction,
  role: SanctionRole,
): { status: SanctionStatus; outcome: SanctionOutcome | null } {
  const edge = edgesOf(code, status).find((e) => e.action === action);
  if (!edge) throw new DomainRuleError('transition_not_allowed', { status, action });
  if (edge.role !== 'ANY' && edge.role !== role) {
    throw new DomainRuleError('transition_role_not_allowed', { status, action, role, allowedRoles: [edge.role] });
  }
  return { status: edge.to, outcome: OUTCOME[action] ?? null };
}

/** The actions `role` may take now (every role's when omitted). */
export function sanctionActions(code: SanctionProcedureCode, status: SanctionStatus, role?: SanctionRole): SanctionAction[] {
  return edgesOf(code, status)
    .filter((e) => role === undefined || e.role === 'ANY' || e.role === role)
    .map((e) => e.action);
}

/** One agency's written opinion: null while it has not answered. */
export type SanctionOpinion = 'AGREE' | 'DISAGREE' | null;

/**
 * Whether MOFA may decide now (Art. 18.2, 19.2): every agency answered or the 10 working days ran out (`opinionsDue`
 * passed), and, when the answers given differ, a meeting was recorded.
 * @throws DomainRuleError `sanction_opinions_pending`, `sanction_meeting_required`
 */
export function assertReadyToDecide(
  opinions: readonly SanctionOpinion[],
  meetingHeldOn: string | null,
  opinionsDue: string | null,
  today: string,
): void {
  const pending = opinions.filter((o) => o === null).length;
  if (pending > 0 && (opinionsDue === null || today <= opinionsDue)) {
    throw new DomainRuleError('sanction_opinions_pending', { pending, opinionsDue });
  }
  if (opinionsDiffer(opinions) && !meetingHeldOn) throw new DomainRuleError('sanction_meeting_required', {});
}

/** True when the answers given are not all the same (the law then calls for a meeting). */
export function opinionsDiffer(opinions: readonly SanctionOpinion[]): boolean {
  return new Set(opinions.filter((o) => o !== null)).size > 1;
}
