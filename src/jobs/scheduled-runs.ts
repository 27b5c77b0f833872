import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { workerName } from './queue';
import { every, periodStart, type Schedule } from './schedule';

/** How long a run is its process's before another may take it over (renewed while it runs). */
const RUN_LEASE_MS = 5 * 60_000;
/** Rows of finished periods are kept this long (what ran, when, where), then removed. */
const KEEP_DAYS = 30;

/**
 * Claims the run of `task` for the period starting at `period`: true for exactly one process per period — the one
 * whose insert lands first — or for a process taking over a run whose holder died (its lease ran out unfinished) or
 * failed (a failure ends the lease at once, so a later check in the same period tries again).
 */
export async function claimScheduledRun(
  db: Kysely<Database>,
  task: string,
  period: Date,
  worker: string,
  leaseMs = RUN_LEASE_MS,
): Promise<boolean> {
  const { rows } = await sql<{ task: string }>`
    insert into scheduled_runs as r (task, period, locked_by, lease_until)
    values (${task}, ${period}, ${worker}, now() + ${leaseMs} * interval '1 millisecond')
    on conflict (task, period) do update
      set locked_by = excluded.locked_by, lease_until = excluded.lease_until, started_at = now(), attempts = r.attempts + 1
      where r.finished_at is null and r.lease_until < now()
    returning task`.execute(db);
  return rows.length === 1;
}

/** Ends a run: finished, or failed (its lease ends now, so the next check of the period retries). */
export async function endScheduledRun(db: Kysely<Database>, task: string, period: Date, worker: string, error?: string): Promise<void> {
  await db
    .updateTable('scheduled_runs')
    .set(error === undefined ? { finished_at: sql`now()`, error: null } : { lease_until: sql`now()`, error: error.slice(0, 2000) })
    .where('task', '=', task)
    .where('period', '=', period)
    .where('locked_by', '=', worker)
    .execute();
}

/**
 * Runs `task` once per period of `intervalMs` (periods aligned on the clock, e.g. each UTC hour) across every process
 * on the database: each process checks every quarter period (first after `firstDelayMs`), and only the one that
 * claims the period's row runs it. Several processes, or several servers on one DATABASE_URL, therefore send one
 * reminder, build one bundle and sweep once per period, and a period missed while no process ran is caught up by
 * the first check after it. Periods follow the database server's clock. Timers do not keep the process alive.
 */
export function everyPeriod(
  db: Kysely<Database>,
  task: string,
  run: () => Promise<unknown>,
  options: { intervalMs: number; firstDelayMs: number; checkMs?: number; onError?: (error: unknown) => void; worker?: string },
): Schedule {
  const worker = options.worker ?? workerName();
  return every(
    async () => {
      // The database's clock, not this machine's: servers whose clocks differ still agree on the period.
      const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db);
      const period = periodStart(rows[0]!.now, options.intervalMs);
      if (!(await claimScheduledRun(db, task, period, worker))) return;
      const renewal = setInterval(() => {
        void db
          .updateTable('scheduled_runs')
          .set({ lease_until: sql`now() + ${RUN_LEASE_MS} * interval '1 millisecond'` })
          .where('task', '=', task)
          .where('period', '=', period)
          .where('locked_by', '=', worker)
          .execute()
          .catch(() => undefined);
      }, RUN_LEASE_MS / 3);
      renewal.unref();
      try {
        await run();
        await endScheduledRun(db, task, period, worker);
      } catch (error) {
        await endScheduledRun(db, task, period, worker, (error as Error).message ?? String(error)).catch(() => undefined);
        throw error;
      } finally {
        clearInterval(renewal);
      }
      await db
        .deleteFrom('scheduled_runs')
        .where('task', '=', task)
        .where('period', '<', sql<Date>`now() - ${KEEP_DAYS} * interval '1 day'`)
        .execute();
    },
    {
      firstDelayMs: options.firstDelayMs,
      intervalMs: options.checkMs ?? Math.max(1000, Math.floor(options.intervalMs / 4)),
      onError: options.onError,
    },
  );
}
