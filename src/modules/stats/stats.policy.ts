import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import type { StatsFilter } from './stats.filters';

/** Whose figures a caller sees: the country, one province, or the aid a ministry governs. */
export type StatsScope =
  { kind: 'national' } | { kind: 'province'; provinceId: string } | { kind: 'ministry'; agencyId: string; agencyIds: string[] };

/** The agency and every body it succeeded (MOF also answers for the former MPI's aid). */
export async function agencyLineage(db: Kysely<Database>, agencyId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive lineage(id) as (select ${agencyId}::text union select a.id from agencies a join lineage l on a.successor_id = l.id)
    select id from lineage`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * National figures are public. A province officer's dashboard is limited to the province and a ministry
 * officer's to the aid it governs, unless they ask for the public national view. Central officers and
 * administrators may look at any province or ministry.
 */
export async function resolveScope(
  db: Kysely<Database>,
  actor: Actor | null,
  requested: { view?: 'own' | 'national'; agency?: string },
): Promise<StatsScope> {
  if (requested.agency) {
    if (!hasNationalScope(actor)) throw new AppError('forbidden');
    const agency = await db
      .selectFrom('agencies')
      .select(['id', 'province_id', 'kind'])
      .where('id', '=', requested.agency)
      .executeTakeFirst();
    if (!agency) throw new AppError('not_found', { params: { entity: 'agency' }, details: { entity: 'agency' } });
    if (agency.kind === 'PROVINCE' && agency.province_id) return { kind: 'province', provinceId: agency.province_id };
    return { kind: 'ministry', agencyId: agency.id, agencyIds: await agencyLineage(db, agency.id) };
  }
  if (actor?.role !== 'agency' || requested.view === 'national' || !actor.agencyId) return { kind: 'national' };
  if (actor.provinceId) return { kind: 'province', provinceId: actor.provinceId };
  return { kind: 'ministry', agencyId: actor.agencyId, agencyIds: await agencyLineage(db, actor.agencyId) };
}

/**
 * Applies a scope to the filters chosen on screen. A province scope fixes the province: asking for another one
 * is refused rather than silently answered with the officer's own.
 */
export function applyScope(scope: StatsScope, filter: StatsFilter): StatsFilter {
  if (scope.kind === 'province') {
    if (filter.province && filter.province !== scope.provinceId) throw new AppError('forbidden');
    return { ...filter, province: scope.provinceId };
  }
  if (scope.kind === 'ministry') return { ...filter, agencyIds: scope.agencyIds };
  return filter;
}
