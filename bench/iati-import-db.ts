/**
 * Benchmark of the full IATI import into the embedded database (issue 16, Speed): generates a synthetic IATI 2.03
 * file (200 MB by default), runs the dry run and then the apply (one transaction, twice: creates, then unchanged)
 * on a migrated embedded PostgreSQL. Before that it seeds registered organisations and aid items, exports them as
 * vnaid's own IATI document (about 5.7 MB) and dry-runs that export against the same registry (every donor is
 * matched by name). Prints throughput (MB/s), this process's CPU time, peak RSS and heap growth, and the three
 * rates against the targets (PASS / MISS).
 *
 *   npx tsx bench/iati-import-db.ts                     # 200 MB
 *   npx tsx bench/iati-import-db.ts 50                  # another size, in MB (10^6 bytes)
 *   npx tsx bench/iati-import-db.ts 50 --own-items 1300 # aid items seeded for the own export (0: skip it)
 *   npx tsx bench/iati-import-db.ts 50 --no-thread      # read in the main thread (no reading thread), to compare
 *   npx tsx bench/iati-import-db.ts 50 --no-defer       # the apply keeps the statistics per statement (the old way)
 *
 * With TEST_DATABASE_URL (an admin URL) the database is created on that server instead. The machine's load
 * average is printed: on a shared machine the wall-clock rates fall with it, the MB per CPU-second much less.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { generateInChildProcess } from '../test/fixtures/iati/measure';
import { measureImport, type ImportMeasurement } from '../test/fixtures/iati/measure-import';
import { applySettings } from '../src/modules/iati/iati-import.run';
import { readSettings } from '../src/modules/iati/iati-import.read-thread';
import { numberArg } from './lib/args';

const megabytes = Number(process.argv[2]?.startsWith('--') ? 200 : (process.argv[2] ?? 200));
const ownItems = numberArg('own-items', 1300);
// Files from 4 MB are parsed and converted in a reading thread while the main thread plans (iati-import.read-thread.ts).
if (process.argv.includes('--no-thread')) readSettings.threadFromBytes = Number.POSITIVE_INFINITY;
const dir = mkdtempSync(join(tmpdir(), 'vnaid-iati-db-bench-'));
/** Targets of issue 16 (MB/s). */
const TARGETS = { dryRun: 20, ownDryRun: 10, apply: 10 };
// The apply's statistics upkeep: one recompute before commit (default), or the per-statement triggers to compare.
applySettings.deferStatistics = !process.argv.includes('--no-defer');

async function database(): Promise<DatabaseHandle> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return openDatabase({ databaseUrl: undefined, dataDir: join(dir, 'data') });
  const name = `vnaid_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return openDatabase({ databaseUrl: url.toString(), dataDir: dir });
}

function print(label: string, m: ImportMeasurement): void {
  const c = m.report.counts;
  console.log(
    `${label.padEnd(14)} ${m.seconds.toFixed(1)} s  ${m.megabytesPerSecond.toFixed(2)} MB/s  (${(m.bytes / 1e6 / m.cpuSeconds).toFixed(1)} MB per CPU-second here)  ` +
      `peak RSS ${m.peakRssMb.toFixed(0)} MB (growth ${m.peakRssGrowthMb.toFixed(0)} MB), heap growth ${m.peakHeapGrowthMb.toFixed(0)} MB  ` +
      `activities ${c.activities}, created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, left out ${c.skipped}, transactions ${c.transactionsKept}`,
  );
}

/** Seeds organisations and aid items (bench/aid-list.ts) and writes vnaid's own public IATI export of them. */
async function ownExport(handle: DatabaseHandle, path: string): Promise<number> {
  const { seed } = await import('./aid-list');
  const { exportActivities } = await import('../src/modules/iati/iati-export.service');
  await seed(handle.db, ownItems, ownItems * 10, () => undefined);
  const document = await exportActivities(handle.db, { public: true }, {});
  writeFileSync(path, document.xml);
  return document.activities;
}

const verdict = (label: string, rate: number | null, target: number) =>
  console.log(
    `  ${label.padEnd(34)} ${rate === null ? '   –' : rate.toFixed(2).padStart(6)} MB/s  target ≥ ${target}  ${rate === null ? 'not run' : rate >= target ? 'PASS' : 'MISS'}`,
  );

const handle = await database();
try {
  await migrate(handle.pool);
  // The own export first, on a registry of its own donors only (the generated file's items would join it).
  let own: ImportMeasurement | null = null;
  if (ownItems > 0) {
    const ownPath = join(dir, 'own.xml');
    const activities = await ownExport(handle, ownPath);
    console.log(`vnaid's own export: ${(statSync(ownPath).size / 1e6).toFixed(1)} MB, ${activities} activities`);
    // First in a fresh process (code not yet optimised by V8), then again as a running server would do it.
    print('own dry-run', await measureImport(handle.db, ownPath, 'dry-run'));
    own = await measureImport(handle.db, ownPath, 'dry-run');
    print('own again', own);
  }
  const path = join(dir, 'activities.xml');
  const t = Date.now();
  const written = generateInChildProcess(path, megabytes);
  console.log(
    `generated ${(written.bytes / 1e6).toFixed(1)} MB, ${written.activities} activities in ${((Date.now() - t) / 1000).toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  const dry = await measureImport(handle.db, path, 'dry-run');
  print('dry-run', dry);
  const apply = await measureImport(handle.db, path, 'apply');
  print('apply', apply);
  print('apply again', await measureImport(handle.db, path, 'apply'));
  console.log(`targets (issue 16), load average now ${loadavg()[0]!.toFixed(1)}:`);
  verdict(`dry run, generated ${megabytes} MB file`, dry.megabytesPerSecond, TARGETS.dryRun);
  verdict("dry run, vnaid's own export (again)", own?.megabytesPerSecond ?? null, TARGETS.ownDryRun);
  verdict(
    `apply, generated ${megabytes} MB file${applySettings.deferStatistics ? '' : ' (--no-defer)'}`,
    apply.megabytesPerSecond,
    TARGETS.apply,
  );
  console.log(
    `database ${handle.engine} ${await handle.serverVersion()}; machine ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ` +
      (Number.isFinite(readSettings.threadFromBytes)
        ? `reading thread from ${readSettings.threadFromBytes / 1e6} MB (CPU-seconds include it)`
        : 'no reading thread'),
  );
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
