-- Change notifications for the in-memory caches of every vnaid process (issue 11, throughput).
--
-- Several processes may serve one database, and each keeps the public figures (statistics, directory) and the
-- sessions it has resolved in memory. A write in any process, job or tool must reach every process's cache, so
-- the tables those answers are read from notify on commit (NOTIFY is delivered only when the transaction commits,
-- and duplicates within one transaction are folded into one):
--   * vnaid_public_data (payload empty): any change to what the public statistics or the directory read;
--   * vnaid_sessions (payload: user ids separated by commas, or '*' for all): a session ended or changed, or an
--     account or agency changed (role, scope, password, deactivation). A session's own sliding expiry
--     (last_seen_at, a later expires_at) does not notify.
-- src/http/public-cache.ts and src/http/session-cache.ts LISTEN on one dedicated connection and drop what they
-- hold; while that connection is down they serve nothing from memory.

create function vnaid_notify_public_data() returns trigger language plpgsql as $$
begin
  perform pg_notify('vnaid_public_data', '');
  return null;
end $$;

do $$
declare
  t text;
begin
  foreach t in array array[
    -- aid and its money (the transactions' triggers keep the statistics aggregates below)
    'aid_items', 'aid_transactions', 'aid_locations', 'aid_sectors', 'exchange_rates', 'ngo_reports',
    -- the statistics aggregates themselves (whatever keeps them)
    'stats_item_year', 'stats_org_year', 'stats_item_place', 'stats_item_sector', 'stats_item_cell',
    -- the registry: the directory and the registered-organisation figures
    'organisations', 'certificates', 'certificate_events', 'certificate_versions', 'certificate_status_periods',
    -- reference data the answers name
    'provinces', 'regions', 'sectors', 'countries', 'historic_regions', 'historic_region_provinces']
  loop
    if to_regclass('public.' || t) is not null then
      execute format(
        'create trigger %I after insert or update or delete or truncate on %I for each statement execute function vnaid_notify_public_data()',
        t || '_notify_public_data', t);
    end if;
  end loop;
end $$;

-- At most this many user ids in one payload (NOTIFY payloads are limited to 8000 bytes); more: '*'.
create function vnaid_notify_user_ids(ids text[]) returns void language plpgsql as $$
begin
  if ids is null or cardinality(ids) = 0 then
    return;
  end if;
  perform pg_notify('vnaid_sessions', case when cardinality(ids) > 100 then '*' else array_to_string(ids, ',') end);
end $$;

create function vnaid_notify_sessions_deleted() returns trigger language plpgsql as $$
begin
  perform vnaid_notify_user_ids((select array_agg(distinct o.user_id::text) from old_rows o));
  return null;
end $$;

-- A session row changed in anything but its sliding expiry: ended early, moved, or whatever a later column says.
create function vnaid_notify_sessions_updated() returns trigger language plpgsql as $$
begin
  perform vnaid_notify_user_ids((
    select array_agg(distinct o.user_id::text)
    from old_rows o left join new_rows n on n.id_hash = o.id_hash
    where n.id_hash is null
      or n.expires_at < o.expires_at
      or (to_jsonb(n) - 'last_seen_at' - 'expires_at') is distinct from (to_jsonb(o) - 'last_seen_at' - 'expires_at')));
  return null;
end $$;

create function vnaid_notify_users_changed() returns trigger language plpgsql as $$
begin
  perform vnaid_notify_user_ids((select array_agg(distinct o.id::text) from old_rows o));
  return null;
end $$;

create function vnaid_notify_all_sessions() returns trigger language plpgsql as $$
begin
  perform pg_notify('vnaid_sessions', '*');
  return null;
end $$;

create trigger sessions_notify_deleted after delete on sessions referencing old table as old_rows
  for each statement execute function vnaid_notify_sessions_deleted();
create trigger sessions_notify_updated after update on sessions referencing old table as old_rows new table as new_rows
  for each statement execute function vnaid_notify_sessions_updated();
create trigger sessions_notify_truncated after truncate on sessions
  for each statement execute function vnaid_notify_all_sessions();
create trigger users_notify_updated after update on users referencing old table as old_rows
  for each statement execute function vnaid_notify_users_changed();
create trigger users_notify_deleted after delete on users referencing old table as old_rows
  for each statement execute function vnaid_notify_users_changed();
create trigger users_notify_truncated after truncate on users
  for each statement execute function vnaid_notify_all_sessions();
create trigger agencies_notify_changed after update or delete or truncate on agencies
  for each statement execute function vnaid_notify_all_sessions();
