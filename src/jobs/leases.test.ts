import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@db/types';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { enqueueJob, registerJobHandler } from './queue';
import { claimScheduledRun, endScheduledRun, everyPeriod } from './scheduled-runs';
import { startJobWorker } from './worker';

/**
 * Several processes on one database, each with its own pool (as two vnaid processes have): jobs run once, a live
 * worker's job is never taken back, a dead worker's job is, and a periodic task runs once per period.
 * (src/process/two-processes.test.ts does the same with real processes.)
 */
let t: TestDatabase;
let other: Kysely<Database>;
const runs: { id: string; worker: string }[] = [];

registerJobHandler('test.slow', async ({ job }) => {
  runs.push({ id: job.id, worker: job.locked_by ?? '?' });
  await new Promise((resolve) => setTimeout(resolve, Number(job.payload.ms ?? 30)));
  return { ok: true };
});

beforeAll(async () => {
  t = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: t.url, max: 3 });
  pool.on('error', () => undefined);
  other = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
});
afterAll(async () => {
  await other?.destroy();
  await t?.drop();
});

const queue = (n: number, ms = 30) =>
  Promise.all(Array.from({ length: n }, () => enqueueJob(t.db, { kind: 'test.slow', payload: { ms }, requestedBy: null })));

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
const statusOf = async (id: string) => t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('jobs shared by two processes', () => {
  it('runs each of 12 jobs exactly once, with both workers taking part', async () => {
    runs.length = 0;
    const jobs = await queue(12);
    const a = startJobWorker({ db: t.db, dataDir: '/nonexistent', intervalMs: 20, name: 'A' });
    const b = startJobWorker({ db: other, dataDir: '/nonexistent', intervalMs: 20, name: 'B' });
    await until(async () => (await t.db.selectFrom('jobs').select('id').where('status', '!=', 'done').execute()).length === 0);
    await Promise.all([a.stop(), b.stop()]);
    expect(runs.map((r) => r.id).sort()).toEqual(jobs.map((j) => j.id).sort());
    expect(new Set(runs.map((r) => r.worker))).toEqual(new Set(['A', 'B']));
    const rows = await t.db.selectFrom('jobs').select(['attempts', 'locked_by']).execute();
    expect(rows.every((r) => r.attempts === 1 && (r.locked_by === 'A' || r.locked_by === 'B'))).toBe(true);
  });

  it('keeps a job that outlives its lease with the worker that renews it: the other never takes it back', async () => {
    runs.length = 0;
    const [job] = await queue(1, 900);
    const a = startJobWorker({ db: t.db, dataDir: '/nonexistent', intervalMs: 20, leaseMs: 150, name: 'A' });
    await until(async () => (await statusOf(job!.id)).status === 'running');
    // B polls (and looks for expired leases) all the while A works, six leases long.
    const b = startJobWorker({ db: other, dataDir: '/nonexistent', intervalMs: 20, leaseMs: 150, name: 'B' });
    await until(async () => (await statusOf(job!.id)).status === 'done');
    await Promise.all([a.stop(), b.stop()]);
    expect(runs).toEqual([{ id: job!.id, worker: 'A' }]);
    expect(await statusOf(job!.id)).toMatchObject({ attempts: 1, locked_by: 'A' });
  });

  it('does not take back a job a live process is running when another process starts', async () => {
    runs.length = 0;
    const [job] = await queue(1);
    await t.db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'live-process', attempts: 1, lease_until: sql`now() + interval '1 hour'` })
      .where('id', '=', job!.id)
      .execute();
    const b = startJobWorker({ db: other, dataDir: '/nonexistent', intervalMs: 20, name: 'B' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await b.stop();
    expect(runs).toEqual([]);
    expect(await statusOf(job!.id)).toMatchObject({ status: 'running', locked_by: 'live-process', attempts: 1 });
    await t.db.deleteFrom('jobs').where('id', '=', job!.id).execute();
  });

  it('takes back the job of a process that died once its lease ran out, and runs it', async () => {
    runs.length = 0;
    const [job] = await queue(1);
    await t.db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'dead-process', attempts: 1, lease_until: sql`now() - interval '1 second'` })
      .where('id', '=', job!.id)
      .execute();
    const b = startJobWorker({ db: other, dataDir: '/nonexistent', intervalMs: 20, name: 'B' });
    await until(async () => (await statusOf(job!.id)).status === 'done');
    await b.stop();
    expect(runs).toEqual([{ id: job!.id, worker: 'B' }]);
    expect(await statusOf(job!.id)).toMatchObject({ attempts: 2, locked_by: 'B' });
  });

  it('fails, rather than runs again, a dead process job that used all its attempts', async () => {
    runs.length = 0;
    const [job] = await queue(1);
    await t.db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'dead-process', attempts: 3, lease_until: sql`now() - interval '1 second'` })
      .where('id', '=', job!.id)
      .execute();
    const b = startJobWorker({ db: other, dataDir: '/nonexistent', intervalMs: 20, name: 'B' });
    await until(async () => (await statusOf(job!.id)).status === 'failed');
    await b.stop();
    expect(runs).toEqual([]);
    expect((await statusOf(job!.id)).error).toMatch(/stopped before it finished/);
  });
});

describe('periodic tasks shared by two processes', () => {
  it('runs a task once per period whichever processes check', async () => {
    let count = 0;
    const task = async () => {
      count++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const options = { intervalMs: 3_600_000, firstDelayMs: 0, checkMs: 30 };
    const a = everyPeriod(t.db, 'test.hourly', task, { ...options, worker: 'A' });
    const b = everyPeriod(other, 'test.hourly', task, { ...options, worker: 'B' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    a.stop();
    b.stop();
    expect(count).toBe(1);
    const rows = await t.db.selectFrom('scheduled_runs').selectAll().where('task', '=', 'test.hourly').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.finished_at).not.toBeNull();
  });

  it('lets another process retry a failed run, or take over one whose process died, in the same period', async () => {
    const period = new Date('2026-12-07T10:00:00Z');
    expect(await claimScheduledRun(t.db, 'test.retry', period, 'A')).toBe(true);
    expect(await claimScheduledRun(other, 'test.retry', period, 'B')).toBe(false);
    await endScheduledRun(t.db, 'test.retry', period, 'A', 'smtp down');
    expect(await claimScheduledRun(other, 'test.retry', period, 'B', 50)).toBe(true);
    // B dies while holding it: once its lease ran out, A takes it over; once finished, nobody runs it again.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await claimScheduledRun(t.db, 'test.retry', period, 'A')).toBe(true);
    await endScheduledRun(t.db, 'test.retry', period, 'A');
    expect(await claimScheduledRun(other, 'test.retry', period, 'B')).toBe(false);
    expect(await claimScheduledRun(other, 'test.retry', new Date('2026-12-07T11:00:00Z'), 'B')).toBe(true);
  });
});
