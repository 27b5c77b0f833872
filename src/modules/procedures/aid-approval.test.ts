import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendar, publishedDecisions } from '@domain/calendar';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, createOrganisation, draftWithDocuments, upload, useTempDataDir } from './procedures.test-support';
import { vietnamToday } from '@common/time/vietnam-today';

let ctx: TestContext;
let ngo: Session;
let donorId: string;
/** The Vietnamese aid owner (the Red Cross), who files the aid approval (D80 Art. 8, 10). */
let owner: Session;
let moh: Session;
let mohReviewer: Session;
let moet: Session;
let comingo: Session;
const today = vietnamToday();
const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2020, toYear: 2100 });

beforeAll(async () => {
  useTempDataDir();
  ctx = await createTestContext();
  donorId = await createOrganisation(ctx, 'Aid donor');
  ngo = await ctx.signInAs('ngo', { organisationId: donorId });
  owner = await ctx.signInAs('owner', { agencyId: 'VRC' });
  moh = await ctx.signInAs('agency', { agencyId: 'MOH' });
  mohReviewer = await ctx.signInAs('reviewer', { agencyId: 'MOH' });
  moet = await ctx.signInAs('agency', { agencyId: 'MOET' });
  comingo = await ctx.signInAs('central', { agencyId: 'COMINGO' });
});
afterAll(async () => ctx?.close());

