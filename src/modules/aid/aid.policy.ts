import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import { sqlVietnamToday } from '@db/vietnam-today';
import { aidRulesOn } from '@domain/reporting';
import { AppError } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';

/**
 * Who sees and changes which aid items. The data scope is a SQL condition on the aid item row (alias `i` by
 * default), so every list, count, export and detail query filters inside the database, never after the fact.
 *
 * - admin, central: every item;
 * - agency with a province (`UBND:new34:NN`): items located in the province, old provinces merged into it
 *   included (aid_locations → provinces.rolls_up_to), plus items it governs;
 * - agency without a province (a ministry) and reviewer: items whose governing agency is theirs, or an agency
 *   whose successor chain leads to theirs (MPI's items belong to MOF since 01/03/2025);
 * - agency (either kind): also the items with an adjustment request routed to it, and for MOF the aid approved at
 *   the Prime Minister's level (it handles the PM's approvals, adjustments and revocations);
 * - ngo: items of its own organisation;
 * - owner (a Vietnamese aid owner): items whose aid owner is its agency (aid_owner_agency_id);
 * - anonymous: see {@link publicAidCondition}.
 */

const col = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** The ids of an agency and of every agency whose successor chain leads to it. */
export const agencyAndPredecessors = (agencyId: string): RawBuilder<unknown> => sql`(
  with recursive chain(id) as (
    select ${agencyId}::text
    union
    select a.id from agencies a join chain c on a.successor_id = c.id
  ) select id from chain)`;

/**
 * Items located in the current province that `provinceId` is, or rolls up to. Written as an uncorrelated IN so
 * PostgreSQL reads the province's few locations once (index on aid_locations.province_id) and hashes them.
 */
export const locatedInProvince = (provinceId: string, alias = 'i'): RawBuilder<SqlBool> => sql<SqlBool>`${col(alias, 'id')} in (
  select l.aid_item_id from aid_locations l
   where l.province_id in (select p.id from provinces p where p.rolls_up_to = (select rolls_up_to from provinces where id = ${provinceId})))`;

/** Items governed by the agency or by one of its predecessors. */
export const governedBy = (agencyId: string, alias = 'i'): RawBuilder<SqlBool> =>
  sql<SqlBool>`${col(alias, 'governing_agency_id')} in ${agencyAndPredecessors(agencyId)}`;

/** Items with an adjustment request routed to the agency (the Ministry of Finance for a PM case: D80 Art. 16). */
export const adjustmentRoutedTo = (agencyId: string, alias = 'i'): RawBuilder<SqlBool> =>
  sql<SqlBool>`${col(alias, 'id')} in (select j.aid_item_id from aid_adjustments j where j.approver_agency_id in ${agencyAndPredecessors(agencyId)})`;

/** The body that handles Prime-Minister-level aid for the PM (MPI's role, MOF's since 01/03/2025). */
const PM_BODY = 'MOF';

/** Items approved at the Prime Minister's level (their approval dossier said so). */
export const approvedAtPmLevel = (alias = 'i'): RawBuilder<SqlBool> =>
  sql<SqlBool>`${col(alias, 'id')} in (select d.aid_item_id from dossiers d
    where d.procedure_code = 'AID_APPROVAL' and d.aid_item_id is not null and d.application->>'approvalLevel' = 'PM')`;

/** Items whose approval, adjustments or revocation the agency handles beyond what it governs (MOF: PM-level aid). */
const handledBy = (agencyId: string, alias: string): RawBuilder<SqlBool> =>
  agencyId === PM_BODY
    ? sql<SqlBool>`(${adjustmentRoutedTo(agencyId, alias)} or ${approvedAtPmLevel(alias)})`
    : adjustmentRoutedTo(agencyId, alias);

/** The SQL condition limiting aid items to the actor's scope (false for anyone without one). */
export function aidScopeCondition(actor: Actor | null, alias = 'i'): Expression<SqlBool> {
  if (!actor) return publicAidCondition(alias);
  switch (actor.role) {
    case 'admin':
    case 'central':
      return sql<SqlBool>`true`;
    case 'agency':
      if (!actor.agencyId) return sql<SqlBool>`false`;
      return actor.provinceId
        ? sql<SqlBool>`(${locatedInProvince(actor.provinceId, alias)} or ${governedBy(actor.agencyId, alias)} or ${handledBy(actor.agencyId, alias)})`
        : sql<SqlBool>`(${governedBy(actor.agencyId, alias)} or ${handledBy(actor.agencyId, alias)})`;
    case 'reviewer':
      return actor.agencyId ? governedBy(actor.agencyId, alias) : sql<SqlBool>`false`;
    case 'ngo':
      return actor.organisationId ? sql<SqlBool>`${col(alias, 'organisation_id')} = ${actor.organisationId}` : sql<SqlBool>`false`;
    case 'owner':
      return actor.agencyId ? sql<SqlBool>`${col(alias, 'aid_owner_agency_id')} = ${actor.agencyId}` : sql<SqlBool>`false`;
    default:
      return sql<SqlBool>`false`;
  }
}

