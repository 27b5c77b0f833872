import { randomBytes } from 'node:crypto';
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AidItemTable, Database } from '@db/types';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { aidScopeCondition, assertNgoMayEdit } from './aid.policy';
import { findVisibleAidItem, readAidDetail, readAidRelations } from './aid-items.detail';
import type { AidDetail, CreateAidBody, UpdateAidBody } from './aid-items.schemas';
import { aidRecordIssues, legalBasisOn, referenceDate, type Issue } from './aid-items.validation';
import { inTransaction } from '@db/transaction';
import { localActivityIdentifier } from '@modules/iati/iati-publisher';

type AidRow = Selectable<AidItemTable>;
type Relations = Pick<CreateAidBody, 'locations' | 'sectors' | 'partners'>;

const invalid = (issues: Issue[]) => new AppError('validation_failed', { details: { issues } });

function actorOrThrow(ctx: WriteContext): Actor {
  if (!ctx.actor) throw new AppError('not_signed_in');
  return ctx.actor;
}

/** Ids the body names that do not exist, as field issues (nicer than a foreign-key failure). */
async function referenceIssues(trx: Transaction<Database>, body: Partial<CreateAidBody>): Promise<Issue[]> {
  const issues: Issue[] = [];
  const missing = async (
    table: 'provinces' | 'sectors' | 'agencies' | 'organisations' | 'countries' | 'currencies',
    column: 'id' | 'code',
    ids: string[],
    path: (i: number) => string,
  ) => {
    if (ids.length === 0) return;
    const found = new Set(
      (await trx.selectFrom(table).select(sql.ref<string>(column).as('key')).where(sql.ref(column), 'in', ids).execute()).map((r) => r.key),
    );
    ids.forEach((id, i) => {
      if (!found.has(id)) issues.push({ path: path(i), message: `unknown: ${id}` });
    });
  };
  const one = (value: string | null | undefined) => (value ? [value] : []);
  await missing('provinces', 'id', body.locations?.map((l) => l.provinceId) ?? [], (i) => `body.locations.${i}.provinceId`);
  await missing('sectors', 'code', body.sectors?.map((s) => s.code) ?? [], (i) => `body.sectors.${i}.code`);
  await missing('agencies', 'id', one(body.governingAgencyId), () => 'body.governingAgencyId');
  await missing('organisations', 'id', one(body.organisationId), () => 'body.organisationId');
  await missing('countries', 'code', one(body.donorCountryCode), () => 'body.donorCountryCode');
  await missing('currencies', 'code', one(body.defaultCurrency), () => 'body.defaultCurrency');
  return issues;
}

/** The columns of aid_items a body sets (undefined leaves a column as it is on update). */
function columnsOf(body: Partial<CreateAidBody>): Partial<Insertable<AidItemTable>> {
  return {
    code: body.code,
    iati_identifier: body.iatiIdentifier ?? undefined,
    modality: body.modality,
    title_vi: body.titleVi,
    title_en: body.titleEn,
    description_vi: body.descriptionVi,
    description_en: body.descriptionEn,
    organisation_id: body.organisationId,
    other_donor_name: body.otherDonorName,
    donor_country_code: body.donorCountryCode,
    governing_agency_id: body.governingAgencyId,
    aid_owner_name: body.aidOwnerName,
    status: body.status,
    approval_decision_number: body.approvalDecisionNumber,
    approval_date: body.approvalDate,
    approval_legal_basis: body.approvalLegalBasis,
    planned_start: body.plannedStart,
    planned_end: body.plannedEnd,
    actual_start: body.actualStart,
    actual_end: body.actualEnd,
    budget_revenue: body.budgetRevenue,
    default_currency: body.defaultCurrency,
  };
}