describe('aid approval (Decree 313/2025, provisional parameters): the aid owner files, the governing agency receives and decides', () => {
  it('runs on a 20-calendar-day clock, consults the D313 list and records the decision without a certificate', async () => {
    const id = await draftWithDocuments(ctx, owner, {
      procedureCode: 'AID_APPROVAL',
      organisationId: donorId,
      application: {
        governingAgencyId: 'MOH',
        approvalLevel: 'CENTRAL',
        donorIsFngo: true,
        provinceIds: ['new34:04', 'new34:01', 'new34:08'],
        aid: { titleVi: 'Nâng cao năng lực y tế cơ sở', modality: 'PROJECT' },
      },
    });
    const submitted = await act(ctx, owner, id, { action: 'SUBMIT' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().procedure.versionId).toBe('AID_APPROVAL@D313-2025');
    // Only the governing agency acts; COMINGO and another ministry have no role on it.
    expect((await ctx.call(moet, { method: 'GET', url: `/api/dossiers/${id}` })).statusCode).toBe(404);
    expect((await act(ctx, comingo, id, { action: 'ACCEPT' })).statusCode).toBe(403);
    expect((await act(ctx, mohReviewer, id, { action: 'ACCEPT' })).statusCode).toBe(403);
    const accepted = await act(ctx, moh, id, { action: 'ACCEPT' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().overall).toMatchObject({ days: 20, unit: 'CALENDAR', dueDate: calendar.endOfCalendarPeriod(today, 20) });
    const plan = (await ctx.call(moh, { method: 'GET', url: `/api/dossiers/${id}/consultation-plan` })).json();
    expect(plan.planned.map((p: { agencyId: string }) => p.agencyId)).toEqual(['MOF', 'MPS', 'MOFA', 'VUFO']);
    expect((await act(ctx, moh, id, { action: 'START_CONSULTATION', agencyIds: ['MOF'] })).statusCode).toBe(200);
    await ctx.db
      .updateTable('dossier_consultations')
      .set({ status: 'ANSWERED', opinion: 'AGREE', answer: 'ok', answered_on: today })
      .where('dossier_id', '=', id)
      .execute();
    for (const action of ['FORWARD_TO_MOFA', 'START_APPRAISAL']) expect((await act(ctx, moh, id, { action })).statusCode).toBe(200);
    // The governing agency collects the opinions itself: no "forwarded to MOFA" notice goes to anyone.
    const forwarded = await ctx.db.selectFrom('notifications').select('kind').where('dossier_id', '=', id).execute();
    expect(forwarded.map((n) => n.kind)).not.toContain('DOSSIER_FORWARDED');
    const approved = await act(ctx, moh, id, { action: 'APPROVE', decisionNumber: '55/QĐ-BYT', decisionDate: today });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('APPROVED');
    expect(approved.json().resultCertificate).toBeNull();
    expect(approved.json().decision).toMatchObject({ outcome: 'APPROVED', decisionNumber: '55/QĐ-BYT' });
    // The decision registered the aid item, approved, with the decision and the approving (governing) agency.
    const aidItemId = approved.json().aidItemId as string;
    expect(aidItemId).toBeTruthy();
    const item = await ctx.call(moh, { method: 'GET', url: `/api/aid/${aidItemId}` });
    expect(item.statusCode).toBe(200);
    expect(item.json()).toMatchObject({
      titleVi: 'Nâng cao năng lực y tế cơ sở',
      modality: 'PROJECT',
      status: 'APPROVED',
      approvalDecisionNumber: '55/QĐ-BYT',
      approvalDate: today,
      approvalLegalBasis: 'D313_2025',
      governingAgencyId: 'MOH',
      // The aid owner that filed it is the item's aid owner.
      aidOwnerName: (await ctx.db.selectFrom('agencies').select('name_vi').where('id', '=', 'VRC').executeTakeFirstOrThrow()).name_vi,
    });
    expect(
      item
        .json()
        .locations.map((l: { share: string }) => Number(l.share))
        .reduce((a: number, b: number) => a + b, 0),
    ).toBe(100);
    // The aid owner that filed and the donor are both told of the decision (D80 Art. 11), in their inboxes.
    const decided = await ctx.db
      .selectFrom('notifications')
      .select('user_id')
      .where('dossier_id', '=', id)
      .where('kind', '=', 'DOSSIER_DECIDED')
      .execute();
    expect(decided.map((n) => n.user_id)).toEqual(expect.arrayContaining([owner.userId, ngo.userId]));
    // The NGO sees its approved item too; the creation is in the audit trail.
    expect((await ctx.call(ngo, { method: 'GET', url: `/api/aid/${aidItemId}` })).json().status).toBe('APPROVED');
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', aidItemId).execute();
    expect(audit.map((a) => a.action)).toContain('aid_item.create');
  });

  /** A dossier of MOH brought to appraisal, ready for the decision. */
  async function toAppraisal(application: Record<string, unknown>): Promise<string> {
    const id = await draftWithDocuments(ctx, owner, { procedureCode: 'AID_APPROVAL', organisationId: donorId, application });
    for (const action of ['SUBMIT', 'ACCEPT', 'START_CONSULTATION', 'FORWARD_TO_MOFA', 'START_APPRAISAL']) {
      const r = await act(
        ctx,
        action === 'SUBMIT' ? owner : moh,
        id,
        action === 'START_CONSULTATION' ? { action, agencyIds: [] } : { action },
      );
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    }
    return id;
  }
  const aidCount = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('aid_items')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses submission without the aid item to approve', async () => {
    const id = await draftWithDocuments(ctx, owner, {
      procedureCode: 'AID_APPROVAL',
      organisationId: donorId,
      application: { governingAgencyId: 'MOH', approvalLevel: 'CENTRAL' },
    });
    const r = await act(ctx, owner, id, { action: 'SUBMIT' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'application.aid.titleVi',
      'application.aid.modality',
    ]);
  });

  it('a refusal registers nothing', async () => {
    const before = await aidCount();
    const id = await toAppraisal({
      governingAgencyId: 'MOH',
      approvalLevel: 'CENTRAL',
      aid: { titleVi: 'Khoản bị từ chối', modality: 'NON_PROJECT' },
    });
    const refused = await act(ctx, moh, id, {
      action: 'REJECT',
      decisionNumber: '56/QĐ-BYT',
      decisionDate: today,
      reason: 'Không phù hợp',
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.json().aidItemId).toBeNull();
    expect(await aidCount()).toBe(before);
  });

  it('approves the draft item the dossier was filed for, instead of creating another', async () => {
    const draft = await ctx.call(ngo, {
      method: 'POST',
      url: '/api/aid',
      payload: { modality: 'NON_PROJECT', titleVi: 'Trang thiết bị cho trạm y tế' },
    });
    expect(draft.statusCode).toBe(201);
    const draftId = draft.json().id as string;
    // Before the dossier, the ministry does not govern the draft and cannot see it.
    expect((await ctx.call(moh, { method: 'GET', url: `/api/aid/${draftId}` })).statusCode).toBe(404);
    const id = await toAppraisal({ governingAgencyId: 'MOH', approvalLevel: 'CENTRAL', aid: { itemId: draftId } });
    const before = await aidCount();
    const approved = await act(ctx, moh, id, { action: 'APPROVE', decisionNumber: '57/QĐ-BYT', decisionDate: today });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().aidItemId).toBe(draftId);
    expect(await aidCount()).toBe(before);
    const item = (await ctx.call(moh, { method: 'GET', url: `/api/aid/${draftId}` })).json();
    expect(item).toMatchObject({ status: 'APPROVED', approvalDecisionNumber: '57/QĐ-BYT', approvalDate: today, governingAgencyId: 'MOH' });
  });

  it("refuses a dossier for another organisation's aid item", async () => {
    const other = await ctx.signInAs('ngo', { organisationId: await createOrganisation(ctx, 'Other donor') });
    const draft = await ctx.call(other, {
      method: 'POST',
      url: '/api/aid',
      payload: { modality: 'PROJECT', titleVi: 'Dự án của tổ chức khác' },
    });
    const id = await draftWithDocuments(ctx, owner, {
      procedureCode: 'AID_APPROVAL',
      organisationId: donorId,
      application: { governingAgencyId: 'MOH', approvalLevel: 'CENTRAL', aid: { itemId: draft.json().id } },
    });
    const r = await act(ctx, owner, id, { action: 'SUBMIT' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.issues[0].path).toBe('application.aid.itemId');
  });
});

describe('aid approval: who files it (D80 Art. 8, 10)', () => {
  const application = {
    governingAgencyId: 'MOH',
    approvalLevel: 'CENTRAL',
    aid: { titleVi: 'Cấp nước sạch cho trường học', modality: 'PROJECT' },
  };
  const dossierCount = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('dossiers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("refuses the NGO's aid approval with a message saying the aid owner files it, and still takes its registration dossier", async () => {
    const before = await dossierCount();
    for (const locale of ['vi', 'en'] as const) {
      const r = await ctx.call(ngo, {
        method: 'POST',
        url: '/api/dossiers',
        headers: { 'accept-language': locale },
        payload: { procedureCode: 'AID_APPROVAL', application },
      });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('aid_approval_filed_by_owner');
      expect(r.json().error.message).toContain(locale === 'vi' ? 'do chủ khoản viện trợ nộp' : 'filed by the Vietnamese aid owner');
    }
    expect(await dossierCount()).toBe(before);
    const registration = await ctx.call(ngo, {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: 'NEW_GDKHD', application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'] } },
    });
    expect(registration.statusCode).toBe(201);
    expect(registration.json()).toMatchObject({ status: 'DRAFT', myRoles: ['NGO'] });
  });

  it('lets the aid owner file only the aid approval, naming an existing donor', async () => {
    const before = await dossierCount();
    const registration = await ctx.call(owner, {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: 'NEW_GDKHD', organisationId: donorId, application: { provinceIds: ['new34:04'] } },
    });
    expect(registration.statusCode).toBe(403);
    const noDonor = await ctx.call(owner, {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: 'AID_APPROVAL', application },
    });
    expect(noDonor.statusCode).toBe(400);
    expect(noDonor.json().error.details.issues[0].path).toBe('body.organisationId');
    const unknownDonor = await ctx.call(owner, {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: 'AID_APPROVAL', organisationId: '00000000-0000-4000-8000-000000000000', application },
    });
    expect(unknownDonor.statusCode).toBe(400);
    expect(unknownDonor.json().error.code).toBe('unknown_reference');
    expect(await dossierCount()).toBe(before);
  });

  it('shows an aid owner only the dossiers it filed, and the donor a read-only view where it adds only its letter', async () => {
    const id = await draftWithDocuments(ctx, owner, { procedureCode: 'AID_APPROVAL', organisationId: donorId, application });
    const draft = (await ctx.call(owner, { method: 'GET', url: `/api/dossiers/${id}` })).json();
    expect(draft).toMatchObject({ status: 'DRAFT', myRoles: ['NGO'] });
    expect(draft.allowedActions).toContain('SUBMIT');
    // The filing is audited as the owner's.
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('entity_id', '=', id).execute();
    expect(audit).toContainEqual({ action: 'dossier.create', actor_user_id: owner.userId });
    // Another aid owner does not see it.
    const otherOwner = await ctx.signInAs('owner', { agencyId: 'MOH' });
    expect((await ctx.call(otherOwner, { method: 'GET', url: `/api/dossiers/${id}` })).statusCode).toBe(404);
    const otherList = (await ctx.call(otherOwner, { method: 'GET', url: '/api/dossiers' })).json();
    expect(otherList.items.map((d: { id: string }) => d.id)).not.toContain(id);
    // The donor sees the draft, acts on nothing and adds only its own letter agreeing to provide the aid.
    expect((await ctx.call(ngo, { method: 'GET', url: `/api/dossiers/${id}` })).json()).toMatchObject({
      status: 'DRAFT',
      myRoles: [],
      allowedActions: [],
    });
    expect((await upload(ctx, ngo, id, 'DONOR_AGREEMENT')).statusCode).toBe(201);
    expect((await upload(ctx, ngo, id, 'AID_REQUEST')).statusCode).toBe(403);
    expect((await act(ctx, ngo, id, { action: 'SUBMIT' })).statusCode).toBe(403);
    const ownList = (await ctx.call(owner, { method: 'GET', url: '/api/dossiers' })).json();
    expect(ownList.items.map((d: { id: string }) => d.id)).toContain(id);
    expect(ownList.items.every((d: { procedureCode: string }) => d.procedureCode === 'AID_APPROVAL')).toBe(true);

    expect((await act(ctx, owner, id, { action: 'SUBMIT' })).statusCode).toBe(200);
    const seen = await ctx.call(ngo, { method: 'GET', url: `/api/dossiers/${id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'SUBMITTED', myRoles: [], allowedActions: [] });
    expect((await ctx.call(ngo, { method: 'GET', url: '/api/dossiers' })).json().items.map((d: { id: string }) => d.id)).toContain(id);
    // Read-only once filed: the donor can neither withdraw it nor add to it.
    expect((await act(ctx, ngo, id, { action: 'WITHDRAW' })).statusCode).toBe(403);
    expect((await upload(ctx, ngo, id, 'AID_REQUEST')).statusCode).toBe(403);
    expect((await upload(ctx, ngo, id, 'DONOR_AGREEMENT')).statusCode).toBe(409);
    expect((await ctx.call(ngo, { method: 'PATCH', url: `/api/dossiers/${id}`, payload: { version: 2, application } })).statusCode).toBe(
      403,
    );
  });
});
