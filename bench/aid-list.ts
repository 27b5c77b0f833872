/**
 * Aid list benchmark: p50 / p95 of `GET /api/aid` (filters, sort, page) over 20,000 synthetic aid items and
 * 1,000,000 transactions, on a temporary embedded PostgreSQL server (target: p95 under 100 ms).
 *
 *   npx tsx bench/aid-list.ts [--items 20000] [--transactions 1000000] [--requests 30] [--data-dir DIR]
 *
 * With --data-dir the embedded server's data is kept in DIR and reused by the next run (seeding takes minutes),
 * so the queries can be timed again, or examined with EXPLAIN, without seeding anew.
 *
 * Seeds organisations, aid items (locations in the old 63 provinces before 01/07/2025, the 34 current ones after),
 * sectors and transactions in bulk SQL; the transactions go through the real triggers that keep aid_item_totals
 * and aid_item_year_totals. Then it starts the real application on a loopback port, signs in officers of each
 * scope and times HTTP requests end to end (session, routing, validation, SQL, serialisation), per query kind.
 */
import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/types';
import { numberArg } from './lib/args';
import { fetchOk, runWhenMain, signedInCookie, startBenchApp, withBenchDatabase } from './lib/server';
import { describe, formatMs, measure, summarise } from './lib/timing';

const ITEMS = numberArg('items', 20_000);
const TRANSACTIONS = numberArg('transactions', 1_000_000);
const REQUESTS = numberArg('requests', 30);
const KEEP_DIR = process.argv.includes('--data-dir') ? process.argv[process.argv.indexOf('--data-dir') + 1] : undefined;
const ORGANISATIONS = 600;
const BATCH = 2_000;

