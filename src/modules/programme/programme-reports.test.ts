import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { centsToString, toCents } from '@domain/money/decimal';
import { buildAidItem, buildOrganisation, buildMoney } from '@modules/aid/aid.fixtures';

/** Issue 15 §4: the ministries' and provinces' yearly Programme reports, the who-has-not-reported list, reminders. */

let t: TestContext;
let central: Session;
let caoBang: Session;
let haNoi: Session;
let moh: Session;
let ngo: Session;
let reviewer: Session;
let caoBangItem: string;

const YEAR = 2025;
const CAO_BANG = 'UBND:new34:04';
const HA_NOI = 'UBND:new34:01';
const url = (agency: string, suffix = '', year = YEAR) => `/api/programme-reports/${year}/${agency}${suffix}`;
const get = (s: Session | null, u: string, headers: Record<string, string> = {}) => t.call(s, { method: 'GET', url: u, headers });
const send = (s: Session | null, method: 'PUT' | 'POST', u: string, payload: Record<string, unknown> = {}) =>
  t.call(s, { method, url: u, payload });

const money = (itemId: string, date: string, committed: string, disbursed: string) => buildMoney(t.db, itemId, date, committed, disbursed);

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  caoBang = await t.signInAs('agency', { agencyId: CAO_BANG });
  haNoi = await t.signInAs('agency', { agencyId: HA_NOI });
  moh = await t.signInAs('agency', { agencyId: 'MOH' });
  reviewer = await t.signInAs('reviewer', { agencyId: 'MOH' });
  const [a, b] = [await buildOrganisation(t.db), await buildOrganisation(t.db)];
  ngo = await t.signInAs('ngo', { organisationId: a.id });
  // Cao Bằng: health and environment (1225 maps both ENV and CLIMATE to TNMT), and a sector outside every priority.
  const health = await buildAidItem(t.db, { organisation_id: a.id, governing_agency_id: 'MOH', sectors: [['YTE', '100']] });
  const mixed = await buildAidItem(t.db, {
    organisation_id: b.id,
    sectors: [
      ['TNMT', '60'],
      ['KHCN', '40'],
    ],
  });
  caoBangItem = health.id;
  await money(health.id, '2025-03-10', '1000.50', '400.25');
  await money(mixed.id, '2025-06-01', '2000.00', '700.00');
  // Hà Nội, governed by the Ministry of Health: in MOH's scope, not in Cao Bằng's.
  const hanoi = await buildAidItem(t.db, { organisation_id: b.id, governing_agency_id: 'MOH', provinces: [['new34:01', '100']] });
  await money(hanoi.id, '2025-09-09', '5000.00', '1234.56');
});
afterAll(async () => t?.close());

describe('scope', () => {
  it('lets a province read and file only its own report; NGO, reviewer and anonymous callers are refused', async () => {
    expect((await get(caoBang, url(CAO_BANG))).statusCode).toBe(200);
    expect((await get(caoBang, url(HA_NOI))).statusCode).toBe(403);
    const filed = await send(caoBang, 'PUT', url(HA_NOI), { version: 0, difficulties: 'x', proposals: '' });
    expect(filed.statusCode).toBe(403);
    expect((await send(caoBang, 'POST', url(HA_NOI, '/submit'), { version: 0 })).statusCode).toBe(403);
    expect(await t.db.selectFrom('programme_reports').select('id').where('agency_id', '=', HA_NOI).execute()).toHaveLength(0);
    for (const s of [ngo, reviewer]) {
      expect((await get(s, url(CAO_BANG))).statusCode).toBe(403);
      expect((await get(s, `/api/programme-reports?year=${YEAR}`)).statusCode).toBe(403);
    }
    expect((await get(null, url(CAO_BANG))).statusCode).toBe(401);
    expect((await get(caoBang, `/api/programme-reports?year=${YEAR}`)).statusCode).toBe(403);
    expect((await get(central, url(HA_NOI))).statusCode).toBe(200);
  });

  it('refuses an agency that does not report, a year to come and a year without a programme, in both languages', async () => {
    for (const [u, code] of [
      [url('MOFA'), 'programme_report_not_expected'],
      [url(CAO_BANG, '', 2099), 'programme_report_future_year'],
      [url(CAO_BANG, '', 2010), 'programme_report_no_programme'],
    ] as const) {
      const vi = await get(central, u);
      const en = await get(central, u, { 'accept-language': 'en' });
      expect([vi.statusCode, en.statusCode, vi.json().error.code]).toEqual([422, 422, code]);
      expect(vi.json().error.message).not.toBe(en.json().error.message);
    }
  });
});

