import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { useTempDataDir } from '../procedures/procedures.test-support';
import { createOrganisation, issue } from '../registry/registry.fixtures';
import { runObligationReminders } from './obligation-reminders';

let t: TestContext;
let central: Session;
let ngo: Session;
let caoBang: Session;
let haNoi: Session;
let org: { id: string };

// A certificate decided on Friday 06/02/2026, just before Tết, for Cao Bằng (new34:04) and Hà Nội (new34:01).
beforeAll(async () => {
  useTempDataDir();
  t = await createTestContext();
  central = await t.signInAs('central');
  org = await createOrganisation(t, central);
  const issued = await issue(t, central, org.id, {
    issueDate: '2026-02-06',
    validUntil: '2029-02-06',
    provinceIds: ['new34:04', 'new34:01'],
    decisionDate: '2026-02-06',
  });
  expect(issued.statusCode, issued.body).toBe(201);
  ngo = await t.signInAs('ngo', { organisationId: org.id });
  caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
  haNoi = await t.signInAs('agency', { agencyId: 'UBND:new34:01' });
});
afterAll(async () => t.close());

type Item = {
  kind: string;
  provinceId: string | null;
  dueDate: string;
  status: string;
  doneOn: string | null;
  key: string;
  record: { documentUrl: string | null; reason: string | null } | null;
};
const obligations = async (session: Session | null, asOf?: string) =>
  t.call(session, {
    method: 'GET',
    url: `/api/organisations/${org.id}/obligations${asOf ? `?asOf=${asOf}` : ''}`,
    headers: { 'accept-language': 'en' },
  });
const items = async (session: Session, asOf?: string): Promise<Item[]> => {
  const response = await obligations(session, asOf);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};
