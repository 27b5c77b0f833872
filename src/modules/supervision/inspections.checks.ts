/**
 * The checks every plan entry and inspection passes before it is written: the organisation, agencies and
 * provinces it names exist (400 unknown_reference listing each), and — for an agency officer — the organisation
 * is in its registry scope, it leads the visit itself and the provinces are its own (403 supervision_out_of_scope).
 */
import { sql, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { provincesWithin } from '@domain/supervision/inspections';
import { AppError } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';
import { organisationScope } from '@modules/registry/registry.policy';
import { unknownReferenceError, type UnknownReference } from '@modules/registry/registry-references';
import { provinceRollUps } from './obligations.repository';
import { agencyOf, isCentral, outOfScope } from './inspections.policy';

/** One visit (plan entry or inspection) as named in a request, with the path of its fields. */
export type VisitRefs = {
  path: string;
  organisationId: string;
  leadAgencyId?: string | undefined;
  agencyIds: readonly string[];
  provinceIds: readonly string[];
  extraAgencies?: readonly { path: string; id: string }[];
};

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: { issues: [{ path, message }] } });

/**
 * The lead agency of a visit: the one named (central), or the officer's own agency. An agency officer naming
 * another agency as lead gets 403.
 */
export function leadAgencyFor(actor: Actor, path: string, named: string | undefined): string {
  const own = agencyOf(actor);
  if (!isCentral(actor)) {
    if (!own) throw outOfScope(path, named ?? '');
    if (named && named !== own) throw outOfScope(`${path}.leadAgencyId`, named);
    return own;
  }
  const lead = named ?? actor.agencyId;
  if (!lead) throw invalid(`${path}.leadAgencyId`, 'required');
  return lead;
}

/** Checks every visit's references and scope (see module doc). */
export async function checkVisits(trx: Transaction<Database>, actor: Actor, visits: readonly (VisitRefs & { lead: string })[]) {
  if (!visits.length) return;
  const unknown: UnknownReference[] = [];
  const agencyIds = [...new Set(visits.flatMap((v) => [v.lead, ...v.agencyIds, ...(v.extraAgencies ?? []).map((a) => a.id)]))];
  const orgIds = [...new Set(visits.map((v) => v.organisationId))];
  const [agencies, orgs, rollUp] = await Promise.all([
    trx.selectFrom('agencies').select('id').where('id', 'in', agencyIds).execute(),
    trx.selectFrom('organisations').select('id').where('id', 'in', orgIds).execute(),
    provinceRollUps(trx),
  ]);
  const agencySet = new Set(agencies.map((a) => a.id));
  const orgSet = new Set(orgs.map((o) => o.id));
  for (const v of visits) {
    if (!orgSet.has(v.organisationId)) unknown.push({ path: `${v.path}.organisationId`, kind: 'organisation', value: v.organisationId });
    if (!agencySet.has(v.lead)) unknown.push({ path: `${v.path}.leadAgencyId`, kind: 'agency', value: v.lead });
    v.agencyIds.forEach((id, i) => {
      if (!agencySet.has(id)) unknown.push({ path: `${v.path}.agencyIds.${i}`, kind: 'agency', value: id });
    });
    (v.extraAgencies ?? []).forEach((a) => {
      if (!agencySet.has(a.id)) unknown.push({ path: a.path, kind: 'agency', value: a.id });
    });
    v.provinceIds.forEach((id, i) => {
      if (!rollUp.has(id)) unknown.push({ path: `${v.path}.provinceIds.${i}`, kind: 'province', value: id });
    });
  }
  if (unknown.length) throw unknownReferenceError(unknown);
  if (isCentral(actor)) return;

  if (actor.provinceId)
    for (const v of visits)
      if (!provincesWithin(actor.provinceId, v.provinceIds, rollUp))
        throw outOfScope(`${v.path}.provinceIds`, v.provinceIds.find((p) => !provincesWithin(actor.provinceId!, [p], rollUp)) ?? '');
  const scope = organisationScope(actor);
  const inScope = new Set(
    (
      await trx
        .selectFrom('organisations as o')
        .select('o.id')
        .where('o.id', 'in', orgIds)
        .where(scope ?? sql<SqlBool>`true`)
        .execute()
    ).map((o) => o.id),
  );
  const outside = visits.find((v) => !inScope.has(v.organisationId));
  if (outside) throw outOfScope(`${outside.path}.organisationId`, outside.organisationId);
}
