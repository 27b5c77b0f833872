import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { publicNeedStatuses, type NeedActorRole } from '@domain/programme';
import { AppError } from '@errors/app-error';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import { agencyAndPredecessors } from '@modules/aid/aid.policy';

/**
 * Who sees and does what in the needs catalogue. Scope is a SQL condition on need_proposals (alias `n`).
 *
 * - admin, central: every proposal; they review, publish, and may propose for any agency;
 * - agency (a ministry or a province's People's Committee): its own agency's proposals in every state (those of
 *   the agencies it succeeded included), and what is published; a province proposes only for its own territory;
 * - ngo, reviewer, anonymous: published and funded proposals only. An NGO sees its own interests only.
 */
export const isCentral = (actor: Actor | null): boolean => hasNationalScope(actor);

const col = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** Published (and funded) proposals: what anyone may read. */
export const publicNeedCondition = (alias = 'n'): RawBuilder<SqlBool> =>
  sql<SqlBool>`${col(alias, 'status')} in (${sql.join(publicNeedStatuses.map((s) => sql.lit(s)))})`;

/** Proposals of the actor's own agency (or of an agency it succeeded). */
const ownAgency = (actor: Actor, alias: string): RawBuilder<SqlBool> =>
  actor.agencyId ? sql<SqlBool>`${col(alias, 'proposing_agency_id')} in ${agencyAndPredecessors(actor.agencyId)}` : sql<SqlBool>`false`;

/** The proposals the actor may read, in any state. */
export function needScopeCondition(actor: Actor | null, alias = 'n'): RawBuilder<SqlBool> {
  if (isCentral(actor)) return sql<SqlBool>`true`;
  if (actor?.role === 'agency') return sql<SqlBool>`(${ownAgency(actor, alias)} or ${publicNeedCondition(alias)})`;
  return publicNeedCondition(alias);
}

/** Only the actor's own agency's proposals (the officer's "my proposals" view). */
export const mineCondition = (actor: Actor, alias = 'n'): RawBuilder<SqlBool> => ownAgency(actor, alias);

/**
 * How the actor takes part in a proposal's workflow: central, the proposing body, or not at all (null).
 */
export function workflowRoleOf(actor: Actor | null, ownAgencyProposal: boolean): NeedActorRole | null {
  if (isCentral(actor)) return 'central';
  if (actor?.role === 'agency' && ownAgencyProposal) return 'proposer';
  return null;
}

/** A selectable boolean: the proposal `n` belongs to the actor's agency (or one it succeeded). */
export const ownAgencySql = (actor: Actor | null, alias = 'n'): RawBuilder<boolean> =>
  actor?.role === 'agency' ? sql<boolean>`(${ownAgency(actor, alias)})` : sql<boolean>`false`;

/** Roles that may propose: agency officers for their own body, central for any. */
export const proposerRoles = ['admin', 'central', 'agency'] as const;

/**
 * The agency a new proposal is filed for, after checking the actor may file for it and for those provinces: an
 * agency officer always files for its own agency; a province's officer only for its own province.
 * @throws AppError forbidden (not a proposing role), proposal_outside_province (403), validation_failed (central
 *   without an agency and without `proposingAgencyId`)
 */
export function proposingAgencyFor(actor: Actor, requested: string | undefined, provinceIds: readonly string[]): string {
  if (actor.role === 'agency') {
    if (!actor.agencyId) throw new AppError('forbidden');
    if (requested && requested !== actor.agencyId) throw new AppError('forbidden', { details: { reason: 'other_agency' } });
    assertOwnProvince(actor, provinceIds);
    return actor.agencyId;
  }
  if (!isCentral(actor)) throw new AppError('forbidden');
  const agency = requested ?? actor.agencyId;
  if (!agency) throw new AppError('validation_failed', { details: { issues: [{ path: 'body.proposingAgencyId', message: 'required' }] } });
  return agency;
}

/**
 * A province's People's Committee proposes for its own territory only.
 * @throws AppError proposal_outside_province (403) naming the provinces outside it
 */
export function assertOwnProvince(actor: Actor, provinceIds: readonly string[]): void {
  if (actor.role !== 'agency' || !actor.provinceId) return;
  const outside = provinceIds.filter((id) => id !== actor.provinceId);
  if (outside.length) throw new AppError('proposal_outside_province', { details: { provinceIds: outside, own: actor.provinceId } });
}