/** Bulk-inserts organisations, aid items with locations and sectors, and the transactions (in batches). */
export async function seed(db: Kysely<Database>, items = ITEMS, transactions = TRANSACTIONS, log = console.log): Promise<void> {
  await sql`
    insert into organisations (code, name_original, name_en, country_code, synthetic)
    select 'BENCH-' || lpad(i::text, 4, '0'),
      (array['Hope','Bright','Clean Water','Green','Helping Hands','Friends'])[1 + i % 6] || ' ' || (array['Alliance','Foundation','Trust','Network'])[1 + (i / 6) % 4] || ' ' || i,
      null, (array['GB','US','DE','FR','JP','KR','AU','NL','SE','CH','CA','NO','DK','BE','IT'])[1 + i % 15], true
    from generate_series(1, ${ORGANISATIONS}) i`.execute(db);
  await sql`
    with o as (select id, country_code, (row_number() over (order by code) - 1)::int as n from organisations where code like 'BENCH-%'),
    g as (
      select i, (date '2012-01-01' + ((i::bigint * 7919) % 5050)::int) as approved from generate_series(1, ${items}) i)
    insert into aid_items (code, modality, title_vi, title_en, organisation_id, donor_country_code, governing_agency_id, status,
      approval_decision_number, approval_date, approval_legal_basis, planned_start, planned_end, actual_start, actual_end, synthetic)
    select 'BA-' || lpad(g.i::text, 6, '0'),
      (array['PROJECT','PROJECT','NON_PROJECT','PROGRAMME','RELIEF'])[1 + g.i % 5],
      (array['Nước sạch','Giáo dục','Y tế cơ sở','Sinh kế','Bảo vệ trẻ em','Phòng chống thiên tai'])[1 + g.i % 6] || ' cho cộng đồng ' || g.i,
      (array['Clean water','Education','Primary health','Livelihoods','Child protection','Disaster risk reduction'])[1 + g.i % 6] || ' for community ' || g.i,
      o.id, o.country_code,
      case when g.i % 3 = 0 then (array['MOH','MOET','MAE','MOF','MPI','MOLISA','MOHA'])[1 + g.i % 7]
           when g.approved < date '2025-07-01' then 'UBND:old63:' || (select code from provinces where scheme = 'old63' order by code offset g.i % 63 limit 1)
           else 'UBND:new34:' || (select code from provinces where scheme = 'new34' order by code offset g.i % 34 limit 1) end,
      case when g.i % 37 = 0 then 'PIPELINE' when g.i % 53 = 0 then 'CANCELLED' when g.i % 41 = 0 then 'APPROVED'
           when g.approved + 700 < date '2025-06-01' then 'COMPLETED' else 'IMPLEMENTING' end,
      g.i || '/QĐ-BENCH', g.approved,
      case when g.approved < date '2020-09-17' then 'D93_2009' when g.approved < date '2025-12-08' then 'D80_2020' else 'D313_2025' end,
      g.approved + 30, g.approved + 30 + 365 * (1 + g.i % 3),
      case when g.i % 41 = 0 then null else g.approved + 30 end,
      case when g.approved + 700 < date '2025-06-01' then g.approved + 30 + 365 * (1 + g.i % 3) end,
      true
    from g join o on o.n = g.i % ${ORGANISATIONS}`.execute(db);
  // 1 to 3 locations (distinct offsets), in the code scheme of the item's date; 1 or 2 sectors.
  await sql`
    with p as (select scheme, array_agg(id order by code) as ids from provinces group by scheme),
    i as (select id, approval_date, substr(code, 4)::int as n from aid_items where code like 'BA-%')
    insert into aid_locations (aid_item_id, province_id, share)
    select i.id, p.ids[1 + (i.n * 31 + k * 11) % cardinality(p.ids)],
      (case 1 + i.n % 3 when 1 then array[100] when 2 then array[60, 40] else array[50, 30, 20] end)[k + 1]
    from i join p on p.scheme = case when i.approval_date < date '2025-07-01' then 'old63' else 'new34' end
    cross join lateral generate_series(0, i.n % 3) k`.execute(db);
  await sql`
    with s as (select array_agg(code order by sort) as codes from sectors),
    i as (select id, substr(code, 4)::int as n from aid_items where code like 'BA-%')
    insert into aid_sectors (aid_item_id, sector_code, share)
    select i.id, s.codes[1 + (i.n + k * 5) % 12], case when i.n % 2 = 0 then 100 when k = 0 then 70 else 30 end
    from i cross join s cross join lateral generate_series(0, case when i.n % 2 = 0 then 0 else 1 end) k`.execute(db);
  log(`  ${items} aid items with locations and sectors`);

  // Transactions: 2 commitments then disbursements, weekly from the planned start, in five currencies, converted
  // at the yearly reference rates (the latest on or before each date); inserted through the aggregate triggers.
  const perItem = Math.max(1, Math.round(transactions / items));
  for (let from = 1; from <= items; from += BATCH) {
    await sql`
      insert into aid_transactions (aid_item_id, kind, tx_date, amount, currency, amount_usd, amount_vnd, rate_date, source)
      select x.id, x.kind, x.tx_date, x.amount, x.currency, x.amount * r.usd_per_unit, x.amount * r.vnd_per_unit, r.rate_date, 'DEMO'
      from (
        select i.id, case when j <= 2 then 'COMMITMENT' else 'DISBURSEMENT' end as kind,
          least(i.planned_start + j * 7, date '2026-10-31') as tx_date,
          (((i.n::bigint * 37 + j * 101) % 90000) + 1000 + (j % 100) / 100.0)::numeric as amount,
          (array['USD','EUR','GBP','JPY','AUD'])[1 + i.n % 5] as currency
        from (select id, planned_start, substr(code, 4)::int as n from aid_items where code like 'BA-%' and substr(code, 4)::int between ${from} and ${from + BATCH - 1}) i
        cross join generate_series(1, ${perItem}) j) x
      join exchange_rates r on r.currency = x.currency and r.rate_date = make_date(extract(year from x.tx_date)::int, 1, 1)`.execute(db);
  }
  await sql`analyze`.execute(db);
}

