import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulDecimal, normalizeDecimal, roundDecimal, sumDecimals } from '@domain/money/decimal';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildAidItem, buildOrganisation } from './aid.fixtures';

let t: TestContext;
let central: Session;
let admin: Session;
let org: { id: string };

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  admin = await t.signInAs('admin');
  org = await buildOrganisation(t.db, { synthetic: true });
});
afterAll(async () => t.close());

const rateOf = async (currency: string, date: string) =>
  t.db
    .selectFrom('exchange_rates')
    .select(['usd_per_unit', 'vnd_per_unit', 'rate_date'])
    .where('currency', '=', currency)
    .where('rate_date', '<=', date)
    .orderBy('rate_date', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();

describe('transactions and exact conversion', () => {
  it('converts each transaction exactly and keeps a total equal to the sum of the exact conversions', async () => {
    const item = await buildAidItem(t.db, { organisation_id: org.id });
    const txs = [
      { kind: 'COMMITMENT', date: '2024-03-15', amount: '1234567.891', currency: 'EUR' },
      { kind: 'COMMITMENT', date: '2025-02-01', amount: '333333.33', currency: 'JPY' },
      { kind: 'COMMITMENT', date: '2025-06-30', amount: '98765432.1', currency: 'VND' },
      { kind: 'COMMITMENT', date: '2023-12-31', amount: '0.07', currency: 'GBP' },
      { kind: 'DISBURSEMENT', date: '2025-02-01', amount: '1000.005', currency: 'USD' },
    ];
    for (const tx of txs) {
      const response = await t.call(central, { method: 'POST', url: `/api/aid/${item.id}/transactions`, payload: tx });
      expect(response.statusCode).toBe(201);
    }
    const exact: string[] = [];
    for (const tx of txs.filter((x) => x.kind === 'COMMITMENT'))
      exact.push(mulDecimal(tx.amount, (await rateOf(tx.currency, tx.date)).usd_per_unit));
    const expected = sumDecimals(exact);

    const totals = await t.db.selectFrom('aid_item_totals').selectAll().where('aid_item_id', '=', item.id).executeTakeFirstOrThrow();
    expect(normalizeDecimal(totals.committed_usd)).toBe(expected);
    const stored = await t.db
      .selectFrom('aid_transactions')
      .select('amount_usd')
      .where('aid_item_id', '=', item.id)
      .where('kind', '=', 'COMMITMENT')
      .execute();
    expect(sumDecimals(stored.map((s) => s.amount_usd))).toBe(expected);

    const detail = (await t.call(central, { method: 'GET', url: `/api/aid/${item.id}` })).json();
    expect(detail.totals.committedUsd).toBe(roundDecimal(expected, 2));
    expect(detail.totals.disbursedUsd).toBe('1000.01');
    expect(detail.totals.byCurrency).toEqual(
      expect.arrayContaining([
        { currency: 'JPY', committed: '333333', disbursed: '0' },
        { currency: 'EUR', committed: '1234567.89', disbursed: '0.00' },
      ]),
    );
    const listed = (await t.call(central, { method: 'GET', url: `/api/aid?q=${item.code}` })).json().items[0];
    expect(listed.committedUsd).toBe(roundDecimal(expected, 2));

    const page = (await t.call(central, { method: 'GET', url: `/api/aid/${item.id}/transactions` })).json();
    expect(page.total).toBe(5);
    const eur = page.items.find((x: { currency: string }) => x.currency === 'EUR');
    expect(eur).toMatchObject({ amount: '1234567.891', rateDate: '2024-01-01', source: 'MANUAL' });
  });

  it("answers 422 exchange_rate_missing, in the caller's language, when no rate exists on or before the date", async () => {
    const item = await buildAidItem(t.db, { organisation_id: org.id });
    const early = await t.call(central, {
      method: 'POST',
      url: `/api/aid/${item.id}/transactions`,
      headers: { 'accept-language': 'en' },
      payload: { kind: 'DISBURSEMENT', date: '2011-06-01', amount: '10', currency: 'EUR' },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ code: 'exchange_rate_missing', details: { currency: 'EUR', date: '2011-06-01' } });
    expect(early.json().error.message).toContain('EUR');
    const noRates = await t.call(central, {
      method: 'POST',
      url: `/api/aid/${item.id}/transactions`,
      payload: { kind: 'DISBURSEMENT', date: '2025-06-01', amount: '10', currency: 'ZAR' },
    });
    expect(noRates.json().error.code).toBe('exchange_rate_missing');
    expect(await t.db.selectFrom('aid_transactions').select('id').where('aid_item_id', '=', item.id).execute()).toHaveLength(0);
  });

  it('keeps the aggregates right when transactions are changed or deleted, and per year', async () => {
    const item = await buildAidItem(t.db, { organisation_id: org.id });
    await t.db
      .insertInto('aid_transactions')
      .values([
        {
          aid_item_id: item.id,
          kind: 'DISBURSEMENT',
          tx_date: '2022-05-01',
          amount: '10.10',
          currency: 'USD',
          amount_usd: '10.10',
          amount_vnd: '230280',
        },
        {
          aid_item_id: item.id,
          kind: 'DISBURSEMENT',
          tx_date: '2023-05-01',
          amount: '20.20',
          currency: 'USD',
          amount_usd: '20.20',
          amount_vnd: '476720',
        },
      ])
      .execute();
    const years = () =>
      t.db
        .selectFrom('aid_item_year_totals')
        .select(['year', 'disbursed_usd'])
        .where('aid_item_id', '=', item.id)
        .orderBy('year')
        .execute();
    expect(await years()).toEqual([
      { year: 2022, disbursed_usd: '10.10' },
      { year: 2023, disbursed_usd: '20.20' },
    ]);
    await t.db
      .updateTable('aid_transactions')
      .set({ tx_date: '2023-01-02' })
      .where('aid_item_id', '=', item.id)
      .where('tx_date', '=', '2022-05-01')
      .execute();
    expect(await years()).toEqual([{ year: 2023, disbursed_usd: '30.30' }]);
    await t.db.deleteFrom('aid_transactions').where('aid_item_id', '=', item.id).where('amount', '=', '20.20').execute();
    const totals = await t.db.selectFrom('aid_item_totals').selectAll().where('aid_item_id', '=', item.id).executeTakeFirstOrThrow();
    expect(totals).toMatchObject({ disbursed_usd: '10.10', first_tx_date: '2023-01-02', last_tx_date: '2023-01-02', tx_count: 1 });
    await t.db.deleteFrom('aid_items').where('id', '=', item.id).execute();
    expect(await t.db.selectFrom('aid_item_totals').select('aid_item_id').where('aid_item_id', '=', item.id).execute()).toHaveLength(0);
  });

  it("refuses money on other provinces' items (404) and from reviewers (403)", async () => {
    const item = await buildAidItem(t.db, { organisation_id: org.id, provinces: [['new34:08', '100']] });
    const caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const payload = { kind: 'DISBURSEMENT', date: '2025-06-01', amount: '10', currency: 'USD' };
    expect((await t.call(caoBang, { method: 'POST', url: `/api/aid/${item.id}/transactions`, payload })).statusCode).toBe(404);
    expect(
      (
        await t.call(await t.signInAs('reviewer', { agencyId: 'MPS' }), {
          method: 'POST',
          url: `/api/aid/${item.id}/transactions`,
          payload,
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.call(null, { method: 'GET', url: `/api/aid/${item.id}/transactions` })).statusCode).toBe(401);
  });
});

describe('exchange rates', () => {
  it('seeds yearly reference rates for the common donor currencies, labelled approximate', async () => {
    const rows = await t.db
      .selectFrom('exchange_rates')
      .select(['currency'])
      .where('rate_date', '=', '2020-01-01')
      .where('source', '=', 'vnaid reference (approximate)')
      .execute();
    expect(rows.map((r) => r.currency)).toEqual(
      expect.arrayContaining([
        'USD',
        'EUR',
        'GBP',
        'JPY',
        'AUD',
        'CAD',
        'KRW',
        'CHF',
        'SEK',
        'NOK',
        'DKK',
        'NZD',
        'SGD',
        'THB',
        'CNY',
        'VND',
      ]),
    );
    const usd = await rateOf('USD', '2026-01-01');
    expect(Number(usd.vnd_per_unit)).toBeGreaterThan(23_000);
  });

  it('lets an administrator replace a rate, and converts the dependent transactions again', async () => {
    const item = await buildAidItem(t.db, { organisation_id: org.id });
    await t.call(central, {
      method: 'POST',
      url: `/api/aid/${item.id}/transactions`,
      payload: { kind: 'COMMITMENT', date: '2019-08-20', amount: '1000', currency: 'CHF' },
    });
    expect(
      (
        await t.call(central, {
          method: 'POST',
          url: '/api/exchange-rates',
          payload: { currency: 'CHF', date: '2019-08-01', usdPerUnit: '1.1', vndPerUnit: '25000' },
        })
      ).statusCode,
    ).toBe(403);
    const put = await t.call(admin, {
      method: 'POST',
      url: '/api/exchange-rates',
      payload: { currency: 'CHF', date: '2019-08-01', usdPerUnit: '1.0123', vndPerUnit: '23485.36' },
    });
    expect(put.json()).toEqual({ rates: 1, reconverted: 1 });
    const tx = await t.db
      .selectFrom('aid_transactions')
      .select(['amount_usd', 'rate_date'])
      .where('aid_item_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(tx).toEqual({ amount_usd: '1012.3000', rate_date: '2019-08-01' });
    const totals = await t.db
      .selectFrom('aid_item_totals')
      .select('committed_usd')
      .where('aid_item_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(totals.committed_usd).toBe('1012.3000');
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', 'CHF:2019-08-01').execute();
    expect(audit.map((a) => a.action)).toEqual(['exchange_rate.put']);
  });

  it('imports a CSV all or nothing, listing every bad line', async () => {
    const bad = [
      'currency,date,usd_per_unit,vnd_per_unit',
      'EUR,2025-07-01,1.17,29500',
      'XXX,2025-07-01,1,1',
      'GBP,2025-02-30,1.3,33000',
      'EUR,2025-07-01,1.18,29600',
      'SEK,2025-07-01,-1,2400',
    ].join('\n');
    const rejected = await t.call(admin, { method: 'POST', url: '/api/exchange-rates/import', payload: { csv: bad } });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().error.code).toBe('import_rejected');
    expect(rejected.json().error.details.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).toEqual([
      '3:currency',
      '4:date',
      '5:date',
      '6:usd_per_unit',
    ]);
    expect(await t.db.selectFrom('exchange_rates').select('currency').where('rate_date', '=', '2025-07-01').execute()).toHaveLength(0);

    const good = '\uFEFFcurrency,date,usd_per_unit,vnd_per_unit\r\nEUR,2025-07-01,1.17,29500\r\n"gbp",2025-07-01,1.35,34000\r\n';
    const accepted = await t.call(admin, { method: 'POST', url: '/api/exchange-rates/import', payload: { csv: good } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().rates).toBe(2);
    const listed = (await t.call(central, { method: 'GET', url: '/api/exchange-rates?currency=GBP&year=2025' })).json();
    expect(listed.items[0]).toMatchObject({ currency: 'GBP', date: '2025-07-01', usdPerUnit: '1.35', source: 'CSV import' });
  });
});

describe('exports', () => {
  it('exports the filtered list as CSV and xlsx, saying the data is synthetic', async () => {
    const item = await buildAidItem(t.db, {
      organisation_id: org.id,
      synthetic: true,
      title_vi: 'Xuất khẩu = thử',
      provinces: [['old63:02', '100']],
      planned_start: '2024-01-01',
    });
    const csv = await t.call(central, { method: 'GET', url: '/api/aid/export.csv?province=new34:08' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('GIẢ LẬP');
    expect(lines[1]).toContain('Mã khoản viện trợ');
    expect(lines.find((l) => l.startsWith(item.code))).toContain('Tuyên Quang');

    const xlsx = await t.call(central, {
      method: 'GET',
      url: '/api/aid/export.xlsx?province=new34:08&year=2024',
      headers: { 'accept-language': 'en' },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Aid')!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('SYNTHETIC');
    expect(sheet.getRow(2).getCell(1).value).toBe('Aid code');
    expect(sheet.getRow(3).getCell(1).value).toBe(item.code);
    expect(workbook.getWorksheet('Notes')).toBeDefined();
  });
});
