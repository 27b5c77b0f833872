import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeActivities } from '@domain/iati/serialize';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { buildActivity } from '../../../test/fixtures/iati/activities';
import { applyImport } from './iati-import.run';
import { parseExport } from './iati.test-support';

/** Money as publishers really write it (issue 16 #2, #5, #10): corrections, expenditure, incoming funds, value dates. */
const ctx = { actor: null, label: 'test' };
const source = (text: string) => ({ open: () => Readable.from([Buffer.from(text)]), bytes: Buffer.byteLength(text) });

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

describe('IATI money kept as the publisher wrote it', () => {
  it('keeps negative corrections (net totals), expenditure and incoming funds as their own kinds, converted on the value date', async () => {
    const xml = serializeActivities(
      [
        buildActivity({
          identifier: 'XI-IATI-EXAMPLE-MONEY-1',
          transactions: [
            { type: 'COMMITMENT', date: '2024-01-15', amount: '1000', currency: 'USD' },
            { type: 'COMMITMENT', date: '2024-06-15', amount: '-100', currency: 'USD' },
            { type: 'DISBURSEMENT', date: '2024-03-01', amount: '500', currency: 'USD' },
            { type: 'DISBURSEMENT', date: '2024-04-01', amount: '-50.25', currency: 'USD' },
            { type: 'EXPENDITURE', date: '2024-05-01', amount: '300', currency: 'USD' },
            { type: 'INCOMING_FUNDS', date: '2024-01-02', amount: '2000', currency: 'EUR', valueDate: '2023-12-29' },
          ],
        }),
      ],
      { generatedAt: '2026-11-01T00:00:00Z' },
    );
    const report = await applyImport(t.db, ctx, source(xml));
    expect(report.counts).toMatchObject({ created: 1, transactionsKept: 6 });
    expect(report.created[0]!.leftOut ?? []).toEqual([]);

    const item = await t.db
      .selectFrom('aid_items')
      .select('id')
      .where('iati_identifier', '=', 'XI-IATI-EXAMPLE-MONEY-1')
      .executeTakeFirstOrThrow();
    const totals = await t.db
      .selectFrom('aid_item_totals')
      .select(['committed_usd', 'disbursed_usd'])
      .where('aid_item_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect([Number(totals.committed_usd), Number(totals.disbursed_usd)]).toEqual([900, 449.75]);

    const kept = await t.db
      .selectFrom('aid_transactions')
      .select(['kind', 'amount', 'rate_date'])
      .where('aid_item_id', '=', item.id)
      .orderBy('tx_date')
      .execute();
    expect(kept.map((k) => k.kind).sort()).toEqual([
      'COMMITMENT',
      'COMMITMENT',
      'DISBURSEMENT',
      'DISBURSEMENT',
      'EXPENDITURE',
      'INCOMING_FUNDS',
    ]);
    // The publisher's value date (29/12/2023) picks the 2023 rate, not the one of the transaction date (2024).
    expect(kept.find((k) => k.kind === 'INCOMING_FUNDS')!.rate_date).toBe('2023-01-01');
  });

  it('still refuses a negative amount or another kind through the API (manual entry)', async () => {
    const admin = await t.signInAs('admin');
    const item = await t.db
      .selectFrom('aid_items')
      .select('id')
      .where('iati_identifier', '=', 'XI-IATI-EXAMPLE-MONEY-1')
      .executeTakeFirstOrThrow();
    for (const payload of [
      { kind: 'DISBURSEMENT', date: '2024-06-01', amount: '-5', currency: 'USD' },
      { kind: 'EXPENDITURE', date: '2024-06-01', amount: '5', currency: 'USD' },
    ]) {
      const response = await t.call(admin, { method: 'POST', url: `/api/aid/${item.id}/transactions`, payload });
      expect(response.statusCode).toBe(400);
    }
  });

  it("keeps the publisher's activity status apart from vnaid's legal status, and exports it back", async () => {
    const xml = serializeActivities(
      [
        buildActivity({
          identifier: 'XI-IATI-EXAMPLE-STATUS-1',
          status: 'COMPLETED',
          dates: { actualStart: '2024-02-01', actualEnd: '2024-12-31' },
        }),
      ],
      { generatedAt: '2026-11-01T00:00:00Z' },
    )
      .replace(/<vnaid:status [^>]*\/>/, '')
      .replace(/<vnaid:approval [^>]*\/>/, '')
      .replace('activity-status code="4"', 'activity-status code="3"');
    const report = await applyImport(t.db, ctx, source(xml));
    expect(report.counts).toMatchObject({ created: 1 });
    const item = await t.db
      .selectFrom('aid_items')
      .select(['status'])
      .where('iati_identifier', '=', 'XI-IATI-EXAMPLE-STATUS-1')
      .executeTakeFirstOrThrow();
    // No Vietnamese approval decision: vnaid holds it as not approved in Viet Nam (iati-import.rules.ts).
    expect(item.status).toBe('PIPELINE');
    const admin = await t.signInAs('admin');
    const exported = (await t.call(admin, { method: 'GET', url: '/api/iati/activities.xml' })).body;
    const block = exported.slice(exported.indexOf('XI-IATI-EXAMPLE-STATUS-1'));
    expect(/activity-status code="(\d)"/.exec(block)![1]).toBe('3');
    expect(/vnaid:status code="(\w+)"/.exec(block)![1]).toBe('PIPELINE');
  });

  it('derives sectors given only on transactions, and says so', async () => {
    const xml = serializeActivities([buildActivity({ identifier: 'XI-IATI-EXAMPLE-TXSECTOR-1' })], { generatedAt: '2026-11-01T00:00:00Z' })
      .replace(/<sector [^>]*\/>/g, '')
      .replace(/<sector [^>]*>[\s\S]*?<\/sector>/g, '')
      .replace('<transaction-type code="2"/>', '<transaction-type code="2"/><sector vocabulary="1" code="12220"/>')
      .replace('<transaction-type code="3"/>', '<transaction-type code="3"/><sector vocabulary="1" code="11110"/>');
    const report = await applyImport(t.db, ctx, source(xml));
    expect(report.created[0]!.notes).toContain('sectors_from_transactions');
    const item = await t.db
      .selectFrom('aid_items')
      .select('id')
      .where('iati_identifier', '=', 'XI-IATI-EXAMPLE-TXSECTOR-1')
      .executeTakeFirstOrThrow();
    const sectors = await t.db
      .selectFrom('aid_sectors')
      .select(['sector_code'])
      .where('aid_item_id', '=', item.id)
      .orderBy('sector_code')
      .execute();
    expect(sectors.map((s) => s.sector_code)).toEqual(['GDDT', 'YTE']);
  });

  it('keeps every narrative with its language: a French title is exported, an English one never as Vietnamese', async () => {
    const xml = serializeActivities(
      [
        buildActivity({
          identifier: 'XI-IATI-EXAMPLE-LANG-1',
          titles: { en: 'Clean water', other: { fr: 'Eau potable' } },
          descriptions: { en: 'Gravity-fed water systems.' },
        }),
      ],
      { generatedAt: '2026-11-01T00:00:00Z' },
    );
    await applyImport(t.db, ctx, source(xml));
    const admin = await t.signInAs('admin');
    const exported = (await parseExport((await t.call(admin, { method: 'GET', url: '/api/iati/activities.xml' })).body)).find(
      (a) => a.activity.identifier === 'XI-IATI-EXAMPLE-LANG-1',
    )!.activity;
    expect(exported.titles).toEqual({ en: 'Clean water', other: { fr: 'Eau potable' } });
    expect(exported.descriptions).toEqual({ en: 'Gravity-fed water systems.' });
  });
});
