import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { claimJob, failJob, finishJob, jobHandler, requeueInterrupted, setProgress, type JobRow } from './queue';

type Log = (message: string, details?: Record<string, unknown>) => void;

/** Runs one claimed job to its end (done, or failed and perhaps requeued). */
async function runJob(db: Kysely<Database>, dataDir: string, job: JobRow, log: Log): Promise<void> {
  const handler = jobHandler(job.kind);
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const result = await handler({ db, job, dataDir, progress: (percent) => setProgress(db, job.id, percent) });
    await finishJob(db, job.id, result);
    log('job done', { id: job.id, kind: job.kind });
  } catch (error) {
    log('job failed', { id: job.id, kind: job.kind, error: (error as Error).message });
    await failJob(db, job, (error as Error).message);
  }
}

/** Runs queued jobs one after another until none is left (used by tests and by the worker loop). */
export async function runPendingJobs(db: Kysely<Database>, dataDir: string, log: Log = () => undefined): Promise<number> {
  let count = 0;
  for (let job = await claimJob(db); job; job = await claimJob(db)) {
    await runJob(db, dataDir, job, log);
    count++;
  }
  return count;
}

/**
 * The background worker of the process: polls the `jobs` table every second and runs one job at a time, so
 * requests keep the CPU they need. Jobs interrupted by a previous stop are queued again first.
 * @returns stop(): waits for the job in hand to finish
 */
export function startJobWorker(options: { db: Kysely<Database>; dataDir: string; log?: Log; intervalMs?: number }): {
  stop(): Promise<void>;
} {
  const { db, dataDir, log = () => undefined, intervalMs = 1000 } = options;
  let stopped = false;
  let running: Promise<unknown> = requeueInterrupted(db).catch(() => 0);
  const tick = () => {
    if (stopped) return;
    running = running
      .then(() => runPendingJobs(db, dataDir, log))
      .catch((error: unknown) => log('job worker error', { error: (error as Error).message }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  let timer = setTimeout(tick, 50);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
