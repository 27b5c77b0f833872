/**
 * What people record against an obligation: the NGO's fulfilment (with the implementation plan's file), an
 * officer's waiver with its reason, and the day a certificate was received. Each write checks the obligation
 * exists and is still open on `today`, and writes its audit row in the same transaction. Files are stored as every
 * area's documents are (src/files/stored-upload.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { compareIsoDates } from '@domain/calendar/iso-date';
import type { Obligation } from '@domain/registration/obligations';
import { AppError, forbidden, notFound } from '@errors/app-error';
import { openStoredFile, withStoredUpload, type UploadedFile } from '@files/stored-upload';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { provinceRollUps, supervisionDb } from './obligations.repository';
import { deriveFor } from './obligations.service';
import type { FulfilBody } from './supervision.schemas';
import { NGO_FULFILLABLE, assertOrganisationVisible, canWaive, seesObligation } from './supervision.policy';

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: { issues: [{ path, message }] } });

/** The open obligation `key` of the organisation on `today` (404 unknown or not visible, 409 already closed). */
async function openObligation(db: Kysely<Database>, actor: Actor, organisationId: string, key: string, today: string): Promise<Obligation> {
  await assertOrganisationVisible(db, actor, organisationId);
  const obligation = (await deriveFor(db, [organisationId], today)).get(organisationId)?.find((o) => o.key === key);
  if (!obligation || !seesObligation(actor, obligation, await provinceRollUps(db))) throw notFound('obligation');
  if (obligation.status !== 'DUE' && obligation.status !== 'LATE')
    throw new AppError('conflict', { details: { reason: 'obligation_closed', status: obligation.status } });
  return obligation;
}

async function insertRecord(
  db: Kysely<Database>,
  ctx: WriteContext,
  organisationId: string,
  obligation: Obligation,
  values: { status: 'DONE' | 'WAIVED'; doneOn: string; reason?: string; note?: string; file?: Record<string, unknown> },
  action: 'obligation.fulfil' | 'obligation.waive',
) {
  return db.transaction().execute(async (trx) => {
    const row = await supervisionDb(trx)
      .insertInto('obligation_records')
      .values({
        organisation_id: organisationId,
        obligation_key: obligation.key,
        kind: obligation.kind,
        certificate_id: obligation.certificateId,
        province_id: obligation.provinceId,
        status: values.status,
        done_on: values.doneOn,
        reason: values.reason ?? null,
        note: values.note ?? null,
        ...values.file,
        recorded_by: ctx.actor?.userId ?? null,
        recorded_by_label: ctx.actor ? `${ctx.actor.displayName} (${ctx.actor.role})` : (ctx.label ?? 'system'),
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'obligation_key']).doNothing())
      .returning(['id', 'obligation_key', 'status', 'done_on'])
      .executeTakeFirst();
    if (!row) throw new AppError('conflict', { details: { reason: 'obligation_closed' } });
    await writeAudit(trx, ctx, {
      action,
      entityType: 'obligation',
      entityId: row.id,
      after: {
        organisationId,
        key: obligation.key,
        kind: obligation.kind,
        provinceId: obligation.provinceId,
        status: values.status,
        doneOn: values.doneOn,
        reason: values.reason ?? null,
        note: values.note ?? null,
        ...(values.file ? { fileName: values.file.file_name, sha256: values.file.sha256 } : {}),
      },
    });
    return { key: row.obligation_key, status: row.status, doneOn: values.doneOn };
  });
}

/**
 * The NGO records that it met an obligation (bank account notice, implementation plan with its file, data
 * update) on `doneOn` (default today; not in the future, not before the obligation started).
 * @throws AppError 403 for anyone but the NGO itself, 404, 409 when already closed, 400 bad date or missing plan file
 */
