/**
 * Who sees and does what in supervision.
 *
 * - admin, central: every organisation's obligations; they waive an obligation (with a reason) and record receipts.
 * - agency (ministry or province): the obligations of the organisations in its registry scope (registry.policy.ts,
 *   applied in SQL); a province officer sees only the implementation plans addressed to its own province (old
 *   63-unit ids rolled up), not those sent to other provinces.
 * - ngo: its own organisation only; it records fulfilments (bank account notice, implementation plan with its file,
 *   data update) and the date it received a certificate.
 * - reviewer, anonymous: nothing.
 */
import { sql, type SqlBool } from 'kysely';
import type { Obligation, ObligationKind } from '@domain/registration/obligations';
import { forbidden, notFound } from '@errors/app-error';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import { organisationScope } from '@modules/registry/registry.policy';
import type { Db } from '@db/transaction';

/** Kinds the NGO itself marks as done (the others follow the annual report, the activity record or a waiver). */
export const NGO_FULFILLABLE: ReadonlySet<ObligationKind> = new Set(['BANK_ACCOUNT_NOTICE', 'IMPLEMENTATION_PLAN', 'DATA_UPDATE']);

export const canWaive = (actor: Actor): boolean => hasNationalScope(actor);

/**
 * The organisation, if the actor may see its obligations: 403 for an NGO asking about another organisation, 404
 * when it does not exist or lies outside an officer's scope (scope applied in the SQL).
 */
export async function assertOrganisationVisible(db: Db, actor: Actor, organisationId: string): Promise<{ id: string; name: string }> {
  if (actor.role === 'ngo' && actor.organisationId !== organisationId) throw forbidden();
  if (actor.role === 'reviewer') throw forbidden();
  const scope = organisationScope(actor);
  const row = await db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name_original as name'])
    .where('o.id', '=', organisationId)
    .where(scope ?? sql<SqlBool>`true`)
    .executeTakeFirst();
  if (!row) throw notFound('organisation');
  return row;
}

/** Whether the actor sees this obligation (a province officer: implementation plans to its own province only). */
export function seesObligation(actor: Actor, o: Pick<Obligation, 'kind' | 'provinceId'>, rollUp: ReadonlyMap<string, string>): boolean {
  if (o.kind !== 'IMPLEMENTATION_PLAN' || actor.role !== 'agency' || !actor.provinceId) return true;
  return !!o.provinceId && (rollUp.get(o.provinceId) ?? o.provinceId) === actor.provinceId;
}
