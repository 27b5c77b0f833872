import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ProgrammeReportRole } from '@domain/programme';
import { AppError } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';
import { isCentral } from './needs.policy';

/**
 * Who sees and files the yearly Programme reports. A ministry's or province's officer (role `agency`) sees and
 * files only its own agency's report; administrators and central officers see all, return them and remind.
 * Everyone else (NGO, reviewer, aid owner, public) is denied by the routes' policies.
 */

/** The SQL condition on programme_reports (alias `r`) limiting rows to what the actor may read. */
export function programmeReportScope(actor: Actor | null, alias = 'r'): RawBuilder<SqlBool> {
  if (isCentral(actor)) return sql<SqlBool>`true`;
  if (actor?.role === 'agency' && actor.agencyId) return sql<SqlBool>`${sql.ref(`${alias}.agency_id`)} = ${actor.agencyId}`;
  return sql<SqlBool>`false`;
}

/**
 * The actor's part in one agency's report: central, the reporting agency itself, or none.
 * @throws AppError forbidden (another agency's report, or a role without a part)
 */
export function programmeReportRoleOf(actor: Actor | null, agencyId: string): ProgrammeReportRole {
  if (isCentral(actor)) return 'central';
  if (actor?.role === 'agency' && actor.agencyId === agencyId) return 'reporter';
  throw new AppError('forbidden', { details: { reason: 'other_agency' } });
}
