import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createOrganisation, issue } from '../registry/registry.fixtures';
import { runSanctionReminders } from './sanction-reminders';

let t: TestContext;
let central: Session;
let moh: Session;
let caoBang: Session;
let haNoi: Session;
let mps: Session;

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  moh = await t.signInAs('agency', { agencyId: 'MOH' });
  caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
  haNoi = await t.signInAs('agency', { agencyId: 'UBND:new34:01' });
  mps = await t.signInAs('agency', { agencyId: 'MPS' });
});
afterAll(async () => t.close());

type View = Record<string, unknown> & {
  id: string;
  status: string;
  outcome: string | null;
  actions: string[];
  opinions: { agencyId: string; opinion: string | null; clock: { dueDate: string | null } }[];
  steps: { code: string; clock: { dueDate: string | null; state: string } | null }[];
};

/** An organisation with a GDKHD for health in Cao Bằng (2024-01-10 → 2027-01-10). */
async function registered() {
  const org = await createOrganisation(t, central);
  const cert = await issue(t, central, org.id);
  expect(cert.statusCode, cert.body).toBe(201);
  return { organisationId: org.id, certificateId: cert.json().certificateId as string };
}

const propose = (session: Session, body: Record<string, unknown>) =>
  t.call(session, {
    method: 'POST',
    url: '/api/sanctions',
    payload: {
      procedureCode: 'SUSPENSION',
      legalGround: 'D58_ART18_1B',
      grounds: 'Hoạt động tại Hà Giang, ngoài địa bàn ghi trong Giấy đăng ký',
      evidence: [{ title: 'Biên bản kiểm tra', reference: '12/BB-UBND', date: '2026-01-20' }],
      proposedOn: '2026-02-06',
      ...body,
    },
  });
const step = (session: Session, id: string, body: Record<string, unknown>) =>
  t.call(session, { method: 'POST', url: `/api/sanctions/${id}/actions`, payload: body });
const answer = (session: Session, id: string, opinion: string, answeredOn: string) =>
  t.call(session, { method: 'POST', url: `/api/sanctions/${id}/opinions`, payload: { opinion, answer: `Ý kiến: ${opinion}`, answeredOn } });
