import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { inTransaction } from '@db/transaction';
import { doneDateProblem } from '@domain/programme/coordination';
import { AppError, notFound, staleVersion } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { unknownReferenceError, type UnknownReference } from '@modules/registry/registry-references';
import { assertOrganiser, assertTaskOwner, meetingScopeCondition, ownTaskSql } from './meetings.policy';
import { readMeetingDetail } from './meetings.repository';
import type { CreateMeetingBody, MeetingDetail, TaskInput, TaskStatusBody, UpdateMeetingBody, UpdateTaskBody } from './meetings.schemas';
import { coordinationDb } from './meetings.tables';

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: { issues: [{ path, message }] } });

function actorOrThrow(ctx: WriteContext): Actor {
  if (!ctx.actor) throw new AppError('not_signed_in');
  return ctx.actor;
}

/** Every agency and organisation a meeting names must be in the registry (400 unknown_reference listing each). */
async function checkReferences(
  trx: Transaction<Database>,
  body: { agencyIds: string[]; organisationIds: string[]; tasks?: TaskInput[] },
): Promise<void> {
  const agencyIds = [...new Set([...body.agencyIds, ...(body.tasks ?? []).map((t) => t.ownerAgencyId)])];
  const unknown: UnknownReference[] = [];
  if (agencyIds.length) {
    const found = new Set((await trx.selectFrom('agencies').select('id').where('id', 'in', agencyIds).execute()).map((r) => r.id));
    body.agencyIds.forEach((id, i) => {
      if (!found.has(id)) unknown.push({ path: `body.agencyIds.${i}`, kind: 'agency', value: id });
    });
    (body.tasks ?? []).forEach((t, i) => {
      if (!found.has(t.ownerAgencyId)) unknown.push({ path: `body.tasks.${i}.ownerAgencyId`, kind: 'agency', value: t.ownerAgencyId });
    });
  }
  if (body.organisationIds.length) {
    const found = new Set(
      (await trx.selectFrom('organisations').select('id').where('id', 'in', body.organisationIds).execute()).map((r) => r.id),
    );
    body.organisationIds.forEach((id, i) => {
      if (!found.has(id)) unknown.push({ path: `body.organisationIds.${i}`, kind: 'organisation', value: id });
    });
  }
  if (unknown.length) throw unknownReferenceError(unknown);
}

const meetingColumns = (body: CreateMeetingBody | UpdateMeetingBody) => ({
  kind: body.kind,
  title_vi: body.titleVi,
  title_en: body.titleEn ?? null,
  meeting_date: body.meetingDate,
  place: body.place ?? null,
  guests: [...new Set(body.guests)],
  conclusions: body.conclusions ?? null,
  is_public: body.isPublic,
});

/** Replaces a meeting's participants (agencies and NGOs) with those of the body. */
async function setParticipants(trx: Transaction<Database>, meetingId: string, body: { agencyIds: string[]; organisationIds: string[] }) {
  const cdb = coordinationDb(trx);
  await cdb.deleteFrom('programme_meeting_agencies').where('meeting_id', '=', meetingId).execute();
  await cdb.deleteFrom('programme_meeting_organisations').where('meeting_id', '=', meetingId).execute();
  const agencies = [...new Set(body.agencyIds)];
  const organisations = [...new Set(body.organisationIds)];
  if (agencies.length)
    await cdb
      .insertInto('programme_meeting_agencies')
      .values(agencies.map((agency_id) => ({ meeting_id: meetingId, agency_id })))
      .execute();
  if (organisations.length)
    await cdb
      .insertInto('programme_meeting_organisations')
      .values(organisations.map((organisation_id) => ({ meeting_id: meetingId, organisation_id })))
      .execute();
}

/** The participants of a meeting, for its audit record. */
async function participantsOf(trx: Transaction<Database>, meetingId: string) {
  const cdb = coordinationDb(trx);
  const [agencies, organisations] = await Promise.all([
    cdb.selectFrom('programme_meeting_agencies').select('agency_id').where('meeting_id', '=', meetingId).orderBy('agency_id').execute(),
    cdb
      .selectFrom('programme_meeting_organisations')
      .select('organisation_id')
      .where('meeting_id', '=', meetingId)
      .orderBy('organisation_id')
      .execute(),
  ]);
  return { agencyIds: agencies.map((a) => a.agency_id), organisationIds: organisations.map((o) => o.organisation_id) };
}

