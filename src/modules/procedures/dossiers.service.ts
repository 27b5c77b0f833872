import { sql, type Kysely } from 'kysely';
import { procedureFor, type ProcedureVersion } from '@domain/procedures';
import type { Database } from '@db/types';
import { AppError, forbidden, notFound, staleVersion } from '@errors/app-error';
import { offsetOf } from '@http/pagination';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { routeDraft } from './aid-approval-routing';
import { consultationPlan } from './consultations.service';
import { currentContent } from './decision.registry';
import { DOSSIER_DATE_COLUMNS } from './deadlines';
import { checkActions } from './action-checks';
import { actionsFor, detailView, LIST_COLUMNS, listItem } from './dossier-view';
import { dossierParts, type DossierRow } from './dossiers.repository';
import type { CreateDossierBody, DossierDetail, ListDossiersQuery } from './dossiers.schemas';
import { loadCatalogue, versionById } from './procedures.catalogue';
import { dossierRoles, visibleDossiers } from './procedures.policy';
import type { DossierApplication } from './procedures.tables';
import { groupBy } from './group-by';
import type { Db } from '@db/transaction';

const ORG_NAME = sql<string>`coalesce(o.name_vi, o.name_en, o.name_original)`;

/** Procedures that act on an existing certificate of the organisation. */
export const NEEDS_CERTIFICATE = new Set(['EXTEND_GDKHD', 'EXTEND_GDKVPDD', 'AMEND', 'REISSUE', 'SELF_TERMINATION']);

/** A visible dossier with its organisation's name, or 404 (a dossier outside the caller's scope does not exist for it). */
export async function findVisible(db: Db, actor: Actor, id: string): Promise<DossierRow & { organisation_name: string }> {
  const row = await visibleDossiers(db as Kysely<Database>, actor)
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .selectAll('d')
    .select(ORG_NAME.as('organisation_name'))
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('dossier');
  return row;
}

async function certificateSummary(db: Db, id: string | null) {
  if (!id) return null;
  const c = await currentContent(db, id);
  return c ? { id: c.id, number: c.number, type: c.type, validUntil: c.valid_until } : null;
}

/** The full page of one dossier as `actor` sees it. */
export async function getDossier(db: Kysely<Database>, actor: Actor, id: string, today: string): Promise<DossierDetail> {
  const row = await findVisible(db, actor, id);
  const [calendar, catalogue, parts, subject, result] = await Promise.all([
    loadCalendar(db),
    loadCatalogue(db),
    dossierParts(db, id),
    certificateSummary(db, row.certificate_id),
    certificateSummary(db, row.certificate_result_id),
  ]);
  const version = versionById(catalogue, row.procedure_version_id);
  const checks = await checkActions(actionsFor(actor, row), { db, row, version, catalogue, parts, calendar, today });
  return detailView(row, version, parts, { subject, result }, { calendar, today, actor }, checks);
}

/**
 * The dossiers `actor` may see. `view=overdue` needs every clock, so it filters the open dossiers in memory
 * (hundreds at national scale) before paging; the other views page in SQL.
 */