describe('pre-filled figures', () => {
  it("equal the statistics the province's own dashboard shows, by priority field through the sector mapping", async () => {
    const report = (await get(caoBang, url(CAO_BANG))).json();
    const dash = (await get(caoBang, `/api/stats/dashboard?year=${YEAR}`)).json();
    expect(report).toMatchObject({
      status: 'NOT_STARTED',
      version: 0,
      programmeCode: 'NP-2019-2025',
      dueDate: '2026-01-15',
      actions: ['save', 'submit'],
    });
    const f = report.figures;
    expect([f.committedUsd, f.disbursedUsd, f.aidRecords, f.activeOrganisations]).toEqual([
      dash.summary.committedUsd,
      dash.summary.disbursedUsd,
      dash.summary.aidRecords,
      dash.summary.activeOrganisations,
    ]);
    expect(f.disbursedUsd).toBe('1100.25');
    expect(f.organisations).toBe(dash.byProvince.items[0].organisations);
    expect(f.organisations).toBe(2);
    const sector = (code: string) => dash.bySector.items.find((s: { code: string }) => s.code === code);
    const priority = (code: string) => f.priorities.find((p: { code: string }) => p.code === code);
    expect(priority('HEALTH')).toMatchObject({
      committedUsd: sector('YTE').committedUsd,
      disbursedUsd: sector('YTE').disbursedUsd,
      shared: false,
    });
    for (const code of ['ENV', 'CLIMATE'])
      expect(priority(code)).toMatchObject({ disbursedUsd: sector('TNMT').disbursedUsd, shared: true });
    expect(priority('ENV').disbursedUsd).toBe('420.00');
    // KHCN is in no 1225 priority: it is what lies outside.
    expect(f.outside.disbursedUsd).toBe(sector('KHCN').disbursedUsd);
    const counted = centsToString(
      toCents(sector('YTE').disbursedUsd) + toCents(sector('TNMT').disbursedUsd) + toCents(f.outside.disbursedUsd),
    );
    expect(counted).toBe(f.disbursedUsd);
  });

  it('give a ministry the aid it governs, as its dashboard does', async () => {
    const report = (await get(moh, url('MOH'))).json();
    const dash = (await get(moh, `/api/stats/dashboard?year=${YEAR}`)).json();
    expect(report.figures.disbursedUsd).toBe(dash.summary.disbursedUsd);
    expect(report.figures.disbursedUsd).toBe('1634.81');
    expect(report.figures.aidRecords).toBe(2);
  });
});

describe('draft, submission, return and resubmission', () => {
  it('saves a draft, freezes the figures at submission, is returned with a reason and submitted again, all audited', async () => {
    const saved = await send(caoBang, 'PUT', url(CAO_BANG), { version: 0, difficulties: 'Thiếu cán bộ', proposals: 'Tăng tập huấn' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'DRAFT', version: 1, difficulties: 'Thiếu cán bộ' });
    const stale = await send(caoBang, 'PUT', url(CAO_BANG), { version: 0, difficulties: 'cũ', proposals: '' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const early = await send(central, 'POST', url(CAO_BANG, '/return'), { version: 1, reason: 'Chưa gửi' });
    expect([early.statusCode, early.json().error.details.rule]).toEqual([422, 'transition_not_allowed']);
    // Central does not write the province's text.
    expect((await send(central, 'PUT', url(CAO_BANG), { version: 1, difficulties: 'x', proposals: '' })).statusCode).toBe(403);

    const submitted = await send(caoBang, 'POST', url(CAO_BANG, '/submit'), { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'SUBMITTED', version: 2, actions: [] });
    const frozen = submitted.json().figures.disbursedUsd;

    // New aid after submission: the submitted report keeps its figures and is read-only.
    await money(caoBangItem, '2025-11-20', '0', '99.75');
    expect((await get(caoBang, url(CAO_BANG))).json().figures.disbursedUsd).toBe(frozen);
    const edit = await send(caoBang, 'PUT', url(CAO_BANG), { version: 2, difficulties: 'sửa', proposals: '' });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'programme_report_submitted']);
    const twice = await send(caoBang, 'POST', url(CAO_BANG, '/submit'), { version: 2 });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'programme_report_submitted']);

    expect((await send(central, 'POST', url(CAO_BANG, '/return'), { version: 2, reason: ' ' })).statusCode).toBe(400);
    const returned = await send(central, 'POST', url(CAO_BANG, '/return'), { version: 2, reason: 'Bổ sung số liệu quý IV' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'RETURNED', returnReason: 'Bổ sung số liệu quý IV' });
    expect(returned.json().figures.disbursedUsd).toBe(centsToString(toCents(frozen) + 9975n));
    const inbox = (await get(caoBang, '/api/inbox')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('PROGRAMME_REPORT_RETURNED');

    const resaved = await send(caoBang, 'PUT', url(CAO_BANG), { version: 3, difficulties: 'Đã bổ sung', proposals: 'Tăng tập huấn' });
    expect(resaved.json().status).toBe('RETURNED');
    const again = await send(caoBang, 'POST', url(CAO_BANG, '/submit'), { version: 4 });
    expect(again.json()).toMatchObject({ status: 'SUBMITTED', difficulties: 'Đã bổ sung', version: 5 });
    expect(again.json().figures.disbursedUsd).toBe(centsToString(toCents(frozen) + 9975n));

    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'programme_report')
      .where('entity_id', '=', again.json().id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'programme_report.save',
      'programme_report.submit',
      'programme_report.return',
      'programme_report.save',
      'programme_report.submit',
    ]);
  });
});

