import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendar, publishedDecisions } from '@domain/calendar';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, createOrganisation, draftWithDocuments, useTempDataDir } from './procedures.test-support';
import { vietnamDate } from './vn-date';

let ctx: TestContext;
let ngo: Session;
let moh: Session;
let mohReviewer: Session;
let moet: Session;
let comingo: Session;
const today = vietnamDate();
const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2020, toYear: 2100 });

beforeAll(async () => {
  useTempDataDir();
  ctx = await createTestContext();
  ngo = await ctx.signInAs('ngo', { organisationId: await createOrganisation(ctx, 'Aid donor') });
  moh = await ctx.signInAs('agency', { agencyId: 'MOH' });
  mohReviewer = await ctx.signInAs('reviewer', { agencyId: 'MOH' });
  moet = await ctx.signInAs('agency', { agencyId: 'MOET' });
  comingo = await ctx.signInAs('central', { agencyId: 'COMINGO' });
});
afterAll(async () => ctx?.close());

describe('aid approval (Decree 313/2025, provisional parameters): the governing agency receives and decides', () => {
  it('runs on a 20-calendar-day clock, consults the D313 list and records the decision without a certificate', async () => {
    const id = await draftWithDocuments(ctx, ngo, {
      procedureCode: 'AID_APPROVAL',
      application: { governingAgencyId: 'MOH', approvalLevel: 'CENTRAL', donorIsFngo: true },
    });
    const submitted = await act(ctx, ngo, id, { action: 'SUBMIT' });
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
    const approved = await act(ctx, moh, id, { action: 'APPROVE', decisionNumber: '55/QĐ-BYT', decisionDate: today });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('APPROVED');
    expect(approved.json().resultCertificate).toBeNull();
    expect(approved.json().decision).toMatchObject({ outcome: 'APPROVED', decisionNumber: '55/QĐ-BYT' });
  });
});
