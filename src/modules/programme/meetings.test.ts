import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@domain/calendar';
import { vietnamToday } from '@common/time/vietnam-today';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildOrganisation } from '@modules/aid/aid.fixtures';
import { multipart, pdf, useTempDataDir } from '@modules/procedures/procedures.test-support';
import { coordinationDb } from './meetings.tables';

let t: TestContext;
let central: Session;
let moh: Session;
let moet: Session;
let caoBang: Session;
let ngoIn: Session;
let ngoOut: Session;
let orgIn: { id: string };
const today = vietnamToday();

const meeting = (overrides: Record<string, unknown> = {}) => ({
  kind: 'GIAO_BAN',
  titleVi: 'Hội nghị giao ban công tác phi chính phủ nước ngoài',
  titleEn: 'Annual giao ban on foreign NGO work',
  meetingDate: addDays(today, -60),
  place: 'Hà Nội',
  agencyIds: ['MOH', 'MOET'],
  organisationIds: [orgIn.id],
  guests: ['Đại diện UNDP'],
  conclusions: 'Thống nhất đẩy mạnh vận động viện trợ cho y tế cơ sở.',
  tasks: [
    { description: 'Tổng hợp danh mục dự án y tế', ownerAgencyId: 'MOH', dueDate: addDays(today, -10) },
    { description: 'Rà soát học bổng', ownerAgencyId: 'MOET', dueDate: addDays(today, 30) },
  ],
  ...overrides,
});

const get = (s: Session | null, url: string) => t.call(s, { method: 'GET', url });
const post = (s: Session | null, url: string, payload: Record<string, unknown>) => t.call(s, { method: 'POST', url, payload });
const audits = async (action: string) => (await t.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;

beforeAll(async () => {
  useTempDataDir();
  t = await createTestContext();
  central = await t.signInAs('central');
  moh = await t.signInAs('agency', { agencyId: 'MOH' });
  moet = await t.signInAs('agency', { agencyId: 'MOET' });
  caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
  orgIn = await buildOrganisation(t.db, { name: 'Tham dự' });
  const orgOut = await buildOrganisation(t.db, { name: 'Không tham dự' });
  ngoIn = await t.signInAs('ngo', { organisationId: orgIn.id });
  ngoOut = await t.signInAs('ngo', { organisationId: orgOut.id });
});
afterAll(async () => t.close());

describe('meetings: who sees what', () => {
  it('shows an agency and an NGO only the meetings they take part in; the public only public ones, title/date/conclusions', async () => {
    const created = await post(central, '/api/programme/meetings', meeting());
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ openTasks: 2, lateTasks: 1, canEdit: true, isPublic: false });
    expect(await audits('programme_meeting.create')).toBe(1);

    const ids = async (s: Session) => (await get(s, '/api/programme/meetings')).json().items.map((m: { id: string }) => m.id);
    expect(await ids(moh)).toEqual([id]);
    expect(await ids(ngoIn)).toEqual([id]);
    expect(await ids(caoBang)).toEqual([]);
    expect(await ids(ngoOut)).toEqual([]);
    expect((await get(caoBang, `/api/programme/meetings/${id}`)).statusCode).toBe(404);
    expect((await get(ngoOut, `/api/programme/meetings/${id}`)).statusCode).toBe(404);

    const seenByNgo = (await get(ngoIn, `/api/programme/meetings/${id}`)).json();
    expect(seenByNgo.canEdit).toBe(false);
    expect(seenByNgo.tasks.map((task: { canChangeStatus: boolean }) => task.canChangeStatus)).toEqual([false, false]);

    expect((await get(null, '/api/public/meetings')).json().total).toBe(0);
    const version = (await get(central, `/api/programme/meetings/${id}`)).json().version;
    const { tasks: _tasks, ...fields } = meeting();
    const madePublic = await t.call(central, {
      method: 'PUT',
      url: `/api/programme/meetings/${id}`,
      payload: { ...fields, version, isPublic: true },
    });
    expect(madePublic.statusCode).toBe(200);
    const pub = (await get(null, '/api/public/meetings')).json();
    expect(pub.items).toEqual([
      {
        id,
        titleVi: fields.titleVi,
        titleEn: fields.titleEn,
        meetingDate: fields.meetingDate,
        conclusions: fields.conclusions,
        synthetic: false,
      },
    ]);
    expect((await get(null, '/api/programme/meetings')).statusCode).toBe(401);
  });

  it('lets only central create or edit a meeting, NGOs are read-only', async () => {
    const before = (await t.db.selectFrom('audit_log').select('id').execute()).length;
    expect((await post(moh, '/api/programme/meetings', meeting())).statusCode).toBe(403);
    expect((await post(ngoIn, '/api/programme/meetings', meeting())).statusCode).toBe(403);
    const id = (await post(central, '/api/programme/meetings', meeting({ titleVi: 'Họp thẩm định' }))).json().id;
    const task = (await get(ngoIn, `/api/programme/meetings/${id}`)).json().tasks[0];
    const asNgo = await post(ngoIn, `/api/programme/meetings/${id}/tasks/${task.id}/status`, { version: task.version, status: 'DONE' });
    expect(asNgo.statusCode).toBe(403);
    expect((await t.db.selectFrom('audit_log').select('id').execute()).length).toBe(before + 1);
  });
});

