/**
 * Directory search benchmark: p50 / p95 of `GET /api/public/organisations` over 10,000 synthetic organisations,
 * on a temporary embedded PostgreSQL server (target: p95 under 30 ms).
 *
 *   npx tsx bench/directory-search.ts [--organisations 10000] [--requests 40]
 *
 * Seeds the organisations with certificates (status periods, versions) in bulk SQL, starts the real application on
 * a loopback port and times HTTP requests end to end (routing, validation, SQL, serialisation), per query kind.
 */
import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/types';
import { numberArg } from './lib/args';
import { fetchOk, runWhenMain, startBenchApp, withBenchDatabase } from './lib/server';
import { describe, formatMs, measure, summarise, type Timing } from './lib/timing';

const ORGANISATIONS = numberArg('organisations', 10_000);
const REQUESTS = numberArg('requests', 40);

/** Realistic queries: unaccented Vietnamese words, English words, acronyms, word prefixes, filters, deep pages. */
const QUERIES: [string, string][] = [
  ['unaccented vi phrase', 'q=cuu%20tro%20tre%20em'],
  ['accented vi phrase', 'q=ch%C4%83m%20s%C3%B3c%20ng%C6%B0%E1%BB%9Di%20cao%20tu%E1%BB%95i'],
  ['english words', 'q=clean%20water%20partners'],
  ['single short word', 'q=hope'],
  ['acronym', 'q=ABC'],
  ['name with number', 'q=hope%20women%204243'],
  ['word prefixes', 'q=wom%20allia'],
  ['country filter', 'country=JP'],
  ['no query, page 1', 'page=1&pageSize=20'],
  ['no query, page 200', 'page=200&pageSize=20'],
  ['province filter', 'province=new34:04'],
  ['sector + status', 'sector=YTE&status=ACTIVE'],
  ['query + filters', 'q=tre%20em&certificateType=GDKHD&status=ACTIVE&province=new34:79'],
];

