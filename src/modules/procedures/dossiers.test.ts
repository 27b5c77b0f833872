import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendar, publishedDecisions } from '@domain/calendar';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, createOrganisation, draftWithDocuments, upload, useTempDataDir } from './procedures.test-support';
import { vietnamToday } from '@common/time/vietnam-today';

let ctx: TestContext;
let orgId: string;
let ngo: Session;
let otherNgo: Session;
let comingo: Session;
let mofa: Session;
let mps: Session;
let mof: Session;
let moh: Session;
let caoBang: Session;
let haNoi: Session;
const today = vietnamToday();
const calendar = buildCalendar({ decisions: publishedDecisions, fromYear: 2020, toYear: 2100 });

beforeAll(async () => {
  useTempDataDir();
  ctx = await createTestContext();
  orgId = await createOrganisation(ctx, 'Flow NGO');
  const otherOrg = await createOrganisation(ctx, 'Other NGO');
  ngo = await ctx.signInAs('ngo', { organisationId: orgId });
  otherNgo = await ctx.signInAs('ngo', { organisationId: otherOrg });
  comingo = await ctx.signInAs('central', { agencyId: 'COMINGO' });
  mofa = await ctx.signInAs('central', { agencyId: 'MOFA' });
  mps = await ctx.signInAs('reviewer', { agencyId: 'MPS' });
  mof = await ctx.signInAs('reviewer', { agencyId: 'MOF' });
  moh = await ctx.signInAs('reviewer', { agencyId: 'MOH' });
  caoBang = await ctx.signInAs('agency', { agencyId: 'UBND:new34:04' });
  haNoi = await ctx.signInAs('agency', { agencyId: 'UBND:new34:01' });
});
afterAll(async () => ctx?.close());

const get = (s: Session | null, url: string) => ctx.call(s, { method: 'GET', url });

