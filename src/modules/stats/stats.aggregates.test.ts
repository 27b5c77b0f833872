import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

/** The aggregates against a recomputation from the transactions of counted items: rows that differ (none when consistent). */
async function drift() {
  const { rows: items } = await sql<{ n: number }>`
    with raw as (
      select t.aid_item_id, extract(year from t.tx_date)::int as year, i.organisation_id,
        coalesce(sum(t.amount_usd) filter (where t.kind = 'COMMITMENT'), 0) c, coalesce(sum(t.amount_usd) filter (where t.kind = 'DISBURSEMENT'), 0) d,
        count(*) filter (where t.kind = 'COMMITMENT') nc, count(*) filter (where t.kind = 'DISBURSEMENT') nd
      from aid_transactions t join aid_items i on i.id = t.aid_item_id where stats_counted_status(i.status) group by 1, 2, 3)
    select count(*)::int as n from raw full join stats_item_year s on s.aid_item_id = raw.aid_item_id and s.year = raw.year
    where s.aid_item_id is null or raw.aid_item_id is null or s.committed_usd <> raw.c or s.disbursed_usd <> raw.d
      or s.commitments <> raw.nc or s.disbursements <> raw.nd or s.organisation_id is distinct from raw.organisation_id`.execute(ctx.db);
  const { rows: orgs } = await sql<{ n: number }>`
    with raw as (
      select i.organisation_id, extract(year from t.tx_date)::int as year, sum(t.amount_usd) filter (where t.kind = 'DISBURSEMENT') d,
        count(*) filter (where t.kind = 'DISBURSEMENT') nd, count(distinct t.aid_item_id) items
      from aid_transactions t join aid_items i on i.id = t.aid_item_id where stats_counted_status(i.status) group by 1, 2)
    select count(*)::int as n from raw full join stats_org_year s on s.organisation_id is not distinct from raw.organisation_id and s.year = raw.year
    where s.year is null or raw.year is null or s.disbursed_usd <> coalesce(raw.d, 0) or s.disbursements <> raw.nd or s.aid_records <> raw.items`.execute(
    ctx.db,
  );
  return items[0]!.n + orgs[0]!.n + (await cellDrift());
}

/**
 * The item-year cells against a recomputation from transactions, locations (rolled up to the current provinces),
 * sectors, aid items and organisations: rows that differ.
 */
async function cellDrift() {
  const { rows } = await sql<{ n: number }>`
    with place as (
      select l.aid_item_id, p.rolls_up_to as province_id, np.region_code, sum(l.share) / sum(sum(l.share)) over (partition by l.aid_item_id) as f
      from aid_locations l join provinces p on p.id = l.province_id join provinces np on np.id = p.rolls_up_to group by 1, 2, 3),
    sector as (select aid_item_id, sector_code, share / sum(share) over (partition by aid_item_id) as f from aid_sectors),
    raw as (
      select t.aid_item_id, extract(year from t.tx_date)::int as year, i.organisation_id, coalesce(o.country_code, i.donor_country_code) as country,
        i.governing_agency_id as agency, p.province_id, p.region_code, x.sector_code,
        coalesce(sum(t.amount_usd) filter (where t.kind = 'COMMITMENT'), 0) * coalesce(p.f, 1) * coalesce(x.f, 1) as c,
        coalesce(sum(t.amount_usd) filter (where t.kind = 'DISBURSEMENT'), 0) * coalesce(p.f, 1) * coalesce(x.f, 1) as d
      from aid_transactions t join aid_items i on i.id = t.aid_item_id left join organisations o on o.id = i.organisation_id
        left join place p on p.aid_item_id = t.aid_item_id left join sector x on x.aid_item_id = t.aid_item_id
      where stats_counted_status(i.status)
      group by 1, 2, 3, 4, 5, 6, 7, 8, p.f, x.f)
    select count(*)::int as n from raw full join stats_item_cell c on c.aid_item_id = raw.aid_item_id and c.year = raw.year
      and c.province_id is not distinct from raw.province_id and c.sector_code is not distinct from raw.sector_code
    where c.aid_item_id is null or raw.aid_item_id is null or c.committed_usd <> raw.c or c.disbursed_usd <> raw.d
      or c.organisation_id is distinct from raw.organisation_id or c.country_code is distinct from raw.country
      or c.governing_agency_id is distinct from raw.agency or c.region_code is distinct from raw.region_code`.execute(ctx.db);
  return rows[0]!.n;
}

