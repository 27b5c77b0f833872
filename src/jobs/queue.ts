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

/** Takes the oldest queued job of a known kind, if any; SKIP LOCKED lets several workers share the queue. */
export async function claimJob(db: Kysely<Database>): Promise<JobRow | undefined> {
  const kinds = [...handlers.keys()];
  if (!kinds.length) return undefined;
  const { rows } = await sql<JobRow>`
    update jobs set status = 'running', started_at = now(), attempts = attempts + 1, progress = 0, error = null
    where id = (select id from jobs where status = 'queued' and kind = any(${kinds}::text[]) order by created_at for update skip locked limit 1)
    returning *`.execute(db);
  return rows[0];
}

export async function setProgress(db: Kysely<Database>, id: string, percent: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ progress: Math.max(0, Math.min(99, Math.round(percent))) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishJob(db: Kysely<Database>, id: string, result: Record<string, unknown>): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', progress: 100, result: JSON.stringify(result), finished_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt goes back to the queue until max_attempts; then the job stays failed with its error. */
export async function failJob(db: Kysely<Database>, job: JobRow, error: string): Promise<void> {
  const retry = job.attempts < job.max_attempts;
  await db
    .updateTable('jobs')
    .set({ status: retry ? 'queued' : 'failed', error: error.slice(0, 2000), finished_at: retry ? null : new Date() })
    .where('id', '=', job.id)
    .execute();
}

/** Jobs left running by a process that stopped (a restart, a crash) are queued again. */
export async function requeueInterrupted(db: Kysely<Database>): Promise<number> {
  const result = await db.updateTable('jobs').set({ status: 'queued' }).where('status', '=', 'running').executeTakeFirst();
  return Number(result.numUpdatedRows);
}
