/**
 * National dashboard benchmark: p50 / p95 of `GET /api/stats/dashboard?year=2022` (key figures, ten-year trend,
 * breakdowns by province, region, sector, country and NGO) over 1,000,000 aid transactions, on a temporary
 * embedded PostgreSQL server. Target: p95 under 150 ms.
 *
 *   npx tsx bench/dashboard.ts [--transactions 1000000] [--items 25000] [--requests 100]
 *
 * The dashboard reads item-year aggregates, so its cost follows the number of aid items active in the year, not
 * the number of transactions: 25,000 bench items carry 40 transactions each (about monthly over three years).
 * Try --items 60000 for a registry with many small items (roughly 1.6 times slower).
 * BENCH_DATABASE_URL=postgres://… runs on that server and reuses a database an earlier run loaded.
 *
 * Loads the calibrated demo data, then adds bulk items (each running three years) and transactions with SQL
 * (the aggregate triggers run per statement, as for any write), starts the real application on a loopback port
 * and times HTTP requests end to end. For comparison it times the full-scan GROUP BY the aggregates avoid, and
 * checks that a new transaction shows at once (the aggregates are never stale).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../src/app';
import { openDatabase } from '../src/db/connect';
import { seedDemo } from '../src/db/demo/seed';
import { migrate } from '../src/db/migrate';
import type { Database } from '../src/db/types';
import { testConfig } from '../test/support/test-app';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TRANSACTIONS = arg('transactions', 1_000_000);
const ITEMS = arg('items', 25_000);
const REQUESTS = arg('requests', 100);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (t: number) => `${t.toFixed(1)} ms`;

/** The calibrated demo data, then bulk items (each running three years) and transactions up to TRANSACTIONS. */
async function load(db: Kysely<Database>): Promise<void> {
  let t = Date.now();
  await seedDemo(db);
  console.log(`demo data: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  t = Date.now();
  await sql`
    insert into aid_items (id, code, modality, title_vi, organisation_id, donor_country_code, status, planned_start, synthetic)
    select gen_random_uuid(), 'BENCH-' || g, 'PROJECT', 'Khoản viện trợ thử tải ' || g, o.a[1 + g % array_length(o.a, 1)], 'US', 'IMPLEMENTING',
      make_date(2015 + g % 11, 1 + g % 12, 1), true
    from generate_series(1, ${ITEMS}) g, (select array_agg(id order by code) a from organisations) o`.execute(db);
  await sql`
    insert into aid_locations (aid_item_id, province_id, share)
    select i.id, p.a[1 + abs(hashtext(i.code)) % array_length(p.a, 1)], 100
    from aid_items i, (select array_agg(id order by id) a from provinces where scheme = 'old63') p where i.code like 'BENCH-%'`.execute(db);
  await sql`
    insert into aid_sectors (aid_item_id, sector_code, share)
    select i.id, s.a[1 + abs(hashtext(i.code)) % array_length(s.a, 1)], 100
    from aid_items i, (select array_agg(code order by code) a from sectors) s where i.code like 'BENCH-%'`.execute(db);
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

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-bench-dashboard-'));
  const handle = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir });
  try {
    await migrate(handle.pool);
    const db = handle.db;
    const { rows: already } = await sql<{ n: number }>`select count(*)::int as n from aid_transactions`.execute(db);
    // With BENCH_DATABASE_URL, a database loaded by an earlier run is reused as it is.
    if (already[0]!.n < TRANSACTIONS) await load(db);
    // What autovacuum does on a live server after a bulk load (visibility map for index-only scans, statistics).
    await sql`vacuum analyze`.execute(db);
    const { rows: counts } = await sql<{ tx: number; items: number; itemYears: number }>`
      select (select count(*) from aid_transactions)::int as tx, (select count(*) from aid_items)::int as items, (select count(*) from stats_item_year)::int as "itemYears"`.execute(
      db,
    );
    console.log(
      `data: ${counts[0]!.tx.toLocaleString('en')} transactions, ${counts[0]!.items.toLocaleString('en')} aid items, ${counts[0]!.itemYears.toLocaleString('en')} item-year aggregate rows`,
    );

    const t = performance.now();
    await sql`select extract(year from tx_date) y, kind, sum(amount_usd) from aid_transactions group by 1, 2`.execute(db);
    console.log(`for comparison, a full-scan GROUP BY over aid_transactions: ${ms(performance.now() - t)}`);

    const app = await buildApp({ db, database: handle, config: { ...testConfig, dataDir } }, { web: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const time = async (url: string) => {
      const start = performance.now();
      const response = await fetch(base + url);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return performance.now() - start;
    };
    for (const [label, url] of [
      ['national dashboard (target p95 < 150 ms)', '/api/stats/dashboard?year=2022'],
      ['public summary', '/api/public/stats/summary?year=2022'],
      ['public by-province', '/api/public/stats/by-province?year=2022'],
      ['dashboard filtered by sector', '/api/stats/dashboard?year=2022&sector=YTE'],
    ] as const) {
      for (let i = 0; i < 5; i++) await time(url);
      const samples: number[] = [];
      for (let i = 0; i < REQUESTS; i++) samples.push(await time(url));
      samples.sort((a, b) => a - b);
      console.log(`${label}: p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))} (${REQUESTS} requests)`);
    }

    // Never stale: a transaction written now is in the next answer.
    const before = (await (await fetch(`${base}/api/public/stats/summary?year=2022`)).json()) as { disbursedUsd: string };
    await sql`insert into aid_transactions (aid_item_id, kind, tx_date, amount, currency, amount_usd, amount_vnd, source)
      select id, 'DISBURSEMENT', '2022-06-01', 0.01, 'USD', 0.01, 250, 'MANUAL' from aid_items where code like 'BENCH-%' limit 1`.execute(
      db,
    );
    const after = (await (await fetch(`${base}/api/public/stats/summary?year=2022`)).json()) as { disbursedUsd: string };
    console.log(`fresh after a write: ${before.disbursedUsd} → ${after.disbursedUsd}`);
    await app.close();
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
