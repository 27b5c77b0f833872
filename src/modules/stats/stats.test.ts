import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { seedDemo } from '@db/demo/seed';
import { centsToString, roundMoney, sumScaled, formatScaled, toCents } from '@domain/money/decimal';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db);
}, 180_000);
afterAll(async () => ctx?.close());

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });
const sumCents = (values: string[]) => values.reduce((a, v) => a + toCents(v), 0n);

/** Recomputes a year's figures straight from the transactions of approved aid, without the aggregates the API reads. */
async function fromTransactions(year: number) {
  const { rows } = await sql<{ committed: string; disbursed: string; items: number; active: number }>`
    select coalesce(sum(t.amount_usd) filter (where t.kind = 'COMMITMENT'), 0)::text as committed,
           coalesce(sum(t.amount_usd) filter (where t.kind = 'DISBURSEMENT'), 0)::text as disbursed,
           count(distinct t.aid_item_id)::int as items,
           (select count(*) from (
              select i2.organisation_id from aid_transactions t2 join aid_items i2 on i2.id = t2.aid_item_id
              where t2.kind = 'DISBURSEMENT' and extract(year from t2.tx_date) = ${year} and i2.organisation_id is not null
                and i2.status in ('APPROVED', 'IMPLEMENTING', 'COMPLETED')
              union select organisation_id from ngo_reports where report_year = ${year} and status in ('SUBMITTED', 'ACCEPTED')) u)::int as active
    from aid_transactions t join aid_items i on i.id = t.aid_item_id
    where extract(year from t.tx_date) = ${year} and i.status in ('APPROVED', 'IMPLEMENTING', 'COMPLETED')`.execute(ctx.db);
  return rows[0]!;
}

