import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, createOrganisation, draftWithDocuments, useTempDataDir } from './procedures.test-support';
import { buildCalendar, publishedDecisions } from '@domain/calendar';
import { vietnamToday } from '@common/time/vietnam-today';

let ctx: TestContext;
let donorId: string;
let ngo: Session;
/** The aid owner (the Red Cross) files at every level. */
let owner: Session;
let mof: Session;
let moh: Session;
let caoBangFinance: Session;
let hanoiFinance: Session;
const today = vietnamToday();
const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2020, toYear: 2100 });

beforeAll(async () => {
  useTempDataDir();
  ctx = await createTestContext();
  donorId = await createOrganisation(ctx, 'Routing donor');
  ngo = await ctx.signInAs('ngo', { organisationId: donorId });
  owner = await ctx.signInAs('owner', { agencyId: 'VRC' });
  mof = await ctx.signInAs('agency', { agencyId: 'MOF' });
  moh = await ctx.signInAs('agency', { agencyId: 'MOH' });
  caoBangFinance = await ctx.signInAs('agency', { agencyId: 'STC:new34:04' });
  hanoiFinance = await ctx.signInAs('agency', { agencyId: 'STC:new34:01' });
});
afterAll(async () => ctx?.close());

const seen = async (s: Session, id: string) => (await ctx.call(s, { method: 'GET', url: `/api/dossiers/${id}` })).statusCode === 200;
const listed = async (s: Session, id: string) =>
  ((await ctx.call(s, { method: 'GET', url: '/api/dossiers?pageSize=100' })).json().items as { id: string }[]).some((d) => d.id === id);

/** Files and submits an aid approval at a level; returns its id. */
async function file(application: Record<string, unknown>): Promise<string> {
  const id = await draftWithDocuments(ctx, owner, {
    procedureCode: 'AID_APPROVAL',
    organisationId: donorId,
    application: { donorIsFngo: true, aid: { titleVi: `Khoản viện trợ ${Math.random()}`, modality: 'PROJECT' }, ...application },
  });
  const r = await act(ctx, owner, id, { action: 'SUBMIT' });
  expect(r.statusCode, r.body).toBe(200);
  return id;
}

/** Runs the handling body's steps up to the decision, with no consultation sent. */
async function toAppraisal(s: Session, id: string) {
  for (const body of [
    { action: 'ACCEPT' },
    { action: 'START_CONSULTATION', agencyIds: [] },
    { action: 'FORWARD_TO_MOFA' },
    { action: 'START_APPRAISAL' },
  ]) {
    const r = await act(ctx, s, id, body);
    expect(r.statusCode, `${body.action}: ${r.body}`).toBe(200);
  }
}

const content = {
  aidName: 'Nước sạch cho trường học vùng cao',
  donor: 'Routing donor',
  aidOwner: 'Trung ương Hội Chữ thập đỏ Việt Nam',
  objectives: 'Cấp nước sạch cho 12 điểm trường',
  inKind: true,
  goods: [{ name: 'Máy lọc nước', quantity: '12', unit: 'chiếc', value: '36000.00' }],
  value: { amount: '120000.50', currency: 'USD' },
  counterpart: { amount: '800000000', source: 'Ngân sách tỉnh Cao Bằng' },
  financialMechanism: { budgetRevenue: true, note: 'Ghi thu, ghi chi qua ngân sách tỉnh' },
  implementation: { from: '2026-01-15', to: '2027-06-30' },
  location: { provinceIds: ['new34:04'], text: 'Huyện cũ Bảo Lâm' },
};

