/**
 * Who sees and does what in a sanction case (D58 Art. 18–19).
 *
 * - admin, central (COMINGO, MOFA): every case; they take every step but the agencies' opinions (which they may
 *   record on an agency's behalf when it answered on paper).
 * - agency: proposes a sanction for an organisation in its registry scope (the agency that found the breach); sees
 *   the cases of its scope, those it proposed and those it is asked about; answers for its own agency.
 * - ngo: its own organisation's cases once the decision was notified; reports its remedy.
 * - reviewer: the cases it is asked about (it answers for its agency), nothing else.
 */
import { sql, type SqlBool } from 'kysely';
import type { SanctionRole } from '@domain/procedures';
import { forbidden } from '@errors/app-error';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import { organisationScope } from '@modules/registry/registry.policy';

/** Who may open a case. */
export const canPropose = (actor: Actor): boolean => hasNationalScope(actor) || (actor.role === 'agency' && !!actor.agencyId);

/** The role an actor takes on the case's steps. @throws 403 for anyone else */
export function sanctionRoleOf(actor: Actor, organisationId: string): SanctionRole {
  if (hasNationalScope(actor)) return 'OFFICER';
  if (actor.role === 'ngo' && actor.organisationId === organisationId) return 'NGO';
  throw forbidden();
}

/**
 * The cases the actor sees, as a SQL condition on `s` (sanction_cases) joined with `o` (organisations): applied in
 * every read, so a case outside the scope is simply not found.
 */
export function sanctionScope(actor: Actor) {
  if (hasNationalScope(actor)) return sql<SqlBool>`true`;
  if (actor.role === 'ngo' && actor.organisationId) {
    return sql<SqlBool>`(s.organisation_id = ${actor.organisationId} and s.notice_sent_on is not null)`;
  }
  if ((actor.role === 'agency' || actor.role === 'reviewer') && actor.agencyId) {
    const asked = sql<SqlBool>`exists (select 1 from sanction_opinions so where so.case_id = s.id and so.agency_id = ${actor.agencyId})`;
    const proposed = sql<SqlBool>`s.proposed_by_agency_id = ${actor.agencyId}`;
    const scope = actor.role === 'agency' ? organisationScope(actor) : null;
    return scope ? sql<SqlBool>`(${asked} or ${proposed} or ${scope})` : sql<SqlBool>`(${asked} or ${proposed})`;
  }
  return sql<SqlBool>`false`;
}
