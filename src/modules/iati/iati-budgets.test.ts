import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { applyImport } from './iati-import.run';
import { parseExport } from './iati.test-support';
import { validateAgainstSchema } from './xml/validate-xsd';

/** Budgets and planned disbursements (issue 16 #4), from a publisher file of our own. */
const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/iati/budgets-2.03.xml', import.meta.url));
const ctx = { actor: null, label: 'test' };
const source = (text: string) => ({ open: () => Readable.from([Buffer.from(text)]), bytes: Buffer.byteLength(text) });

let t: TestContext;
let admin: Session;
const itemId = async (identifier: string) =>
  (await t.db.selectFrom('aid_items').select('id').where('iati_identifier', '=', identifier).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signInAs('admin');
  const report = await applyImport(t.db, ctx, source(readFileSync(FIXTURE, 'utf8')));
  expect(report.counts).toMatchObject({ created: 2, skipped: 0 });
});
afterAll(async () => t?.close());

describe('IATI budgets and planned disbursements', () => {
  it('keeps the budgets of an activity that publishes nothing else, converted to USD on the value date', async () => {
    const id = await itemId('XI-IATI-BUDGET-ONLY-1');
    const budgets = await t.db
      .selectFrom('aid_budgets')
      .select(['budget_type', 'budget_status', 'period_start', 'period_end', 'amount', 'currency', 'value_date', 'amount_usd', 'rate_date'])
      .where('aid_item_id', '=', id)
      .orderBy('period_start')
      .execute();
    expect(budgets.map((b) => [b.budget_type, b.budget_status, b.period_start, b.period_end, b.currency, b.value_date])).toEqual([
      ['ORIGINAL', 'INDICATIVE', '2024-01-01', '2024-12-31', 'EUR', '2024-01-01'],
      ['REVISED', 'COMMITTED', '2025-01-01', '2025-12-31', 'USD', '2025-01-15'],
    ]);
    // EUR at the seeded 1 January 2024 rate (1.1): exact numeric product.
    expect([Number(budgets[0]!.amount), Number(budgets[0]!.amount_usd), budgets[0]!.rate_date]).toEqual([120000, 132000, '2024-01-01']);
    expect(Number(budgets[1]!.amount_usd)).toBe(80000.5);
    const planned = await t.db.selectFrom('aid_planned_disbursements').selectAll().where('aid_item_id', '=', id).execute();
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ budget_type: 'ORIGINAL', period_start: '2024-03-01', period_end: '2024-03-31', currency: 'USD' });
    expect(planned[0]!.receiver).toEqual({ type: '11', name: { vi: 'UBND thành phố Hà Nội' } });
  });

  it('says what it did: the budget-only note, and the budget it could not read as a part left out', async () => {
    const report = await applyImport(t.db, ctx, source(readFileSync(FIXTURE, 'utf8')));
    // The same file again changes nothing (budgets compared, not rewritten).
    expect(report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const copy = await applyImport(
      t.db,
      ctx,
      source(readFileSync(FIXTURE, 'utf8').replace('XI-IATI-BUDGET-ONLY-1', 'XI-IATI-BUDGET-ONLY-2')),
    );
    const entry = copy.created.find((e) => e.identifier === 'XI-IATI-BUDGET-ONLY-2')!;
    expect(entry.notes).toContain('budgets_only');
    expect(entry.leftOut).toEqual([expect.objectContaining({ reason: 'budget_invalid' })]);
  });

  it("applies Viet Nam's share to budgets like transactions, and never counts a budget as committed or disbursed", async () => {
    const shared = await itemId('XI-IATI-BUDGET-SHARE-1');
    const budget = await t.db
      .selectFrom('aid_budgets')
      .select(['amount', 'published_amount', 'amount_usd'])
      .where('aid_item_id', '=', shared)
      .executeTakeFirstOrThrow();
    expect([Number(budget.amount), Number(budget.published_amount), Number(budget.amount_usd)]).toEqual([25000, 100000, 25000]);
    const totals = async (id: string) =>
      t.db.selectFrom('aid_item_totals').select(['committed_usd', 'disbursed_usd']).where('aid_item_id', '=', id).executeTakeFirst();
    const sharedTotals = await totals(shared);
    expect([Number(sharedTotals?.committed_usd), Number(sharedTotals?.disbursed_usd)]).toEqual([50000, 0]);
    const only = await totals(await itemId('XI-IATI-BUDGET-ONLY-1'));
    expect([Number(only?.committed_usd ?? 0), Number(only?.disbursed_usd ?? 0)]).toEqual([0, 0]);
  });

  it('shows them on the aid item to those who may see it', async () => {
    const id = await itemId('XI-IATI-BUDGET-ONLY-1');
    const response = await t.call(admin, { method: 'GET', url: `/api/aid/${id}/budgets` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.budgets[0]).toMatchObject({
      type: 'ORIGINAL',
      status: 'INDICATIVE',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      currency: 'EUR',
      amountUsd: '132000.00',
    });
    expect(body.plannedDisbursements[0]).toMatchObject({ provider: 'Budget Publisher International', receiver: 'UBND thành phố Hà Nội' });
    // A ministry officer sees the aid its ministry governs; this item has no governing agency.
    const outsider = await t.signInAs('agency');
    expect((await t.call(outsider, { method: 'GET', url: `/api/aid/${id}/budgets` })).statusCode).toBe(404);
  });

  it('exports them back in the order of the XSD, and re-importing the export changes nothing', async () => {
    const response = await t.call(admin, { method: 'GET', url: '/api/iati/activities.xml' });
    expect(await validateAgainstSchema(response.body, 'activities')).toEqual({ valid: true, errors: [] });
    const exported = (await parseExport(response.body)).find((a) => a.activity.identifier === 'XI-IATI-BUDGET-ONLY-1')!.activity;
    expect(exported.budgets).toEqual([
      { type: 'ORIGINAL', status: 'INDICATIVE', periodStart: '2024-01-01', periodEnd: '2024-12-31', amount: '120000', currency: 'EUR' },
      {
        type: 'REVISED',
        status: 'COMMITTED',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        amount: '80000.50',
        currency: 'USD',
        valueDate: '2025-01-15',
      },
    ]);
    expect(exported.plannedDisbursements).toEqual([
      {
        type: 'ORIGINAL',
        periodStart: '2024-03-01',
        periodEnd: '2024-03-31',
        amount: '30000',
        currency: 'USD',
        provider: { ref: 'XI-IATI-BUDGET', type: '21', name: { en: 'Budget Publisher International' } },
        receiver: { type: '11', name: { vi: 'UBND thành phố Hà Nội' } },
      },
    ]);
    const shared = (await parseExport(response.body)).find((a) => a.activity.identifier === 'XI-IATI-BUDGET-SHARE-1')!.activity;
    // Viet Nam's share, beside recipient-country VN 100 % and the transactions' share: the figures agree.
    expect(shared.budgets!.map((b) => b.amount)).toEqual(['25000.00']);
    const again = await applyImport(t.db, ctx, source(response.body));
    expect(again.counts).toMatchObject({ created: 0, updated: 0 });
  });

  it('follow a corrected exchange rate, as transactions do', async () => {
    const rate = await t.call(admin, {
      method: 'POST',
      url: '/api/exchange-rates',
      payload: { currency: 'EUR', date: '2024-01-01', usdPerUnit: '1.2', vndPerUnit: '29160' },
    });
    expect(rate.statusCode).toBe(200);
    const budget = await t.db
      .selectFrom('aid_budgets')
      .select(['amount_usd', 'rate_date'])
      .where('aid_item_id', '=', await itemId('XI-IATI-BUDGET-ONLY-1'))
      .where('currency', '=', 'EUR')
      .executeTakeFirstOrThrow();
    expect([Number(budget.amount_usd), budget.rate_date]).toEqual([144000, '2024-01-01']);
  });
});
