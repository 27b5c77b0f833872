import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';
import { agencyAndPredecessors } from '@modules/aid/aid.policy';
import { isCentral } from './meetings.policy';

/**
 * Who sees and does what with awards. Scope is a SQL condition on programme_awards (alias `w`).
 *
 * - admin, central: every nomination; they record the decision (decided or declined) and may nominate for any agency;
 * - agency: its own agency's nominations (those of agencies it succeeded too) in every state, and decided awards;
 * - reviewer, ngo: decided awards only; visitors see decided awards on the NGOs' public profiles.
 */
export function awardScopeCondition(actor: Actor | null, alias = 'w'): RawBuilder<SqlBool> {
  if (isCentral(actor)) return sql<SqlBool>`true`;
  const decided = sql<SqlBool>`${sql.ref(`${alias}.status`)} = 'DECIDED'`;
  if (actor?.role === 'agency' && actor.agencyId)
    return sql<SqlBool>`(${decided} or ${sql.ref(`${alias}.nominating_agency_id`)} in ${agencyAndPredecessors(actor.agencyId)})`;
  return decided;
}

/**
 * The agency a nomination is filed for: an agency officer's own; central names one (or its own).
 * @throws AppError forbidden (another role, or an agency officer naming another agency), validation_failed
 */
export function nominatingAgencyFor(actor: Actor, requested: string | undefined): string {
  if (actor.role === 'agency') {
    if (!actor.agencyId) throw new AppError('forbidden');
    if (requested && requested !== actor.agencyId) throw new AppError('forbidden', { details: { reason: 'other_agency' } });
    return actor.agencyId;
  }
  if (!isCentral(actor)) throw new AppError('forbidden');
  const agency = requested ?? actor.agencyId;
  if (!agency) throw new AppError('validation_failed', { details: { issues: [{ path: 'body.nominatingAgencyId', message: 'required' }] } });
  return agency;
}