const view = async (session: Session, id: string): Promise<View> => {
  const r = await t.call(session, { method: 'GET', url: `/api/sanctions/${id}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const certificateAsOf = async (id: string, asOf: string) =>
  (await t.call(central, { method: 'GET', url: `/api/certificates/${id}?asOf=${asOf}` })).json();
/** The rule a 422 names (domain rules answer `rule_violated` with `details.rule`), else the error code. */
const errorCode = (r: { json(): { error: { code: string; details?: { rule?: string } } } }) => {
  const { error } = r.json();
  return error.details?.rule ?? error.code;
};

describe('suspension as a procedure (D58 Art. 18)', () => {
  it('runs proposal → opinions (10 WD across Tết) → meeting → decision → notice → remedy → reinstatement', async () => {
    const { organisationId, certificateId } = await registered();
    const ngo = await t.signInAs('ngo', { organisationId });
    const created = await propose(central, { organisationId, certificateId });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as View).id;
    let c = created.json() as View;
    expect(c.status).toBe('CONSULTING');
    // Ministry of the field, People's Committee of the province, and MPS; 10 WD from Fri 06/02/2026 skip Tết (16–20/02).
    expect(c.opinions.map((o) => o.agencyId).sort()).toEqual(['MOH', 'MPS', 'UBND:new34:04']);
    expect(new Set(c.opinions.map((o) => o.clock.dueDate))).toEqual(new Set(['2026-02-27']));
    expect(c.steps.find((s) => s.code === 'P2_OPINION')!.clock).toMatchObject({ dueDate: '2026-02-27', state: 'RUNNING' });

    // Reminders: none during Tết (5 WD left), the due-soon reminder two working days before.
    expect(await runSanctionReminders(t.db, '2026-02-19')).toBe(0);
    expect(await runSanctionReminders(t.db, '2026-02-26')).toBeGreaterThanOrEqual(3);
    const reminded = await t.db
      .selectFrom('notifications')
      .select('params')
      .where('user_id', '=', mps.userId)
      .where('kind', '=', 'REMINDER_DUE_SOON')
      .execute();
    expect(reminded.map((r) => r.params.dueDate)).toContain('2026-02-27');

    // Not decided before the opinions are in (or overdue); the NGO does not see the case yet; Hà Nội cannot answer.
    expect(errorCode(await step(central, id, { action: 'DECIDE', on: '2026-02-10', decisionNumber: '1/QĐ-BNG' }))).toBe(
      'sanction_opinions_pending',
    );
    expect((await t.call(ngo, { method: 'GET', url: `/api/sanctions/${id}` })).statusCode).toBe(404);
    expect((await answer(haNoi, id, 'AGREE', '2026-02-10')).statusCode).toBe(404);

    expect((await answer(moh, id, 'AGREE', '2026-02-10')).statusCode).toBe(200);
    expect((await answer(mps, id, 'AGREE', '2026-02-11')).statusCode).toBe(200);
    c = (await answer(caoBang, id, 'DISAGREE', '2026-02-23')).json();
    expect(c.meetingRequired).toBe(true);
    expect(errorCode(await step(central, id, { action: 'DECIDE', on: '2026-02-24', decisionNumber: '1/QĐ-BNG' }))).toBe(
      'sanction_meeting_required',
    );
    expect(
      (await step(central, id, { action: 'RECORD_MEETING', on: '2026-02-24', minutes: 'Họp liên ngành: thống nhất đình chỉ' })).statusCode,
    ).toBe(200);

    // The NGO cannot decide; MOFA's decision is the certificate's SUSPENDED decision (status timeline, directory).
    expect((await step(ngo, id, { action: 'DECIDE', on: '2026-02-25', decisionNumber: '1/QĐ-BNG' })).statusCode).toBe(404);
    const decided = await step(central, id, { action: 'DECIDE', on: '2026-02-25', decisionNumber: '15/QĐ-BNG' });
    expect(decided.statusCode, decided.body).toBe(200);
    c = decided.json();
    expect(c.status).toBe('NOTICE_PENDING');
    expect(c.steps.find((s) => s.code === 'P5_NOTIFY')!.clock).toMatchObject({ dueDate: '2026-03-04', state: 'RUNNING' });
    const suspended = await certificateAsOf(certificateId, '2026-02-26');
    expect(suspended.status).toBe('SUSPENDED');
    expect(suspended.events.at(-1)).toMatchObject({ kind: 'SUSPENDED', decisionNumber: '15/QĐ-BNG', legalGround: 'D58_ART18_1B' });
    const directory = (await t.call(central, { method: 'GET', url: `/api/organisations/${organisationId}` })).json();
    expect(directory.status).toBe('SUSPENDED');
    const art25 = await t.db
      .selectFrom('notifications')
      .select('params')
      .where('user_id', '=', moh.userId)
      .where('kind', '=', 'CERTIFICATE_NOTICE')
      .execute();
    expect(art25.map((n) => n.params.decision)).toContain('SUSPENDED');

    // Notice: the remedy's 30 WD run from the day the NGO received the decision (02/03/2026 → 13/04/2026).
    c = (await step(central, id, { action: 'NOTIFY', on: '2026-02-27', receivedOn: '2026-03-02' })).json();
    expect(c.status).toBe('REMEDY');
    expect(c.steps.find((s) => s.code === 'P6_REMEDY')!.clock).toMatchObject({ dueDate: '2026-04-13' });
    expect((await certificateAsOf(certificateId, '2026-03-05')).suspension).toMatchObject({
      receivedDate: '2026-03-02',
      remedyDeadline: '2026-04-13',
    });
    const told = await t.db
      .selectFrom('notifications')
      .select('params')
      .where('user_id', '=', ngo.userId)
      .where('kind', '=', 'SANCTION_NOTICE')
      .execute();
    expect(told.map((n) => n.params.caseId)).toEqual([id]);
    const ngoView = await view(ngo, id);
    expect(ngoView.actions).toEqual(['REPORT_REMEDY']);
    expect(
      (await step(ngo, id, { action: 'REPORT_REMEDY', on: '2026-03-20', report: 'Đã chấm dứt hoạt động tại Hà Giang' })).statusCode,
    ).toBe(200);
    expect(errorCode(await step(ngo, id, { action: 'REINSTATE', on: '2026-03-25', decisionNumber: '20/QĐ-BNG' }))).toBe(
      'transition_role_not_allowed',
    );

    const done = await step(central, id, { action: 'REINSTATE', on: '2026-03-25', decisionNumber: '20/QĐ-BNG' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'CLOSED', outcome: 'REINSTATED', actions: [] });
    expect((await certificateAsOf(certificateId, '2026-03-26')).status).toBe('ACTIVE');
    const events = (await view(central, id)).events as { action: string }[];
    expect(events.map((e) => e.action)).toEqual([
      'PROPOSE',
      'OPINION_AGREE',
      'OPINION_AGREE',
      'OPINION_DISAGREE',
      'RECORD_MEETING',
      'DECIDE',
      'NOTIFY',
      'REPORT_REMEDY',
      'REINSTATE',
    ]);
  });

  it('refuses a second open suspension, a ground of the other sanction, and proposals outside the proposer’s scope', async () => {
    const { organisationId, certificateId } = await registered();
    expect((await propose(caoBang, { organisationId, certificateId })).statusCode).toBe(201);
    expect(errorCode(await propose(central, { organisationId, certificateId }))).toBe('sanction_already_open');
    expect((await propose(central, { organisationId, certificateId, procedureCode: 'FORCED_TERMINATION' })).statusCode).toBe(400);
    expect(
      (await propose(haNoi, { organisationId, certificateId, procedureCode: 'FORCED_TERMINATION', legalGround: 'D58_ART19_1A' }))
        .statusCode,
    ).toBe(404);
    const list = (await t.call(haNoi, { method: 'GET', url: '/api/sanctions' })).json();
    expect(list.items.filter((i: { organisationId: string }) => i.organisationId === organisationId)).toEqual([]);
    const own = (await t.call(caoBang, { method: 'GET', url: `/api/sanctions?organisationId=${organisationId}` })).json();
    expect(own.items).toHaveLength(1);
  });
});

describe('forced termination as a procedure (D58 Art. 19)', () => {
  it('runs to the settlement; the certificate ends and the organisation is terminated', async () => {
    const { organisationId, certificateId } = await registered();
    const created = await propose(moh, { organisationId, certificateId, procedureCode: 'FORCED_TERMINATION', legalGround: 'D58_ART19_1A' });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as View).id;
    for (const s of [moh, caoBang, mps]) expect((await answer(s, id, 'AGREE', '2026-02-12')).statusCode).toBe(200);
    expect((await step(central, id, { action: 'DECIDE', on: '2026-03-02', decisionNumber: '30/QĐ-BNG' })).statusCode).toBe(200);
    let c = (await step(central, id, { action: 'NOTIFY', on: '2026-03-03' })).json() as View;
    expect(c.status).toBe('RECOVERY');
    expect(c.steps.find((s) => s.code === 'P6_RECOVER')!.clock).toMatchObject({ dueDate: '2026-03-09' });
    c = (await step(central, id, { action: 'RECOVER', on: '2026-03-05' })).json();
    expect(c.status).toBe('SETTLEMENT');
    expect(c.steps.find((s) => s.code === 'P7_SETTLE')!.clock).toMatchObject({ state: 'RUNNING' });
    const settled = await step(central, id, {
      action: 'SETTLE',
      on: '2026-05-20',
      settlement: {
        premises: 'Trả lại trụ sở',
        staff: 'Chấm dứt hợp đồng 5 nhân viên',
        assets: 'Bàn giao cho đối tác',
        finances: 'Đóng tài khoản',
      },
    });
    expect(settled.statusCode, settled.body).toBe(200);
    expect(settled.json()).toMatchObject({ status: 'CLOSED', outcome: 'SETTLED', settledOn: '2026-05-20' });
    expect((await certificateAsOf(certificateId, '2026-03-03')).status).toBe('TERMINATED');
    expect((await t.call(central, { method: 'GET', url: `/api/organisations/${organisationId}` })).json().status).toBe('TERMINATED');
  });

  it('escalates an unremedied suspension to a termination case on ground Art. 19.1(c)', async () => {
    const { organisationId, certificateId } = await registered();
    const id = ((await propose(central, { organisationId, certificateId })).json() as View).id;
    for (const s of [moh, caoBang, mps]) await answer(s, id, 'AGREE', '2026-02-09');
    await step(central, id, { action: 'DECIDE', on: '2026-02-10', decisionNumber: '40/QĐ-BNG' });
    await step(central, id, { action: 'NOTIFY', on: '2026-02-11' });
    const escalated = await step(central, id, { action: 'ESCALATE', on: '2026-04-20', note: 'Không khắc phục trong 30 ngày làm việc' });
    expect(escalated.statusCode, escalated.body).toBe(200);
    expect(escalated.json()).toMatchObject({
      procedureCode: 'FORCED_TERMINATION',
      legalGround: 'D58_ART19_1C',
      status: 'CONSULTING',
      escalatedFromId: id,
    });
    expect(await view(central, id)).toMatchObject({ status: 'CLOSED', outcome: 'ESCALATED', escalatedToId: escalated.json().id });
  });
});