/**
 * Records a meeting with its participants and first follow-up tasks (central only), audited in the same
 * transaction.
 * @throws AppError forbidden, unknown_reference, validation_failed
 */
export async function createMeeting(
  db: Kysely<Database>,
  ctx: WriteContext,
  body: CreateMeetingBody,
  today: string,
): Promise<MeetingDetail> {
  const actor = actorOrThrow(ctx);
  assertOrganiser(actor);
  const id = await inTransaction(db, async (trx) => {
    await checkReferences(trx, body);
    const cdb = coordinationDb(trx);
    const row = await cdb
      .insertInto('programme_meetings')
      .values({ ...meetingColumns(body), created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await setParticipants(trx, row.id, body);
    const tasks = body.tasks.length
      ? await cdb
          .insertInto('programme_meeting_tasks')
          .values(
            body.tasks.map((t) => ({
              meeting_id: row.id,
              description: t.description,
              owner_agency_id: t.ownerAgencyId,
              due_date: t.dueDate,
            })),
          )
          .returningAll()
          .execute()
      : [];
    await writeAudit(trx, ctx, {
      action: 'programme_meeting.create',
      entityType: 'programme_meeting',
      entityId: row.id,
      after: { ...row, ...(await participantsOf(trx, row.id)), tasks },
    });
    return row.id;
  });
  return (await readMeetingDetail(db, actor, id, today))!;
}

/** The meeting, locked, if the actor may read it; not found otherwise. */
async function lockVisible(trx: Transaction<Database>, actor: Actor, id: string) {
  const row = (
    await sql<{ id: string; version: number; meeting_date: string }>`select m.id, m.version, m.meeting_date::text as meeting_date
      from programme_meetings m where m.id = ${id} and ${meetingScopeCondition(actor)} for update`.execute(trx)
  ).rows[0];
  if (!row) throw notFound('programme_meeting');
  return row;
}

/**
 * Changes a meeting and replaces its participants (central only; optimistic concurrency on `version`).
 * @throws AppError forbidden, not_found, stale_version (409 with the current record), unknown_reference
 */
export async function updateMeeting(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  body: UpdateMeetingBody,
  today: string,
): Promise<MeetingDetail> {
  const actor = actorOrThrow(ctx);
  assertOrganiser(actor);
  await inTransaction(db, async (trx) => {
    const locked = await lockVisible(trx, actor, id);
    if (locked.version !== body.version) throw staleVersion({ current: await readMeetingDetail(trx, actor, id, today) });
    await checkReferences(trx, body);
    const cdb = coordinationDb(trx);
    const before = await cdb.selectFrom('programme_meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const beforeParticipants = await participantsOf(trx, id);
    const after = await cdb
      .updateTable('programme_meetings')
      .set({ ...meetingColumns(body), version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await setParticipants(trx, id, body);
    await writeAudit(trx, ctx, {
      action: 'programme_meeting.update',
      entityType: 'programme_meeting',
      entityId: id,
      before: { ...before, ...beforeParticipants },
      after: { ...after, ...(await participantsOf(trx, id)) },
    });
  });
  return (await readMeetingDetail(db, actor, id, today))!;
}

/**
 * Adds a follow-up task to a meeting (central only).
 * @throws AppError forbidden, not_found, unknown_reference
 */
export async function addTask(db: Kysely<Database>, ctx: WriteContext, id: string, body: TaskInput, today: string): Promise<MeetingDetail> {
  const actor = actorOrThrow(ctx);
  assertOrganiser(actor);
  await inTransaction(db, async (trx) => {
    await lockVisible(trx, actor, id);
    await checkReferences(trx, { agencyIds: [], organisationIds: [], tasks: [body] });
    const task = await coordinationDb(trx)
      .insertInto('programme_meeting_tasks')
      .values({ meeting_id: id, description: body.description, owner_agency_id: body.ownerAgencyId, due_date: body.dueDate })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'programme_meeting.task.create',
      entityType: 'programme_meeting_task',
      entityId: task.id,
      after: task,
    });
  });
  return (await readMeetingDetail(db, actor, id, today))!;
}

/** The task of a visible meeting, locked, with whether the actor's agency owns it. */
async function lockTask(trx: Transaction<Database>, actor: Actor, meetingId: string, taskId: string) {
  const meeting = await lockVisible(trx, actor, meetingId);
  const task = (
    await sql<{ id: string; version: number; owner_agency_id: string; owner_name: string; own: boolean }>`
      select t.id, t.version, t.owner_agency_id, a.name_vi as owner_name, ${ownTaskSql(actor)} as own
      from programme_meeting_tasks t join agencies a on a.id = t.owner_agency_id
      where t.id = ${taskId} and t.meeting_id = ${meetingId} for update of t`.execute(trx)
  ).rows[0];
  if (!task) throw notFound('programme_meeting_task');
  return { meeting, task };
}

/**
 * Changes a task's text, owner or due date (central only; optimistic concurrency on the task's `version`).
 * @throws AppError forbidden, not_found, stale_version, unknown_reference
 */
export async function updateTask(
  db: Kysely<Database>,
  ctx: WriteContext,
  meetingId: string,
  taskId: string,
  body: UpdateTaskBody,
  today: string,
): Promise<MeetingDetail> {
  const actor = actorOrThrow(ctx);
  assertOrganiser(actor);
  await inTransaction(db, async (trx) => {
    const { task } = await lockTask(trx, actor, meetingId, taskId);
    if (task.version !== body.version) throw staleVersion({ current: await readMeetingDetail(trx, actor, meetingId, today) });
    await checkReferences(trx, { agencyIds: [], organisationIds: [], tasks: [body] });
    const cdb = coordinationDb(trx);
    const before = await cdb.selectFrom('programme_meeting_tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
    const after = await cdb
      .updateTable('programme_meeting_tasks')
      .set({
        description: body.description,
        owner_agency_id: body.ownerAgencyId,
        due_date: body.dueDate,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', taskId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'programme_meeting.task.update',
      entityType: 'programme_meeting_task',
      entityId: taskId,
      before,
      after,
    });
  });
  return (await readMeetingDetail(db, actor, meetingId, today))!;
}

/**
 * Marks a follow-up task done (on `doneOn`, default today: not in the future, not before the meeting) or open
 * again: by central or by the agency that owns it; another participant gets 403 meeting_task_other_agency.
 * @throws AppError not_found (also outside scope), meeting_task_other_agency, stale_version, validation_failed
 */
export async function setTaskStatus(
  db: Kysely<Database>,
  ctx: WriteContext,
  meetingId: string,
  taskId: string,
  body: TaskStatusBody,
  today: string,
): Promise<MeetingDetail> {
  const actor = actorOrThrow(ctx);
  if (body.status === 'OPEN' && body.doneOn) throw invalid('body.doneOn', 'only with status DONE');
  await inTransaction(db, async (trx) => {
    const { meeting, task } = await lockTask(trx, actor, meetingId, taskId);
    assertTaskOwner(actor, task.own, task.owner_name);
    if (task.version !== body.version) throw staleVersion({ current: await readMeetingDetail(trx, actor, meetingId, today) });
    const doneOn = body.status === 'DONE' ? (body.doneOn ?? today) : null;
    if (doneOn) {
      const problem = doneDateProblem(doneOn, meeting.meeting_date, today);
      if (problem === 'in_future') throw invalid('body.doneOn', 'in the future');
      if (problem === 'before_meeting') throw invalid('body.doneOn', `before the meeting (${meeting.meeting_date})`);
    }
    const cdb = coordinationDb(trx);
    const before = await cdb.selectFrom('programme_meeting_tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
    const after = await cdb
      .updateTable('programme_meeting_tasks')
      .set({
        status: body.status,
        done_on: doneOn,
        done_by: doneOn ? actor.userId : null,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', taskId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: body.status === 'DONE' ? 'programme_meeting.task.done' : 'programme_meeting.task.reopen',
      entityType: 'programme_meeting_task',
      entityId: taskId,
      before,
      after,
    });
  });
  return (await readMeetingDetail(db, actor, meetingId, today))!;
}
