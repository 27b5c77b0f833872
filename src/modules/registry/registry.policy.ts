import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { hasNationalScope, type Actor } from '@modules/auth/actor';

/**
 * Who may see and do what in the registry.
 *
 * - admin, central: every organisation, every write (create, edit, certificate decisions, import).
 * - agency (a ministry or a provincial People's Committee): read-only, and only organisations holding a
 *   certificate whose current content covers them: for a province, a certificate province that rolls up to it
 *   (old 63-unit codes included); for a ministry, a certificate field whose line ministry it is
 *   (sectors.line_ministry_id). Person data is reduced to name, nationality and role for them.
 * - ngo: only its own organisation, through /api/my-organisation; it may edit the contact fields only.
 * - reviewer: nothing here (consulted agencies see dossiers in the procedures module).
 * - anonymous: the public directory (no person data, no bank accounts).
 *
 * Scope is applied inside the SQL (the `o` alias is the organisations table), never after the fact.
 */
export const canManageRegistry = (actor: Actor | null): boolean => hasNationalScope(actor);

/** Whether the actor sees personal data (passport, contacts, date of birth) of representatives. */
export const seesPersonalData = canManageRegistry;

/**
 * Organisations holding a certificate whose current content (its highest version) matches `condition` on the
 * version `v`. Written as a set (`o.id in (...)`): the GIN indexes on province_ids and sector_codes find the
 * versions, and only those are checked for being current, so a filter costs one pass, not one lookup per organisation.
 */
const holdingCurrentVersion = (condition: RawBuilder<SqlBool>): RawBuilder<SqlBool> =>
  sql<SqlBool>`o.id in (select c.organisation_id from certificate_versions v join certificates c on c.id = v.certificate_id
    where ${condition}
      and not exists (select 1 from certificate_versions newer where newer.certificate_id = v.certificate_id and newer.version > v.version))`;

/** Organisation `o` holds a certificate whose current provinces roll up to `provinceId` (a new34 id). */
export const coversProvince = (provinceId: string): RawBuilder<SqlBool> =>
  holdingCurrentVersion(sql<SqlBool>`v.province_ids && array(select p.id from provinces p where p.rolls_up_to = ${provinceId})`);

/** Organisation `o` holds a certificate whose current fields include `sectorCode`. */
export const coversSector = (sectorCode: string): RawBuilder<SqlBool> =>
  holdingCurrentVersion(sql<SqlBool>`v.sector_codes @> array[${sectorCode}]::text[]`);

/** Organisation `o` holds a certificate in a field whose line ministry is `agencyId`. */
const coversMinistry = (agencyId: string): RawBuilder<SqlBool> =>
  holdingCurrentVersion(sql<SqlBool>`v.sector_codes && array(select s.code from sectors s where s.line_ministry_id = ${agencyId})`);

/**
 * The where clause limiting officer reads to the actor's scope; null when the actor sees everything.
 * Roles without registry access get a clause that matches nothing (the route policy refuses them earlier anyway).
 */
export function organisationScope(actor: Actor): RawBuilder<SqlBool> | null {
  if (canManageRegistry(actor)) return null;
  if (actor.role === 'agency' && actor.provinceId) return coversProvince(actor.provinceId);
  if (actor.role === 'agency' && actor.agencyId) return coversMinistry(actor.agencyId);
  if (actor.role === 'ngo' && actor.organisationId) return sql<SqlBool>`o.id = ${actor.organisationId}`;
  return sql<SqlBool>`false`;
}

/**
 * What the public directory lists: organisations that hold or held a certificate (one issued by `today`). An
 * organisation known only from a pending application is not published; officers see it in their own list.
 */
export const publiclyListed = (today: string): RawBuilder<SqlBool> => sql<SqlBool>`o.listed_from <= ${today}::date`;