const pdf = Buffer.from('%PDF-1.4\n% implementation plan\n%%EOF\n');
const multipart = (fields: Record<string, string>, file?: Buffer) => {
  const boundary = '----vnaidsupervision';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const head = Buffer.from(parts.join(''));
  const fileHead = file
    ? Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      )
    : Buffer.alloc(0);
  const tail = Buffer.from(`${file ? '\r\n' : ''}--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, fileHead, file ?? Buffer.alloc(0), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

describe('GET /api/organisations/{id}/obligations (contract)', () => {
  it('derives the obligations on working-day clocks across Tết, with the contract fields', async () => {
    const response = await obligations(central, '2026-03-02');
    expect(response.statusCode, response.body).toBe(200);
    const list: Record<string, unknown>[] = response.json().items;
    expect(list.map((o) => [o.kind, o.provinceId, o.dueDate, o.status, o.doneOn])).toEqual([
      ['BANK_ACCOUNT_NOTICE', null, '2026-02-27', 'LATE', null],
      ['IMPLEMENTATION_PLAN', 'new34:01', '2026-04-17', 'DUE', null],
      ['IMPLEMENTATION_PLAN', 'new34:04', '2026-04-17', 'DUE', null],
      ['ANNUAL_REPORT', null, '2026-12-18', 'DUE', null],
      ['INACTIVITY_REVIEW', null, '2027-02-06', 'DUE', null],
    ]);
    for (const o of list) {
      expect(o).toEqual(
        expect.objectContaining({ certificateId: expect.any(String), legalBasis: expect.stringContaining('Decree 58/2022') }),
      );
    }
  });

  it('answers 401 signed out, 403 to a reviewer and to another NGO, 404 to a province the certificate does not cover', async () => {
    expect((await obligations(null)).statusCode).toBe(401);
    expect((await obligations(await t.signInAs('reviewer'))).statusCode).toBe(403);
    const other = await createOrganisation(t, central);
    expect((await obligations(await t.signInAs('ngo', { organisationId: other.id }))).statusCode).toBe(403);
    expect((await obligations(await t.signInAs('agency', { agencyId: 'UBND:new34:46' }))).statusCode).toBe(404);
  });

  it('shows a province officer the implementation plan addressed to its province, not the other province’s', async () => {
    const plans = (list: Item[]) => list.filter((o) => o.kind === 'IMPLEMENTATION_PLAN').map((o) => o.provinceId);
    expect(plans(await items(caoBang))).toEqual(['new34:04']);
    expect(plans(await items(haNoi))).toEqual(['new34:01']);
    expect(plans(await items(ngo))).toEqual(['new34:01', 'new34:04']);
    expect((await items(caoBang)).map((o) => o.kind)).toContain('BANK_ACCOUNT_NOTICE');
  });
});

describe('fulfilments, waivers and receipts', () => {
  it('the NGO files the Cao Bằng plan with its file: audited, seen done by Cao Bằng, the file not open to Hà Nội', async () => {
    const key = (await items(ngo)).find((o) => o.provinceId === 'new34:04')!.key;
    const url = `/api/organisations/${org.id}/obligations/${encodeURIComponent(key)}/fulfil`;
    // A plan without its file is refused and nothing is recorded.
    const bare = await t.call(ngo, { method: 'POST', url, payload: {} });
    expect(bare.statusCode, bare.body).toBe(400);
    expect((await items(caoBang)).find((o) => o.key === key)!.status).toBe('LATE');
    // Central cannot fulfil on the NGO's behalf.
    expect((await t.call(central, { method: 'POST', url, payload: {} })).statusCode).toBe(403);

    const filed = await t.call(ngo, { method: 'POST', url, ...multipart({ doneOn: '2026-04-10', note: 'sent by post' }, pdf) });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toEqual({ key, status: 'DONE', doneOn: '2026-04-10' });

    const seen = (await items(caoBang)).find((o) => o.key === key)!;
    expect(seen).toMatchObject({ status: 'DONE', doneOn: '2026-04-10' });
    const download = await t.call(caoBang, { method: 'GET', url: seen.record!.documentUrl! });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await t.call(haNoi, { method: 'GET', url: seen.record!.documentUrl! })).statusCode).toBe(404);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'obligation.fulfil').execute();
    expect(audit).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ key, provinceId: 'new34:04', doneOn: '2026-04-10' }) }),
    ]);
    // Filing it twice is a conflict.
    expect((await t.call(ngo, { method: 'POST', url, ...multipart({}, pdf) })).statusCode).toBe(409);
  });

  it('central waives the bank account notice with a reason; the NGO cannot waive', async () => {
    const key = (await items(central)).find((o) => o.kind === 'BANK_ACCOUNT_NOTICE')!.key;
    const url = `/api/organisations/${org.id}/obligations/${encodeURIComponent(key)}/waive`;
    expect((await t.call(ngo, { method: 'POST', url, payload: { reason: 'no account' } })).statusCode).toBe(403);
    expect((await t.call(central, { method: 'POST', url, payload: { reason: '' } })).statusCode).toBe(400);
    const waived = await t.call(central, { method: 'POST', url, payload: { reason: 'Account notified on paper before the system' } });
    expect(waived.statusCode, waived.body).toBe(201);
    const item = (await items(ngo)).find((o) => o.key === key)!;
    expect(item).toMatchObject({
      status: 'WAIVED',
      record: expect.objectContaining({ reason: 'Account notified on paper before the system' }),
    });
  });

  it('a recorded date of receipt moves the clocks', async () => {
    const eventId = (await obligations(ngo)).json().items.find((o: { kind: string }) => o.kind === 'IMPLEMENTATION_PLAN').eventId as string;
    const early = await t.call(ngo, {
      method: 'PUT',
      url: `/api/organisations/${org.id}/certificate-receipts`,
      payload: { eventId, receivedOn: '2026-02-01' },
    });
    expect(early.statusCode).toBe(400);
    const recorded = await t.call(ngo, {
      method: 'PUT',
      url: `/api/organisations/${org.id}/certificate-receipts`,
      payload: { eventId, receivedOn: '2026-02-13' },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    // 45 working days from Fri 13/02/2026 (Tết 16–20/02 skipped) → Fri 24/04.
    const plan = (await items(haNoi)).find((o) => o.kind === 'IMPLEMENTATION_PLAN')!;
    expect(plan.dueDate).toBe('2026-04-24');
  });
});

describe('bad input changes nothing', () => {
  it('refuses a plan that is not a document (415), a date in the future (400) and an unknown obligation (404)', async () => {
    const key = (await items(haNoi)).find((o) => o.kind === 'IMPLEMENTATION_PLAN')!.key;
    const url = `/api/organisations/${org.id}/obligations/${encodeURIComponent(key)}/fulfil`;
    const text = await t.call(ngo, { method: 'POST', url, ...multipart({}, Buffer.from('just text, not a plan')) });
    expect(text.statusCode, text.body).toBe(415);
    const future = await t.call(ngo, { method: 'POST', url, ...multipart({ doneOn: '2999-01-01' }, pdf) });
    expect(future.statusCode, future.body).toBe(400);
    const badDate = await t.call(ngo, { method: 'POST', url, payload: { doneOn: '07/12/2026' } });
    expect(badDate.statusCode, badDate.body).toBe(400);
    expect(badDate.json().error.details.issues[0].path).toBe('body.doneOn');
    const unknown = await t.call(ngo, {
      method: 'POST',
      url: `/api/organisations/${org.id}/obligations/BANK_ACCOUNT_NOTICE%3Anope/fulfil`,
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
    expect((await items(haNoi)).find((o) => o.key === key)).toMatchObject({ status: 'LATE', record: null });
    const records = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'obligation.fulfil').execute();
    expect(records).toHaveLength(1); // only the Cao Bằng plan filed above
  });
});

describe('compliance list', () => {
  it('lists who is late on what in the officer’s scope, exportable as CSV', async () => {
    const list = await t.call(caoBang, { method: 'GET', url: '/api/supervision/compliance?status=LATE&asOf=2026-12-20' });
    expect(list.statusCode, list.body).toBe(200);
    const row = list.json().items.find((r: { organisationId: string }) => r.organisationId === org.id);
    expect(row.lateKinds).toEqual(expect.arrayContaining(['ANNUAL_REPORT']));
    expect(row.lateKinds).not.toContain('IMPLEMENTATION_PLAN'); // Cao Bằng's plan is filed; Hà Nội's is not its business
    const hue = await t.call(await t.signInAs('agency', { agencyId: 'UBND:new34:46' }), {
      method: 'GET',
      url: '/api/supervision/compliance',
    });
    expect(hue.json().items.map((r: { organisationId: string }) => r.organisationId)).not.toContain(org.id);
    const csv = await t.call(central, {
      method: 'GET',
      url: '/api/supervision/compliance/export.csv?asOf=2026-12-20',
      headers: { 'accept-language': 'en' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Organisation code');
    expect(csv.body).toContain('Score = 100');
    const xlsx = await t.call(caoBang, { method: 'GET', url: '/api/supervision/compliance/export.xlsx?asOf=2026-12-20' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('reminders', () => {
  it('puts a reminder in the NGO’s inbox two working days before the Hà Nội plan falls due, then once it is late, never twice', async () => {
    // After the receipt recorded above, the Hà Nội plan is due Fri 24/04/2026; Wed 22/04 is two working days before.
    const inbox = async () =>
      (await t.call(ngo, { method: 'GET', url: '/api/inbox?pageSize=50' })).json().items as {
        kind: string;
        params: Record<string, unknown>;
      }[];
    expect(await runObligationReminders(t.db, '2026-04-21')).toBe(0);
    expect(await runObligationReminders(t.db, '2026-04-22')).toBeGreaterThan(0);
    expect(await inbox()).toEqual([
      expect.objectContaining({
        kind: 'OBLIGATION_DUE_SOON',
        params: expect.objectContaining({ dueDate: '2026-04-24', stepNameEn: 'Implementation plan' }),
      }),
    ]);
    expect(await runObligationReminders(t.db, '2026-04-23')).toBe(0);
    await runObligationReminders(t.db, '2026-04-27');
    expect((await inbox()).map((n) => n.kind)).toEqual(['OBLIGATION_OVERDUE', 'OBLIGATION_DUE_SOON']);
  });
});