async function replaceRelations(trx: Transaction<Database>, id: string, body: Relations): Promise<void> {
  if (body.locations) {
    await trx.deleteFrom('aid_locations').where('aid_item_id', '=', id).execute();
    if (body.locations.length)
      await trx
        .insertInto('aid_locations')
        .values(
          body.locations.map((l) => ({ aid_item_id: id, province_id: l.provinceId, share: l.share, commune_code: l.communeCode ?? null })),
        )
        .execute();
  }
  if (body.sectors) {
    await trx.deleteFrom('aid_sectors').where('aid_item_id', '=', id).execute();
    if (body.sectors.length)
      await trx
        .insertInto('aid_sectors')
        .values(body.sectors.map((s) => ({ aid_item_id: id, sector_code: s.code, share: s.share })))
        .execute();
  }
  if (body.partners) {
    await trx.deleteFrom('aid_partners').where('aid_item_id', '=', id).execute();
    if (body.partners.length) {
      await trx
        .insertInto('aid_partners')
        .values(
          body.partners.map((p) => ({
            aid_item_id: id,
            role: p.role,
            name: p.name,
            organisation_id: p.organisationId ?? null,
            agency_id: p.agencyId ?? null,
          })),
        )
        .execute();
    }
  }
}

type RowFacts = Pick<
  AidRow,
  | 'organisation_id'
  | 'other_donor_name'
  | 'status'
  | 'approval_decision_number'
  | 'approval_date'
  | 'planned_start'
  | 'planned_end'
  | 'actual_start'
  | 'actual_end'
>;

/**
 * Checks the record as it will be (stored values overlaid by the change) against the rules and the reference
 * tables, before anything is written; throws every issue at once.
 */
async function validate(trx: Transaction<Database>, row: RowFacts, body: Partial<CreateAidBody>, storedId?: string): Promise<void> {
  const stored = storedId ? await readAidRelations(trx, storedId) : { locations: [], sectors: [] };
  const issues = [
    ...aidRecordIssues({
      organisationId: row.organisation_id,
      otherDonorName: row.other_donor_name,
      status: row.status,
      approvalDecisionNumber: row.approval_decision_number,
      approvalDate: row.approval_date,
      plannedStart: row.planned_start,
      plannedEnd: row.planned_end,
      actualStart: row.actual_start,
      actualEnd: row.actual_end,
      locations: body.locations ?? stored.locations,
      sectors: body.sectors ?? stored.sectors,
    }),
    ...(await referenceIssues(trx, body)),
  ];
  if (issues.length) throw invalid(issues);
}

/** The stored row with the defined values of a change laid over it. */
function overlay<T extends object>(row: T, changes: Partial<T>): T {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return { ...row, ...defined } as T;
}

/** An officer may only create or keep an item inside their own scope (a province cannot file aid for another). */
async function assertStillInScope(trx: Transaction<Database>, actor: Actor, id: string): Promise<void> {
  const visible = await trx
    .selectFrom('aid_items as i')
    .select('i.id')
    .where('i.id', '=', id)
    .where(aidScopeCondition(actor))
    .executeTakeFirst();
  if (!visible) throw new AppError('forbidden', { details: { reason: 'outside_scope' } });
}

const newCode = (date: string | null) =>
  `VT-${(date ?? new Date().toISOString()).slice(0, 4)}-${randomBytes(4).toString('hex').toUpperCase()}`;