describe('meetings: follow-up tasks', () => {
  it('lets the owning agency mark its task done (audited); another agency gets 403 meeting_task_other_agency, nothing changes', async () => {
    const detail = (await post(central, '/api/programme/meetings', meeting({ titleVi: 'Giao ban 2' }))).json();
    const [mohTask, moetTask] = detail.tasks;
    expect(mohTask).toMatchObject({ ownerAgency: { id: 'MOH' }, status: 'OPEN', late: true });
    expect(moetTask).toMatchObject({ ownerAgency: { id: 'MOET' }, late: false });

    const other = await t.call(moet, {
      method: 'POST',
      url: `/api/programme/meetings/${detail.id}/tasks/${mohTask.id}/status`,
      headers: { 'accept-language': 'en' },
      payload: { version: mohTask.version, status: 'DONE' },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('meeting_task_other_agency');
    expect(other.json().error.message).toMatch(/owned by/);
    const unchanged = await coordinationDb(t.db)
      .selectFrom('programme_meeting_tasks')
      .selectAll()
      .where('id', '=', mohTask.id)
      .executeTakeFirst();
    expect(unchanged).toMatchObject({ status: 'OPEN', done_on: null });

    const done = await post(moh, `/api/programme/meetings/${detail.id}/tasks/${mohTask.id}/status`, {
      version: mohTask.version,
      status: 'DONE',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().tasks.find((x: { id: string }) => x.id === mohTask.id)).toMatchObject({
      status: 'DONE',
      doneOn: today,
      late: false,
    });
    expect(done.json().lateTasks).toBe(0);
    expect(await audits('programme_meeting.task.done')).toBe(1);

    const stale = await post(moh, `/api/programme/meetings/${detail.id}/tasks/${mohTask.id}/status`, {
      version: mohTask.version,
      status: 'OPEN',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('lists late meetings on request and refuses bad input with a clear error, nothing written', async () => {
    const late = (await get(central, '/api/programme/meetings?lateOnly=true&pageSize=50')).json();
    expect(late.items.every((m: { lateTasks: number }) => m.lateTasks > 0)).toBe(true);
    expect(late.total).toBeGreaterThan(0);

    const count = async () => (await t.db.selectFrom('audit_log').select('id').execute()).length;
    const meetings = async () => (await coordinationDb(t.db).selectFrom('programme_meetings').select('id').execute()).length;
    const before = await count();
    const meetingsBefore = await meetings();
    const badDate = await t.call(central, {
      method: 'POST',
      url: '/api/programme/meetings',
      headers: { 'accept-language': 'en' },
      payload: meeting({ meetingDate: '2025-02-30' }),
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.code).toBe('validation_failed');
    const unknownAgency = await post(central, '/api/programme/meetings', meeting({ agencyIds: ['NOPE'] }));
    expect(unknownAgency.statusCode).toBe(400);
    expect(unknownAgency.json().error).toMatchObject({
      code: 'unknown_reference',
      details: { issues: [{ path: 'body.agencyIds.0', value: 'NOPE' }] },
    });
    const detail = (await get(central, '/api/programme/meetings?pageSize=1')).json().items[0];
    const full = (await get(central, `/api/programme/meetings/${detail.id}`)).json();
    const open = full.tasks.find((x: { status: string }) => x.status === 'OPEN');
    const future = await post(central, `/api/programme/meetings/${detail.id}/tasks/${open.id}/status`, {
      version: open.version,
      status: 'DONE',
      doneOn: addDays(today, 1),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.issues[0]).toMatchObject({ path: 'body.doneOn', message: 'in the future' });
    expect(await count()).toBe(before);
    expect(await meetings()).toBe(meetingsBefore);
  });

  it('stores a meeting document checked by content and serves it to participants only', async () => {
    const id = (await post(central, '/api/programme/meetings', meeting({ titleVi: 'Hội nghị quốc tế' }))).json().id;
    const exe = await t.call(central, {
      method: 'POST',
      url: `/api/programme/meetings/${id}/documents`,
      ...multipart('x.pdf', Buffer.from('MZ\x90\x00')),
    });
    expect(exe.statusCode).toBe(415);
    const up = await t.call(central, {
      method: 'POST',
      url: `/api/programme/meetings/${id}/documents`,
      ...multipart('Kết luận.pdf', pdf('minutes')),
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ fileName: 'Kết luận.pdf', mediaType: 'application/pdf' });
    const url = `/api/programme/meetings/${id}/documents/${up.json().id}`;
    expect((await get(moh, url)).body).toContain('minutes');
    expect((await get(caoBang, url)).statusCode).toBe(404);
    expect(
      (await t.call(moh, { method: 'POST', url: `/api/programme/meetings/${id}/documents`, ...multipart('a.pdf', pdf()) })).statusCode,
    ).toBe(403);
    expect((await get(central, `/api/programme/meetings/${id}`)).json().documents).toHaveLength(1);
  });

  it('lets central change a task and a meeting (an old version is 409 stale_version), audited; not an agency', async () => {
    const detail = (await post(central, '/api/programme/meetings', meeting({ titleVi: 'Họp thẩm định dự án' }))).json();
    const task = detail.tasks[0];
    const change = { description: 'Tổng hợp danh mục (sửa)', ownerAgencyId: 'MOET', dueDate: addDays(today, 5), version: task.version };
    const url = `/api/programme/meetings/${detail.id}/tasks/${task.id}`;
    expect((await t.call(moh, { method: 'PUT', url, payload: change })).statusCode).toBe(403);
    const changed = await t.call(central, { method: 'PUT', url, payload: change });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().tasks.find((x: { id: string }) => x.id === task.id)).toMatchObject({
      description: 'Tổng hợp danh mục (sửa)',
      ownerAgency: { id: 'MOET' },
      late: false,
    });
    expect(await audits('programme_meeting.task.update')).toBe(1);

    const { tasks: _tasks, ...fields } = meeting();
    const put = (version: number) =>
      t.call(central, { method: 'PUT', url: `/api/programme/meetings/${detail.id}`, payload: { ...fields, version, agencyIds: ['MOH'] } });
    expect((await put(detail.version)).statusCode).toBe(200);
    const stale = await put(detail.version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const now = (await get(central, `/api/programme/meetings/${detail.id}`)).json();
    expect(now.agencies.map((a: { id: string }) => a.id)).toEqual(['MOH']);
    expect(now.version).toBe(detail.version + 1);
  });
});
