import { readdirSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { useTempDataDir } from '../iati/iati.test-support';
import { ensureTodayBundle, runBundle } from './opendata.job';

let t: TestContext;
let dataDir: string;
const ctx = { actor: null, label: 'test' };

beforeAll(async () => {
  dataDir = useTempDataDir('vnaid-opendata-lock-');
  t = await createTestContext();
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const bundleAudits = async (date: string) =>
  (await t.db.selectFrom('audit_log').select('id').where('action', '=', 'opendata.bundle').where('entity_id', '=', date).execute()).length;

describe('open-data bundle runs are safe against two processes', () => {
  it('two concurrent daily runs build one bundle', async () => {
    const date = '2026-01-02';
    const runs = await Promise.all([
      runBundle(t.db, ctx, dataDir, { date, onlyIfMissing: true }),
      runBundle(t.db, ctx, dataDir, { date, onlyIfMissing: true }),
    ]);
    expect(runs.filter((r) => 'built' in r)).toHaveLength(1);
    expect(runs.filter((r) => 'skipped' in r)).toHaveLength(1);
    expect(await bundleAudits(date)).toBe(1);
    expect(readdirSync(`${dataDir}/opendata`).filter((d) => d.includes(date))).toEqual([date]);
  });

  it('does not build while another process holds the build lock, and builds once it is released', async () => {
    const date = '2026-01-03';
    await t.db.connection().execute(async (other) => {
      // The same lock another vnaid process takes while it builds (opendata.job.ts).
      await sql`select pg_advisory_lock(7317001)`.execute(other);
      try {
        expect(await runBundle(t.db, ctx, dataDir, { date })).toEqual({ skipped: 'busy' });
      } finally {
        await sql`select pg_advisory_unlock(7317001)`.execute(other);
      }
    });
    expect(await bundleAudits(date)).toBe(0);
    const run = await runBundle(t.db, ctx, dataDir, { date });
    expect('built' in run && run.built.date).toBe(date);
    // The daily run of a day that has its bundle builds nothing more.
    expect(await runBundle(t.db, ctx, dataDir, { date, onlyIfMissing: true })).toEqual({ skipped: 'exists' });
    expect(await bundleAudits(date)).toBe(1);
  });

  it("two processes checking the schedule at once queue today's bundle once", async () => {
    const queued = await Promise.all([ensureTodayBundle(t.db), ensureTodayBundle(t.db)]);
    expect(queued.sort()).toEqual([false, true]);
    const jobs = await t.db.selectFrom('jobs').select('id').where('kind', '=', 'opendata.bundle').execute();
    expect(jobs).toHaveLength(1);
  });
});
