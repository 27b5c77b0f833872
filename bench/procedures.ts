/**
 * Procedures benchmark: p50 / p95 of the calendar contract routes and of the dossier worklist, overdue view and SLA
 * view (which recompute every clock with the working calendar) over N synthetic dossiers, on a temporary embedded
 * PostgreSQL server, through the real application on a loopback port.
 *
 *   npx tsx bench/procedures.ts [--dossiers 3000] [--requests 30]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { openDatabase } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { hashPassword } from '../src/modules/auth/password';
import { testConfig } from '../test/support/test-app';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DOSSIERS = arg('dossiers', 3000);
const REQUESTS = arg('requests', 30);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-bench-'));
  const handle = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    await migrate(handle.pool);
    const db = handle.db;
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
      from generate_series(1, ${DOSSIERS}) i
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
    await db
      .insertInto('users')
      .values({ username: 'bench', display_name: 'Bench', role: 'central', password_hash: await hashPassword('Bench-password-1') })
      .execute();

    const app = await buildApp({ db, database: handle, config: { ...testConfig, dataDir } }, { web: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'Bench-password-1' }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const anyId = (await db.selectFrom('dossiers').select('id').limit(1).executeTakeFirstOrThrow()).id;
    const routes: [string, string][] = [
      ['add-working-days', '/api/calendar/add-working-days?from=2026-02-13&days=30'],
      ['non-working-days', '/api/calendar/non-working-days?year=2026'],
      ['worklist (open, page 1)', '/api/dossiers?view=open'],
      ['worklist (overdue)', '/api/dossiers?view=overdue'],
      ['dossier page', `/api/dossiers/${anyId}`],
      ['SLA view (all)', '/api/procedures/sla'],
    ];
    const time = async (url: string) => {
      const t0 = performance.now();
      const response = await fetch(base + url, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return performance.now() - t0;
    };
    console.log(`${DOSSIERS} dossiers, ${DOSSIERS * 4} consultations (PostgreSQL ${await handle.serverVersion()}, embedded)\n`);
    console.log(`${'route'.padEnd(26)} ${'first'.padStart(10)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}`);
    for (const [label, url] of routes) {
      // The first call computes every clock; later ones the same day reuse the remembered clocks.
      const cold = await time(url);
      for (let i = 0; i < 2; i++) await time(url);
      const samples: number[] = [];
      for (let i = 0; i < REQUESTS; i++) samples.push(await time(url));
      samples.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(26)} ${fmt(cold)} ${fmt(percentile(samples, 50))} ${fmt(percentile(samples, 95))} ${fmt(samples.at(-1)!)}`,
      );
    }
    console.log(`\nload average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
    await app.close();
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
