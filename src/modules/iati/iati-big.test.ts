import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { generateInChildProcess } from '../../../test/fixtures/iati/measure';
import { runScript } from '../../cli/test-support/processes';

// The default suite imports an 8 MB generated file into the database; IATI_BIG=1 imports 200 MB (a few minutes:
// see bench/iati-import-db.ts for throughput).
const BIG = process.env.IATI_BIG === '1';
const MEGABYTES = BIG ? 200 : 8;
/**
 * The V8 heap the import command may use. A reader or a report that kept what it read would need more than the
 * file (200 MB) and the command would die with "JavaScript heap out of memory"; measured RSS growth instead varied
 * with the garbage collector's mood (+21 to +150 MB for the same run), so the cap is the deterministic check.
 */
const HEAP_MB = 64;
const dir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-iati-big-'));
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run iati-import` in a child process whose heap is capped at {@link HEAP_MB}. */
const importCommand = (args: string[]) =>
  runScript('scripts/iati-import.ts', args, {
    env: { DATABASE_URL: db.url, NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` },
    timeoutMs: 1_500_000,
  });
/** The contract's summary: the last line on stdout. */
const summary = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);
const count = async (query: string) => Number((await db.pool.query(query)).rows[0].n);

describe(`importing a generated ${MEGABYTES} MB IATI file into the database`, () => {
  it(`dry-runs, then applies every activity in one transaction with the heap capped at ${HEAP_MB} MB, and finds it unchanged on a second run`, async () => {
    const file = path.join(dir, 'big.xml');
    const written = generateInChildProcess(file, MEGABYTES);

    const dry = await importCommand([file, '--dry-run']);
    expect(dry.code, dry.stderr.slice(-2000)).toBe(0);
    expect(summary(dry.stdout)).toEqual({
      activities: written.activities,
      vietnam: written.activities,
      created: written.activities,
      updated: 0,
      skipped: 0,
      errors: [],
      unchanged: 0,
    });
    expect(await count('select count(*) as n from aid_items')).toBe(0);

    const applied = await importCommand([file]);
    expect(applied.code, applied.stderr.slice(-2000)).toBe(0);
    expect(summary(applied.stdout)).toMatchObject({ created: written.activities, updated: 0, skipped: 0, errors: [] });
    const { rows } = await db.pool.query(`select (select count(*) from aid_items) as items,
      (select count(*) from iati_activity_sources) as sources, (select bool_and(synthetic) from aid_items) as synthetic,
      (select count(*) from aid_transactions where source = 'IATI') > 0 as has_transactions`);
    expect(rows[0]).toEqual({
      items: String(written.activities),
      sources: String(written.activities),
      synthetic: true,
      has_transactions: true,
    });

    const again = await importCommand([file]);
    expect(again.code, again.stderr.slice(-2000)).toBe(0);
    expect(summary(again.stdout)).toMatchObject({ created: 0, updated: 0 });
    expect(again.stderr).toContain(`0 updated, ${written.activities} unchanged`);
    expect(await count('select count(*) as n from aid_items')).toBe(written.activities);
  }, 1_800_000);
});
