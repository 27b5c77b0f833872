/**
 * Who sees and does what with inspection plans and inspections (issue 14 §3). Scope is a SQL condition.
 *
 * - admin, central: every plan and inspection; they plan and record any, for any NGO and province.
 * - agency (a province's People's Committee or a ministry): the plans and inspections it leads or takes part in
 *   (its agency or one it succeeded, as owner, lead or participant). It plans and records its own: lead = its
 *   agency, NGOs of its registry scope, and — for a province — only its own province (former units included).
 *   The lead agency edits an inspection; the agency owning a follow-up action marks it done.
 * - ngo, reviewer, owner, anonymous: nothing.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { AppError, forbidden } from '@errors/app-error';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import { agencyAndPredecessors } from '@modules/aid/aid.policy';

const col = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** Whether the actor plans and records inspections for anyone (central, admin). */
export const isCentral = (actor: Actor | null): boolean => hasNationalScope(actor);

/** The agency an agency officer acts for, else null. */
export const agencyOf = (actor: Actor | null): string | null => (actor?.role === 'agency' ? actor.agencyId : null);

/** The agency chain of the actor (its agency and those it succeeded) as a SQL array. */
const chainArray = (agency: string) => sql`array${agencyAndPredecessors(agency)}`;

/** The plans the actor may read (alias `p` on inspection_plans). */
export function planScopeCondition(actor: Actor | null, alias = 'p'): RawBuilder<SqlBool> {
  if (isCentral(actor)) return sql<SqlBool>`true`;
  const agency = agencyOf(actor);
  if (!agency) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${col(alias, 'owner_agency_id')} in ${agencyAndPredecessors(agency)}
    or exists (select 1 from inspection_plan_entries pe where pe.plan_id = ${col(alias, 'id')}
      and (pe.lead_agency_id in ${agencyAndPredecessors(agency)} or pe.agency_ids && ${chainArray(agency)})))`;
}

/** The inspections the actor may read (alias `i` on inspections). */
export function inspectionScopeCondition(actor: Actor | null, alias = 'i'): RawBuilder<SqlBool> {
  if (isCentral(actor)) return sql<SqlBool>`true`;
  const agency = agencyOf(actor);
  if (!agency) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${col(alias, 'lead_agency_id')} in ${agencyAndPredecessors(agency)}
    or ${col(alias, 'agency_ids')} && ${chainArray(agency)})`;
}

/** A selectable boolean: the actor leads inspection `i` (or is central), so it may edit it. */
export function leadsSql(actor: Actor | null, alias = 'i', column = 'lead_agency_id'): RawBuilder<boolean> {
  if (isCentral(actor)) return sql<boolean>`true`;
  const agency = agencyOf(actor);
  return agency ? sql<boolean>`(${col(alias, column)} in ${agencyAndPredecessors(agency)})` : sql<boolean>`false`;
}

/** Only central officers and agency officers plan and record inspections. @throws AppError forbidden */
export function assertPlanner(actor: Actor | null): Actor {
  if (!actor || !(isCentral(actor) || agencyOf(actor))) throw forbidden();
  return actor;
}

/** Something the caller named lies outside its scope (an NGO, a province, a lead agency): 403 with the path. */
export const outOfScope = (path: string, value: string) =>
  new AppError('supervision_out_of_scope', { params: { value }, details: { path, value } });
