import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, JobTable } from '@db/types';

export type JobRow = Selectable<JobTable>;

/** What a job handler gets: its job, the database, where to write files, and a way to report progress. */
export type JobContext = {
  db: Kysely<Database>;
  job: JobRow;
  dataDir: string;
  progress(percent: number): Promise<void>;
};
/** A handler returns the job's result (stored as JSON; a file result names `file`, `fileName` and `contentType`). */
export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown>>;

const handlers = new Map<string, JobHandler>();

/** Makes a kind of job runnable by the worker; modules register theirs when their routes load. */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}
export const jobHandler = (kind: string): JobHandler | undefined => handlers.get(kind);

/** Queues a job; call it inside the transaction of the request that asks for it. */
export async function enqueueJob(
  db: Kysely<Database>,
  job: { kind: string; payload: Record<string, unknown>; requestedBy: string | null },
): Promise<JobRow> {
  const row = await db
    .insertInto('jobs')
    .values({ kind: job.kind, payload: JSON.stringify(job.payload), requested_by: job.requestedBy })
    .returningAll()
    .executeTakeFirstOrThrow();
  return row;
}

/** How long a claimed job is its worker's before another process may take it back (renewed while it runs). */
export const DEFAULT_LEASE_MS = 60_000;

/** A worker's name in `jobs.locked_by`: host, pid and a random part, so two workers never share one. */
export const workerName = (): string => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * Takes the oldest queued job of a known kind, if any, and leases it to `worker` for `leaseMs`. `FOR UPDATE SKIP
 * LOCKED` lets several workers (several processes) share the queue: each job is claimed by one of them.
 */
export async function claimJob(db: Kysely<Database>, worker: string, leaseMs = DEFAULT_LEASE_MS): Promise<JobRow | undefined> {
  const kinds = [...handlers.keys()];
  if (!kinds.length) return undefined;
  const { rows } = await sql<JobRow>`
    update jobs set status = 'running', started_at = now(), attempts = attempts + 1, progress = 0, error = null,
      locked_by = ${worker}, lease_until = now() + ${leaseMs} * interval '1 millisecond'
    where id = (select id from jobs where status = 'queued' and kind = any(${kinds}::text[]) order by created_at for update skip locked limit 1)
    returning *`.execute(db);
  return rows[0];
}

/**
 * Extends the lease of a job `worker` is running. @returns false when the job is no longer its own (the lease ran
 * out and another process took the job back), so the worker knows to stop writing to it.
 */
export async function renewLease(db: Kysely<Database>, id: string, worker: string, leaseMs = DEFAULT_LEASE_MS): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ lease_until: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Progress of a job `worker` still holds (a worker that lost its lease writes nothing). */
export async function setProgress(db: Kysely<Database>, id: string, percent: number, worker?: string): Promise<void> {
  let query = db
    .updateTable('jobs')
    .set({ progress: Math.max(0, Math.min(99, Math.round(percent))) })
    .where('id', '=', id)
    .where('status', '=', 'running');
  if (worker) query = query.where('locked_by', '=', worker);
  await query.execute();
}

/** Records a job's result, if `worker` still holds it. @returns whether it did */
export async function finishJob(db: Kysely<Database>, id: string, result: Record<string, unknown>, worker?: string): Promise<boolean> {
  let query = db
    .updateTable('jobs')
    .set({ status: 'done', progress: 100, result: JSON.stringify(result), finished_at: new Date(), lease_until: null })
    .where('id', '=', id);
  if (worker) query = query.where('status', '=', 'running').where('locked_by', '=', worker);
  return Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
}

/** A failed attempt goes back to the queue until max_attempts; then the job stays failed with its error. */
export async function failJob(db: Kysely<Database>, job: JobRow, error: string, worker?: string): Promise<void> {
  const retry = job.attempts < job.max_attempts;
  let query = db
    .updateTable('jobs')
    .set({ status: retry ? 'queued' : 'failed', error: error.slice(0, 2000), finished_at: retry ? null : new Date(), lease_until: null })
    .where('id', '=', job.id);
  if (worker) query = query.where('status', '=', 'running').where('locked_by', '=', worker);
  await query.execute();
}

/**
 * Jobs whose lease ran out — their process died (kill -9, a lost machine) — go back to the queue, or fail once they
 * used all their attempts (a job that kills its worker must not kill them all in turn). A job whose worker is alive
 * keeps renewing its lease and is never touched, whichever process starts or polls.
 * @returns how many jobs were taken back
 */
export async function reclaimExpiredLeases(db: Kysely<Database>): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: sql`case when attempts >= max_attempts then 'failed' else 'queued' end`,
      error: 'the process running this job stopped before it finished',
      finished_at: sql`case when attempts >= max_attempts then now() end`,
      lease_until: null,
    })
    .where('status', '=', 'running')
    .where('lease_until', '<', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
