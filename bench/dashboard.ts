/**
 * Dashboard benchmark: p50 / p95 of `GET /api/stats/dashboard` (key figures, ten-year trend, breakdowns by
 * province, region, sector, country and NGO) over 1,000,000 aid transactions, national, filtered (sector,
 * province, region, donor country, NGO) and scoped (a province officer, a ministry officer), on a temporary
 * embedded PostgreSQL server. Target: p95 under 150 ms for each.
 *
 *   npx tsx bench/dashboard.ts [--transactions 1000000] [--items 25000] [--requests 100] [--data-dir DIR]
 *
 * The dashboard reads aggregates kept by triggers (item-year rows, and item-year cells split by province and
 * sector carrying the donor, country and governing agency), so its cost follows the number of aid items active in
 * the years shown, not the number of transactions: 25,000 bench items carry 40 transactions each (about monthly
 * over three years), with 1 to 3 locations, 1 or 2 sectors and a governing ministry or province.
 * With --data-dir the embedded server's data is kept in DIR and reused by the next run; BENCH_DATABASE_URL=postgres://…
 * runs on that server (a database an earlier run loaded is reused as it is).
 *
 * Loads the calibrated demo data, then adds the bulk items and transactions with SQL (the aggregate triggers run
 * per statement, as for any write), starts the real application on a loopback port and times HTTP requests end
 * to end. For comparison it times the full-scan GROUP BY the aggregates avoid, and checks that a new transaction
 * shows at once in the national and in a filtered figure (the aggregates are never stale).
 */
import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import { seedDemo } from '../src/db/demo/seed';
import type { Database } from '../src/db/types';
import { byRegion, partYearSummary, periodSummary } from '../src/modules/stats/stats.period';
import { numberArg } from './lib/args';
import { fetchOk, runWhenMain, signedInCookie, startBenchApp, withBenchDatabase } from './lib/server';
import { describe, formatMs, measure } from './lib/timing';

const TRANSACTIONS = numberArg('transactions', 1_000_000);
const ITEMS = numberArg('items', 25_000);
const REQUESTS = numberArg('requests', 100);
const KEEP_DIR = process.argv.includes('--data-dir') ? process.argv[process.argv.indexOf('--data-dir') + 1] : undefined;
const TARGET_MS = 150;