describe('statistics aggregates', () => {
  it('follow every kind of write to transactions and aid items, in the same transaction', async () => {
    const db = ctx.db;
    const [a, b] = await db
      .insertInto('organisations')
      .values([
        { code: 'AGG-A', name_original: 'A', country_code: 'US' },
        { code: 'AGG-B', name_original: 'B', country_code: 'JP' },
      ])
      .returning('id')
      .execute();
    const items = await db
      .insertInto('aid_items')
      .values([
        { code: 'AGG-1', modality: 'PROJECT', title_vi: 'Một', organisation_id: a!.id, status: 'IMPLEMENTING' },
        {
          code: 'AGG-2',
          modality: 'RELIEF',
          title_vi: 'Hai',
          organisation_id: null,
          other_donor_name: 'Một nhà tài trợ khác',
          status: 'COMPLETED',
        },
      ])
      .returning('id')
      .execute();
    const tx = (item: string, kind: 'COMMITMENT' | 'DISBURSEMENT', date: string, usd: string) => ({
      aid_item_id: item,
      kind,
      tx_date: date,
      amount: usd,
      currency: 'USD',
      amount_usd: usd,
      amount_vnd: '1',
    });
    await db
      .insertInto('aid_transactions')
      .values([
        tx(items[0]!.id, 'COMMITMENT', '2022-01-10', '1000.125'),
        tx(items[0]!.id, 'DISBURSEMENT', '2022-05-10', '400.5'),
        tx(items[0]!.id, 'DISBURSEMENT', '2023-02-01', '99.99'),
        tx(items[1]!.id, 'DISBURSEMENT', '2022-09-09', '12'),
      ])
      .execute();
    expect(await drift()).toBe(0);

    await db.updateTable('aid_transactions').set({ amount_usd: '410.75' }).where('amount_usd', '=', '400.5').execute();
    expect(await drift()).toBe(0);
    await db
      .updateTable('aid_transactions')
      .set({ tx_date: '2024-03-03', kind: 'COMMITMENT' })
      .where('tx_date', '=', '2023-02-01')
      .execute();
    expect(await drift()).toBe(0);
    await db.updateTable('aid_items').set({ organisation_id: b!.id }).where('code', '=', 'AGG-1').execute();
    expect(await drift()).toBe(0);
    await db.deleteFrom('aid_transactions').where('tx_date', '=', '2022-09-09').execute();
    expect(await drift()).toBe(0);

    // A rolled-back write leaves no trace in the aggregates.
    await db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('aid_transactions')
          .values(tx(items[0]!.id, 'DISBURSEMENT', '2022-07-07', '5'))
          .execute();
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await drift()).toBe(0);

    await db.deleteFrom('aid_items').where('code', '=', 'AGG-1').execute();
    expect(await drift()).toBe(0);
    const { rows } = await sql<{
      n: number;
    }>`select (select count(*) from stats_item_year) + (select count(*) from stats_org_year) as n`.execute(db);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('are read by the public summary, including donors that are not registered NGOs', async () => {
    const org = await ctx.db
      .insertInto('organisations')
      .values({ code: 'AGG-C', name_original: 'C', country_code: 'FR' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = await ctx.db
      .insertInto('aid_items')
      .values({ code: 'AGG-3', modality: 'PROJECT', title_vi: 'Ba', organisation_id: org.id, status: 'IMPLEMENTING' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await ctx.db
      .insertInto('aid_items')
      .values({ code: 'AGG-4', modality: 'PROJECT', title_vi: 'Bốn', other_donor_name: 'X', status: 'IMPLEMENTING' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('aid_transactions')
      .values([
        {
          aid_item_id: item.id,
          kind: 'DISBURSEMENT',
          tx_date: '2030-01-01',
          amount: '0.1',
          currency: 'USD',
          amount_usd: '0.1',
          amount_vnd: '1',
        },
        {
          aid_item_id: other.id,
          kind: 'DISBURSEMENT',
          tx_date: '2030-06-01',
          amount: '0.2',
          currency: 'USD',
          amount_usd: '0.2',
          amount_vnd: '1',
        },
      ])
      .execute();
    const body = (await ctx.app.inject({ method: 'GET', url: '/api/public/stats/summary?year=2030' })).json();
    expect(body).toMatchObject({ disbursedUsd: '0.30', activeOrganisations: 1, aidRecords: 2, synthetic: false });
  });

  it("keep each item's province and sector fractions in step with its locations and sectors", async () => {
    const item = await ctx.db
      .insertInto('aid_items')
      .values({ code: 'AGG-5', modality: 'PROJECT', title_vi: 'Năm', other_donor_name: 'Y', status: 'IMPLEMENTING' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('aid_locations')
      .values([
        { aid_item_id: item.id, province_id: 'old63:24', share: '60' },
        { aid_item_id: item.id, province_id: 'old63:27', share: '20' },
        { aid_item_id: item.id, province_id: 'old63:04', share: '20' },
      ])
      .execute();
    const places = () =>
      ctx.db
        .selectFrom('stats_item_place')
        .select(['province_id', 'fraction'])
        .where('aid_item_id', '=', item.id)
        .orderBy('province_id')
        .execute();
    // Bắc Giang (old 24) and Bắc Ninh (old 27) are one province now (new 24).
    expect((await places()).map((p) => [p.province_id, Number(p.fraction)])).toEqual([
      ['new34:04', 0.2],
      ['new34:24', 0.8],
    ]);
    await ctx.db
      .updateTable('aid_locations')
      .set({ share: '40' })
      .where('aid_item_id', '=', item.id)
      .where('province_id', '=', 'old63:04')
      .execute();
    expect((await places()).map((p) => p.fraction)).toEqual(['0.33333333333333333333', '0.66666666666666666667']);
    await ctx.db.deleteFrom('aid_locations').where('aid_item_id', '=', item.id).where('province_id', '=', 'old63:04').execute();
    // The remaining shares (60 + 20) no longer add up to 100: the item is normalised, all of it in new 24.
    expect(await places()).toEqual([{ province_id: 'new34:24', fraction: '1.00000000000000000000' }]);
    await ctx.db.insertInto('aid_sectors').values({ aid_item_id: item.id, sector_code: 'YTE', share: '100' }).execute();
    const sector = await ctx.db
      .selectFrom('stats_item_sector')
      .select('fraction')
      .where('aid_item_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(sector.fraction).toBe('1.00000000000000000000');
  });

  it('keep the province and sector cells in step with locations, sectors, governing agency and donor country', async () => {
    const db = ctx.db;
    const org = await db
      .insertInto('organisations')
      .values({ code: 'AGG-D', name_original: 'D', country_code: 'DE' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = await db
      .insertInto('aid_items')
      .values({
        code: 'AGG-6',
        modality: 'PROJECT',
        title_vi: 'Sáu',
        organisation_id: org.id,
        governing_agency_id: 'MOH',
        status: 'IMPLEMENTING',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tx = (date: string, usd: string) => ({
      aid_item_id: item.id,
      kind: 'DISBURSEMENT' as const,
      tx_date: date,
      amount: usd,
      currency: 'USD',
      amount_usd: usd,
      amount_vnd: '1',
    });
    // Transactions before any location or sector: one unallocated cell per year.
    await db
      .insertInto('aid_transactions')
      .values([tx('2031-02-01', '1000.01'), tx('2032-03-01', '77')])
      .execute();
    expect(await drift()).toBe(0);
    await db
      .insertInto('aid_locations')
      .values([
        { aid_item_id: item.id, province_id: 'old63:24', share: '25' },
        { aid_item_id: item.id, province_id: 'old63:27', share: '25' },
        { aid_item_id: item.id, province_id: 'new34:04', share: '50' },
      ])
      .execute();
    await db
      .insertInto('aid_sectors')
      .values([
        { aid_item_id: item.id, sector_code: 'YTE', share: '70' },
        { aid_item_id: item.id, sector_code: 'GDDT', share: '30' },
      ])
      .execute();
    expect(await drift()).toBe(0);
    const cells = () =>
      db
        .selectFrom('stats_item_cell')
        .select(['province_id', 'sector_code', 'disbursed_usd'])
        .where('aid_item_id', '=', item.id)
        .where('year', '=', 2031)
        .execute();
    expect(await cells()).toHaveLength(4);
    // The cells of an item-year add up exactly to it.
    const { rows } = await sql<{
      d: string;
    }>`select sum(disbursed_usd)::text as d from stats_item_cell where aid_item_id = ${item.id} and year = 2031`.execute(db);
    expect(Number(rows[0]!.d)).toBe(1000.01);

    await db.updateTable('aid_sectors').set({ share: '50' }).where('aid_item_id', '=', item.id).execute();
    expect(await drift()).toBe(0);
    await db.deleteFrom('aid_locations').where('aid_item_id', '=', item.id).where('province_id', '=', 'new34:04').execute();
    expect(await drift()).toBe(0);
    await db.updateTable('aid_items').set({ governing_agency_id: 'MOET', donor_country_code: 'AT' }).where('id', '=', item.id).execute();
    expect(await drift()).toBe(0);
    await db.updateTable('organisations').set({ country_code: 'FR' }).where('id', '=', org.id).execute();
    expect(await drift()).toBe(0);
    await db.updateTable('aid_items').set({ organisation_id: null, other_donor_name: 'Z' }).where('id', '=', item.id).execute();
    expect(await drift()).toBe(0);
    await db.deleteFrom('aid_transactions').where('aid_item_id', '=', item.id).where('tx_date', '=', '2032-03-01').execute();
    expect(await drift()).toBe(0);
    await db.deleteFrom('aid_items').where('id', '=', item.id).execute();
    expect(await drift()).toBe(0);
    expect(await cells()).toHaveLength(0);
  });
});
