-- Foundation: extensions, accent folding, accounts, sessions, API tokens and the append-only audit trail.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- Accent- and case-insensitive form of a text, immutable so it can back expression indexes
-- ("cuu tro tre em" must find "Cứu trợ trẻ em"). unaccent() itself is only stable, hence the dictionary argument.
create function vn_fold(value text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, translate(value, 'đĐ', 'dD'))) $$;

create table agencies (
  id text primary key,
  name_vi text not null,
  name_en text not null,
  short_name text,
  kind text not null check (kind in ('CENTRAL', 'MINISTRY', 'PROVINCE', 'MASS_ORGANISATION', 'OTHER')),
  province_id text,
  valid_from date,
  valid_until date,
  successor_id text references agencies(id),
  note text
);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  display_name text not null,
  email text,
  password_hash text not null,
  role text not null check (role in ('admin', 'central', 'agency', 'reviewer', 'ngo')),
  organisation_id uuid,
  agency_id text references agencies(id),
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (role <> 'ngo' or organisation_id is not null),
  check (role not in ('agency', 'reviewer') or agency_id is not null)
);
create unique index users_username_key on users (lower(username));

create table sessions (
  id_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default clock_timestamp(),
  actor_user_id uuid,
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, at desc);
create index audit_log_actor_idx on audit_log (actor_user_id, at desc);
create index audit_log_at_idx on audit_log (at desc);

-- The trail is evidence: the database itself refuses to change or remove a row, whoever asks.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();

-- Background work (large reports, imports, daily bundles) with progress the UI can poll.
create table jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  progress integer not null default 0 check (progress between 0 and 100),
  attempts integer not null default 0,
  max_attempts integer not null default 3,
  result jsonb,
  error text,
  requested_by uuid references users(id),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index jobs_queue_idx on jobs (created_at) where status = 'queued';
