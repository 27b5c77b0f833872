import { DomainRuleError } from '@domain/rule-error';

/**
 * The life of a proposal in the needs catalogue (danh mục vận động viện trợ): the proposing body drafts and
 * submits it; central reviews it and publishes it, asks for changes (with a comment) or declines it (with a
 * reason); a published proposal becomes FUNDED when an aid item that funds it is linked.
 * @module
 */
export const needStatuses = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'DECLINED', 'FUNDED'] as const;
export type NeedStatus = (typeof needStatuses)[number];

export const needActions = ['submit', 'publish', 'request_changes', 'decline'] as const;
export type NeedAction = (typeof needActions)[number];

/** Who acts: the proposing body (its officers), or central (admin, central officers: they may also propose). */
export type NeedActorRole = 'proposer' | 'central';

type Transition = { from: readonly NeedStatus[]; to: NeedStatus; by: readonly NeedActorRole[]; needsComment: boolean };

const transitions: Record<NeedAction, Transition> = {
  submit: { from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'SUBMITTED', by: ['proposer', 'central'], needsComment: false },
  publish: { from: ['SUBMITTED'], to: 'PUBLISHED', by: ['central'], needsComment: false },
  request_changes: { from: ['SUBMITTED'], to: 'CHANGES_REQUESTED', by: ['central'], needsComment: true },
  decline: { from: ['SUBMITTED'], to: 'DECLINED', by: ['central'], needsComment: true },
};

/** Whether an action requires a comment (changes asked for, reason for declining). */
export const actionNeedsComment = (action: NeedAction): boolean => transitions[action].needsComment;

/**
 * The status a proposal moves to when `role` takes `action` in `status`.
 * @throws DomainRuleError transition_not_allowed (wrong state), transition_role_not_allowed (403: role may not)
 */
export function nextNeedStatus(status: NeedStatus, action: NeedAction, role: NeedActorRole): NeedStatus {
  const t = transitions[action];
  if (!t.by.includes(role)) throw new DomainRuleError('transition_role_not_allowed', { action, status });
  if (!t.from.includes(status)) throw new DomainRuleError('transition_not_allowed', { action, status });
  return t.to;
}

/** The actions `role` may take in `status` (for the screen's buttons). */
export function availableNeedActions(status: NeedStatus, role: NeedActorRole): NeedAction[] {
  return needActions.filter((a) => transitions[a].by.includes(role) && transitions[a].from.includes(status));
}

/** Only a draft or a proposal returned for changes can be edited; what central reviews or published stays put. */
export const isNeedEditable = (status: NeedStatus): boolean => status === 'DRAFT' || status === 'CHANGES_REQUESTED';

/** Public visitors see published proposals and those already funded. */
export const publicNeedStatuses: readonly NeedStatus[] = ['PUBLISHED', 'FUNDED'];

/**
 * Linking a funding aid item is possible once the proposal is published; the first link makes it FUNDED.
 * @throws DomainRuleError transition_not_allowed
 */
export function statusAfterFunding(status: NeedStatus): NeedStatus {
  if (status !== 'PUBLISHED' && status !== 'FUNDED') throw new DomainRuleError('transition_not_allowed', { action: 'fund', status });
  return 'FUNDED';
}

export const interestStatuses = ['NEW', 'IN_TALKS', 'AGREED', 'NOT_PURSUED'] as const;
export type InterestStatus = (typeof interestStatuses)[number];
