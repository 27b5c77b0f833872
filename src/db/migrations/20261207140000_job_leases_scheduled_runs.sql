-- More than one process on one database (issue 11): jobs are leased, periodic tasks run once per period, and the
-- rate-limit counters live here so every process counts the same requests.

-- A running job belongs to the worker that holds its lease; the worker renews it while it works. Only a job whose
-- lease ran out (its process died) goes back to the queue; another process starting never touches a live one.
alter table jobs
  add column locked_by text,
  add column lease_until timestamptz;
-- Jobs left running by the processes of an older version have no lease: they are taken back at the next poll.
update jobs set lease_until = now() where status = 'running';
create index jobs_lease_idx on jobs (lease_until) where status = 'running';

-- One row per periodic task and period (its time slot): the first process to insert it runs the task; a run whose
-- process died before finishing can be taken over once its lease ran out.
create table scheduled_runs (
  task text not null,
  period timestamptz not null,
  locked_by text not null,
  lease_until timestamptz not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  attempts integer not null default 1,
  error text,
  primary key (task, period)
);

-- Counters of @fastify/rate-limit (src/http/rate-limit-store.ts): one row per route and client address, for the
-- current window. Unlogged: losing the counters in a crash only gives clients a fresh window.
create unlogged table rate_limit_hits (
  key text primary key,
  hits integer not null,
  expires_at timestamptz not null
);
create index rate_limit_hits_expiry_idx on rate_limit_hits (expires_at);