function isUniqueViolation(error: unknown): error is { constraint?: string } {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/**
 * Registers an aid item with its locations, sectors and partners, in one transaction with its audit record.
 * An NGO files items of its own organisation, in the pipeline; an agency officer's item must fall in its scope
 * (governed by it, or located in its province), and defaults to being governed by the officer's agency.
 * @throws AppError validation_failed (every issue), forbidden, already_exists (code or IATI identifier taken)
 */
export async function createAidItem(db: Kysely<Database>, ctx: WriteContext, body: CreateAidBody): Promise<AidDetail> {
  const actor = actorOrThrow(ctx);
  if (body.status === 'REVOKED') throw new AppError('aid_revoked_by_decision');
  if (actor.role === 'ngo') {
    if (body.status && body.status !== 'PIPELINE')
      throw new AppError('forbidden', { details: { reason: 'officer_only_fields', fields: ['status'] } });
    body = { ...body, organisationId: actor.organisationId, status: 'PIPELINE', approvalDecisionNumber: null, approvalDate: null };
  }
  if (actor.role === 'agency' && body.governingAgencyId === undefined) body = { ...body, governingAgencyId: actor.agencyId };
  const status = body.status ?? 'PIPELINE';
  const approvalLegalBasis = body.approvalLegalBasis ?? (body.approvalDate ? legalBasisOn(body.approvalDate) : null);
  try {
    const id = await inTransaction(db, async (trx) => {
      await validate(
        trx,
        {
          organisation_id: body.organisationId ?? null,
          other_donor_name: body.otherDonorName ?? null,
          status,
          approval_decision_number: body.approvalDecisionNumber ?? null,
          approval_date: body.approvalDate ?? null,
          planned_start: body.plannedStart ?? null,
          planned_end: body.plannedEnd ?? null,
          actual_start: body.actualStart ?? null,
          actual_end: body.actualEnd ?? null,
        },
        body,
      );
      const code =
        body.code ??
        newCode(
          referenceDate({
            approvalDate: body.approvalDate ?? null,
            plannedStart: body.plannedStart ?? null,
            actualStart: body.actualStart ?? null,
          }),
        );
      const row = await trx
        .insertInto('aid_items')
        .values({
          ...columnsOf(body),
          code,
          // Its IATI identifier from the start: what vnaid's export publishes, so a re-import finds the item.
          iati_identifier: body.iatiIdentifier ?? localActivityIdentifier(code),
          modality: body.modality,
          title_vi: body.titleVi,
          status,
          approval_legal_basis: approvalLegalBasis,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await replaceRelations(trx, row.id, body);
      await assertStillInScope(trx, actor, row.id);
      await writeAudit(trx, ctx, {
        action: 'aid_item.create',
        entityType: 'aid_item',
        entityId: row.id,
        after: { ...row, locations: body.locations, sectors: body.sectors, partners: body.partners },
      });
      return row.id;
    });
    return (await readAidDetail(db, actor, id))!;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('already_exists', { details: { field: error.constraint?.includes('iati') ? 'iatiIdentifier' : 'code' } });
    throw error;
  }
}

/**
 * Changes an aid item (optimistic concurrency on `version`); locations, sectors and partners are replaced when
 * given. The before and after images go to the audit trail in the same transaction.
 * @throws AppError not_found (also outside scope), stale_version (409 with the current record), forbidden, validation_failed
 */
export async function updateAidItem(db: Kysely<Database>, ctx: WriteContext, id: string, body: UpdateAidBody): Promise<AidDetail> {
  const actor = actorOrThrow(ctx);
  if (actor.role === 'reviewer') throw new AppError('forbidden');
  try {
    await inTransaction(db, async (trx) => {
      const before = await findVisibleAidItem(trx, actor, id, { forUpdate: true });
      if (!before) throw notFound('aid_item');
      if (before.version !== body.version)
        throw staleVersion({ currentVersion: before.version, current: await readAidDetail(trx, actor, id) });
      // A revocation is a decision (aid-revocation.service.ts), never a field edit; nor is undoing one.
      if (body.status !== undefined && body.status !== before.status && (body.status === 'REVOKED' || before.status === 'REVOKED'))
        throw new AppError('aid_revoked_by_decision');
      assertNgoMayEdit(actor, before.status, body, {
        status: before.status,
        approvalDecisionNumber: before.approval_decision_number,
        approvalDate: before.approval_date,
        approvalLegalBasis: before.approval_legal_basis,
      });
      const { version: _version, locations, sectors, partners, ...fields } = body;
      const changes = columnsOf(fields);
      if (fields.approvalDate && fields.approvalLegalBasis === undefined && !before.approval_legal_basis)
        changes.approval_legal_basis = legalBasisOn(fields.approvalDate);
      await validate(trx, overlay(before, changes as Partial<AidRow>), { ...fields, locations, sectors, partners }, id);
      const relationsBefore = await readAidRelations(trx, id);
      const after = await trx
        .updateTable('aid_items')
        .set({ ...changes, updated_at: new Date(), version: before.version + 1 })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await replaceRelations(trx, id, { locations, sectors, partners });
      await assertStillInScope(trx, actor, id);
      await writeAudit(trx, ctx, {
        action: 'aid_item.update',
        entityType: 'aid_item',
        entityId: id,
        before: { ...before, ...relationsBefore },
        after: { ...after, locations, sectors, partners },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('already_exists', { details: { field: error.constraint?.includes('iati') ? 'iatiIdentifier' : 'code' } });
    throw error;
  }
  return (await readAidDetail(db, actor, id))!;
}