/** The calibrated demo data, then bulk items (each running three years) and transactions up to TRANSACTIONS. */
async function load(db: Kysely<Database>): Promise<void> {
  let t = Date.now();
  await seedDemo(db);
  console.log(`demo data: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  t = Date.now();
  // A third governed by a ministry (MPI's aid now answers to MOF), the rest by the People's Committee of a province.
  await sql`
    insert into aid_items (id, code, modality, title_vi, organisation_id, donor_country_code, governing_agency_id, status, planned_start, synthetic)
    select gen_random_uuid(), 'BENCH-' || g, 'PROJECT', 'Khoản viện trợ thử tải ' || g, o.a[1 + g % array_length(o.a, 1)], 'US',
      case when g % 3 = 0 then (array['MOH','MOET','MAE','MOF','MPI','MOLISA','MOHA'])[1 + g % 7]
        else 'UBND:' || p.a[1 + g % array_length(p.a, 1)] end,
      'IMPLEMENTING', make_date(2015 + g % 11, 1 + g % 12, 1), true
    from generate_series(1, ${ITEMS}) g, (select array_agg(id order by code) a from organisations) o,
      (select array_agg(id order by code) a from provinces where scheme = 'new34') p`.execute(db);
  // 1 to 3 locations (distinct provinces of the old 63) and 1 or 2 sectors, with shares adding up to 100.
  await sql`
    with p as (select array_agg(id order by id) a from provinces where scheme = 'old63'),
    i as (select id, substr(code, 7)::int n from aid_items where code like 'BENCH-%')
    insert into aid_locations (aid_item_id, province_id, share)
    select i.id, p.a[1 + (i.n * 31 + k * 11) % 63], (case i.n % 3 when 0 then array[100] when 1 then array[60, 40] else array[50, 30, 20] end)[k + 1]
    from i, p, generate_series(0, i.n % 3) k`.execute(db);
  await sql`
    with s as (select array_agg(code order by sort) a from sectors),
    i as (select id, substr(code, 7)::int n from aid_items where code like 'BENCH-%')
    insert into aid_sectors (aid_item_id, sector_code, share)
    select i.id, s.a[1 + (i.n + k * 5) % array_length(s.a, 1)], case when i.n % 2 = 0 then 100 when k = 0 then 70 else 30 end
    from i, s, generate_series(0, i.n % 2) k`.execute(db);
  const { rows: existing } = await sql<{ n: number }>`select count(*)::int as n from aid_transactions`.execute(db);
  const toAdd = Math.max(0, TRANSACTIONS - existing[0]!.n);
  const chunk = 100_000;
  for (let from = 1; from <= toAdd; from += chunk) {
    const to = Math.min(toAdd, from + chunk - 1);
    // Each bench item runs for three years from its start year; amounts are exact decimals in USD.
    await sql`
      insert into aid_transactions (aid_item_id, kind, tx_date, amount, currency, amount_usd, amount_vnd, source)
      select it.a[1 + g % n.n], case when g % 4 = 0 then 'COMMITMENT' else 'DISBURSEMENT' end,
        least(make_date(2015 + (g % n.n) % 11, 1, 1) + ((g / n.n) * 37 % 1095)::int, date '2026-11-20'),
        (100 + g % 9973)::numeric, 'USD', (100 + g % 9973)::numeric, (100 + g % 9973)::numeric * 25000, 'DEMO'
      from generate_series(${from}::int, ${to}::int) g,
        (select array_agg(id order by code) a from aid_items where code like 'BENCH-%') it,
        (select count(*)::int n from aid_items where code like 'BENCH-%') n`.execute(db);
  }
  console.log(`bulk data: ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

type Scenario = { label: string; url: string; as?: 'province' | 'ministry' };
const SCENARIOS: Scenario[] = [
  { label: 'national dashboard', url: '/api/stats/dashboard?year=2022' },
  { label: 'public summary', url: '/api/public/stats/summary?year=2022' },
  { label: 'public by-province', url: '/api/public/stats/by-province?year=2022' },
  { label: 'filtered by sector', url: '/api/stats/dashboard?year=2022&sector=YTE' },
  { label: 'filtered by province', url: '/api/stats/dashboard?year=2022&province=08' },
  { label: 'filtered by region', url: '/api/stats/dashboard?year=2022&region=TDMNPB' },
  { label: 'filtered by country', url: '/api/stats/dashboard?year=2022&country=US' },
  { label: 'filtered by NGO', url: '/api/stats/dashboard?year=2022&organisation=ORG' },
  { label: 'sector + province filters', url: '/api/stats/dashboard?year=2022&sector=GDDT&province=79' },
  { label: 'province officer (scoped)', url: '/api/stats/dashboard?year=2022', as: 'province' },
  { label: 'ministry officer (MOF, scoped)', url: '/api/stats/dashboard?year=2022', as: 'ministry' },
  { label: 'ministry officer + sector', url: '/api/stats/dashboard?year=2022&sector=YTE', as: 'ministry' },
];

async function main() {
  await withBenchDatabase(
    async (bench) => {
      const db = bench.handle.db;
      const { rows: already } = await sql<{ n: number }>`select count(*)::int as n from aid_transactions`.execute(db);
      // A database loaded by an earlier run (--data-dir, BENCH_DATABASE_URL) is reused as it is.
      if (already[0]!.n < TRANSACTIONS) await load(db);
      // What autovacuum does on a live server after a bulk load (visibility map for index-only scans, statistics).
      await sql`vacuum analyze`.execute(db);
      const { rows: counts } = await sql<{ tx: number; items: number; itemYears: number; cells: number }>`
        select (select count(*) from aid_transactions)::int as tx, (select count(*) from aid_items)::int as items,
          (select count(*) from stats_item_year)::int as "itemYears", (select count(*) from stats_item_cell)::int as cells`.execute(db);
      const c = counts[0]!;
      const n = (v: number) => v.toLocaleString('en');
      console.log(
        `data: ${n(c.tx)} transactions, ${n(c.items)} aid items, ${n(c.itemYears)} item-year rows, ${n(c.cells)} item-year cells; PostgreSQL ${await bench.handle.serverVersion()}`,
      );

      const t = performance.now();
      await sql`select extract(year from tx_date) y, kind, sum(amount_usd) from aid_transactions group by 1, 2`.execute(db);
      console.log(`for comparison, a full-scan GROUP BY over aid_transactions: ${formatMs(performance.now() - t)}\n`);

      const app = await startBenchApp(bench);
      const cookies = {
        province: await signedInCookie(bench, app.base, { username: 'bench.province', role: 'agency', agency_id: 'UBND:new34:08' }),
        ministry: await signedInCookie(bench, app.base, { username: 'bench.ministry', role: 'agency', agency_id: 'MOF' }),
      };
      const org = await db
        .selectFrom('stats_org_year')
        .select('organisation_id')
        .where('year', '=', 2022)
        .where('organisation_id', 'is not', null)
        .orderBy('disbursed_usd', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      let missed = 0;
      for (const s of SCENARIOS) {
        const headers: Record<string, string> = s.as ? { cookie: cookies[s.as] } : {};
        const url = app.base + s.url.replace('ORG', org.organisation_id ?? '');
        const timing = await measure(REQUESTS, () => fetchOk(url, headers), 5);
        if (timing.p95 >= TARGET_MS) missed++;
        console.log(`${s.label.padEnd(32)} ${describe(timing, TARGET_MS)}`);
      }
      console.log(
        `\n${SCENARIOS.length - missed} of ${SCENARIOS.length} under ${TARGET_MS} ms p95 (${REQUESTS} requests each, one at a time); load average ${os.loadavg()[0]!.toFixed(1)}`,
      );

      // Period, part-year and by-region figures computed afresh (the public routes' in-memory cache bypassed).
      const fresh: [string, () => Promise<unknown>][] = [
        ['period 2020–2024 (service)', () => periodSummary(db, 2020, 2024)],
        ['2023 up to 31/08 (service)', () => partYearSummary(db, 2023, '2023-08-31')],
        ['by historic region 2019–2022', () => byRegion(db, { from: 2019, to: 2022, scheme: 'historic' }, 'en')],
        ['by current region 2019–2022', () => byRegion(db, { from: 2019, to: 2022, scheme: 'current' }, 'en')],
      ];
      for (const [label, run] of fresh) console.log(`${label.padEnd(32)} ${describe(await measure(REQUESTS, run, 5), TARGET_MS)}`);

      // Never stale: a transaction written now is in the next answer, nationally and under a filter.
      type Summary = { summary: { disbursedUsd: string } };
      const read = async (q: string) =>
        ((await (await fetchOk(`${app.base}/api/stats/dashboard?year=2022${q}`)).json()) as Summary).summary.disbursedUsd;
      const item = await db
        .selectFrom('aid_items as i')
        .innerJoin('aid_sectors as s', 's.aid_item_id', 'i.id')
        .select(['i.id', 's.sector_code'])
        .where('i.code', 'like', 'BENCH-%')
        .limit(1)
        .executeTakeFirstOrThrow();
      const before = [await read(''), await read(`&sector=${item.sector_code}`)];
      await db
        .insertInto('aid_transactions')
        .values({
          aid_item_id: item.id,
          kind: 'DISBURSEMENT',
          tx_date: '2022-06-01',
          amount: '100',
          currency: 'USD',
          amount_usd: '100',
          amount_vnd: '2500000',
          source: 'MANUAL',
        })
        .execute();
      const after = [await read(''), await read(`&sector=${item.sector_code}`)];
      console.log(`fresh after a write: national ${before[0]} → ${after[0]}; sector ${item.sector_code} ${before[1]} → ${after[1]}`);
      await app.close();
    },
    { databaseUrl: process.env.BENCH_DATABASE_URL, keepDir: KEEP_DIR },
  );
}

runWhenMain(import.meta.url, main);
