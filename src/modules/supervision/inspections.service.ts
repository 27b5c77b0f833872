/**
 * Inspections and field visits (issue 14 §3): team, dates, scope, findings, follow-up actions with an owner agency
 * and a due date, and the closure, after which the inspection is read-only (409 inspection_closed). Central
 * records any; an agency officer records those it leads (NGOs of its scope, its own province). The agency owning
 * a follow-up action may mark it done. Every write is audited in its transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { inTransaction } from '@db/transaction';
import { compareIsoDates } from '@domain/calendar/iso-date';
import { closureProblem, visitDatesProblem } from '@domain/supervision/inspections';
import { doneDateProblem } from '@domain/programme/coordination';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { checkVisits, leadAgencyFor } from './inspections.checks';
import { assertPlanner, inspectionScopeCondition, leadsSql, outOfScope, planScopeCondition } from './inspections.policy';
import { readInspectionDetail } from './inspections.repository';
import type {
  ActionInput,
  ActionStatusBody,
  CloseBody,
  CreateInspectionBody,
  FindingInput,
  InspectionDetail,
  UpdateInspectionBody,
} from './inspections.schemas';
import { inspectionDb } from './inspections.tables';

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: { issues: [{ path, message }] } });

/** The columns of an inspection's editable fields, after checking dates, references and scope. */
async function inspectionColumns(trx: Transaction<Database>, actor: Actor, body: CreateInspectionBody | UpdateInspectionBody) {
  if (visitDatesProblem(body.startsOn, body.endsOn ?? null)) throw invalid('body.endsOn', 'before startsOn');
  const lead = leadAgencyFor(actor, 'body', body.leadAgencyId);
  await checkVisits(trx, actor, [{ ...body, path: 'body', lead }]);
  return {
    organisation_id: body.organisationId,
    kind: body.kind,
    lead_agency_id: lead,
    agency_ids: [...new Set(body.agencyIds)].filter((a) => a !== lead),
    province_ids: [...new Set(body.provinceIds)],
    team: body.team,
    starts_on: body.startsOn,
    ends_on: body.endsOn ?? null,
    scope: body.scope ?? null,
  };
}

/**
 * Records an inspection or field visit (optionally following a plan entry the caller may read).
 * @throws AppError forbidden, supervision_out_of_scope, unknown_reference, validation_failed
 */
export async function createInspection(
  db: Kysely<Database>,
  ctx: WriteContext,
  body: CreateInspectionBody,
  today: string,
): Promise<InspectionDetail> {
  const actor = assertPlanner(ctx.actor);
  const id = await inTransaction(db, async (trx) => {
    const columns = await inspectionColumns(trx, actor, body);
    if (body.planEntryId) {
      const entry = (
        await sql<{ organisation_id: string }>`select e.organisation_id from inspection_plan_entries e
          join inspection_plans p on p.id = e.plan_id where e.id = ${body.planEntryId} and ${planScopeCondition(actor)}`.execute(trx)
      ).rows[0];
      if (!entry) throw notFound('inspection_plan_entry');
      if (entry.organisation_id !== body.organisationId) throw invalid('body.planEntryId', 'planned for another organisation');
    }
    const row = await inspectionDb(trx)
      .insertInto('inspections')
      .values({ ...columns, plan_entry_id: body.planEntryId ?? null, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'inspection.create', entityType: 'inspection', entityId: row.id, after: row });
    return row.id;
  });
  return (await readInspectionDetail(db, actor, id, today))!;
}

/**
 * The inspection, locked, if the actor may read it; 404 otherwise, 409 inspection_closed once closed, 403 when
 * `mustLead` and the actor neither leads it nor is central.
 */
async function lockOpen(trx: Transaction<Database>, actor: Actor, id: string, mustLead = true) {
  const row = (
    await sql<{ id: string; version: number; starts_on: string; closed_on: string | null; leads: boolean; organisation_id: string }>`
      select i.id, i.version, i.starts_on::text as starts_on, i.closed_on::text as closed_on, i.organisation_id, ${leadsSql(actor)} as leads
      from inspections i where i.id = ${id} and ${inspectionScopeCondition(actor)} for update`.execute(trx)
  ).rows[0];
  if (!row) throw notFound('inspection');
  if (row.closed_on) throw new AppError('inspection_closed', { params: { closedOn: row.closed_on }, details: { closedOn: row.closed_on } });
  if (mustLead && !row.leads) throw outOfScope('params.id', id);
  return row;
}