describe('who has not reported, and reminders', () => {
  it('lists every ministry and the 34 provinces with their status, and reminds one in its users’ inbox', async () => {
    const list = (await get(central, `/api/programme-reports?year=${YEAR}`)).json();
    const provinces = list.items.filter((i: { kind: string }) => i.kind === 'PROVINCE');
    expect(provinces).toHaveLength(34);
    expect(list.items.map((i: { agencyId: string }) => i.agencyId)).toContain('MOH');
    expect(list.items.map((i: { agencyId: string }) => i.agencyId)).not.toContain('MPI');
    const of = (id: string) => list.items.find((i: { agencyId: string }) => i.agencyId === id);
    expect(of(CAO_BANG)).toMatchObject({ status: 'SUBMITTED', overdue: false });
    expect(of(HA_NOI)).toMatchObject({ status: 'NOT_STARTED', overdue: true, reminders: 0, lastRemindedAt: null });
    expect(list.counts.expected).toBe(list.items.length);
    expect(list.counts.submitted).toBe(1);
    expect(list.dueDate).toBe('2026-01-15');

    const before = (await get(haNoi, '/api/inbox')).json().total;
    const remind = await send(central, 'POST', url(HA_NOI, '/remind'));
    expect(remind.statusCode, remind.body).toBe(200);
    expect(remind.json()).toEqual({ agencyId: HA_NOI, year: YEAR, notified: 1 });
    const inbox = (await get(haNoi, '/api/inbox')).json();
    expect(inbox.total).toBe(before + 1);
    expect(inbox.items[0]).toMatchObject({ kind: 'PROGRAMME_REPORT_REMINDER', params: { year: YEAR, dueDate: '2026-01-15' } });
    // Cao Bằng's officer is not reminded of Hà Nội's report.
    expect((await get(caoBang, '/api/inbox')).json().items.map((n: { kind: string }) => n.kind)).not.toContain('PROGRAMME_REPORT_REMINDER');

    // A second click the same day records the reminder but does not fill the inbox twice.
    expect((await send(central, 'POST', url(HA_NOI, '/remind'))).json().notified).toBe(0);
    const after = (await get(central, `/api/programme-reports?year=${YEAR}`)).json();
    expect(after.items.find((i: { agencyId: string }) => i.agencyId === HA_NOI)).toMatchObject({ reminders: 2 });
    expect((await get(haNoi, '/api/inbox')).json().total).toBe(before + 1);

    const done = await send(central, 'POST', url(CAO_BANG, '/remind'));
    expect([done.statusCode, done.json().error.code]).toEqual([409, 'programme_report_submitted']);
    expect((await send(haNoi, 'POST', url(HA_NOI, '/remind'))).statusCode).toBe(403);
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'programme_report.remind').execute();
    expect(audit).toHaveLength(2);
  });
});
