import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { vietnamToday } from '@common/time/vietnam-today';
import { enqueueJob, registerJobHandler, type JobRow } from '../../jobs/queue';
import type { Schedule } from '../../jobs/schedule';
import { everyPeriod } from '../../jobs/scheduled-runs';
import { buildBundle, type BundleView } from './opendata.service';

/** The job that builds a bundle (run by the job worker of `npm start`). */
export const BUNDLE_JOB = 'opendata.bundle';
/** Advisory locks (arbitrary constants): one build at a time, one daily job queued at a time, across processes. */
const BUILD_LOCK = 7_317_001;
const QUEUE_LOCK = 7_317_002;

/** What a run did: built a bundle, or nothing because another process is building one or the day's exists. */
export type BundleRun = { built: BundleView } | { skipped: 'busy' | 'exists' };

/**
 * Builds a bundle unless another process (or request) is building one right now: the build holds a PostgreSQL
 * advisory lock on a connection of its own for its whole length, so two workers, two servers or a daily run
 * meeting an administrator's rebuild never write the same day's folder at once. `onlyIfMissing` (the daily run)
 * also skips a day whose bundle exists, checked under the lock.
 */
export async function runBundle(
  db: Kysely<Database>,
  ctx: WriteContext,
  dataDir: string,
  options: { date?: string; jobId?: string | null; onlyIfMissing?: boolean } = {},
): Promise<BundleRun> {
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${BUILD_LOCK}) as locked`.execute(conn);
    if (!rows[0]?.locked) return { skipped: 'busy' };
    try {
      const date = options.date ?? vietnamToday();
      if (options.onlyIfMissing) {
        const exists = await conn.selectFrom('opendata_bundles').select('bundle_date').where('bundle_date', '=', date).executeTakeFirst();
        if (exists) return { skipped: 'exists' };
      }
      return { built: await buildBundle(db, ctx, dataDir, { date, jobId: options.jobId ?? null }) };
    } finally {
      await sql`select pg_advisory_unlock(${BUILD_LOCK})`.execute(conn);
    }
  });
}

registerJobHandler(BUNDLE_JOB, async ({ db, job, dataDir }) => {
  const daily = job.payload.trigger === 'daily';
  const run = await runBundle(db, { actor: null, label: `job ${job.id}`, requestId: `job:${job.id}` }, dataDir, {
    jobId: job.id,
    onlyIfMissing: daily,
    ...(daily && typeof job.payload.date === 'string' ? { date: job.payload.date } : {}),
  });
  return 'built' in run ? { date: run.built.date, files: run.built.files.length } : { skipped: run.skipped };
});

/** The bundle job queued or running, if any (so two requests do not build twice). */
async function pendingJob(db: Kysely<Database> | Transaction<Database>): Promise<JobRow | undefined> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', BUNDLE_JOB)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at')
    .executeTakeFirst();
}

/** Queues a bundle now (the on-demand trigger), or returns the one already queued. Audited. */
export async function requestBundle(db: Kysely<Database>, ctx: WriteContext): Promise<JobRow> {
  const pending = await pendingJob(db);
  if (pending) return pending;
  return db.transaction().execute(async (trx) => {
    const job = await enqueueJob(trx, { kind: BUNDLE_JOB, payload: { trigger: 'on-demand' }, requestedBy: ctx.actor?.userId ?? null });
    await writeAudit(trx, ctx, { action: 'opendata.bundle_request', entityType: 'job', entityId: job.id });
    return job;
  });
}

/**
 * Queues today's bundle unless it exists or is on its way; two processes checking at once queue it once (the check
 * and the queuing hold a transaction-scoped advisory lock). @returns whether a job was queued
 */
export async function ensureTodayBundle(db: Kysely<Database>): Promise<boolean> {
  const today = vietnamToday();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${QUEUE_LOCK})`.execute(trx);
    const [bundle, pending] = await Promise.all([
      trx.selectFrom('opendata_bundles').select('bundle_date').where('bundle_date', '=', today).executeTakeFirst(),
      pendingJob(trx),
    ]);
    if (bundle || pending) return false;
    await enqueueJob(trx, { kind: BUNDLE_JOB, payload: { trigger: 'daily', date: today }, requestedBy: null });
    return true;
  });
}

/**
 * The daily bundle: a first check a few minutes after start, then every half hour, queues today's bundle when it
 * is missing (so it is built once a day, shortly after midnight in Viet Nam, and after a restart that missed it).
 * Started by the process entry (src/main.ts) only, never by the HTTP plugin: test apps and benchmarks build an
 * app without a schedule. Timers do not keep the process alive.
 */
export function startDailyBundles(
  db: Kysely<Database>,
  options: { firstDelayMs?: number; intervalMs?: number; log?: (message: string) => void } = {},
): Schedule {
  return everyPeriod(
    db,
    'opendata.daily-bundle',
    async () => {
      if (await ensureTodayBundle(db)) options.log?.('daily open-data bundle queued');
    },
    { firstDelayMs: options.firstDelayMs ?? 5 * 60_000, intervalMs: options.intervalMs ?? 30 * 60_000 },
  );
}
