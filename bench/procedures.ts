/**
 * Procedures benchmark: p50 / p95 of the calendar contract routes and of the dossier worklist, overdue view and SLA
 * view (which recompute every clock with the working calendar) over N synthetic dossiers, on a temporary embedded
 * PostgreSQL server, through the real application on a loopback port.
 *
 *   npx tsx bench/procedures.ts [--dossiers 3000] [--requests 30]
 *
 * Targets (2-core machine): SLA view and overdue worklist p95 < 200 ms for 3,000 dossiers.
 */
import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/types';
import { numberArg } from './lib/args';
import { fetchOk, runWhenMain, signedInCookie, startBenchApp, withBenchDatabase } from './lib/server';
import { describe, formatMs, measure } from './lib/timing';

const DOSSIERS = numberArg('dossiers', 3000);
const REQUESTS = numberArg('requests', 30);
/** p95 targets of the issue, by route label. */
const TARGETS: Record<string, number> = { 'worklist (overdue)': 200, 'SLA view (all)': 200 };

/** Synthetic dossiers in the states after acceptance (where clocks are computed), with consultations and pauses. */
export async function seedDossiers(db: Kysely<Database>, dossiers: number): Promise<void> {
  await sql`insert into organisations (code, name_original, country_code, synthetic)
    select 'BENCH-' || lpad(i::text, 5, '0'), 'Bench NGO ' || i, 'GB', true from generate_series(1, 300) i`.execute(db);
  // Dossiers in the states after acceptance (where clocks are computed): the delivered quarter spread over the last
  // 400 days, the open ones accepted within the last 60 days (an open dossier is at most a few months old).
  await sql`
    insert into dossiers (code, organisation_id, procedure_code, procedure_version_id, status, clock, application,
      submitted_on, last_received_on, accepted_on, consultation_sent_on, opinions_complete_on, forwarded_on, decided_on, delivered_on)
    select 'HS-B-' || i, (select id from organisations order by code offset (i % 300) limit 1), 'NEW_GDKHD', 'NEW_GDKHD@D58-2022',
      s.status, case when s.status = 'DELIVERED' then 'STOPPED' else 'RUNNING' end, '{}',
      d, d, d + 2, d + 4, case when s.rank >= 2 then d + 18 end, case when s.rank >= 2 then d + 20 end,
      case when s.rank >= 3 then d + 30 end, case when s.rank >= 4 then d + 34 end
    from generate_series(1, ${dossiers}) i
    cross join lateral (select (current_date - case when i % 4 = 3 then i * 7919 % 400 else i * 7919 % 60 end)::date as d) dd
    cross join lateral (select (array['CONSULTING','FORWARDED_TO_MOFA','APPROVED','DELIVERED'])[1 + i % 4] as status, 1 + i % 4 as rank) s`.execute(
    db,
  );
  await sql`insert into dossier_consultations (dossier_id, agency_id, basis, status, requested_on, due_working_days, answered_on)
    select d.id, a.id, 'AGENCY:' || a.id, case when d.status = 'CONSULTING' and a.id = 'MOH' then 'PENDING' else 'ANSWERED' end,
      d.consultation_sent_on, 10, case when d.status = 'CONSULTING' and a.id = 'MOH' then null else d.consultation_sent_on + 9 end
    from dossiers d cross join (select id from agencies where id in ('MPS', 'MOF', 'MOHA', 'MOH')) a`.execute(db);
  await sql`insert into dossier_pauses (dossier_id, from_date, to_date, reason)
    select id, accepted_on + 5, accepted_on + 9, 'SUPPLEMENT' from dossiers where right(code, 1) = '7'`.execute(db);
  await sql`analyze`.execute(db);
}

async function main() {
  await withBenchDatabase(async (bench) => {
    await seedDossiers(bench.handle.db, DOSSIERS);
    const app = await startBenchApp(bench);
    try {
      const cookie = await signedInCookie(bench, app.base, { username: 'bench', role: 'central' });
      const anyId = (await bench.handle.db.selectFrom('dossiers').select('id').limit(1).executeTakeFirstOrThrow()).id;
      const routes: [string, string][] = [
        ['add-working-days', '/api/calendar/add-working-days?from=2026-02-13&days=30'],
        ['non-working-days', '/api/calendar/non-working-days?year=2026'],
        ['worklist (open, page 1)', '/api/dossiers?view=open'],
        ['worklist (overdue)', '/api/dossiers?view=overdue'],
        ['dossier page', `/api/dossiers/${anyId}`],
        ['SLA view (all)', '/api/procedures/sla'],
      ];
      console.log(`${DOSSIERS} dossiers, ${DOSSIERS * 4} consultations (PostgreSQL ${await bench.handle.serverVersion()}, embedded)\n`);
      for (const [label, url] of routes) {
        const get = () => fetchOk(app.base + url, { cookie });
        // The first call builds the calendar index and computes every clock; later ones reuse what is remembered.
        const started = performance.now();
        await get();
        const first = performance.now() - started;
        const timing = await measure(REQUESTS, get, 2);
        console.log(`${label.padEnd(26)} first ${formatMs(first, 7)}, ${describe(timing, TARGETS[label])}`);
      }
      console.log(`\nload average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
    } finally {
      await app.close();
    }
  });
}

runWhenMain(import.meta.url, main);
