import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildAidItem, buildOrganisation } from './aid.fixtures';
import { runAidReportReminders } from './aid-reports.reminders';

let t: TestContext;
let owner: Session;
let otherOwner: Session;
let governing: Session;
let central: Session;
let ngo: Session;
let item: { id: string; code: string };

type Tx = { kind: 'COMMITMENT' | 'DISBURSEMENT'; date: string; amount: string; currency: string; usd: string; vnd: string };
async function addTransactions(itemId: string, txs: Tx[]) {
  await t.db
    .insertInto('aid_transactions')
    .values(
      txs.map((x) => ({
        aid_item_id: itemId,
        kind: x.kind,
        tx_date: x.date,
        amount: x.amount,
        currency: x.currency,
        amount_usd: x.usd,
        amount_vnd: x.vnd,
      })),
    )
    .execute();
}

beforeAll(async () => {
  t = await createTestContext();
  owner = await t.signInAs('owner', { agencyId: 'VRC' });
  otherOwner = await t.signInAs('owner', { agencyId: 'MOH' });
  governing = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
  central = await t.signInAs('central');
  const org = await buildOrganisation(t.db, { name: 'Donor NGO' });
  ngo = await t.signInAs('ngo', { organisationId: org.id });
  item = await buildAidItem(t.db, {
    organisation_id: org.id,
    status: 'IMPLEMENTING',
    approval_date: '2024-03-01',
    approval_decision_number: '12/QĐ-UBND',
    actual_start: '2024-03-15',
    planned_end: '2027-06-30',
    governing_agency_id: 'UBND:new34:04',
    aid_owner_name: 'Hội Chữ thập đỏ Việt Nam',
    aid_owner_agency_id: 'VRC',
    budget_revenue: false,
    provinces: [['new34:04', '100']],
  });
  await addTransactions(item.id, [
    { kind: 'COMMITMENT', date: '2024-03-01', amount: '100000.00', currency: 'EUR', usd: '108512.345678', vnd: '2750000000' },
    { kind: 'COMMITMENT', date: '2026-02-01', amount: '5000.00', currency: 'USD', usd: '5000', vnd: '127000000' },
    { kind: 'DISBURSEMENT', date: '2024-12-31', amount: '1000.00', currency: 'EUR', usd: '1040.1', vnd: '27000000' },
    { kind: 'DISBURSEMENT', date: '2025-01-01', amount: '20000.10', currency: 'EUR', usd: '21700.108507', vnd: '550002750' },
    { kind: 'DISBURSEMENT', date: '2025-06-30', amount: '333.33', currency: 'USD', usd: '333.33', vnd: '8466582' },
    { kind: 'DISBURSEMENT', date: '2025-12-10', amount: '100.00', currency: 'USD', usd: '100', vnd: '2540000' },
    { kind: 'DISBURSEMENT', date: '2025-12-20', amount: '1234.56', currency: 'USD', usd: '1234.56', vnd: '31357824' },
  ]);
});
afterAll(async () => t.close());

const list = async (who: Session, query: string) => t.call(who, { method: 'GET', url: `/api/aid-reports?${query}` });