describe('a new GDKHD dossier from submission to certificate', () => {
  let id: string;

  it('refuses anonymous callers and non-NGO roles when creating a draft', async () => {
    const body = { procedureCode: 'NEW_GDKHD', application: {} };
    expect((await ctx.call(null, { method: 'POST', url: '/api/dossiers', payload: body })).statusCode).toBe(401);
    expect((await ctx.call(comingo, { method: 'POST', url: '/api/dossiers', payload: body })).statusCode).toBe(403);
    expect((await ctx.call(ngo, { method: 'POST', url: '/api/dossiers', payload: { procedureCode: 'NOPE' } })).statusCode).toBe(400);
  });

  it('will not submit an incomplete dossier, then submits with every document and gives a code', async () => {
    const draft = await ctx.call(ngo, {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: 'NEW_GDKHD', application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'] } },
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json().status).toBe('DRAFT');
    const early = await act(ctx, ngo, draft.json().id, { action: 'SUBMIT' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('dossier_documents_missing');
    expect(early.json().error.details.missing).toContain('APPLICATION_03A');

    id = await draftWithDocuments(ctx, ngo, {
      procedureCode: 'NEW_GDKHD',
      application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'] },
    });
    // Nobody but the organisation sees a draft.
    expect((await get(comingo, `/api/dossiers/${id}`)).statusCode).toBe(404);
    const submitted = await act(ctx, ngo, id, { action: 'SUBMIT' });
    expect(submitted.statusCode).toBe(200);
    const body = submitted.json();
    expect(body.status).toBe('SUBMITTED');
    expect(body.code).toMatch(new RegExp(`^HS-${today.slice(0, 4)}-\\d{6}$`));
    expect(body.dates.submittedOn).toBe(today);
    const s1 = body.steps.find((s: { code: string }) => s.code === 'S1_CHECK');
    expect(s1.clock.dueDate).toBe(calendar.addWorkingDays(today, 2));
    const inbox = (await get(comingo, '/api/inbox')).json();
    expect(
      inbox.items.some((n: { kind: string; params: { code: string } }) => n.kind === 'DOSSIER_SUBMITTED' && n.params.code === body.code),
    ).toBe(true);
  });

  it('keeps dossiers within scope: another NGO and an unrelated province see nothing', async () => {
    expect((await get(otherNgo, `/api/dossiers/${id}`)).statusCode).toBe(404);
    expect((await get(otherNgo, '/api/dossiers')).json().total).toBe(0);
    expect((await get(ngo, '/api/dossiers')).json().items.map((d: { id: string }) => d.id)).toContain(id);
    expect((await get(haNoi, `/api/dossiers/${id}`)).statusCode).toBe(404);
    expect((await get(null, '/api/dossiers')).statusCode).toBe(401);
  });

  it('a supplement request before acceptance is answered by the NGO', async () => {
    const other = await act(ctx, otherNgo, id, { action: 'SUPPLEMENT' });
    expect(other.statusCode).toBe(404);
    const asked = await act(ctx, comingo, id, {
      action: 'REQUEST_SUPPLEMENT',
      message: 'Thiếu bản dịch lý lịch tư pháp',
      documentCodes: ['REPRESENTATIVE_CRIMINAL_RECORD'],
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().status).toBe('INCOMPLETE');
    expect(asked.json().clockState).toBe('NOT_STARTED');
    const ngoInbox = (await get(ngo, '/api/inbox?unread=true')).json();
    expect(ngoInbox.items.map((n: { kind: string }) => n.kind)).toContain('SUPPLEMENT_REQUESTED');
    // The requested document must come with the answer.
    const bare = await act(ctx, ngo, id, { action: 'SUPPLEMENT', note: 'Gửi bổ sung' });
    expect(bare.statusCode).toBe(422);
    expect((await upload(ctx, ngo, id, 'REPRESENTATIVE_CRIMINAL_RECORD')).statusCode).toBe(201);
    const supplied = await act(ctx, ngo, id, { action: 'SUPPLEMENT', note: 'Gửi bổ sung' });
    expect(supplied.statusCode).toBe(200);
    expect(supplied.json().status).toBe('SUPPLEMENTED');
    expect(supplied.json().supplements[0].answeredOn).toBe(today);
    // Only one current file per item; the first one is kept as superseded.
    expect(
      supplied.json().documents.filter((d: { documentCode: string }) => d.documentCode === 'REPRESENTATIVE_CRIMINAL_RECORD'),
    ).toHaveLength(2);
  });

  it('acceptance starts the 30-working-day clock', async () => {
    expect((await act(ctx, mofa, id, { action: 'ACCEPT' })).statusCode).toBe(403);
    const accepted = await act(ctx, comingo, id, { action: 'ACCEPT' });
    expect(accepted.statusCode).toBe(200);
    const body = accepted.json();
    expect(body.clockState).toBe('RUNNING');
    expect(body.overall.dueDate).toBe(calendar.addWorkingDays(today, 30));
    expect(body.overall.remainingDays).toBe(30);
  });

  it('plans consultations per D58, routing MPI to its successor MOF', async () => {
    const plan = (await get(comingo, `/api/dossiers/${id}/consultation-plan`)).json();
    const agencies = plan.planned.map((p: { agencyId: string }) => p.agencyId);
    expect(agencies).toEqual(expect.arrayContaining(['MPS', 'MOF', 'MOHA', 'SBV', 'MOH', 'UBND:new34:04']));
    expect(agencies).not.toContain('MPI');
    expect(new Set(agencies).size).toBe(agencies.length);
    expect((await get(ngo, `/api/dossiers/${id}/consultation-plan`)).statusCode).toBe(403);
  });

  it('sends requests for opinions to the current agencies', async () => {
    const started = await act(ctx, comingo, id, { action: 'START_CONSULTATION', agencyIds: ['MPS', 'MPI', 'UBND:old63:04'] });
    expect(started.statusCode).toBe(200);
    const consultations = started.json().consultations as { agencyId: string; namedAgencyId: string | null; clock: { dueDate: string } }[];
    expect(consultations.map((c) => c.agencyId).sort()).toEqual(['MOF', 'MPS', 'UBND:new34:04']);
    expect(consultations.find((c) => c.agencyId === 'MOF')?.namedAgencyId).toBe('MPI');
    expect(consultations[0]!.clock.dueDate).toBe(calendar.addWorkingDays(today, 10));
    // The province consulted now sees the dossier; its worklist has the request.
    expect((await get(caoBang, `/api/dossiers/${id}`)).statusCode).toBe(200);
    expect((await get(caoBang, '/api/consultations?status=PENDING')).json().items[0].dossierId).toBe(id);
    expect((await get(moh, `/api/dossiers/${id}`)).statusCode).toBe(404);
  });

  it('cannot forward before every agency has answered; only the agency addressed answers', async () => {
    const early = await act(ctx, comingo, id, { action: 'FORWARD_TO_MOFA' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('consultations_pending');
    const detail = (await get(comingo, `/api/dossiers/${id}`)).json();
    const byAgency = (a: string) => detail.consultations.find((c: { agencyId: string }) => c.agencyId === a);
    const answer = (s: Session, c: { id: string; version: number }, opinion = 'AGREE') =>
      ctx.call(s, {
        method: 'POST',
        url: `/api/consultations/${c.id}/answer`,
        payload: { version: c.version, opinion, answer: 'Không có ý kiến khác', letterNumber: '12/CV', letterDate: today },
      });
    expect((await answer(moh, byAgency('MPS'))).statusCode).toBe(404);
    expect((await answer(comingo, byAgency('MPS'))).statusCode).toBe(403);
    expect((await answer(mps, byAgency('MPS'))).statusCode).toBe(200);
    expect((await answer(mps, byAgency('MPS'))).statusCode).toBe(409);
    expect((await answer(mof, byAgency('MOF'), 'AGREE_WITH_CONDITIONS')).statusCode).toBe(200);
    expect((await answer(caoBang, byAgency('UBND:new34:04'))).statusCode).toBe(200);
    const inbox = (await get(comingo, '/api/inbox')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('OPINIONS_COMPLETE');
  });

  it('forwards to MOFA, which decides; the certificate appears in the registry in the same transaction', async () => {
    expect((await act(ctx, comingo, id, { action: 'FORWARD_TO_MOFA' })).statusCode).toBe(200);
    expect((await act(ctx, comingo, id, { action: 'START_APPRAISAL' })).statusCode).toBe(403);
    expect((await act(ctx, mofa, id, { action: 'START_APPRAISAL' })).statusCode).toBe(200);
    const approved = await act(ctx, mofa, id, { action: 'APPROVE', decisionNumber: '123/QĐ-BNG', decisionDate: today });
    expect(approved.statusCode).toBe(200);
    const body = approved.json();
    expect(body.status).toBe('APPROVED');
    const year = Number(today.slice(0, 4));
    expect(body.resultCertificate.validUntil).toBe(`${year + 3}${today.slice(4)}`);
    expect(body.resultCertificate.type).toBe('GDKHD');
    const cert = await ctx.db.selectFrom('certificates').selectAll().where('organisation_id', '=', orgId).execute();
    expect(cert).toHaveLength(1);
    const event = await ctx.db
      .selectFrom('certificate_events')
      .select(['kind', 'decision_number'])
      .where('certificate_id', '=', cert[0]!.id)
      .execute();
    expect(event).toEqual([{ kind: 'ISSUED', decision_number: '123/QĐ-BNG' }]);
    // The NGO can now pick it for an extension or amendment; another NGO sees none of it.
    const mine = await ctx.call(ngo, { method: 'GET', url: '/api/procedures/my-certificates' });
    expect(mine.json()).toEqual({
      items: [{ id: cert[0]!.id, number: cert[0]!.number, type: 'GDKHD', validUntil: body.resultCertificate.validUntil }],
    });
    expect((await ctx.call(otherNgo, { method: 'GET', url: '/api/procedures/my-certificates' })).json()).toEqual({ items: [] });
  });

  it('delivery closes the clock on time, and the timeline records every step', async () => {
    const delivered = await act(ctx, comingo, id, { action: 'DELIVER' });
    expect(delivered.statusCode).toBe(200);
    const body = delivered.json();
    expect(body.status).toBe('DELIVERED');
    expect(body.overall.state).toBe('DONE');
    expect(body.overall.onTime).toBe(true);
    expect(body.allowedActions).toEqual([]);
    expect(body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'SUBMIT',
      'REQUEST_SUPPLEMENT',
      'DOCUMENT_UPLOADED',
      'SUPPLEMENT',
      'ACCEPT',
      'START_CONSULTATION',
      'CONSULTATION_ANSWERED',
      'CONSULTATION_ANSWERED',
      'CONSULTATION_ANSWERED',
      'FORWARD_TO_MOFA',
      'START_APPRAISAL',
      'APPROVE',
      'DELIVER',
    ]);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toContain('dossier.approve');
    const ngoView = (await get(ngo, `/api/dossiers/${id}`)).json();
    expect(ngoView.resultCertificate.number).toBe(body.resultCertificate.number);
  });

  it('refuses a stale version with 409 and an action the state does not allow with 422', async () => {
    const other = await draftWithDocuments(ctx, ngo, {
      procedureCode: 'NEW_GDKHD',
      application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'] },
    });
    const stale = await ctx.call(ngo, {
      method: 'POST',
      url: `/api/dossiers/${other}/actions`,
      payload: { action: 'SUBMIT', version: 99 },
    });
    expect(stale.statusCode).toBe(409);
    const wrong = await act(ctx, ngo, other, { action: 'SUPPLEMENT' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details.rule).toBe('transition_not_allowed');
    const withdrawn = await act(ctx, ngo, other, { action: 'WITHDRAW' });
    expect(withdrawn.json().status).toBe('WITHDRAWN');
  });
});
