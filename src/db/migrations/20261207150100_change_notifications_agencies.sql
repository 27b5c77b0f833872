-- The aid list is kept in memory per data scope (src/http/public-cache.ts, mode `scope`), and a ministry's scope
-- follows the agencies' successor chain: a change to agencies must empty those caches too, in every process.
create trigger agencies_notify_public_data after insert or update or delete or truncate on agencies
  for each statement execute function vnaid_notify_public_data();
