import { rm } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import type { Schedule } from '../../../jobs/schedule';
import { everyPeriod } from '../../../jobs/scheduled-runs';

/** The job kind of official reports. */
export const REPORT_JOB = 'stats.report';

/** How long a generated report file is kept: VNAID_REPORT_RETENTION_DAYS (default 7 days). */
export function reportRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.VNAID_REPORT_RETENTION_DAYS ?? 7);
  return Number.isFinite(days) && days > 0 ? days : 7;
}

/** What a report job's result holds once its file was removed. */
export type ExpiredMark = { expired?: boolean; expiredAt?: string };

/**
 * Removes the files of finished report jobs older than the retention period and marks their job results
 * `expired`, so the job still says what it was (and that it must be generated again) while its file is gone.
 * Files are removed before the mark: a crash in between leaves a job that is swept again, never a mark on a file
 * that still exists. Runs on a timer (startReportRetention) and whenever a new report is generated.
 * @returns how many reports expired
 */
export async function sweepExpiredReports(db: Kysely<Database>, options: { now?: Date; days?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.days ?? reportRetentionDays()) * 86_400_000);
  const stale = await db
    .selectFrom('jobs')
    .select(['id', sql<string | null>`result->>'file'`.as('file')])
    .where('kind', '=', REPORT_JOB)
    .where('status', '=', 'done')
    .where('finished_at', '<', cutoff)
    .where(sql<boolean>`coalesce((result->>'expired')::boolean, false)`, '=', false)
    .execute();
  for (const job of stale) {
    if (job.file) await rm(job.file, { force: true });
    await db
      .updateTable('jobs')
      .set({ result: sql`result || ${JSON.stringify({ expired: true, expiredAt: now.toISOString() })}::jsonb` })
      .where('id', '=', job.id)
      .execute();
  }
  return stale.length;
}

/**
 * The periodic sweep: once an hour across all processes on the database (first check shortly after start). Like the
 * other schedules it is started by the process entry (src/main.ts), never by the HTTP plugin; its timers do not keep
 * the process alive.
 */
export function startReportRetention(
  db: Kysely<Database>,
  options: { firstDelayMs?: number; intervalMs?: number; log?: (message: string) => void } = {},
): Schedule {
  return everyPeriod(
    db,
    'reports.retention',
    async () => {
      const n = await sweepExpiredReports(db);
      if (n > 0) options.log?.(`${n} expired report file(s) removed`);
    },
    { firstDelayMs: options.firstDelayMs ?? 2 * 60_000, intervalMs: options.intervalMs ?? 60 * 60_000 },
  );
}