export async function fulfilObligation(
  db: Kysely<Database>,
  ctx: WriteContext,
  dataDir: string,
  organisationId: string,
  key: string,
  body: FulfilBody,
  file: UploadedFile | null,
  today: string,
) {
  const actor = ctx.actor;
  if (!actor || actor.role !== 'ngo') throw forbidden();
  const obligation = await openObligation(db, actor, organisationId, key, today);
  if (!NGO_FULFILLABLE.has(obligation.kind))
    throw new AppError('conflict', { details: { reason: 'not_fulfilled_by_ngo', kind: obligation.kind } });
  const doneOn = body.doneOn ?? today;
  if (compareIsoDates(doneOn, today) > 0) throw invalid('body.doneOn', 'in the future');
  if (compareIsoDates(doneOn, obligation.startsOn) < 0) throw invalid('body.doneOn', `before ${obligation.startsOn}`);
  if (obligation.kind === 'IMPLEMENTATION_PLAN' && !file) throw invalid('body.file', 'required: the implementation plan');
  if (!file) return insertRecord(db, ctx, organisationId, obligation, { status: 'DONE', doneOn, note: body.note }, 'obligation.fulfil');

  return withStoredUpload(dataDir, file, today, 'plan', (stored) =>
    insertRecord(
      db,
      ctx,
      organisationId,
      obligation,
      {
        status: 'DONE',
        doneOn,
        note: body.note,
        file: stored,
      },
      'obligation.fulfil',
    ),
  );
}

/**
 * An officer (admin, central) waives an open obligation, saying why.
 * @throws AppError 403, 404, 409 when already closed
 */
export async function waiveObligation(
  db: Kysely<Database>,
  ctx: WriteContext,
  organisationId: string,
  key: string,
  reason: string,
  today: string,
) {
  const actor = ctx.actor;
  if (!actor || !canWaive(actor)) throw forbidden();
  const obligation = await openObligation(db, actor, organisationId, key, today);
  return insertRecord(db, ctx, organisationId, obligation, { status: 'WAIVED', doneOn: today, reason }, 'obligation.waive');
}

/**
 * Records the day the NGO received a certificate decision (issue, extension, amendment): the clocks of O1 and O2
 * count from it instead of the decision date. The NGO for itself, admin and central for anyone.
 * @throws AppError 403, 404 unknown decision of this organisation, 400 a day before the decision or in the future
 */
export async function recordReceipt(
  db: Kysely<Database>,
  ctx: WriteContext,
  organisationId: string,
  eventId: string,
  receivedOn: string,
  today: string,
) {
  const actor = ctx.actor;
  if (!actor || !(actor.role === 'ngo' || canWaive(actor))) throw forbidden();
  await assertOrganisationVisible(db, actor, organisationId);
  const event = await db
    .selectFrom('certificate_events as e')
    .innerJoin('certificates as c', 'c.id', 'e.certificate_id')
    .select(['e.id', 'e.kind', 'e.decision_date'])
    .where('e.id', '=', eventId)
    .where('c.organisation_id', '=', organisationId)
    .where('e.kind', 'in', ['ISSUED', 'EXTENDED', 'AMENDED', 'SUPPLEMENTED'])
    .executeTakeFirst();
  if (!event) throw notFound('certificate_event');
  const decisionDate = String(event.decision_date);
  if (compareIsoDates(receivedOn, decisionDate) < 0) throw invalid('body.receivedOn', `before the decision (${decisionDate})`);
  if (compareIsoDates(receivedOn, today) > 0) throw invalid('body.receivedOn', 'in the future');
  return db.transaction().execute(async (trx) => {
    const sdb = supervisionDb(trx);
    const before = await sdb.selectFrom('certificate_receipts').selectAll().where('event_id', '=', eventId).executeTakeFirst();
    await sdb
      .insertInto('certificate_receipts')
      .values({ event_id: eventId, organisation_id: organisationId, received_on: receivedOn, recorded_by: actor.userId })
      .onConflict((oc) =>
        oc.column('event_id').doUpdateSet({ received_on: receivedOn, recorded_by: actor.userId, recorded_at: new Date() }),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: 'obligation.receipt',
      entityType: 'certificate',
      entityId: eventId,
      before: before ? { receivedOn: String(before.received_on) } : undefined,
      after: { organisationId, eventId, receivedOn },
    });
    return { eventId, receivedOn };
  });
}

/** The implementation plan's file, for whoever may see that obligation. */
export async function openObligationDocument(db: Kysely<Database>, actor: Actor, dataDir: string, organisationId: string, key: string) {
  await assertOrganisationVisible(db, actor, organisationId);
  const rec = await supervisionDb(db)
    .selectFrom('obligation_records')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('obligation_key', '=', key)
    .executeTakeFirst();
  if (!rec?.storage_path || !seesObligation(actor, { kind: rec.kind, provinceId: rec.province_id }, await provinceRollUps(db)))
    throw notFound('document');
  return openStoredFile(dataDir, {
    storage_path: rec.storage_path,
    file_name: rec.file_name ?? 'plan',
    media_type: rec.media_type ?? 'application/octet-stream',
    sha256: rec.sha256 ?? '',
  });
}
