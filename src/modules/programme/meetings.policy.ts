import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from '@errors/app-error';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import { agencyAndPredecessors } from '@modules/aid/aid.policy';

/**
 * Who sees and does what with coordination meetings. Scope is a SQL condition on programme_meetings (alias `m`).
 *
 * - admin, central: every meeting; they create and edit meetings, participants, documents and tasks;
 * - agency, reviewer (an agency's officers): the meetings their agency (or one it succeeded) takes part in or owns
 *   a task of; they mark their own agency's tasks done (or open again);
 * - ngo: the meetings its organisation took part in, read-only;
 * - anyone else: nothing here; visitors read public meetings through the public route only.
 */
export const isCentral = (actor: Actor | null): boolean => hasNationalScope(actor);

const col = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** An agency officer's agency, for the roles that act for one. */
const agencyOf = (actor: Actor | null): string | null =>
  actor && (actor.role === 'agency' || actor.role === 'reviewer') ? actor.agencyId : null;

/** The meetings the actor may read. */
export function meetingScopeCondition(actor: Actor | null, alias = 'm'): RawBuilder<SqlBool> {
  if (isCentral(actor)) return sql<SqlBool>`true`;
  const agency = agencyOf(actor);
  if (agency)
    return sql<SqlBool>`(exists (select 1 from programme_meeting_agencies pa
        where pa.meeting_id = ${col(alias, 'id')} and pa.agency_id in ${agencyAndPredecessors(agency)})
      or exists (select 1 from programme_meeting_tasks pt
        where pt.meeting_id = ${col(alias, 'id')} and pt.owner_agency_id in ${agencyAndPredecessors(agency)}))`;
  if (actor?.role === 'ngo' && actor.organisationId)
    return sql<SqlBool>`exists (select 1 from programme_meeting_organisations po
      where po.meeting_id = ${col(alias, 'id')} and po.organisation_id = ${actor.organisationId})`;
  return sql<SqlBool>`false`;
}

/** Meetings marked public: all a visitor may read of them is title, date and conclusions. */
export const publicMeetingCondition = (alias = 'm'): RawBuilder<SqlBool> => sql<SqlBool>`${col(alias, 'is_public')}`;

/** A selectable boolean: the task `t` is owned by the actor's agency (or one it succeeded). */
export function ownTaskSql(actor: Actor | null, alias = 't'): RawBuilder<boolean> {
  if (isCentral(actor)) return sql<boolean>`true`;
  const agency = agencyOf(actor);
  return agency ? sql<boolean>`(${col(alias, 'owner_agency_id')} in ${agencyAndPredecessors(agency)})` : sql<boolean>`false`;
}

/** Only central officers and administrators organise meetings. @throws AppError forbidden */
export function assertOrganiser(actor: Actor): void {
  if (!isCentral(actor)) throw new AppError('forbidden');
}

/**
 * A task's status is changed by central or by the agency that owns it; another participant is told so.
 * @throws AppError meeting_task_other_agency (403) naming the owner
 */
export function assertTaskOwner(actor: Actor, own: boolean, ownerAgencyId: string): void {
  if (!own) throw new AppError('meeting_task_other_agency', { params: { owner: ownerAgencyId }, details: { ownerAgencyId } });
}