describe('aid reports on their clocks', () => {
  it("lists the reports an owner's aid owes for 2025 with due dates, all late until filed", async () => {
    const response = await list(owner, 'year=2025&pageSize=50');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(
      body.items.map((r: { kind: string; periodKey: string; dueDate: string; state: string; canFile: boolean }) => [
        r.kind,
        r.periodKey,
        r.dueDate,
        r.state,
        r.canFile,
      ]),
    ).toEqual([
      ['OWNER_SEMIANNUAL', '2025-H1', '2025-07-10', 'LATE', true],
      ['PMU_SEMIANNUAL', '2025-H1', '2025-07-10', 'LATE', true],
      ['OWNER_ANNUAL', '2025', '2026-01-10', 'LATE', true],
      ['PMU_ANNUAL', '2025', '2026-01-10', 'LATE', true],
      ['SETTLEMENT', '2025', '2026-06-30', 'LATE', false],
    ]);
    expect(body.counts).toEqual({ UPCOMING: 0, DUE: 0, LATE: 5, DONE: 0 });
  });

  it('scopes the list in SQL: another owner sees nothing, the governing agency files only the settlement, an NGO is refused', async () => {
    expect((await list(otherOwner, 'year=2025')).json().total).toBe(0);
    expect((await list(otherOwner, `year=2025&aidItemId=${item.id}`)).json().total).toBe(0);
    const gov = (await list(governing, `year=2025&aidItemId=${item.id}`)).json();
    expect(gov.items.filter((r: { canFile: boolean }) => r.canFile).map((r: { kind: string }) => r.kind)).toEqual(['SETTLEMENT']);
    expect((await list(governing, 'year=2025&governingAgencyId=MOH')).json().total).toBe(0);
    expect((await list(central, `year=2025&ownerAgencyId=VRC&kind=COMPLETION`)).json().total).toBe(0);
    expect((await list(ngo, 'year=2025')).statusCode).toBe(403);
    expect((await t.call(null, { method: 'GET', url: '/api/aid-reports' })).statusCode).toBe(401);
    expect((await list(owner, 'year=1999')).statusCode).toBe(400);
  });

  it('pre-fills the annual report with the registry figures of the period, to the cent, counterpart funds included', async () => {
    const added = await t.call(owner, {
      method: 'POST',
      url: `/api/aid/${item.id}/counterpart-funds`,
      payload: { amount: '250000000.50', currency: 'vnd', source: 'Ngân sách tỉnh Cao Bằng' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ totals: [{ currency: 'VND', amount: '250000000.50' }], canEdit: true });
    const created = await t.call(owner, {
      method: 'POST',
      url: '/api/aid-reports',
      payload: { aidItemId: item.id, kind: 'OWNER_ANNUAL', periodKey: '2025' },
    });
    expect(created.statusCode).toBe(201);
    const report = created.json();
    expect(report).toMatchObject({
      status: 'DRAFT',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      dueDate: '2026-01-10',
      canEdit: true,
    });
    // Registry: commitments to 31/12/2025 = 100,000.00 EUR (108,512.345678 USD); disbursements dated in 2025:
    // 20,000.10 EUR and 333.33 + 100.00 + 1,234.56 USD = 1,667.89 USD; USD value 21,700.108507 + 1,667.89 = 23,368.00 (rounded).
    expect(report.figures).toMatchObject({
      committed: [{ currency: 'EUR', amount: '100000.00' }],
      committedUsd: '108512.35',
      disbursed: [
        { currency: 'EUR', amount: '20000.10' },
        { currency: 'USD', amount: '1667.89' },
      ],
      disbursedUsd: '23368.00',
      disbursedVnd: '592367156',
      disbursementCount: 4,
      disbursedToDateUsd: '24408.10',
      counterpartFunds: [{ currency: 'VND', amount: '250000000.50', source: 'Ngân sách tỉnh Cao Bằng' }],
    });
    const again = await t.call(owner, {
      method: 'POST',
      url: '/api/aid-reports',
      payload: { aidItemId: item.id, kind: 'OWNER_ANNUAL', periodKey: '2025' },
    });
    expect(again.statusCode).toBe(409);

    const filed = await t.call(owner, {
      method: 'POST',
      url: `/api/aid-reports/${report.id}/submit`,
      payload: { version: report.version },
    });
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'SUBMITTED', canEdit: false });
    const after = (await list(owner, 'year=2025&kind=OWNER_ANNUAL')).json();
    expect(after.items[0]).toMatchObject({ state: 'DONE', reportId: report.id, canFile: false });
    expect(after.items[0].daysLate).toBeGreaterThan(0);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', report.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['aid_report.create', 'aid_report.submit']);
    expect(
      (await t.call(owner, { method: 'PUT', url: `/api/aid-reports/${report.id}`, payload: { version: 2, summary: 'x' } })).statusCode,
    ).toBe(409);
  });

  it('refuses bad input and the wrong filer, changing nothing', async () => {
    const before = await t.db
      .selectFrom('aid_reports')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const notOwed = await t.call(owner, {
      method: 'POST',
      url: '/api/aid-reports',
      payload: { aidItemId: item.id, kind: 'OWNER_ANNUAL', periodKey: '2028' }, // the aid ends on 30/06/2027
    });
    expect(notOwed.statusCode).toBe(422);
    expect(notOwed.json().error.code).toBe('aid_report_not_owed');
    const early = await t.call(owner, {
      method: 'POST',
      url: '/api/aid-reports',
      payload: { aidItemId: item.id, kind: 'OWNER_SEMIANNUAL', periodKey: '2023-H1' },
    });
    expect(early.json().error.code).toBe('aid_report_not_owed');
    const badKey = await t.call(owner, {
      method: 'POST',
      url: '/api/aid-reports',
      payload: { aidItemId: item.id, kind: 'OWNER_ANNUAL', periodKey: '2025-H2' },
    });
    expect(badKey.statusCode).toBe(400);
    const settlementByOwner = await t.call(owner, {
      method: 'POST',
      url: '/api/aid-reports',
      payload: { aidItemId: item.id, kind: 'SETTLEMENT', periodKey: '2025' },
    });
    expect(settlementByOwner.statusCode).toBe(403);
    const foreign = await t.call(otherOwner, {
      method: 'POST',
      url: '/api/aid-reports',
      payload: { aidItemId: item.id, kind: 'OWNER_ANNUAL', periodKey: '2024' },
    });
    expect(foreign.statusCode).toBe(404);
    const after = await t.db
      .selectFrom('aid_reports')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const funds = await t.db
      .selectFrom('aid_counterpart_funds')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const badCurrency = await t.call(owner, {
      method: 'POST',
      url: `/api/aid/${item.id}/counterpart-funds`,
      payload: { amount: '10', currency: 'XXQ', source: 'x' },
    });
    expect(badCurrency.statusCode).toBe(400);
    expect(badCurrency.json().error.code).toBe('unknown_reference');
    const zero = await t.call(owner, {
      method: 'POST',
      url: `/api/aid/${item.id}/counterpart-funds`,
      payload: { amount: '0.00', currency: 'VND', source: 'x' },
    });
    expect(zero.statusCode).toBe(400);
    const notMine = await t.call(otherOwner, {
      method: 'POST',
      url: `/api/aid/${item.id}/counterpart-funds`,
      payload: { amount: '10', currency: 'VND', source: 'x' },
    });
    expect(notMine.statusCode).toBe(404);
    expect(
      (
        await t.call(ngo, {
          method: 'POST',
          url: `/api/aid/${item.id}/counterpart-funds`,
          payload: { amount: '10', currency: 'VND', source: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const fundsAfter = await t.db
      .selectFrom('aid_counterpart_funds')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(fundsAfter.n).toBe(funds.n);
  });

  it('lets the governing agency file the settlement of non-budget aid', async () => {
    const created = await t.call(governing, {
      method: 'POST',
      url: '/api/aid-reports',
      payload: { aidItemId: item.id, kind: 'SETTLEMENT', periodKey: '2025' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ dueDate: '2026-06-30', figures: { disbursedUsd: '23368.00' } });
    const saved = await t.call(governing, {
      method: 'PUT',
      url: `/api/aid-reports/${created.json().id}`,
      payload: { version: 1, summary: 'Đã phê duyệt quyết toán' },
    });
    expect(saved.json()).toMatchObject({ summary: 'Đã phê duyệt quyết toán', version: 2 });
    expect(
      (await t.call(owner, { method: 'PUT', url: `/api/aid-reports/${created.json().id}`, payload: { version: 2, summary: 'x' } }))
        .statusCode,
    ).toBe(403);
  });

  it('puts reminders in the owner’s inbox two working days before and when late, once', async () => {
    // 08/01/2026: the 2025 PMU annual report is due Saturday 10/01/2026 (a working Saturday) → due soon; the H1
    // reports were due 10/07/2025 (late for more than the window: not reminded).
    const first = await runAidReportReminders(t.db, '2026-01-08');
    expect(first).toBeGreaterThan(0);
    const rows = await t.db
      .selectFrom('notifications')
      .select(['kind', 'params', 'user_id'])
      .where('user_id', '=', owner.userId)
      .where('kind', 'like', 'AID_REPORT%')
      .execute();
    expect(
      rows.map((r) => `${r.kind}:${(r.params as { stepNameEn: string }).stepNameEn}:${(r.params as { dueDate: string }).dueDate}`),
    ).toEqual(["AID_REPORT_DUE_SOON:Project unit's annual report:2026-01-10"]);
    expect(await runAidReportReminders(t.db, '2026-01-08')).toBe(0);
    await runAidReportReminders(t.db, '2026-01-12');
    const late = await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', owner.userId)
      .where('kind', '=', 'AID_REPORT_OVERDUE')
      .execute();
    expect(late).toHaveLength(1);
    // The other owner's inbox stays empty.
    const others = await t.db.selectFrom('notifications').select('id').where('user_id', '=', otherOwner.userId).execute();
    expect(others).toHaveLength(0);
  });
});

describe("agency reports count money in Decree 58's data window", () => {
  it('a disbursement dated 20/12/2025 counts in the 2026 governing report, not in 2025', async () => {
    const r2025 = await t.call(governing, {
      method: 'POST',
      url: '/api/reports/agency',
      payload: { kind: 'GOVERNING_ANNUAL', year: 2025 },
    });
    expect(r2025.statusCode).toBe(201);
    // Window 15/12/2024–14/12/2025: 1,040.10 (31/12/2024) + 21,700.108507 + 333.33 + 100.00 = 23,173.54 USD.
    expect(r2025.json()).toMatchObject({
      periodFrom: '2024-12-15',
      periodTo: '2025-12-14',
      dueDate: '2026-01-15',
      figures: { disbursedUsd: '23173.54', windowFrom: '2024-12-15', windowTo: '2025-12-14', windowBasis: 'D58_DATA_WINDOW' },
    });
    const r2026 = await t.call(governing, {
      method: 'POST',
      url: '/api/reports/agency',
      payload: { kind: 'GOVERNING_ANNUAL', year: 2026 },
    });
    expect(r2026.json()).toMatchObject({
      periodFrom: '2025-12-15',
      periodTo: '2026-12-14',
      figures: { disbursedUsd: '1234.56', committedUsd: '5000.00' },
    });
    const mau04 = await t.call(governing, { method: 'POST', url: '/api/reports/agency', payload: { kind: 'AGENCY_MAU04', year: 2026 } });
    expect(mau04.json()).toMatchObject({ periodFrom: '2025-12-15', dueDate: '2026-12-18', figures: { disbursedUsd: '1234.56' } });
  });
});