describe('aid approval routed by approval level (D80 Art. 7, 9, 10)', () => {
  it('a Prime-Minister-level dossier goes to MOF, which appraises and decides; the governing ministry and provinces do not see it', async () => {
    const id = await file({ approvalLevel: 'PM', governingAgencyId: 'MOH' });
    expect(await seen(mof, id)).toBe(true);
    expect(await listed(mof, id)).toBe(true);
    for (const other of [moh, caoBangFinance]) {
      expect(await seen(other, id)).toBe(false);
      expect(await listed(other, id)).toBe(false);
    }
    expect((await act(ctx, moh, id, { action: 'ACCEPT' })).statusCode).toBe(404);
    expect((await act(ctx, mof, id, { action: 'ACCEPT' })).statusCode).toBe(200);
    // MOF appraises, so it does not consult itself: MPS, MOFA and VUFO (the donor is an NGO).
    const plan = (await ctx.call(mof, { method: 'GET', url: `/api/dossiers/${id}/consultation-plan` })).json();
    expect(plan.planned.map((p: { agencyId: string }) => p.agencyId)).toEqual(['MPS', 'MOFA', 'VUFO']);
    expect(plan.unresolved).toEqual([]);
    for (const body of [{ action: 'START_CONSULTATION', agencyIds: [] }, { action: 'FORWARD_TO_MOFA' }, { action: 'START_APPRAISAL' }])
      expect((await act(ctx, mof, id, body)).statusCode).toBe(200);
    const approved = await act(ctx, mof, id, { action: 'APPROVE', decisionNumber: '12/QĐ-TTg', decisionDate: today });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('APPROVED');
  });

  it('a central dossier goes to the governing agency; MOF sees it only once consulted', async () => {
    const id = await file({ approvalLevel: 'CENTRAL', governingAgencyId: 'MOH' });
    expect(await seen(moh, id)).toBe(true);
    expect(await seen(mof, id)).toBe(false);
    expect(await seen(caoBangFinance, id)).toBe(false);
    expect((await act(ctx, mof, id, { action: 'ACCEPT' })).statusCode).toBe(404);
    expect((await act(ctx, moh, id, { action: 'ACCEPT' })).statusCode).toBe(200);
    expect((await act(ctx, moh, id, { action: 'START_CONSULTATION', agencyIds: ['MOF'] })).statusCode).toBe(200);
    const asMof = (await ctx.call(mof, { method: 'GET', url: `/api/dossiers/${id}` })).json();
    // Consulted, MOF reads it and answers its consultation, but takes no step of the dossier.
    expect(asMof.allowedActions).toEqual([]);
  });

  it("a local dossier goes to the province's Department of Finance, which consults the province's Police: nothing unresolved", async () => {
    const id = await file({ approvalLevel: 'LOCAL', aidProvinceId: 'new34:04' });
    const row = await ctx.db
      .selectFrom('dossiers')
      .select(['handling_agency_id', 'application'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.handling_agency_id).toBe('STC:new34:04');
    expect((await ctx.call(owner, { method: 'GET', url: `/api/dossiers/${id}` })).json().handlingAgencyId).toBe('STC:new34:04');
    // Its People's Committee is the governing agency (D80 Art. 3.3).
    expect(row.application.governingAgencyId).toBe('UBND:new34:04');
    expect(await seen(caoBangFinance, id)).toBe(true);
    expect(await listed(caoBangFinance, id)).toBe(true);
    for (const other of [hanoiFinance, mof, moh]) {
      expect(await seen(other, id)).toBe(false);
      expect(await listed(other, id)).toBe(false);
    }
    expect((await act(ctx, caoBangFinance, id, { action: 'ACCEPT' })).statusCode).toBe(200);
    const plan = (await ctx.call(caoBangFinance, { method: 'GET', url: `/api/dossiers/${id}/consultation-plan` })).json();
    expect(plan.unresolved).toEqual([]);
    expect(plan.planned).toEqual([
      expect.objectContaining({ agencyId: 'CA:new34:04', nameVi: 'Công an tỉnh Cao Bằng', basis: 'AGENCY:PROVINCIAL_POLICE' }),
    ]);
    const sent = await act(ctx, caoBangFinance, id, { action: 'START_CONSULTATION' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().consultations.map((c: { agencyId: string }) => c.agencyId)).toEqual(['CA:new34:04']);
  });

  it("a central dossier governed by a People's Committee goes to the committee, not to its Department of Finance", async () => {
    const id = await file({ approvalLevel: 'CENTRAL', governingAgencyId: 'UBND:new34:04' });
    const committee = await ctx.signInAs('agency', { agencyId: 'UBND:new34:04' });
    expect(await seen(committee, id)).toBe(true);
    expect(await seen(caoBangFinance, id)).toBe(false);
  });

  it('refuses a local dossier without its province, and an unknown governing agency, with the field named', async () => {
    const noProvince = await draftWithDocuments(ctx, owner, {
      procedureCode: 'AID_APPROVAL',
      organisationId: donorId,
      application: { approvalLevel: 'LOCAL', aid: { titleVi: 'Thiếu tỉnh', modality: 'PROJECT' } },
    });
    const r = await act(ctx, owner, noProvince, { action: 'SUBMIT' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('application.aidProvinceId');
    const unknown = await ctx.call(owner, {
      method: 'POST',
      url: '/api/dossiers',
      payload: {
        procedureCode: 'AID_APPROVAL',
        organisationId: donorId,
        application: { approvalLevel: 'CENTRAL', governingAgencyId: 'NOPE' },
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].path).toBe('body.application.governingAgencyId');
  });

  it('an NGO still cannot file one', async () => {
    const r = await ctx.call(ngo, {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: 'AID_APPROVAL', application: { approvalLevel: 'LOCAL', aidProvinceId: 'new34:04' } },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('aid_approval_filed_by_owner');
  });
});

describe('appraisal within 20 days of the complete dossier (D80 Art. 10.6)', () => {
  it('the A4 clock counts 20 calendar days from acceptance of the complete dossier, not from the first filing', async () => {
    const id = await file({ approvalLevel: 'LOCAL', aidProvinceId: 'new34:04' });
    // Filed 12 days ago; completed (accepted) 3 days ago after the owner supplemented it.
    const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    expect((await act(ctx, caoBangFinance, id, { action: 'ACCEPT' })).statusCode).toBe(200);
    await ctx.db
      .updateTable('dossiers')
      .set({ submitted_on: day(12), last_received_on: day(12), accepted_on: day(3) })
      .where('id', '=', id)
      .execute();
    const view = (await ctx.call(caoBangFinance, { method: 'GET', url: `/api/dossiers/${id}` })).json();
    const a4 = view.steps.find((s: { code: string }) => s.code === 'A4_APPRAISE');
    expect(a4.clock).toMatchObject({ days: 20, unit: 'CALENDAR', startedOn: day(3), dueDate: calendar.endOfCalendarPeriod(day(3), 20) });
    expect(view.overall).toMatchObject({ startedOn: day(3), dueDate: calendar.endOfCalendarPeriod(day(3), 20) });
  });
});

describe('the decision content (D80 Art. 11) and the notice to the donor and MOF', () => {
  it('refuses bad content with every field named and changes nothing', async () => {
    const id = await file({ approvalLevel: 'LOCAL', aidProvinceId: 'new34:04' });
    await toAppraisal(caoBangFinance, id);
    const before = await ctx.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const items = await ctx.db.selectFrom('aid_items').select('id').execute();
    for (const [bad, path] of [
      [{ ...content, value: { amount: '120,000.50', currency: 'USD' } }, 'body.content.value.amount'],
      [{ ...content, value: { amount: '100', currency: 'XYZ' } }, 'body.content.value.currency'],
      [{ ...content, implementation: { from: '2027-01-01', to: '2026-01-01' } }, 'body.content.implementation.to'],
      [{ ...content, goods: [] }, 'body.content.goods'],
      [{ ...content, counterpart: { amount: '5', source: '' } }, 'body.content.counterpart.source'],
    ] as const) {
      const r = await act(ctx, caoBangFinance, id, { action: 'APPROVE', decisionNumber: '1/QĐ-UBND', decisionDate: today, content: bad });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(JSON.stringify(r.json().error.details), path).toContain(path);
    }
    const after = await ctx.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await ctx.db.selectFrom('aid_items').select('id').execute()).toHaveLength(items.length);
  });

  it('stores the content with the decision, registers the item from it, and tells the donor and MOF the outcome on delivery', async () => {
    const id = await file({ approvalLevel: 'LOCAL', aidProvinceId: 'new34:04' });
    await toAppraisal(caoBangFinance, id);
    const approved = await act(ctx, caoBangFinance, id, {
      action: 'APPROVE',
      decisionNumber: '88/QĐ-UBND',
      decisionDate: today,
      content,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().decision.content).toEqual(content);
    // The owner and the donor read the same content on the dossier.
    expect((await ctx.call(owner, { method: 'GET', url: `/api/dossiers/${id}` })).json().decision.content.value).toEqual({
      amount: '120000.50',
      currency: 'USD',
    });
    const item = (await ctx.call(caoBangFinance, { method: 'GET', url: `/api/aid/${approved.json().aidItemId}` })).json();
    expect(item).toMatchObject({
      titleVi: content.aidName,
      descriptionVi: content.objectives,
      budgetRevenue: true,
      defaultCurrency: 'USD',
      plannedStart: '2026-01-15',
      plannedEnd: '2027-06-30',
      governingAgencyId: 'UBND:new34:04',
      approvalDecisionNumber: '88/QĐ-UBND',
    });
    expect(item.locations.map((l: { provinceId: string }) => l.provinceId)).toEqual(['new34:04']);
    // The registered item shows its decision, content included, to whoever sees the item: not to another province.
    const url = `/api/aid/${approved.json().aidItemId}/approval-decision`;
    for (const reader of [caoBangFinance, ngo]) {
      const decision = await ctx.call(reader, { method: 'GET', url });
      expect(decision.statusCode).toBe(200);
      expect(decision.json()).toMatchObject({ dossierId: id, decisionNumber: '88/QĐ-UBND', content });
    }
    expect((await ctx.call(hanoiFinance, { method: 'GET', url })).statusCode).toBe(404);

    expect((await act(ctx, caoBangFinance, id, { action: 'DELIVER' })).statusCode).toBe(200);
    const notices = await ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'params'])
      .where('dossier_id', '=', id)
      .where('kind', '=', 'AID_DECISION_NOTICE')
      .execute();
    expect(notices.map((n) => n.user_id).sort()).toEqual([ngo.userId, mof.userId].sort());
    expect(notices[0]!.params).toMatchObject({
      decisionNumber: '88/QĐ-UBND',
      resultVi: 'phê duyệt khoản viện trợ',
      resultEn: 'the aid is approved',
    });
    const inbox = (await ctx.call(mof, { method: 'GET', url: '/api/inbox', headers: { 'accept-language': 'en' } })).json();
    expect(JSON.stringify(inbox)).toContain('88/QĐ-UBND');
  });

  it('without content from the officer, stores what the dossier knows, marked as pre-filled', async () => {
    const id = await file({ approvalLevel: 'CENTRAL', governingAgencyId: 'MOH', provinceIds: ['new34:01'] });
    await toAppraisal(moh, id);
    const approved = await act(ctx, moh, id, { action: 'APPROVE', decisionNumber: '9/QĐ-BYT', decisionDate: today });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().decision.content).toMatchObject({
      prefilled: true,
      aidOwner: 'Trung ương Hội Chữ thập đỏ Việt Nam',
      location: { provinceIds: ['new34:01'] },
    });
  });
});
