import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { todayInVietnam } from '@modules/registry/registry-calendar';
import { enqueueJob, registerJobHandler, type JobRow } from '../../jobs/queue';
import { buildBundle } from './opendata.service';

/** The job that builds a bundle (run by the job worker of `npm start`). */
export const BUNDLE_JOB = 'opendata.bundle';

registerJobHandler(BUNDLE_JOB, async ({ db, job, dataDir }) => {
  const bundle = await buildBundle(db, { actor: null, label: `job ${job.id}`, requestId: `job:${job.id}` }, dataDir, { jobId: job.id });
  return { date: bundle.date, files: bundle.files.length };
});

/** The bundle job queued or running, if any (so two requests do not build twice). */
async function pendingJob(db: Kysely<Database>): Promise<JobRow | undefined> {
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

/** Queues today's bundle unless it exists or is on its way. @returns whether a job was queued */
export async function ensureTodayBundle(db: Kysely<Database>): Promise<boolean> {
  const today = todayInVietnam();
  const [bundle, pending] = await Promise.all([
    db.selectFrom('opendata_bundles').select('bundle_date').where('bundle_date', '=', today).executeTakeFirst(),
    pendingJob(db),
  ]);
  if (bundle || pending) return false;
  await enqueueJob(db, { kind: BUNDLE_JOB, payload: { trigger: 'daily', date: today }, requestedBy: null });
  return true;
}

/**
 * The daily bundle: a first check a few minutes after start, then every half hour, queues today's bundle when it
 * is missing (so it is built once a day, shortly after midnight in Viet Nam, and after a restart that missed it).
 * Timers do not keep the process alive.
 */
export function startDailyBundles(
  db: Kysely<Database>,
  options: { firstDelayMs?: number; intervalMs?: number; log?: (message: string) => void } = {},
): { stop(): void } {
  const check = () =>
    ensureTodayBundle(db).then(
      (queued) => queued && options.log?.('daily open-data bundle queued'),
      () => undefined,
    );
  const first = setTimeout(check, options.firstDelayMs ?? 5 * 60_000);
  const every = setInterval(check, options.intervalMs ?? 30 * 60_000);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
