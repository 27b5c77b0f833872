import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/support/test-app';
import { isAlive, startVnaid, type VnaidProcess } from '../cli/test-support/processes';

/**
 * `VNAID_PROCESSES=2`: one vnaid command, two server processes on one port and one database, sharing the job
 * queue; SIGTERM to the primary stops both and exits 0.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'vnaid-cluster-'));
let ctx: TestContext;
let vnaid: VnaidProcess;

beforeAll(async () => {
  ctx = await createTestContext();
  vnaid = await startVnaid({
    DATABASE_URL: ctx.runtimeUrl,
    DATABASE_OWNER_URL: ctx.url,
    VNAID_DATA_DIR: path.join(work, 'data'),
    VNAID_PROCESSES: '2',
  });
  await vnaid.healthy();
}, 300_000);

afterAll(async () => {
  if (vnaid && vnaid.child.exitCode === null && vnaid.child.signalCode === null) {
    vnaid.child.kill('SIGTERM');
    await vnaid.exited();
  }
  await ctx?.close();
  rmSync(work, { recursive: true, force: true });
}, 60_000);

describe('VNAID_PROCESSES=2', () => {
  it('serves one port from two worker processes that share the jobs, and stops them all on SIGTERM', async () => {
    const payload = JSON.stringify({ year: 2025, format: 'csv', lang: 'en', scopeName: null, scopeId: null, filter: {} });
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) {
      const row = await ctx.db
        .insertInto('jobs')
        .values({ kind: 'stats.report', payload, requested_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    const deadline = Date.now() + 90_000;
    let rows: { status: string; locked_by: string | null }[] = [];
    while (Date.now() < deadline) {
      rows = await ctx.db.selectFrom('jobs').select(['status', 'locked_by']).where('id', 'in', ids).execute();
      if (rows.every((r) => r.status === 'done')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'done'));
    // Which worker claims which job depends on timing (on a loaded machine one may take all 16), so only who ran
    // them is asserted: worker processes, never the primary.
    const workers = [...new Set(rows.map((r) => Number(r.locked_by!.split(':')[1])))];
    expect(workers.length).toBeGreaterThanOrEqual(1);
    expect(workers.length).toBeLessThanOrEqual(2);
    expect(workers).not.toContain(vnaid.child.pid);
    expect((await fetch(`http://127.0.0.1:${vnaid.port}/api/health`)).status).toBe(200);

    vnaid.child.kill('SIGTERM');
    expect(await vnaid.exited()).toEqual({ code: 0, signal: null });
    expect(workers.filter((pid) => isAlive(pid))).toEqual([]);
  }, 200_000);
});
