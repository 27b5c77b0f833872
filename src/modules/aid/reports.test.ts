import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulDecimal, normalizeDecimal, roundDecimal } from '@domain/money/decimal';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildAidItem, buildOrganisation } from './aid.fixtures';

let t: TestContext;
let central: Session;
let ngo: Session;
let caoBang: Session;
let org: { id: string };
let other: { id: string };
let item: { id: string; code: string };
let otherItem: { id: string };

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
  org = await buildOrganisation(t.db, { name: 'Reporting NGO' });
  other = await buildOrganisation(t.db, { name: 'Silent NGO' });
  ngo = await t.signInAs('ngo', { organisationId: org.id });
  item = await buildAidItem(t.db, {
    organisation_id: org.id,
    status: 'IMPLEMENTING',
    approval_date: '2025-08-01',
    approval_decision_number: '3/QĐ',
    actual_start: '2025-09-01',
    provinces: [['new34:04', '100']],
  });
  otherItem = await buildAidItem(t.db, {
    organisation_id: other.id,
    status: 'IMPLEMENTING',
    approval_date: '2025-08-01',
    approval_decision_number: '4/QĐ',
    actual_start: '2025-09-01',
    provinces: [['new34:04', '100']],
  });
});
afterAll(async () => t.close());

describe('FNGO annual report (Mẫu 05)', () => {
  let reportId: string;

  it("opens a draft for the year with the Decree 58 period and the organisation's aid items to cover", async () => {
    expect((await t.call(central, { method: 'POST', url: '/api/reports/ngo', payload: { year: 2025 } })).statusCode).toBe(403);
    const created = await t.call(ngo, { method: 'POST', url: '/api/reports/ngo', payload: { year: 2025 } });
    expect(created.statusCode).toBe(201);
    const report = created.json();
    reportId = report.id;
    expect(report).toMatchObject({
      status: 'DRAFT',
      periodFrom: '2024-12-15',
      periodTo: '2025-12-14',
      dueDate: '2025-12-18',
      abilities: { edit: true, submit: true },
    });
    expect(report.lines.map((l: { aidItemId: string; filed: boolean }) => [l.aidItemId, l.filed])).toEqual([[item.id, false]]);
    const again = await t.call(ngo, { method: 'POST', url: '/api/reports/ngo', payload: { year: 2025 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.id).toBe(reportId);
  });

  it("validates the lines: the organisation's own items, dates in the period, beneficiaries within the total", async () => {
    const response = await t.call(ngo, {
      method: 'PUT',
      url: `/api/reports/ngo/${reportId}`,
      payload: {
        version: 1,
        lines: [
          { aidItemId: otherItem.id, disbursedAmount: '100', currency: 'USD' },
          { aidItemId: item.id, disbursedAmount: '100', disbursementDate: '2026-01-05', beneficiariesTotal: 10, beneficiariesFemale: 11 },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.lines.0.aidItemId',
      'body.lines.1.currency',
      'body.lines.1.disbursementDate',
      'body.lines.1.beneficiariesFemale',
    ]);
  });

  it('saves the draft with an exact USD value, then files it: the disbursement becomes a REPORT transaction', async () => {
    const line = {
      aidItemId: item.id,
      disbursedAmount: '45678.90',
      currency: 'EUR',
      results: 'Đào tạo 120 y tá thôn bản',
      beneficiariesTotal: 1200,
      beneficiariesFemale: 640,
      beneficiariesEthnicMinority: 900,
      beneficiariesDisability: null,
    };
    const saved = await t.call(ngo, {
      method: 'PUT',
      url: `/api/reports/ngo/${reportId}`,
      payload: { version: 1, summary: 'Năm hoạt động ổn định', lines: [line] },
    });
    expect(saved.statusCode).toBe(200);
    const rate = await t.db
      .selectFrom('exchange_rates')
      .select('usd_per_unit')
      .where('currency', '=', 'EUR')
      .where('rate_date', '<=', '2025-12-14')
      .orderBy('rate_date', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(saved.json().lines[0]).toMatchObject({
      filed: true,
      amountUsd: roundDecimal(mulDecimal('45678.90', rate.usd_per_unit), 2),
      beneficiariesFemale: 640,
      transactionId: null,
    });
    expect(await t.db.selectFrom('aid_transactions').select('id').where('aid_item_id', '=', item.id).execute()).toHaveLength(0);

    const stale = await t.call(ngo, { method: 'POST', url: `/api/reports/ngo/${reportId}/submit`, payload: { version: 1 } });
    expect(stale.statusCode).toBe(409);
    const submitted = await t.call(ngo, { method: 'POST', url: `/api/reports/ngo/${reportId}/submit`, payload: { version: 2 } });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'SUBMITTED', abilities: { edit: false } });
    const txs = await t.db.selectFrom('aid_transactions').selectAll().where('aid_item_id', '=', item.id).execute();
    expect(txs).toHaveLength(1);
    expect(txs[0]).toMatchObject({ kind: 'DISBURSEMENT', source: 'REPORT', tx_date: '2025-12-14', amount: '45678.90', currency: 'EUR' });
    expect(normalizeDecimal(txs[0]!.amount_usd)).toBe(mulDecimal('45678.90', rate.usd_per_unit));
    const edit = await t.call(ngo, { method: 'PUT', url: `/api/reports/ngo/${reportId}`, payload: { version: 3, lines: [] } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('report_not_editable');
  });

  it("shows the province officer the disbursement in the province's aid list, and the report itself", async () => {
    const list = (await t.call(caoBang, { method: 'GET', url: '/api/aid?year=2025' })).json();
    const row = list.items.find((i: { id: string }) => i.id === item.id);
    expect(row.disbursedUsd).not.toBe('0.00');
    const onItem = (await t.call(caoBang, { method: 'GET', url: `/api/aid/${item.id}/reports` })).json();
    expect(onItem.items).toEqual([
      expect.objectContaining({ reportId, reportYear: 2025, status: 'SUBMITTED', currency: 'EUR', beneficiariesFemale: 640 }),
    ]);
    const reports = (await t.call(caoBang, { method: 'GET', url: '/api/reports/ngo?year=2025' })).json();
    expect(reports.items.map((r: { id: string }) => r.id)).toEqual([reportId]);
    const hue = await t.signInAs('agency', { agencyId: 'UBND:new34:46' });
    expect((await t.call(hue, { method: 'GET', url: `/api/reports/ngo/${reportId}` })).statusCode).toBe(404);
    const stranger = await t.signInAs('ngo', { organisationId: other.id });
    expect((await t.call(stranger, { method: 'GET', url: `/api/reports/ngo/${reportId}` })).statusCode).toBe(404);
  });

  it('a returned report filed again replaces its transaction instead of adding one', async () => {
    const current = (await t.call(central, { method: 'GET', url: `/api/reports/ngo/${reportId}` })).json();
    const returned = await t.call(central, {
      method: 'POST',
      url: `/api/reports/ngo/${reportId}/review`,
      payload: { version: current.version, decision: 'RETURN', note: 'Bổ sung số liệu' },
    });
    expect(returned.json()).toMatchObject({ status: 'RETURNED', reviewNote: 'Bổ sung số liệu' });
    const saved = await t.call(ngo, {
      method: 'PUT',
      url: `/api/reports/ngo/${reportId}`,
      payload: {
        version: returned.json().version,
        lines: [{ aidItemId: item.id, disbursedAmount: '50000', currency: 'USD', disbursementDate: '2025-11-30' }],
      },
    });
    expect(saved.statusCode).toBe(200);
    await t.call(ngo, { method: 'POST', url: `/api/reports/ngo/${reportId}/submit`, payload: { version: saved.json().version } });
    const txs = await t.db
      .selectFrom('aid_transactions')
      .select(['amount', 'tx_date', 'source'])
      .where('aid_item_id', '=', item.id)
      .execute();
    expect(txs).toEqual([{ amount: '50000', tx_date: '2025-11-30', source: 'REPORT' }]);
    const totals = await t.db
      .selectFrom('aid_item_totals')
      .select('disbursed_usd')
      .where('aid_item_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(totals.disbursed_usd).toBe('50000');
  });
});

describe('oversight: calendar and who has not reported', () => {
  it('lists the organisations in scope with aid but no filed report, for central and province officers only', async () => {
    const missing = (await t.call(caoBang, { method: 'GET', url: '/api/reports/missing?year=2025' })).json();
    expect(missing).toMatchObject({ year: 2025, dueDate: '2025-12-18' });
    expect(missing.items.map((i: { organisationId: string }) => i.organisationId)).toEqual([other.id]);
    expect(missing.items[0]).toMatchObject({ reportStatus: null, aidItems: 1, expectedBecause: ['AID'] });
    // Vietnamese screens show the Vietnamese name when the organisation has one.
    expect(missing.items[0]).toHaveProperty('nameVi');
    const national = (await t.call(central, { method: 'GET', url: '/api/reports/missing?year=2025' })).json();
    expect(national.items.map((i: { organisationId: string }) => i.organisationId)).toContain(other.id);
    const elsewhere = (
      await t.call(await t.signInAs('agency', { agencyId: 'UBND:new34:46' }), { method: 'GET', url: '/api/reports/missing?year=2025' })
    ).json();
    expect(elsewhere.total).toBe(0);
    expect((await t.call(ngo, { method: 'GET', url: '/api/reports/missing?year=2025' })).statusCode).toBe(403);
  });

  it('gives each role its calendar with the state of its own report', async () => {
    const mine = (await t.call(ngo, { method: 'GET', url: '/api/reports/calendar?year=2025' })).json();
    expect(mine.entries).toEqual([
      expect.objectContaining({ kind: 'NGO_ANNUAL', duty: 'SUBMIT', due: '2025-12-18', reportStatus: 'SUBMITTED', state: 'DONE' }),
    ]);
    const province = (await t.call(caoBang, { method: 'GET', url: '/api/reports/calendar?year=2025' })).json();
    expect(province.entries.map((e: { kind: string; duty: string }) => `${e.kind}:${e.duty}`)).toEqual([
      'AGENCY_MAU04:SUBMIT',
      'NGO_ANNUAL:RECEIVE',
      'GOVERNING_ANNUAL:SUBMIT',
    ]);
    expect(province.entries.find((e: { kind: string }) => e.kind === 'NGO_ANNUAL').received).toBe(1);
    expect((await t.call(null, { method: 'GET', url: '/api/reports/calendar' })).statusCode).toBe(401);
  });

  it('lets a province open and file its Mẫu 04 report with figures from the registry', async () => {
    const created = await t.call(caoBang, { method: 'POST', url: '/api/reports/agency', payload: { kind: 'AGENCY_MAU04', year: 2025 } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      dueDate: '2025-12-18',
      status: 'DRAFT',
      figures: { aidItems: 2, organisations: 2, disbursedUsd: '50000.00', ngoReportsSubmitted: 1 },
    });
    const filed = await t.call(caoBang, {
      method: 'POST',
      url: `/api/reports/agency/${created.json().id}/submit`,
      payload: { version: 1 },
    });
    expect(filed.json().status).toBe('SUBMITTED');
    expect(
      (await t.call(ngo, { method: 'POST', url: '/api/reports/agency', payload: { kind: 'AGENCY_MAU04', year: 2025 } })).statusCode,
    ).toBe(403);
    const governing = await t.call(caoBang, {
      method: 'POST',
      url: '/api/reports/agency',
      payload: { kind: 'GOVERNING_ANNUAL', year: 2025 },
    });
    expect(governing.json()).toMatchObject({ dueDate: '2026-01-15', figures: { aidItems: 0 } });
  });
});