describe('public statistics on the calibrated demo data', () => {
  it('reproduces the published national figures for 2022 and 2025', async () => {
    const y2022 = (await get('/api/public/stats/summary?year=2022')).json();
    expect(y2022.activeOrganisations).toBe(436);
    expect(y2022.disbursedUsd).toBe('223700000.00');
    expect(y2022.synthetic).toBe(true);
    expect((await get('/api/public/stats/summary?year=2025')).json().activeOrganisations).toBe(379);
    const published: Record<number, string> = { 2020: '220700000.00', 2021: '233000000.00', 2023: '228600000.00', 2024: '230000000.00' };
    for (const [year, disbursed] of Object.entries(published))
      expect((await get(`/api/public/stats/summary?year=${year}`)).json().disbursedUsd).toBe(disbursed);
  });

  it('agrees with an independent recomputation from raw transactions', async () => {
    for (const year of [2016, 2021, 2022, 2026]) {
      const api = (await get(`/api/public/stats/summary?year=${year}`)).json();
      const raw = await fromTransactions(year);
      expect(api.committedUsd).toBe(roundMoney(raw.committed));
      expect(api.disbursedUsd).toBe(roundMoney(raw.disbursed));
      expect(api.aidRecords).toBe(raw.items);
      expect(api.activeOrganisations).toBe(raw.active);
    }
    const { rows } = await sql<{
      n: number;
    }>`select count(distinct organisation_id)::int as n from certificate_status_periods where status = 'ACTIVE' and period @> '2022-12-31'::date`.execute(
      ctx.db,
    );
    expect((await get('/api/public/stats/summary?year=2022')).json().registeredOrganisations).toBe(rows[0]!.n);
  });

  it('has province and sector breakdowns that add up exactly to the national totals', async () => {
    const national = (await get('/api/public/stats/summary?year=2022')).json();
    for (const route of ['by-province', 'by-sector']) {
      const body = (await get(`/api/public/stats/${route}?year=2022`)).json();
      const parts = [...body.items, body.unallocated];
      expect(centsToString(sumCents(parts.map((p: { disbursedUsd: string }) => p.disbursedUsd)))).toBe(national.disbursedUsd);
      expect(centsToString(sumCents(parts.map((p: { committedUsd: string }) => p.committedUsd)))).toBe(national.committedUsd);
    }
    const provinces = (await get('/api/public/stats/by-province?year=2022')).json();
    expect(provinces.items).toHaveLength(34);
    expect(
      centsToString(
        sumCents(provinces.regions.map((r: { disbursedUsd: string }) => r.disbursedUsd)) + toCents(provinces.unallocated.disbursedUsd),
      ),
    ).toBe(national.disbursedUsd);
  });

  it('splits each item by its location shares, within a cent of the exact split', async () => {
    const { rows } = await sql<{ province: string; disbursed: string }>`
      select p.rolls_up_to as province, sum(t.amount_usd * l.share / 100)::text as disbursed
      from aid_transactions t join aid_locations l on l.aid_item_id = t.aid_item_id join provinces p on p.id = l.province_id
      where t.kind = 'DISBURSEMENT' and extract(year from t.tx_date) = 2022 group by 1`.execute(ctx.db);
    const body = (await get('/api/public/stats/by-province?year=2022')).json();
    for (const row of rows) {
      const item = body.items.find((i: { id: string }) => i.id === row.province);
      const diff = toCents(item.disbursedUsd) - toCents(formatScaled(sumScaled([row.disbursed])));
      expect(diff >= -1n && diff <= 1n).toBe(true);
    }
  });

  it('gives the Cao Bằng 2022 summary of the published report', async () => {
    const cb = (await get('/api/public/stats/by-province?year=2022')).json().items.find((i: { code: string }) => i.code === '04');
    expect(cb).toMatchObject({
      name: 'Cao Bằng',
      aidRecords: 28,
      organisations: 14,
      committedUsd: '1720153.00',
      disbursedUsd: '1295162.00',
    });
    const dash = (await get('/api/stats/dashboard?year=2022&province=04')).json();
    expect(dash.summary.changePct.committedUsd).toBe('19.3');
    expect(dash.summary.changePct.disbursedUsd).toBe('1.7');
    expect(dash.summary.activeOrganisations).toBe(14);
  });

  it('gives filtered figures that agree with a recomputation from raw transactions, locations and sectors', async () => {
    // Hà Nội (new 01, with the old provinces it absorbed) and health, for 2022: each transaction weighted by the
    // item's share in the province and in the sector.
    const { rows } = await sql<{ committed: string; disbursed: string; items: number; organisations: number }>`
      with place as (
        select l.aid_item_id, sum(l.share) / 100 as f from aid_locations l join provinces p on p.id = l.province_id
        where p.rolls_up_to = 'new34:01' group by 1),
      sector as (select aid_item_id, share / 100 as f from aid_sectors where sector_code = 'YTE')
      select coalesce(sum(t.amount_usd * p.f * s.f) filter (where t.kind = 'COMMITMENT'), 0)::text as committed,
        coalesce(sum(t.amount_usd * p.f * s.f) filter (where t.kind = 'DISBURSEMENT'), 0)::text as disbursed,
        count(distinct t.aid_item_id)::int as items, count(distinct i.organisation_id)::int as organisations
      from aid_transactions t join place p on p.aid_item_id = t.aid_item_id join sector s on s.aid_item_id = t.aid_item_id
        join aid_items i on i.id = t.aid_item_id
      where extract(year from t.tx_date) = 2022`.execute(ctx.db);
    const raw = rows[0]!;
    expect(raw.items).toBeGreaterThan(0);
    const dash = (await get('/api/stats/dashboard?year=2022&province=01&sector=YTE')).json();
    expect(dash.filters).toMatchObject({ province: 'new34:01', sector: 'YTE' });
    expect(dash.summary).toMatchObject({
      committedUsd: roundMoney(raw.committed),
      disbursedUsd: roundMoney(raw.disbursed),
      aidRecords: raw.items,
    });
    const hanoi = dash.byProvince.items.find((p: { id: string }) => p.id === 'new34:01');
    expect(hanoi).toMatchObject({ disbursedUsd: roundMoney(raw.disbursed), aidRecords: raw.items, organisations: raw.organisations });
    // Every breakdown of the filtered view adds up to its total.
    for (const parts of [dash.bySector.items, dash.byCountry, [...dash.byOrganisation.items, dash.byOrganisation.others]])
      expect(centsToString(sumCents(parts.map((p: { disbursedUsd: string }) => p.disbursedUsd)))).toBe(roundMoney(raw.disbursed));
    const records = (await get('/api/stats/records?year=2022&province=01&sector=YTE&pageSize=100')).json();
    expect(records.total).toBe(raw.items);
    expect(centsToString(sumCents(records.items.map((i: { disbursedUsd: string }) => i.disbursedUsd)))).toBe(roundMoney(raw.disbursed));
  });

  it('filters by region: the provinces of the region and nothing else', async () => {
    const all = (await get('/api/public/stats/by-province?year=2022')).json();
    const region = all.regions.find((r: { code: string }) => r.code === 'TDMNPB');
    const dash = (await get('/api/stats/dashboard?year=2022&region=TDMNPB')).json();
    // The public table rounds the region's share of the national total; the filtered view rounds the region's own sum.
    const diff = toCents(dash.summary.disbursedUsd) - toCents(region.disbursedUsd);
    expect(diff >= -1n && diff <= 1n).toBe(true);
    expect(
      dash.byProvince.items.filter((p: { region: string; disbursedUsd: string }) => p.region !== 'TDMNPB' && p.disbursedUsd !== '0.00'),
    ).toEqual([]);
  });

  it('names provinces in the language asked for and explains its definitions', async () => {
    const en = (await get('/api/public/stats/by-province?year=2022', { 'accept-language': 'en' })).json();
    expect(en.items.find((i: { code: string }) => i.code === '79').name).toBe('Ho Chi Minh City');
    const defs = (await get('/api/public/stats/definitions', { 'accept-language': 'en' })).json();
    expect(defs.items.map((d: { id: string }) => d.id)).toContain('regularlyActive');
  });

  it('rejects a malformed year with 400', async () => {
    expect((await get('/api/public/stats/summary?year=abc')).statusCode).toBe(400);
    expect((await get('/api/stats/dashboard?province=999')).statusCode).toBe(400);
  });
});