/** Applies the actor's scope to a query over aid items (alias `i` unless told). */
export function scopeAidItems<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  actor: Actor | null,
  alias = 'i',
): SelectQueryBuilder<DB, TB, O> {
  return query.where(aidScopeCondition(actor, alias));
}

/**
 * The status to show: the stored one. Nothing lapses by itself (D80 Art. 4.7): an approved item not started in
 * six months stays APPROVED, flagged by {@link mayBeRevokedSql}, until its approver revokes it.
 */
export function effectiveStatusSql(alias = 'i'): RawBuilder<string> {
  return sql<string>`${col(alias, 'status')}`;
}

/**
 * The "not started for 6 months — may be revoked" flag in SQL (src/domain/reporting/lapse.ts `mayBeRevoked`, same
 * month arithmetic): APPROVED, no actual start, no disbursement recorded, and the six months after approval run.
 */
export function mayBeRevokedSql(alias = 'i'): RawBuilder<boolean> {
  const months = aidRulesOn(vietnamToday()).lapseMonths;
  return sql<boolean>`(${col(alias, 'status')} = 'APPROVED' and ${col(alias, 'actual_start')} is null
    and ${col(alias, 'approval_date')} + make_interval(months => ${months}) < ${sqlVietnamToday}
    and not exists (select 1 from aid_transactions rt where rt.aid_item_id = ${col(alias, 'id')} and rt.kind = 'DISBURSEMENT'))`;
}

/**
 * The items whose approver the actor speaks for: national officers every item; an agency officer the items its
 * agency (or a predecessor: MPI's belong to MOF) governs and so approved, except aid the Prime Minister approved,
 * whose approver MOF speaks for. A province's officer does not decide for aid merely located in its province. Who
 * may revoke an item (D80 Art. 4.7).
 */
export function approverCondition(actor: Actor, alias = 'i'): Expression<SqlBool> {
  if (actor.role === 'admin' || actor.role === 'central') return sql<SqlBool>`true`;
  if (actor.role !== 'agency' || !actor.agencyId) return sql<SqlBool>`false`;
  if (actor.agencyId === PM_BODY) return sql<SqlBool>`(${governedBy(actor.agencyId, alias)} or ${approvedAtPmLevel(alias)})`;
  return sql<SqlBool>`(${governedBy(actor.agencyId, alias)} and not ${approvedAtPmLevel(alias)})`;
}

/**
 * What the public sees is what the statistics count: one definition (`stats_counted_status`, the SQL twin of
 * `COUNTED_AID_STATUSES` in src/domain/statistics/definitions.ts): approved, ongoing and completed aid, never a
 * pipeline, cancelled or revoked item. An approved item not started six months after approval is still approved:
 * its approver *may* revoke it (D80 Art. 4.7), nothing lapses by itself, so it stays public until a decision says so.
 */
export function publicAidCondition(alias = 'i'): Expression<SqlBool> {
  return sql<SqlBool>`stats_counted_status(${col(alias, 'status')})`;
}

/** Roles that may create aid items and record transactions (reviewers only read what they govern). */
export const aidWriterRoles = ['admin', 'central', 'agency', 'ngo'] as const;

/** Fields only state officers may set: the approval and the lifecycle status. */
export const OFFICER_ONLY_FIELDS = ['status', 'approvalDecisionNumber', 'approvalDate', 'approvalLegalBasis'] as const;

/**
 * Refuses an NGO's change to approval or status fields, and any change to an item that is no longer in the
 * pipeline: once approved, the governing agency owns the record (the NGO still reports disbursements).
 * @throws AppError forbidden
 */
export function assertNgoMayEdit(
  actor: Actor,
  storedStatus: string,
  changes: Record<string, unknown>,
  current: Record<string, unknown>,
): void {
  if (actor.role !== 'ngo') return;
  if (storedStatus !== 'PIPELINE') throw new AppError('forbidden', { details: { reason: 'aid_item_not_in_pipeline' } });
  const touched = OFFICER_ONLY_FIELDS.filter((field) => changes[field] !== undefined && changes[field] !== current[field]);
  if (touched.length > 0) throw new AppError('forbidden', { details: { reason: 'officer_only_fields', fields: touched } });
}

/**
 * The organisations whose reports the actor may see, as a condition on an organisation id column: national
 * officers all; an NGO its own; an agency officer or reviewer the organisations with at least one aid item in
 * their own aid scope (located in their province, or governed by them).
 */
export function organisationScopeCondition(actor: Actor, organisationColumn: string): Expression<SqlBool> {
  const org = sql.ref(organisationColumn);
  switch (actor.role) {
    case 'admin':
    case 'central':
      return sql<SqlBool>`true`;
    case 'ngo':
      return actor.organisationId ? sql<SqlBool>`${org} = ${actor.organisationId}` : sql<SqlBool>`false`;
    default:
      return sql<SqlBool>`exists (select 1 from aid_items scoped where scoped.organisation_id = ${org} and ${aidScopeCondition(actor, 'scoped')})`;
  }
}
