import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, buildCalendar, computeDeadline, publishedDecisions } from '@domain/calendar';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, consultingDossier, createOrganisation, upload, useTempDataDir } from './procedures.test-support';
import { runReminders } from './reminders';
import { vietnamToday } from '@common/time/vietnam-today';

let ctx: TestContext;
let orgId: string;
let ngo: Session;
let comingo: Session;
let mps: Session;
const today = vietnamToday();
const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2020, toYear: 2100 });

beforeAll(async () => {
  useTempDataDir();
  ctx = await createTestContext();
  orgId = await createOrganisation(ctx);
  ngo = await ctx.signInAs('ngo', { organisationId: orgId });
  comingo = await ctx.signInAs('central', { agencyId: 'COMINGO' });
  mps = await ctx.signInAs('reviewer', { agencyId: 'MPS' });
});
afterAll(async () => ctx?.close());

const get = (s: Session, url: string) => ctx.call(s, { method: 'GET', url });

describe('a supplement requested during processing pauses the clock', () => {
  let id: string;
  it('pauses, resumes where it stopped, and shows the pause', async () => {
    id = await consultingDossier(ctx, ngo, comingo, ['MPS']);
    const asked = await act(ctx, comingo, id, {
      action: 'REQUEST_SUPPLEMENT',
      message: 'Bổ sung danh mục dự án',
      documentCodes: ['PROGRAMME_LIST_3Y'],
    });
    expect(asked.json().status).toBe('INCOMPLETE');
    expect(asked.json().clockState).toBe('PAUSED');
    expect(asked.json().overall.paused).toBe(true);
    expect(asked.json().overall.dueDate).toBeNull();
    expect(asked.json().pauses).toEqual([{ from: today, to: null, reason: 'SUPPLEMENT' }]);
    // The consulted agency's 10 WD run from the request letter and are not paused (see consultationClock).
    const requested = asked.json().consultations[0].clock;
    expect(requested).toMatchObject({ state: 'RUNNING', paused: false, dueDate: calendar.addWorkingDays(today, 10) });
    const worklist = (await get(mps, '/api/consultations')).json();
    expect(worklist.items.find((c: { dossierId: string }) => c.dossierId === id).clock).toMatchObject({
      paused: false,
      dueDate: requested.dueDate,
    });
    expect((await upload(ctx, ngo, id, 'PROGRAMME_LIST_3Y')).statusCode).toBe(201);
    const supplied = await act(ctx, ngo, id, { action: 'SUPPLEMENT' });
    expect(supplied.json().status).toBe('SUPPLEMENTED');
    expect(supplied.json().clockState).toBe('PAUSED');
    // A supplement during processing goes back to consultation, not to a fresh acceptance.
    expect(supplied.json().allowedActions).toBeDefined();
    expect((await act(ctx, comingo, id, { action: 'ACCEPT' })).statusCode).toBe(422);
    const resumed = await act(ctx, comingo, id, { action: 'RESUME' });
    expect(resumed.json().status).toBe('CONSULTING');
    expect(resumed.json().clockState).toBe('RUNNING');
    expect(resumed.json().pauses).toEqual([{ from: today, to: today, reason: 'SUPPLEMENT' }]);
  });

  it('moves the due date out by the working days paused (calendar with holidays)', async () => {
    // Accepted Monday 02/03/2026; paused Tuesday 10/03 to Thursday 12/03 (3 working days).
    await ctx.db.updateTable('dossiers').set({ accepted_on: '2026-03-02' }).where('id', '=', id).execute();
    await ctx.db
      .updateTable('dossier_pauses')
      .set({ from_date: '2026-03-10', to_date: '2026-03-12' })
      .where('dossier_id', '=', id)
      .execute();
    await ctx.db.updateTable('dossier_consultations').set({ requested_on: '2026-03-02' }).where('dossier_id', '=', id).execute();
    const body = (await get(comingo, `/api/dossiers/${id}`)).json();
    // The pause moves the dossier's limit, not the consulted agency's (sent the day of acceptance).
    expect(body.consultations[0].clock.dueDate).toBe(calendar.addWorkingDays('2026-03-02', 10));
    await ctx.db.updateTable('dossier_consultations').set({ requested_on: today }).where('dossier_id', '=', id).execute();
    const expected = computeDeadline(
      { start: '2026-03-02', workingDays: 30, pauses: [{ from: '2026-03-10', to: '2026-03-12' }], asOf: today },
      calendar,
    );
    expect(body.overall.dueDate).toBe(expected.dueDate);
    expect(body.overall.dueDate).toBe(calendar.addWorkingDays('2026-03-02', 33));
    expect(body.overall.overdueDays).toBe(expected.overdueWorkingDays);
  });
});

