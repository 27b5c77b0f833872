/**
 * The yearly inspection plan (issue 14 §3): which NGOs are visited, where, by whom (lead and participating
 * agencies), when and how (thanh tra, kiểm tra, giám sát, field visit). Central plans any; an agency officer plans
 * its own (it leads every entry, NGOs of its scope, its own province). Every write is audited in its transaction;
 * an edit replaces the entries and checks the plan's `version`.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { inTransaction } from '@db/transaction';
import { plannedPeriodProblem } from '@domain/supervision/inspections';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { checkVisits, leadAgencyFor } from './inspections.checks';
import { assertPlanner, isCentral, leadsSql, outOfScope, planScopeCondition } from './inspections.policy';
import { readPlanDetail } from './inspections.repository';
import type { CreatePlanBody, PlanDetail, UpdatePlanBody } from './inspections.schemas';
import { inspectionDb } from './inspections.tables';

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: { issues: [{ path, message }] } });

/** The entries as rows, after checking dates, references and scope. */
async function entryRows(trx: Transaction<Database>, ctx: WriteContext, body: CreatePlanBody) {
  const actor = assertPlanner(ctx.actor);
  const entries = body.entries.map((e, i) => {
    const path = `body.entries.${i}`;
    const problem = plannedPeriodProblem(body.year, e.plannedFrom, e.plannedTo);
    if (problem === 'ends_before_start') throw invalid(`${path}.plannedTo`, 'before plannedFrom');
    if (problem === 'outside_year') throw invalid(`${path}.plannedFrom`, `not in ${body.year}`);
    return { ...e, path, lead: leadAgencyFor(actor, path, e.leadAgencyId) };
  });
  await checkVisits(trx, actor, entries);
  return entries.map((e, position) => ({
    organisation_id: e.organisationId,
    kind: e.kind,
    province_ids: [...new Set(e.provinceIds)],
    lead_agency_id: e.lead,
    agency_ids: [...new Set(e.agencyIds)].filter((a) => a !== e.lead),
    planned_from: e.plannedFrom,
    planned_to: e.plannedTo,
    note: e.note ?? null,
    position,
  }));
}

async function entriesOf(trx: Transaction<Database>, planId: string) {
  return inspectionDb(trx).selectFrom('inspection_plan_entries').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

/**
 * Creates a yearly plan with its entries (central; or an agency officer for its own visits, the plan owned by its
 * agency). @throws AppError forbidden, supervision_out_of_scope, unknown_reference, validation_failed
 */
export async function createPlan(db: Kysely<Database>, ctx: WriteContext, body: CreatePlanBody): Promise<PlanDetail> {
  const actor = assertPlanner(ctx.actor);
  const id = await inTransaction(db, async (trx) => {
    const rows = await entryRows(trx, ctx, body);
    const idb = inspectionDb(trx);
    const plan = await idb
      .insertInto('inspection_plans')
      .values({ year: body.year, title: body.title, owner_agency_id: actor.agencyId, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (rows.length)
      await idb
        .insertInto('inspection_plan_entries')
        .values(rows.map((r) => ({ ...r, plan_id: plan.id })))
        .execute();
    await writeAudit(trx, ctx, {
      action: 'inspection_plan.create',
      entityType: 'inspection_plan',
      entityId: plan.id,
      after: { ...plan, entries: await entriesOf(trx, plan.id) },
    });
    return plan.id;
  });
  return (await readPlanDetail(db, actor, id))!;
}

/**
 * Changes a plan and replaces its entries (central, or the agency that owns it; optimistic concurrency on
 * `version`). Entries already followed by a recorded inspection keep that inspection (its link is cleared).
 * @throws AppError forbidden, not_found, stale_version (409 with the current plan), supervision_out_of_scope,
 *   unknown_reference, validation_failed
 */
export async function updatePlan(db: Kysely<Database>, ctx: WriteContext, id: string, body: UpdatePlanBody): Promise<PlanDetail> {
  const actor = assertPlanner(ctx.actor);
  await inTransaction(db, async (trx) => {
    const locked = (
      await sql<{ version: number; leads: boolean }>`select p.version, ${leadsSql(actor, 'p', 'owner_agency_id')} as leads
        from inspection_plans p where p.id = ${id} and ${planScopeCondition(actor)} for update`.execute(trx)
    ).rows[0];
    if (!locked) throw notFound('inspection_plan');
    if (!locked.leads && !isCentral(actor)) throw outOfScope('params.id', id);
    if (locked.version !== body.version) throw staleVersion({ current: await readPlanDetail(trx, actor, id) });
    const rows = await entryRows(trx, ctx, body);
    const idb = inspectionDb(trx);
    const before = await idb.selectFrom('inspection_plans').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const beforeEntries = await entriesOf(trx, id);
    const after = await idb
      .updateTable('inspection_plans')
      .set({ year: body.year, title: body.title, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await idb.deleteFrom('inspection_plan_entries').where('plan_id', '=', id).execute();
    if (rows.length)
      await idb
        .insertInto('inspection_plan_entries')
        .values(rows.map((r) => ({ ...r, plan_id: id })))
        .execute();
    await writeAudit(trx, ctx, {
      action: 'inspection_plan.update',
      entityType: 'inspection_plan',
      entityId: id,
      before: { ...before, entries: beforeEntries },
      after: { ...after, entries: await entriesOf(trx, id) },
    });
  });
  return (await readPlanDetail(db, actor, id))!;
}
