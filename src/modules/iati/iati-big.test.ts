import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { generateInChildProcess } from '../../../test/fixtures/iati/measure';
import { measureImport } from '../../../test/fixtures/iati/measure-import';

// The default suite imports an 8 MB generated file into the database; IATI_BIG=1 imports 200 MB (a few minutes:
// see bench/iati-import-db.ts for the figures).
const BIG = process.env.IATI_BIG === '1';
const MEGABYTES = BIG ? 200 : 8;
const dir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-iati-big-'));
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`importing a generated ${MEGABYTES} MB IATI file into the database`, () => {
  it('dry-runs, then applies every activity in one transaction with flat memory, and updates on a second run', async () => {
    const file = path.join(dir, 'big.xml');
    const written = generateInChildProcess(file, MEGABYTES);
    const dry = await measureImport(db.db, file, 'dry-run');
    expect(dry.report.counts).toMatchObject({
      activities: written.activities,
      vietnam: written.activities,
      created: written.activities,
      skipped: 0,
    });
    expect(Number((await db.pool.query('select count(*) as n from aid_items')).rows[0].n)).toBe(0);

    const applied = await measureImport(db.db, file, 'apply');
    console.log(
      `[iati import ${MEGABYTES} MB] dry run ${dry.megabytesPerSecond.toFixed(2)} MB/s, apply ${applied.megabytesPerSecond.toFixed(2)} MB/s, peak RSS ${applied.peakRssMb.toFixed(0)} MB (+${applied.peakRssGrowthMb.toFixed(0)} MB)`,
    );
    expect(applied.report.counts).toMatchObject({ created: written.activities, updated: 0, skipped: 0 });
    const { rows } = await db.pool
      .query(`select (select count(*) from aid_items) as items, (select count(*) from aid_transactions where source = 'IATI') as tx,
      (select count(*) from iati_activity_sources) as sources, (select bool_and(synthetic) from aid_items) as synthetic`);
    expect(rows[0]).toEqual({
      items: String(written.activities),
      tx: String(applied.report.counts.transactionsKept),
      sources: String(written.activities),
      synthetic: true,
    });
    // One activity at a time plus one batch: memory does not grow with the file.
    expect(applied.peakRssGrowthMb).toBeLessThan(150);
    expect(dry.peakRssGrowthMb).toBeLessThan(150);

    const again = await measureImport(db.db, file, 'apply');
    expect(again.report.counts).toMatchObject({ created: 0, updated: written.activities, unchanged: written.activities });
    expect(Number((await db.pool.query('select count(*) as n from aid_items')).rows[0].n)).toBe(written.activities);
  }, 1_800_000);
});