describe('SLA view, reminders and the inbox', () => {
  let lateId: string;

  beforeAll(async () => {
    // A dossier accepted 90 days ago, still in consultation: overdue overall and at the agency.
    lateId = await consultingDossier(ctx, ngo, comingo, ['MPS']);
    const long = addDays(today, -90);
    await ctx.db
      .updateTable('dossiers')
      .set({ accepted_on: long, consultation_sent_on: long, submitted_on: long, last_received_on: long })
      .where('id', '=', lateId)
      .execute();
    await ctx.db.updateTable('dossier_consultations').set({ requested_on: long }).where('dossier_id', '=', lateId).execute();
    // Two finished dossiers: one delivered within 30 WD, one after.
    const base = {
      organisation_id: orgId,
      procedure_code: 'NEW_GDKHD' as const,
      procedure_version_id: 'NEW_GDKHD@D58-2022',
      application: '{}',
      status: 'DELIVERED' as const,
      clock: 'STOPPED' as const,
    };
    await ctx.db
      .insertInto('dossiers')
      .values([
        { ...base, code: 'HS-T-1', accepted_on: '2026-03-02', delivered_on: calendar.addWorkingDays('2026-03-02', 20) },
        { ...base, code: 'HS-T-2', accepted_on: '2026-01-05', delivered_on: calendar.addWorkingDays('2026-01-05', 35) },
      ])
      .execute();
  });

  it('reports share on time, median working days and the overdue list, to central officers only', async () => {
    expect((await get(ngo, '/api/procedures/sla')).statusCode).toBe(403);
    const sla = (await get(comingo, '/api/procedures/sla')).json();
    const gdkhd = sla.byProcedure.find((p: { procedureCode: string }) => p.procedureCode === 'NEW_GDKHD');
    expect(gdkhd.finished).toBe(2);
    expect(gdkhd.finishedOnTime).toBe(1);
    expect(gdkhd.onTimeShare).toBe(0.5);
    expect(gdkhd.medianDays).toBe(27.5);
    expect(gdkhd.openOverdue).toBeGreaterThanOrEqual(1);
    const mpsRow = sla.byAgency.find((a: { agencyId: string }) => a.agencyId === 'MPS');
    expect(mpsRow.openOverdue).toBe(1);
    const lateDossier = sla.overdue.find((o: { dossierId: string; kind: string }) => o.dossierId === lateId && o.kind === 'DOSSIER');
    // D58 limits run in working days, and the row says so, so the screen can write "quá hạn N ngày làm việc".
    expect(lateDossier).toMatchObject({ unit: 'WORKING' });
    // The overdue consultation names its step in both languages, not only by code.
    const lateConsultation = sla.overdue.find(
      (o: { dossierId: string; kind: string; agencyId: string }) =>
        o.dossierId === lateId && o.kind === 'CONSULTATION' && o.agencyId === 'MPS',
    );
    expect(lateConsultation).toMatchObject({
      step: 'S3_OPINION',
      stepNameVi: 'Trả lời bằng văn bản',
      stepNameEn: 'Reply in writing',
      unit: 'WORKING',
    });
    const filtered = (await get(comingo, '/api/procedures/sla?from=2026-03-01&to=2026-03-31')).json();
    expect(filtered.byProcedure.find((p: { procedureCode: string }) => p.procedureCode === 'NEW_GDKHD').finished).toBe(1);
  });

  it('lists overdue dossiers in the worklist', async () => {
    const list = (await get(comingo, '/api/dossiers?view=overdue')).json();
    expect(list.items.map((d: { id: string }) => d.id)).toContain(lateId);
    expect(
      list.items.every(
        (d: { overall: { overdueDays: number } | null; currentStep: { clock: { overdueDays: number } } | null }) =>
          (d.overall?.overdueDays ?? 0) > 0 || (d.currentStep?.clock.overdueDays ?? 0) > 0,
      ),
    ).toBe(true);
  });

  it('puts overdue reminders in the inboxes once (e-mail: reminders.mail.test.ts)', async () => {
    const created = await runReminders(ctx.db, today);
    expect(created).toBeGreaterThanOrEqual(2);
    expect(await runReminders(ctx.db, today)).toBe(0);
    const reviewerInbox = (await get(mps, '/api/inbox')).json();
    const reminder = reviewerInbox.items.find(
      (n: { kind: string; dossierId: string }) => n.kind === 'REMINDER_OVERDUE' && n.dossierId === lateId,
    );
    expect(reminder.params).toMatchObject({
      step: 'S3_OPINION',
      stepNameVi: 'Trả lời bằng văn bản',
      stepNameEn: 'Reply in writing',
      unit: 'WORKING', // the text then says "ngày làm việc"
    });
    expect(reminder.params.days).toBeGreaterThan(0);
  });

  it('marks notifications read, one or all, and never another user’s', async () => {
    const inbox = (await get(mps, '/api/inbox')).json();
    expect(inbox.unread).toBeGreaterThan(0);
    const first = inbox.items[0];
    expect((await ctx.call(comingo, { method: 'POST', url: `/api/inbox/${first.id}/read` })).statusCode).toBe(404);
    expect((await ctx.call(mps, { method: 'POST', url: `/api/inbox/${first.id}/read` })).statusCode).toBe(200);
    expect((await get(mps, '/api/inbox')).json().unread).toBe(inbox.unread - 1);
    await ctx.call(mps, { method: 'POST', url: '/api/inbox/read-all' });
    expect((await get(mps, '/api/inbox?unread=true')).json()).toMatchObject({ total: 0, unread: 0 });
  });
});
