import type { Generated } from 'kysely';

/** One run of a periodic task in one period (migration 20261207140000): whoever inserts it first runs the task. */
export type ScheduledRunTable = {
  task: string;
  period: Date;
  locked_by: string;
  lease_until: Date;
  started_at: Generated<Date>;
  finished_at: Date | null;
  attempts: Generated<number>;
  error: string | null;
};

/** A rate-limit counter shared by every process: one row per route and client for the current window. */
export type RateLimitHitTable = {
  key: string;
  hits: number;
  expires_at: Date;
};

export type JobsTables = {
  scheduled_runs: ScheduledRunTable;
  rate_limit_hits: RateLimitHitTable;
};