/**
 * Changes an open inspection's fields (the lead agency or central; optimistic concurrency on `version`).
 * @throws AppError not_found, inspection_closed, supervision_out_of_scope, stale_version, unknown_reference
 */
export async function updateInspection(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  body: UpdateInspectionBody,
  today: string,
): Promise<InspectionDetail> {
  const actor = assertPlanner(ctx.actor);
  await inTransaction(db, async (trx) => {
    const locked = await lockOpen(trx, actor, id);
    if (locked.version !== body.version) throw staleVersion({ current: await readInspectionDetail(trx, actor, id, today) });
    const columns = await inspectionColumns(trx, actor, body);
    const idb = inspectionDb(trx);
    const before = await idb.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const after = await idb
      .updateTable('inspections')
      .set({ ...columns, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'inspection.update', entityType: 'inspection', entityId: id, before, after });
  });
  return (await readInspectionDetail(db, actor, id, today))!;
}

/** Bumps the inspection's version so a screen holding an older copy sees the change. */
const touch = (trx: Transaction<Database>, id: string) =>
  inspectionDb(trx)
    .updateTable('inspections')
    .set({ version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();

/** Adds a finding (with its recommendation) to an open inspection (lead agency or central). */
export async function addFinding(db: Kysely<Database>, ctx: WriteContext, id: string, body: FindingInput, today: string) {
  const actor = assertPlanner(ctx.actor);
  await inTransaction(db, async (trx) => {
    await lockOpen(trx, actor, id);
    const finding = await inspectionDb(trx)
      .insertInto('inspection_findings')
      .values({ inspection_id: id, description: body.description, recommendation: body.recommendation ?? null, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await touch(trx, id);
    await writeAudit(trx, ctx, {
      action: 'inspection.finding.create',
      entityType: 'inspection_finding',
      entityId: finding.id,
      after: finding,
    });
  });
  return (await readInspectionDetail(db, actor, id, today))!;
}

/** Adds a follow-up action (text, owner agency, due date, optionally the finding it answers) to an open inspection. */
export async function addAction(db: Kysely<Database>, ctx: WriteContext, id: string, body: ActionInput, today: string) {
  const actor = assertPlanner(ctx.actor);
  await inTransaction(db, async (trx) => {
    const locked = await lockOpen(trx, actor, id);
    const idb = inspectionDb(trx);
    const [owner, finding] = await Promise.all([
      trx.selectFrom('agencies').select('id').where('id', '=', body.ownerAgencyId).executeTakeFirst(),
      body.findingId
        ? idb
            .selectFrom('inspection_findings')
            .select('id')
            .where('id', '=', body.findingId)
            .where('inspection_id', '=', id)
            .executeTakeFirst()
        : Promise.resolve({ id: null }),
    ]);
    if (!owner)
      throw new AppError('unknown_reference', {
        params: { codes: body.ownerAgencyId },
        details: {
          issues: [{ path: 'body.ownerAgencyId', code: 'unknown_agency', value: body.ownerAgencyId, message: body.ownerAgencyId }],
        },
      });
    if (!finding) throw invalid('body.findingId', 'not a finding of this inspection');
    if (compareIsoDates(body.dueDate, locked.starts_on) < 0) throw invalid('body.dueDate', `before the inspection (${locked.starts_on})`);
    const action = await idb
      .insertInto('inspection_actions')
      .values({
        inspection_id: id,
        finding_id: body.findingId ?? null,
        description: body.description,
        owner_agency_id: body.ownerAgencyId,
        due_date: body.dueDate,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await touch(trx, id);
    await writeAudit(trx, ctx, { action: 'inspection.action.create', entityType: 'inspection_action', entityId: action.id, after: action });
  });
  return (await readInspectionDetail(db, actor, id, today))!;
}

/**
 * Marks a follow-up action done (on `doneOn`, default today: not in the future, not before the inspection) or
 * open again: by central, the lead agency or the agency owning it (403 inspection_action_other_agency otherwise).
 * @throws AppError not_found, inspection_closed, inspection_action_other_agency, stale_version, validation_failed
 */
export async function setActionStatus(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  actionId: string,
  body: ActionStatusBody,
  today: string,
) {
  const actor = assertPlanner(ctx.actor);
  if (body.status === 'OPEN' && body.doneOn) throw invalid('body.doneOn', 'only with status DONE');
  await inTransaction(db, async (trx) => {
    const inspection = await lockOpen(trx, actor, id, false);
    const action = (
      await sql<{ id: string; version: number; owner_vi: string; own: boolean }>`
        select x.id, x.version, a.name_vi as owner_vi, ${leadsSql(actor, 'x', 'owner_agency_id')} as own
        from inspection_actions x join agencies a on a.id = x.owner_agency_id
        where x.id = ${actionId} and x.inspection_id = ${id} for update of x`.execute(trx)
    ).rows[0];
    if (!action) throw notFound('inspection_action');
    if (!inspection.leads && !action.own)
      throw new AppError('inspection_action_other_agency', { params: { owner: action.owner_vi }, details: { owner: action.owner_vi } });
    if (action.version !== body.version) throw staleVersion({ current: await readInspectionDetail(trx, actor, id, today) });
    const doneOn = body.status === 'DONE' ? (body.doneOn ?? today) : null;
    if (doneOn) {
      const problem = doneDateProblem(doneOn, inspection.starts_on, today);
      if (problem === 'in_future') throw invalid('body.doneOn', 'in the future');
      if (problem === 'before_meeting') throw invalid('body.doneOn', `before the inspection (${inspection.starts_on})`);
    }
    const idb = inspectionDb(trx);
    const before = await idb.selectFrom('inspection_actions').selectAll().where('id', '=', actionId).executeTakeFirstOrThrow();
    const after = await idb
      .updateTable('inspection_actions')
      .set({
        status: body.status,
        done_on: doneOn,
        done_by: doneOn ? actor.userId : null,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', actionId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: body.status === 'DONE' ? 'inspection.action.done' : 'inspection.action.reopen',
      entityType: 'inspection_action',
      entityId: actionId,
      before,
      after,
    });
  });
  return (await readInspectionDetail(db, actor, id, today))!;
}

/**
 * Closes an inspection with its date and summary (lead agency or central): not in the future, not before it
 * started, and only once every follow-up action is done. It is read-only afterwards.
 * @throws AppError not_found, inspection_closed, inspection_actions_open, stale_version, validation_failed
 */
export async function closeInspection(db: Kysely<Database>, ctx: WriteContext, id: string, body: CloseBody, today: string) {
  const actor = assertPlanner(ctx.actor);
  await inTransaction(db, async (trx) => {
    const locked = await lockOpen(trx, actor, id);
    if (locked.version !== body.version) throw staleVersion({ current: await readInspectionDetail(trx, actor, id, today) });
    const idb = inspectionDb(trx);
    const actions = await idb.selectFrom('inspection_actions').select('status').where('inspection_id', '=', id).execute();
    const closedOn = body.closedOn ?? today;
    const problem = closureProblem({ startsOn: locked.starts_on }, closedOn, today, actions);
    if (problem === 'in_future') throw invalid('body.closedOn', 'in the future');
    if (problem === 'before_start') throw invalid('body.closedOn', `before the inspection (${locked.starts_on})`);
    if (problem === 'actions_open') {
      const open = actions.filter((a) => a.status === 'OPEN').length;
      throw new AppError('inspection_actions_open', { params: { open }, details: { open } });
    }
    const before = await idb.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const after = await idb
      .updateTable('inspections')
      .set({ closed_on: closedOn, closure_summary: body.summary, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: 'inspection.close', entityType: 'inspection', entityId: id, before, after });
  });
  return (await readInspectionDetail(db, actor, id, today))!;
}

export { lockOpen as lockOpenInspection };