describe('demo registry', () => {
  it('keeps certificates within Decree 58: validity caps, representative offices in three cities, one per NGO', async () => {
    const { rows } = await sql<{ overlong: number; badOffice: number; twoOffices: number; countries: number; organisations: number }>`
      select
        (select count(*) from certificate_versions v join certificates c on c.id = v.certificate_id
          where v.valid_until >= (v.effective_from + case c.type when 'GDKVPDD' then interval '5 years' else interval '3 years' end)::date)::int as overlong,
        (select count(*) from certificate_versions v join certificates c on c.id = v.certificate_id
          where c.type = 'GDKVPDD' and v.office_province_id not in ('new34:01', 'new34:48', 'new34:79'))::int as "badOffice",
        (select count(*) from (select organisation_id from certificates where type = 'GDKVPDD' group by 1 having count(*) > 1) x)::int as "twoOffices",
        (select count(distinct country_code) from organisations)::int as countries,
        (select count(*) from organisations where synthetic)::int as organisations`.execute(ctx.db);
    expect(rows[0]).toMatchObject({ overlong: 0, badOffice: 0, twoOffices: 0, countries: 40 });
    expect(rows[0]!.organisations).toBeGreaterThanOrEqual(450);
    expect(rows[0]!.organisations).toBeLessThanOrEqual(600);
  });
});

describe('dashboard scope', () => {
  it('limits a province officer to the province and refuses another one', async () => {
    const officer = await ctx.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const own = (await ctx.call(officer, { method: 'GET', url: '/api/stats/dashboard?year=2022' })).json();
    expect(own.scope).toMatchObject({ kind: 'province', id: 'new34:04' });
    expect(own.summary.disbursedUsd).toBe('1295162.00');
    expect((await ctx.call(officer, { method: 'GET', url: '/api/stats/dashboard?year=2022&province=01' })).statusCode).toBe(403);
    const national = (await ctx.call(officer, { method: 'GET', url: '/api/stats/dashboard?year=2022&view=national' })).json();
    expect(national.summary.disbursedUsd).toBe('223700000.00');
  });

  it('limits a ministry officer to the aid it governs', async () => {
    const officer = await ctx.signInAs('agency', { agencyId: 'MOH' });
    const body = (await ctx.call(officer, { method: 'GET', url: '/api/stats/dashboard?year=2022' })).json();
    const { rows } = await sql<{
      d: string;
    }>`select coalesce(sum(t.amount_usd), 0)::text as d from aid_transactions t join aid_items i on i.id = t.aid_item_id
      where t.kind = 'DISBURSEMENT' and extract(year from t.tx_date) = 2022 and i.governing_agency_id = 'MOH'`.execute(ctx.db);
    expect(body.scope.kind).toBe('ministry');
    expect(body.summary.disbursedUsd).toBe(roundMoney(rows[0]!.d));
    expect(body.summary.registeredOrganisations).toBeNull();
  });

  it('lets only central officers pick another agency', async () => {
    const ngo = await ctx.signInAs('ngo', {
      organisationId: (await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'DEMO-0001').executeTakeFirstOrThrow()).id,
    });
    expect((await ctx.call(ngo, { method: 'GET', url: '/api/stats/dashboard?agency=MOH' })).statusCode).toBe(403);
    expect((await get('/api/stats/dashboard?agency=MOH')).statusCode).toBe(403);
    const central = await ctx.signInAs('central');
    expect(
      (await ctx.call(central, { method: 'GET', url: '/api/stats/dashboard?year=2022&agency=UBND:new34:04' })).json().summary.aidRecords,
    ).toBe(28);
  });

  it('lists the records behind a figure, adding up to it', async () => {
    const body = (await get('/api/stats/records?year=2022&province=04&pageSize=100')).json();
    expect(body.total).toBe(28);
    expect(centsToString(sumCents(body.items.map((i: { disbursedUsd: string }) => i.disbursedUsd)))).toBe('1295162.00');
  });
});
