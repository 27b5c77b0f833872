/**
 * Benchmark of the full IATI import into the embedded database: generates a synthetic IATI 2.03 file (200 MB by
 * default), runs the dry run and then the apply (one transaction) on a fresh, migrated embedded PostgreSQL, and
 * prints throughput (MB/s) and the peak RSS of this process.
 *
 *   npx tsx bench/iati-import-db.ts          # 200 MB
 *   npx tsx bench/iati-import-db.ts 50       # another size, in MB (10^6 bytes)
 *
 * With TEST_DATABASE_URL (an admin URL) the database is created on that server instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { generateInChildProcess } from '../test/fixtures/iati/measure';
import { measureImport, type ImportMeasurement } from '../test/fixtures/iati/measure-import';

const megabytes = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'vnaid-iati-db-bench-'));

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

function print(m: ImportMeasurement): void {
  const c = m.report.counts;
  console.log(
    `${m.mode.padEnd(8)} ${m.seconds.toFixed(1)} s  ${m.megabytesPerSecond.toFixed(2)} MB/s  peak RSS ${m.peakRssMb.toFixed(0)} MB (growth ${m.peakRssGrowthMb.toFixed(0)} MB)  ` +
      `activities ${c.activities}, created ${c.created}, updated ${c.updated}, left out ${c.skipped}, transactions ${c.transactionsKept}`,
  );
}

const handle = await database();
try {
  await migrate(handle.pool);
  const path = join(dir, 'activities.xml');
  const t = Date.now();
  const written = generateInChildProcess(path, megabytes);
  console.log(
    `generated ${(written.bytes / 1e6).toFixed(1)} MB, ${written.activities} activities in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  print(await measureImport(handle.db, path, 'dry-run'));
  print(await measureImport(handle.db, path, 'apply'));
  print(await measureImport(handle.db, path, 'apply'));
  console.log(
    `database ${handle.engine} ${await handle.serverVersion()}; machine ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  );
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
