import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import {
  claimJob,
  DEFAULT_LEASE_MS,
  failJob,
  finishJob,
  jobHandler,
  reclaimExpiredLeases,
  renewLease,
  setProgress,
  workerName,
  type JobRow,
} from './queue';

type Log = (message: string, details?: Record<string, unknown>) => void;

/** Who runs the jobs and how: a worker name (its leases) and the lease length. */
export type WorkerIdentity = { name: string; leaseMs: number };

/**
 * Runs one claimed job to its end (done, or failed and perhaps requeued), renewing its lease every third of the
 * lease while the handler works. A worker that lost its lease (it stalled longer than the lease and another process
 * took the job back) records nothing: the job's current holder does.
 */
async function runJob(db: Kysely<Database>, dataDir: string, job: JobRow, log: Log, me: WorkerIdentity): Promise<void> {
  const handler = jobHandler(job.kind);
  let lost = false;
  const renewal = setInterval(
    () => {
      renewLease(db, job.id, me.name, me.leaseMs)
        .then((held) => {
          if (!held && !lost) {
            lost = true;
            log('job lease lost: another process took the job back', { id: job.id, kind: job.kind });
          }
        })
        .catch((error: unknown) => log('job lease renewal failed', { id: job.id, error: (error as Error).message }));
    },
    Math.max(50, Math.floor(me.leaseMs / 3)),
  );
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const result = await handler({ db, job, dataDir, progress: (percent) => setProgress(db, job.id, percent, me.name) });
    clearInterval(renewal);
    if (await finishJob(db, job.id, result, me.name)) log('job done', { id: job.id, kind: job.kind });
  } catch (error) {
    clearInterval(renewal);
    log('job failed', { id: job.id, kind: job.kind, error: (error as Error).message });
    await failJob(db, job, (error as Error).message, me.name);
  }
}

/**
 * Runs queued jobs one after another until none is left (used by tests and by the worker loop). Jobs whose lease
 * ran out (their process died) are put back in the queue first.
 */
export async function runPendingJobs(
  db: Kysely<Database>,
  dataDir: string,
  log: Log = () => undefined,
  me: WorkerIdentity = { name: workerName(), leaseMs: DEFAULT_LEASE_MS },
  shouldStop: () => boolean = () => false,
): Promise<number> {
  const reclaimed = await reclaimExpiredLeases(db);
  if (reclaimed) log('jobs of a stopped process taken back', { count: reclaimed });
  let count = 0;
  while (!shouldStop()) {
    const job = await claimJob(db, me.name, me.leaseMs);
    if (!job) break;
    await runJob(db, dataDir, job, log, me);
    count++;
  }
  return count;
}

/**
 * The background worker of the process: polls the `jobs` table every second and runs one job at a time, so
 * requests keep the CPU they need. Several processes share the queue: each claims jobs with a lease it renews while
 * it works, and only the jobs of a process that died (lease run out) are taken back — starting a process never
 * touches the jobs others are running.
 * @returns stop(): waits up to `graceMs` for the job in hand; a job still running then keeps its lease, which runs
 * out once this process has exited, and another process takes it back
 */
export function startJobWorker(options: {
  db: Kysely<Database>;
  dataDir: string;
  log?: Log;
  intervalMs?: number;
  leaseMs?: number;
  name?: string;
}): { name: string; stop(graceMs?: number): Promise<void> } {
  const { db, dataDir, log = () => undefined, intervalMs = 1000 } = options;
  const me: WorkerIdentity = { name: options.name ?? workerName(), leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS };
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = running
      .then(() => runPendingJobs(db, dataDir, log, me, () => stopped))
      .catch((error: unknown) => log('job worker error', { error: (error as Error).message }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  let timer = setTimeout(tick, 50);
  return {
    name: me.name,
    async stop(graceMs = 10_000) {
      stopped = true;
      clearTimeout(timer);
      let guard: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (guard = setTimeout(() => resolve('timeout'), graceMs)));
      const outcome = await Promise.race([running.catch(() => undefined), timeout]);
      clearTimeout(guard);
      if (outcome === 'timeout') log('job still running at shutdown: its lease runs out and another process takes it back');
    },
  };
}