export async function listDossiers(db: Kysely<Database>, actor: Actor, query: ListDossiersQuery, today: string) {
  let base = visibleDossiers(db, actor).innerJoin('organisations as o', 'o.id', 'd.organisation_id');
  if (query.status) base = base.where('d.status', '=', query.status as DossierRow['status']);
  if (query.procedureCode) base = base.where('d.procedure_code', '=', query.procedureCode as DossierRow['procedure_code']);
  if (query.view !== 'all') base = base.where('d.status', 'not in', ['DELIVERED', 'WITHDRAWN']);
  if (query.q) {
    const like = `%${query.q}%`;
    base = base.where((eb) => eb.or([eb('d.code', 'ilike', like), eb(sql`o.search_text`, 'like', sql`'%' || vn_fold(${query.q}) || '%'`)]));
  }
  const select = base
    .select([...LIST_COLUMNS.map((c) => `d.${c}` as const), ...DOSSIER_DATE_COLUMNS.map((c) => `d.${c}` as const)])
    .select(ORG_NAME.as('organisation_name'))
    .orderBy(sql`d.submitted_at desc nulls first`)
    .orderBy('d.created_at', 'desc');
  const overdueOnly = query.view === 'overdue';
  const [rows, count, calendar, catalogue] = await Promise.all([
    overdueOnly ? select.limit(5000).execute() : select.limit(query.pageSize).offset(offsetOf(query)).execute(),
    // The overdue view counts what it filtered; the others count in SQL.
    overdueOnly ? { n: '0' } : base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    loadCalendar(db),
    loadCatalogue(db),
  ]);
  const pauses = rows.length
    ? await db
        .selectFrom('dossier_pauses')
        .select(['dossier_id', 'from_date', 'to_date', 'reason'])
        // One array parameter rather than thousands of placeholders for the overdue view.
        .where(sql<boolean>`dossier_id = any(${rows.map((r) => r.id)}::uuid[])`)
        .execute()
    : [];
  const pausesOf = groupBy(pauses, (p) => p.dossier_id);
  let items = rows.map((row) =>
    listItem(row, versionById(catalogue, row.procedure_version_id), pausesOf.get(row.id) ?? [], { calendar, today }),
  );
  let total = Number(count.n);
  if (overdueOnly) {
    items = items.filter((i) => (i.overall?.overdueDays ?? 0) > 0 || (i.currentStep?.clock.overdueDays ?? 0) > 0);
    total = items.length;
    items = items.slice(offsetOf(query), offsetOf(query) + query.pageSize);
  }
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Checks the certificate an extension/amendment/re-issue/self-termination is about belongs to the organisation. */
async function checkSubjectCertificate(
  db: Db,
  procedureCode: string,
  organisationId: string,
  certificateId: string | null | undefined,
): Promise<string | null> {
  if (!NEEDS_CERTIFICATE.has(procedureCode)) return null;
  if (!certificateId)
    throw new AppError('validation_failed', {
      details: { issues: [{ path: 'body.certificateId', message: 'required for this procedure' }] },
    });
  const cert = await db
    .selectFrom('certificates')
    .select(['id', 'organisation_id', 'type'])
    .where('id', '=', certificateId)
    .executeTakeFirst();
  if (!cert || cert.organisation_id !== organisationId) throw notFound('certificate');
  const wanted = procedureCode === 'EXTEND_GDKHD' ? 'GDKHD' : procedureCode === 'EXTEND_GDKVPDD' ? 'GDKVPDD' : null;
  if (wanted && cert.type !== wanted)
    throw new AppError('validation_failed', {
      details: { issues: [{ path: 'body.certificateId', message: `expected a ${wanted} certificate` }] },
    });
  return cert.id;
}

/**
 * Who applies and for which organisation. An NGO files for its own organisation, but never the aid approval: the
 * Vietnamese aid owner files that with its governing agency (D80 Art. 8, 10), naming the donor organisation.
 * @throws AppError aid_approval_filed_by_owner (an NGO filing an aid approval), forbidden, validation_failed
 */
async function applicant(db: Db, actor: Actor | null, body: CreateDossierBody) {
  if (actor?.role === 'ngo' && actor.organisationId) {
    if (body.procedureCode === 'AID_APPROVAL') throw new AppError('aid_approval_filed_by_owner');
    return { organisationId: actor.organisationId, filedByAgencyId: null };
  }
  if (actor?.role !== 'owner' || !actor.agencyId || body.procedureCode !== 'AID_APPROVAL') throw forbidden();
  if (!body.organisationId)
    throw new AppError('validation_failed', {
      details: { issues: [{ path: 'body.organisationId', message: 'the donor organisation is required' }] },
    });
  const org = await db.selectFrom('organisations').select('id').where('id', '=', body.organisationId).executeTakeFirst();
  if (!org) throw new AppError('unknown_reference', { params: { codes: body.organisationId } });
  return { organisationId: org.id, filedByAgencyId: actor.agencyId };
}

/** Starts a draft dossier (see {@link applicant}); documents are uploaded next, then it is submitted. */
export async function createDraft(db: Kysely<Database>, ctx: WriteContext, body: CreateDossierBody, today: string): Promise<string> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const { organisationId, filedByAgencyId } = await applicant(db, actor, body);
  const version = procedureFor(body.procedureCode, today, await loadCatalogue(db));
  const certificateId = await checkSubjectCertificate(db, body.procedureCode, organisationId, body.certificateId);
  // Aid approval: the body that handles it follows the approval level (aid-approval-routing.ts).
  const routed = await routeDraft(db, body.procedureCode, body.application satisfies DossierApplication);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('dossiers')
      .values({
        organisation_id: organisationId,
        procedure_code: version.code,
        procedure_version_id: version.versionId,
        certificate_id: certificateId,
        filed_by_agency_id: filedByAgencyId,
        handling_agency_id: routed.handlingAgencyId,
        application: JSON.stringify(routed.application),
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'dossier.create', entityType: 'dossier', entityId: row.id, after: row });
    return row.id;
  });
}

/** Changes a draft's application (only the applicant — the organisation, or the aid owner that filed it — only while a draft). */
export async function updateDraft(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  body: { version: number; certificateId?: string | null; application: DossierApplication },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const before = await findVisible(trx, actor, id);
    if (!dossierRoles(actor, before).includes('NGO')) throw forbidden();
    await trx.selectFrom('dossiers').select('id').where('id', '=', id).forUpdate().execute();
    if (before.version !== body.version) throw staleVersion({ currentVersion: before.version });
    if (before.status !== 'DRAFT') throw new AppError('conflict', { details: { reason: 'not_a_draft', status: before.status } });
    const certificateId =
      body.certificateId === undefined
        ? before.certificate_id
        : await checkSubjectCertificate(trx, before.procedure_code, before.organisation_id, body.certificateId);
    const routed = await routeDraft(trx, before.procedure_code, body.application);
    const after = await trx
      .updateTable('dossiers')
      .set({
        application: JSON.stringify(routed.application),
        handling_agency_id: routed.handlingAgencyId,
        certificate_id: certificateId,
        updated_at: new Date(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'dossier.update_draft', entityType: 'dossier', entityId: id, before, after });
  });
}

/** Who the procedure says to consult on this dossier (shown to the officer before sending). */
export async function planFor(db: Kysely<Database>, actor: Actor, id: string, today: string, concerned: readonly string[] = []) {
  const row = await findVisible(db, actor, id);
  const version: ProcedureVersion = versionById(await loadCatalogue(db), row.procedure_version_id);
  return consultationPlan(db, row, version, today, concerned);
}