/** What an officer of each scope asks the list for (the UI's page size is 25). */
const SCENARIOS: [string, string, string][] = [
  ['central', 'page 1, by code', ''],
  ['central', 'year, committed desc', 'year=2023&sort=committedUsd&order=desc'],
  ['central', 'province roll-up', 'province=new34:08&sort=disbursedUsd&order=desc'],
  ['central', 'province + year', 'province=new34:79&year=2024'],
  ['central', 'modality + status', 'modality=PROJECT&status=IMPLEMENTING&sort=approvalDate&order=desc'],
  ['central', 'status LAPSED', 'status=LAPSED'],
  ['central', 'sector + country', 'sector=YTE&donorCountry=JP&sort=committedUsd&order=desc'],
  ['central', 'text search', 'q=nuoc%20sach%20cho'],
  ['central', 'organisation', 'organisationId=ORG'],
  ['central', 'deep page', 'page=400'],
  ['central', 'title sort, page 50', 'sort=title&page=50'],
  ['province', 'own province', ''],
  ['province', 'own, year, disbursed', 'year=2024&sort=disbursedUsd&order=desc'],
  ['ministry', 'governed (MPI → MOF)', 'sort=committedUsd&order=desc'],
  ['ngo', 'own items', ''],
];

async function main() {
  await withBenchDatabase(
    async (bench) => {
      const db = bench.handle.db;
      const started = Date.now();
      const seeded = await db.selectFrom('aid_items').select('id').where('code', 'like', 'BA-%').limit(1).executeTakeFirst();
      if (!seeded) {
        console.log('seeding…');
        await seed(db);
      }
      const counts = (
        await sql<{
          items: number;
          tx: number;
        }>`select (select count(*) from aid_items)::int as items, (select count(*) from aid_transactions)::int as tx`.execute(db)
      ).rows[0]!;
      console.log(
        `seeded ${counts.items} aid items, ${counts.tx} transactions in ${((Date.now() - started) / 1000).toFixed(1)} s (PostgreSQL ${await bench.handle.serverVersion()}, embedded)`,
      );

      const app = await startBenchApp(bench);
      const org = await db.selectFrom('organisations').select('id').where('code', '=', 'BENCH-0007').executeTakeFirstOrThrow();
      const scopes = {
        central: { role: 'central' },
        province: { role: 'agency', agency_id: 'UBND:new34:08' },
        ministry: { role: 'agency', agency_id: 'MOF' },
        ngo: { role: 'ngo', organisation_id: org.id },
      } as const;
      const cookies: Record<string, string> = {};
      for (const [name, scope] of Object.entries(scopes)) {
        cookies[name] = await signedInCookie(bench, app.base, { username: `bench.${name}`, ...scope });
      }
      const fmt = (ms: number) => formatMs(ms, 6);
      const all: number[] = [];
      console.log(
        `\n${'scope'.padEnd(9)} ${'query'.padEnd(22)} ${'matches'.padStart(8)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`,
      );
      for (const [scope, label, query] of SCENARIOS) {
        let total = 0;
        const url = `${app.base}/api/aid?pageSize=25&${query.replace('ORG', org.id)}`;
        const timing = await measure(
          REQUESTS,
          async () => (total = ((await (await fetchOk(url, { cookie: cookies[scope]! })).json()) as { total: number }).total),
          5,
        );
        all.push(...timing.samples);
        console.log(
          `${scope.padEnd(9)} ${label.padEnd(22)} ${String(total).padStart(8)} ${fmt(timing.p50)} ${fmt(timing.p95)} ${fmt(timing.max)}`,
        );
      }
      console.log(`\nall ${all.length} requests: ${describe(summarise(all), 100)}; load average ${os.loadavg()[0]!.toFixed(1)}`);
      await app.close();
    },
    { keepDir: KEEP_DIR },
  );
}

runWhenMain(import.meta.url, main);
