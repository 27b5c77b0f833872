/**
 * Issue 13 §2, the case file of a Decree 58 dossier: the application in view for everyone who handles it, the
 * decision's rules checked at submission, only actions that will pass offered (with the reason for the others),
 * opinions received on paper, silence after the 10 working days, and the agency's letter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, consultingDossier, createOrganisation, draftWithDocuments, multipart, pdf, useTempDataDir } from './procedures.test-support';
import { vietnamToday } from '@common/time/vietnam-today';

let ctx: TestContext;
let ngo: Session;
let comingo: Session;
let mps: Session;
let caoBang: Session;
const today = vietnamToday();
const plusYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

type Check = { action: string; available: boolean; reason: string | null };
type Consultation = {
  id: string;
  agencyId: string;
  version: number;
  status: string;
  channel: string | null;
  letterNumber: string | null;
  letterDate: string | null;
  letter: { fileName: string } | null;
  canRecord: boolean;
  silenceAllowed: boolean;
};

beforeAll(async () => {
  useTempDataDir();
  ctx = await createTestContext();
  const orgId = await createOrganisation(ctx, 'Case file NGO');
  ngo = await ctx.signInAs('ngo', { organisationId: orgId });
  comingo = await ctx.signInAs('central', { agencyId: 'COMINGO' });
  mps = await ctx.signInAs('reviewer', { agencyId: 'MPS' });
  caoBang = await ctx.signInAs('agency', { agencyId: 'UBND:new34:04' });
});
afterAll(async () => ctx?.close());

const get = (s: Session, url: string) => ctx.call(s, { method: 'GET', url });
const detail = async (s: Session, id: string) => (await get(s, `/api/dossiers/${id}`)).json();
const consultationOf = async (s: Session, id: string, agencyId: string) =>
  ((await detail(s, id)).consultations as Consultation[]).find((c) => c.agencyId === agencyId)!;
const post = (s: Session, url: string, payload: Record<string, unknown>) => ctx.call(s, { method: 'POST', url, payload });
const auditCount = async (action: string, entityId: string) =>
  Number(
    (
      await ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', action)
        .where('entity_id', '=', entityId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('submission checks the decision’s own rules', () => {
  it('refuses a requested validity beyond the 3-year cap at submission, and says so before the click', async () => {
    const id = await draftWithDocuments(ctx, ngo, {
      procedureCode: 'NEW_GDKHD',
      application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'], requestedValidUntil: plusYears(today, 4) },
    });
    const draft = await detail(ngo, id);
    expect(draft.allowedActions).not.toContain('SUBMIT');
    expect((draft.actionChecks as Check[]).find((c) => c.action === 'SUBMIT')).toEqual({
      action: 'SUBMIT',
      available: false,
      reason: 'certificate_validity_exceeds_cap',
    });
    const refused = await act(ctx, ngo, id, { action: 'SUBMIT' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'rule_violated', details: { rule: 'certificate_validity_exceeds_cap' } });
    expect((await detail(ngo, id)).status).toBe('DRAFT');

    const version = (await detail(ngo, id)).version;
    const fixed = await ctx.call(ngo, {
      method: 'PATCH',
      url: `/api/dossiers/${id}`,
      payload: { version, application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'], requestedValidUntil: plusYears(today, 2) } },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().allowedActions).toContain('SUBMIT');
    const submitted = await act(ctx, ngo, id, { action: 'SUBMIT' });
    expect(submitted.statusCode).toBe(200);
    // The submission step carries its date.
    expect(submitted.json().steps.find((s: { code: string }) => s.code === 'SUBMIT').doneOn).toBe(today);
  });

  it('names missing documents as the reason a draft cannot be submitted yet', async () => {
    const created = await post(ngo, '/api/dossiers', {
      procedureCode: 'NEW_GDKHD',
      application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'] },
    });
    const checks = created.json().actionChecks as Check[];
    expect(checks.find((c) => c.action === 'SUBMIT')?.reason).toBe('dossier_documents_missing');
    expect(checks.find((c) => c.action === 'WITHDRAW')?.available).toBe(true);
  });
});

describe('consultations on the case file', () => {
  let id: string;

  beforeAll(async () => {
    id = await consultingDossier(ctx, ngo, comingo, ['MPS', 'UBND:new34:04']);
  });

  it('shows the consulted agency what was applied for', async () => {
    const seen = await detail(caoBang, id);
    expect(seen.application).toMatchObject({ provinceIds: ['new34:04'], sectorCodes: ['YTE'] });
  });

  it('does not offer forwarding to MOFA while replies are pending, and says why', async () => {
    const d = await detail(comingo, id);
    expect(d.allowedActions).not.toContain('FORWARD_TO_MOFA');
    expect((d.actionChecks as Check[]).find((c) => c.action === 'FORWARD_TO_MOFA')).toEqual({
      action: 'FORWARD_TO_MOFA',
      available: false,
      reason: 'consultations_pending',
    });
  });

  it('an answer needs its letter number and a letter date not in the future; the letter file travels with it', async () => {
    const c = await consultationOf(mps, id, 'MPS');
    expect(c.canRecord).toBe(false);
    const bare = await post(mps, `/api/consultations/${c.id}/answer`, { version: c.version, opinion: 'AGREE', answer: 'Đồng ý' });
    expect(bare.statusCode).toBe(400);
    const future = await post(mps, `/api/consultations/${c.id}/answer`, {
      version: c.version,
      opinion: 'AGREE',
      answer: 'Đồng ý',
      letterNumber: '45/BCA-ANKT',
      letterDate: plusYears(today, 1),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('consultation_letter_date');
    const letter = await ctx.call(mps, { method: 'POST', url: `/api/consultations/${c.id}/letter`, ...multipart('cv-45.pdf', pdf('cv')) });
    expect(letter.statusCode).toBe(201);
    const ok = await post(mps, `/api/consultations/${c.id}/answer`, {
      version: c.version,
      opinion: 'AGREE_WITH_CONDITIONS',
      answer: 'Đồng ý, đề nghị báo cáo định kỳ',
      letterNumber: '45/BCA-ANKT',
      letterDate: today,
    });
    expect(ok.statusCode).toBe(200);
    const answered = await consultationOf(comingo, id, 'MPS');
    expect(answered).toMatchObject({ status: 'ANSWERED', channel: 'APP', letterNumber: '45/BCA-ANKT', letterDate: today });
    expect(answered.letter?.fileName).toBe('cv-45.pdf');
    const file = await get(comingo, `/api/dossiers/${id}/consultations/${c.id}/letter`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('%PDF');
    expect(await auditCount('dossier.consultation.letter', c.id)).toBe(1);
  });

  it('silence can be recorded only after the working days ran out; then the dossier goes on', async () => {
    const c = await consultationOf(comingo, id, 'UBND:new34:04');
    expect(c.canRecord).toBe(true);
    expect(c.silenceAllowed).toBe(false);
    const early = await post(comingo, `/api/consultations/${c.id}/silence`, { version: c.version });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('consultation_not_overdue');
    // The agency cannot record its own silence; it is the handling officer's act.
    expect((await post(caoBang, `/api/consultations/${c.id}/silence`, { version: c.version })).statusCode).toBe(404);

    await ctx.db.updateTable('dossier_consultations').set({ requested_on: '2024-01-02' }).where('id', '=', c.id).execute();
    const late = await consultationOf(comingo, id, 'UBND:new34:04');
    expect(late.silenceAllowed).toBe(true);
    const silent = await post(comingo, `/api/consultations/${c.id}/silence`, { version: late.version, note: 'Quá hạn, không trả lời' });
    expect(silent.statusCode).toBe(200);
    const after = await detail(comingo, id);
    expect(after.consultations.find((x: Consultation) => x.id === c.id)).toMatchObject({ status: 'SILENT', channel: 'SILENCE' });
    expect(after.allowedActions).toContain('FORWARD_TO_MOFA');
    expect(after.timeline.map((e: { action: string }) => e.action)).toContain('CONSULTATION_SILENCE_RECORDED');
    expect(await auditCount('dossier.consultation.silence', c.id)).toBe(1);
    expect((await act(ctx, comingo, id, { action: 'FORWARD_TO_MOFA' })).statusCode).toBe(200);
  });
});

describe('an opinion received on paper', () => {
  it('is recorded by the handling officer with the letter, not by another agency', async () => {
    const id = await consultingDossier(ctx, ngo, comingo, ['MPS']);
    const c = await consultationOf(comingo, id, 'MPS');
    const body = {
      version: c.version,
      opinion: 'DISAGREE',
      answer: 'Không đồng ý (công văn giấy)',
      letterNumber: '99/BCA',
      letterDate: today,
    };
    expect((await post(caoBang, `/api/consultations/${c.id}/paper-opinion`, body)).statusCode).toBe(404);
    const recorded = await post(comingo, `/api/consultations/${c.id}/paper-opinion`, body);
    expect(recorded.statusCode).toBe(200);
    const after = await detail(comingo, id);
    expect(after.consultations[0]).toMatchObject({ status: 'ANSWERED', channel: 'PAPER', opinion: 'DISAGREE', letterNumber: '99/BCA' });
    expect(after.allowedActions).toContain('FORWARD_TO_MOFA');
    expect(await auditCount('dossier.consultation.paper', c.id)).toBe(1);
    // Closed: recording it again is refused.
    expect((await post(comingo, `/api/consultations/${c.id}/paper-opinion`, { ...body, version: c.version + 1 })).statusCode).toBe(409);
  });
});

describe('a change to an existing certificate, checked with the registry rule at submission', () => {
  it('refuses to put an office on an operation certificate when the NGO submits, as the decision would', async () => {
    const central = await ctx.signInAs('central');
    const orgId = await createOrganisation(ctx, 'Amending NGO');
    const issued = await ctx.call(central, {
      method: 'POST',
      url: `/api/organisations/${orgId}/certificates`,
      payload: {
        type: 'GDKHD',
        issueDate: today,
        validUntil: plusYears(today, 2),
        provinceIds: ['new34:04'],
        sectorCodes: ['YTE'],
        decisionNumber: '1/QĐ-BNG',
        decisionDate: today,
        legalGround: 'Nghị định 58/2022/NĐ-CP',
      },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const owner = await ctx.signInAs('ngo', { organisationId: orgId });
    const id = await draftWithDocuments(ctx, owner, {
      procedureCode: 'AMEND',
      certificateId: issued.json().certificateId,
      application: { changes: { officeProvinceId: 'new34:01' } },
    });
    expect(((await detail(owner, id)).actionChecks as Check[]).find((c) => c.action === 'SUBMIT')).toEqual({
      action: 'SUBMIT',
      available: false,
      reason: 'certificate_office_not_applicable',
    });
    const refused = await act(ctx, owner, id, { action: 'SUBMIT' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.rule).toBe('certificate_office_not_applicable');
  });
});