/** Bulk-inserts the synthetic organisations with their certificates, versions and status periods. */
export async function seed(kysely: Kysely<Database>, organisations = ORGANISATIONS): Promise<void> {
  await sql`
    insert into organisations (code, name_original, name_en, name_vi, acronym, country_code, synthetic)
    select 'BENCH-' || lpad(i::text, 6, '0'),
      (array['Save','Help','Care','Hope','Bright','Green','Clean','Global','United','Friends'])[1 + i % 10] || ' '
        || (array['Children','Water','Health','Education','Women','Forest','Families','Villages','Rivers','Schools','Elders','Farmers'])[1 + (i / 10) % 12] || ' '
        || (array['International','Foundation','Partners','Alliance','Network','Trust','Society','Fund'])[1 + (i / 120) % 8] || ' ' || i,
      case when i % 3 = 0 then null else (array['Save','Help','Care','Hope'])[1 + i % 4] || ' the ' || (array['Children','Water','Health','Education','Women'])[1 + i % 5] || ' ' || i end,
      case when i % 4 = 3 then null else 'Tổ chức ' || (array['Cứu trợ','Hỗ trợ','Phát triển','Bảo vệ','Chăm sóc','Giáo dục','Y tế','Môi trường'])[1 + i % 8] || ' '
        || (array['trẻ em','phụ nữ','người khuyết tật','nông thôn','cộng đồng','người cao tuổi','rừng','nước sạch'])[1 + (i / 8) % 8] || ' '
        || (array['Quốc tế','Hòa Bình','Ánh Sáng','Hy Vọng','Bền Vững'])[1 + (i / 64) % 5] || ' ' || i end,
      chr(65 + i % 26) || chr(65 + (i / 26) % 26) || chr(65 + (i / 676) % 26),
      (array['GB','US','DE','FR','JP','KR','AU','NL','SE','CH','CA','NO','DK','BE','IT'])[1 + i % 15],
      true
    from generate_series(1, ${organisations}) i`.execute(kysely);
  // One operation certificate each, every fifth also a representative office; issued 2019–2025, 3/5-year terms.
  await sql`
    insert into certificates (organisation_id, type, number)
    select o.id, t.type, t.type || '-BENCH-' || o.code
    from organisations o
    cross join lateral (select 'GDKHD' as type union all select 'GDKVPDD' where right(o.code, 1) in ('0', '5')) t`.execute(kysely);
  await sql`
    with c as (
      select c.id, c.organisation_id, c.type, (date '2019-01-01' + (abs(hashtext(c.number)) % 2500))::date as issued
      from certificates c)
    , e as (
      insert into certificate_events (certificate_id, seq, kind, effective_date, decision_number, decision_date, legal_ground, changes)
      select id, 1, 'ISSUED', issued, 'BENCH/' || id, issued, 'Nghị định 58/2022/NĐ-CP', '{}' from c returning id, certificate_id)
    insert into certificate_versions (certificate_id, version, effective_from, issue_date, valid_until, office_province_id, province_ids, sector_codes, event_id)
    select c.id, 1, c.issued, c.issued,
      (c.issued + case when c.type = 'GDKHD' then interval '3 years' else interval '5 years' end)::date,
      case when c.type = 'GDKVPDD' then 'new34:01' end,
      array(select p.id from provinces p where p.scheme = 'new34' order by md5(p.id || c.id::text) limit 1 + abs(hashtext(c.id::text)) % 3),
      array(select s.code from sectors s order by md5(s.code || c.id::text) limit 1 + abs(hashtext(c.id::text)) % 2),
      e.id
    from c join e on e.certificate_id = c.id`.execute(kysely);
  await sql`
    insert into certificate_status_periods (certificate_id, organisation_id, status, period)
    select v.certificate_id, c.organisation_id, 'ACTIVE', daterange(v.issue_date, v.valid_until + 1)
    from certificate_versions v join certificates c on c.id = v.certificate_id
    union all
    select v.certificate_id, c.organisation_id, 'EXPIRED', daterange(v.valid_until + 1, null)
    from certificate_versions v join certificates c on c.id = v.certificate_id`.execute(kysely);
  await sql`analyze`.execute(kysely);
}

async function main() {
  await withBenchDatabase(async (bench) => {
    const started = Date.now();
    await seed(bench.handle.db);
    const counts = await sql<{
      o: number;
      c: number;
    }>`select (select count(*) from organisations)::int as o, (select count(*) from certificates)::int as c`.execute(bench.handle.db);
    console.log(
      `seeded ${counts.rows[0]!.o} organisations, ${counts.rows[0]!.c} certificates in ${((Date.now() - started) / 1000).toFixed(1)} s (PostgreSQL ${await bench.handle.serverVersion()}, embedded)`,
    );

    const app = await startBenchApp(bench);
    const search = `${app.base}/api/public/organisations?`;
    const fmt = (ms: number) => formatMs(ms, 6);
    const row = (label: string, matches: string, t: Timing) =>
      console.log(`${label.padEnd(22)} ${matches.padStart(8)} ${fmt(t.p50)} ${fmt(t.p95)} ${fmt(t.max)}`);

    const all: number[] = [];
    console.log(`\n${'query'.padEnd(22)} ${'matches'.padStart(8)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}`);
    for (const [label, query] of QUERIES) {
      let total = 0;
      const timing = await measure(
        REQUESTS,
        async () => (total = ((await (await fetchOk(search + query)).json()) as { total: number }).total),
        5,
      );
      all.push(...timing.samples);
      row(label, String(total), timing);
    }
    // The floor of this machine right now: a trivial API call (one tiny query), timed the same way.
    row('(baseline: regions)', '', await measure(REQUESTS, () => fetchOk(`${app.base}/api/reference/regions`)));
    const overall = summarise(all);
    console.log(
      `\nall ${all.length} search requests: ${describe(overall, 30)}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
    );
    await app.close();
  });
}

runWhenMain(import.meta.url, main);
