import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { seedDemo } from '@db/demo/seed';
import { centsToString, roundMoney, toCents } from '@domain/money/decimal';
import { buildAidItem, buildOrganisation } from '@modules/aid/aid.fixtures';

/** Issue 15, Contract: period and part-year summaries and the regions of either scheme, on the calibrated demo. */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db);
}, 180_000);
afterAll(async () => ctx?.close());

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });
const ok = async (url: string, headers: Record<string, string> = {}) => {
  const response = await get(url, headers);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const sumCents = (values: string[]) => centsToString(values.reduce((a, v) => a + toCents(v), 0n));
type Part = { code: string; name: string; committedUsd: string; disbursedUsd: string; aidRecords: number; organisations: number };

/** Money and items of counted aid between two dates, and the NGOs that disbursed then, straight from the transactions. */
async function rawSpan(from: string, to: string) {
  const { rows } = await sql<{ committed: string; disbursed: string; items: number; disbursing: number }>`
    select coalesce(sum(t.amount_usd) filter (where t.kind = 'COMMITMENT'), 0)::text as committed,
      coalesce(sum(t.amount_usd) filter (where t.kind = 'DISBURSEMENT'), 0)::text as disbursed,
      count(distinct t.aid_item_id)::int as items,
      count(distinct i.organisation_id) filter (where t.kind = 'DISBURSEMENT')::int as disbursing
    from aid_transactions t join aid_items i on i.id = t.aid_item_id
    where t.tx_date between ${from}::date and ${to}::date and i.status in ('APPROVED', 'IMPLEMENTING', 'COMPLETED')`.execute(ctx.db);
  return rows[0]!;
}

describe('period summary (from–to)', () => {
  it('sums money and records over 2020–2024 (1.14 bn USD disbursed) and counts each organisation once', async () => {
    const years = await Promise.all([2020, 2021, 2022, 2023, 2024].map((y) => ok(`/api/public/stats/summary?year=${y}`)));
    const period = await ok('/api/public/stats/summary?from=2020&to=2024');
    expect(period.disbursedUsd).toBe(sumCents(years.map((y) => y.disbursedUsd)));
    expect(period.disbursedUsd).toBe('1136000000.00');
    expect(period.committedUsd).toBe(sumCents(years.map((y) => y.committedUsd)));
    expect(period.aidRecords).toBe(years.reduce((a, y) => a + y.aidRecords, 0));
    expect([period.from, period.to, period.year]).toEqual([2020, 2024, 2024]);

    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from (
        select i.organisation_id from aid_transactions t join aid_items i on i.id = t.aid_item_id
        where t.kind = 'DISBURSEMENT' and t.tx_date between '2020-01-01' and '2024-12-31' and i.organisation_id is not null
          and i.status in ('APPROVED', 'IMPLEMENTING', 'COMPLETED')
        union select organisation_id from ngo_reports where report_year between 2020 and 2024 and status in ('SUBMITTED', 'ACCEPTED')) u`.execute(
      ctx.db,
    );
    expect(period.activeOrganisations).toBe(rows[0]!.n);
    expect(period.activeOrganisations).toBeLessThan(years.reduce((a, y) => a + y.activeOrganisations, 0));
    expect(period.activeOrganisations).toBeGreaterThanOrEqual(Math.max(...years.map((y) => y.activeOrganisations)));
    // The period before has the same length: 2015–2019.
    expect(period.previous.year).toBe(2019);
    const before = await ok('/api/public/stats/summary?from=2015&to=2019');
    expect(period.previous.disbursedUsd).toBe(before.disbursedUsd);
  });

  it('a one-year period is the year', async () => {
    const [year, period] = await Promise.all([
      ok('/api/public/stats/summary?year=2022'),
      ok('/api/public/stats/summary?from=2022&to=2022'),
    ]);
    for (const key of ['activeOrganisations', 'registeredOrganisations', 'committedUsd', 'disbursedUsd', 'aidRecords'])
      expect(period[key], key).toEqual(year[key]);
  });
});

describe('part-year summary (year + asOf)', () => {
  it('gives 396 regularly active NGOs in the first eight months of 2023, and the money of that span', async () => {
    const part = await ok('/api/public/stats/summary?year=2023&asOf=2023-08-31');
    expect(part.activeOrganisations).toBe(396);
    expect(part.asOf).toBe('2023-08-31');
    expect(part.referenceDate).toBe('2023-08-31');
    const raw = await rawSpan('2023-01-01', '2023-08-31');
    expect([part.committedUsd, part.disbursedUsd, part.aidRecords]).toEqual([
      roundMoney(raw.committed),
      roundMoney(raw.disbursed),
      raw.items,
    ]);
    const prev = await rawSpan('2022-01-01', '2022-08-31');
    expect([part.previous.year, part.previous.disbursedUsd, part.previous.activeOrganisations]).toEqual([
      2022,
      roundMoney(prev.disbursed),
      prev.disbursing,
    ]);
    // The whole year's published figures are untouched.
    const year = await ok('/api/public/stats/summary?year=2023');
    expect(year.disbursedUsd).toBe('228600000.00');
    expect(part.activeOrganisations).toBeLessThan(year.activeOrganisations);
  });

  it('up to 31 December gives the year', async () => {
    const [year, part] = await Promise.all([
      ok('/api/public/stats/summary?year=2022'),
      ok('/api/public/stats/summary?year=2022&asOf=2022-12-31'),
    ]);
    expect([part.committedUsd, part.disbursedUsd, part.aidRecords, part.activeOrganisations]).toEqual([
      year.committedUsd,
      year.disbursedUsd,
      year.aidRecords,
      year.activeOrganisations,
    ]);
  });
});

describe('by region', () => {
  it('historic scheme: in 2019–2022 the Red River Delta, the North Central region and the northern mountains lead', async () => {
    const body = await ok('/api/public/stats/by-region?from=2019&to=2022&scheme=historic', { 'accept-language': 'en' });
    expect(body.items.map((r: Part) => r.code)).toEqual(['TB', 'DB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL']);
    const ranked = [...body.items].sort((a: Part, b: Part) => Number(b.disbursedUsd) - Number(a.disbursedUsd)).map((r: Part) => r.code);
    const top = ranked.slice(0, 3);
    expect(top).toContain('DBSH');
    expect(top).toContain('BTB');
    expect(top.filter((code: string) => code === 'DB' || code === 'TB')).toHaveLength(1);
    expect(body.items.find((r: Part) => r.code === 'DBSH').name).toBe('Red River Delta');
    const vi = await ok('/api/public/stats/by-region?from=2019&to=2022&scheme=historic');
    expect(vi.items.find((r: Part) => r.code === 'DBSH').name).toBe('Đồng bằng sông Hồng');

    // Regions and the unallocated part add up to the period's national total to the cent.
    const period = await ok('/api/public/stats/summary?from=2019&to=2022');
    expect(sumCents([...body.items, body.unallocated].map((r: Part) => r.disbursedUsd))).toBe(period.disbursedUsd);
    expect(sumCents([...body.items, body.unallocated].map((r: Part) => r.committedUsd))).toBe(period.committedUsd);
    expect(body.total.disbursedUsd).toBe(period.disbursedUsd);
  });

  it("current scheme: today's six regions, the same as the province breakdown's regions for a year", async () => {
    const [regions, provinces] = await Promise.all([
      ok('/api/public/stats/by-region?from=2022&to=2022&scheme=current'),
      ok('/api/public/stats/by-province?year=2022'),
    ]);
    expect(regions.items).toHaveLength(6);
    const pick = (r: Part) => [r.code, r.disbursedUsd, r.committedUsd, r.aidRecords, r.organisations];
    expect([...regions.items].map(pick).sort()).toEqual([...provinces.regions].map(pick).sort());
    expect(regions.unallocated.disbursedUsd).toBe(provinces.unallocated.disbursedUsd);
  });

  it('puts aid recorded under a current province into a former region only when it lay wholly in one', async () => {
    const org = await buildOrganisation(ctx.db);
    // Phú Thọ (new34:25) merged Phú Thọ (North East), Vĩnh Phúc (Red River Delta) and Hòa Bình (North West).
    const merged = await buildAidItem(ctx.db, {
      organisation_id: org.id,
      provinces: [
        ['new34:25', '60'],
        ['new34:01', '40'],
      ],
    });
    await ctx.db
      .insertInto('aid_transactions')
      .values({
        aid_item_id: merged.id,
        kind: 'DISBURSEMENT',
        tx_date: '2045-05-05',
        amount: '1000',
        currency: 'USD',
        amount_usd: '1000',
        amount_vnd: '1',
      })
      .execute();
    const historic = await ok('/api/public/stats/by-region?from=2045&to=2045&scheme=historic');
    expect(historic.items.find((r: Part) => r.code === 'DBSH').disbursedUsd).toBe('400.00');
    expect(historic.unallocated.disbursedUsd).toBe('600.00');
    const current = await ok('/api/public/stats/by-region?from=2045&to=2045&scheme=current');
    expect(current.items.find((r: Part) => r.code === 'TDMNPB').disbursedUsd).toBe('600.00');
    expect(current.unallocated.disbursedUsd).toBe('0.00');

    // The former-region split follows a change of locations in the same write.
    await ctx.db.deleteFrom('aid_locations').where('aid_item_id', '=', merged.id).where('province_id', '=', 'new34:25').execute();
    const moved = await ok('/api/public/stats/by-region?from=2045&to=2045&scheme=historic');
    expect([moved.items.find((r: Part) => r.code === 'DBSH').disbursedUsd, moved.unallocated.disbursedUsd]).toEqual(['1000.00', '0.00']);
  });
});

describe('bad combinations', () => {
  it.each([
    ['/api/public/stats/summary?year=2022&from=2020&to=2022', 'stats_period_conflict'],
    ['/api/public/stats/summary?from=2020', 'stats_period_conflict'],
    ['/api/public/stats/summary?from=2020&to=2022&asOf=2022-05-01', 'stats_period_conflict'],
    ['/api/public/stats/summary?from=2024&to=2020', 'stats_period_reversed'],
    ['/api/public/stats/summary?year=2023&asOf=2022-08-31', 'stats_as_of_outside_year'],
    ['/api/public/stats/summary?year=2023&asOf=2023-02-30', 'validation_failed'],
    ['/api/public/stats/by-region?from=2024&to=2020', 'stats_period_reversed'],
    ['/api/public/stats/by-region?scheme=ancient', 'validation_failed'],
  ])('%s → 400 %s, in Vietnamese and English', async (url, code) => {
    const vi = await get(url);
    const en = await get(url, { 'accept-language': 'en' });
    expect([vi.statusCode, en.statusCode]).toEqual([400, 400]);
    expect([vi.json().error.code, en.json().error.code]).toEqual([code, code]);
    expect(vi.json().error.message).not.toBe(en.json().error.message);
  });

  it('names the dates and years in the message', async () => {
    const en = (await get('/api/public/stats/summary?year=2023&asOf=2022-08-31', { 'accept-language': 'en' })).json();
    expect(en.error.message).toBe('The date 2022-08-31 is not in the year 2023.');
  });
});
