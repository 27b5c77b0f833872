-- Statistics upkeep once per bulk write, not once per statement (issue 16, Speed).
--
-- The statistics aggregates (stats_item_year, stats_item_place / _sector / _historic_region, stats_item_cell and,
-- through stats_item_year's own triggers, stats_org_year) and the aid totals (aid_item_totals,
-- aid_item_year_totals) are kept by statement-level triggers in the transaction of every write. An IATI apply
-- writes a few hundred statements per thousand activities; the triggers then redo the same items' aggregates
-- batch after batch (about two thirds of the apply's database time).
--
-- A transaction that sets `vnaid.defer_stats` to 'on' (set_config(..., true): transaction-local, so it can never
-- leak into another transaction on a pooled connection) makes those triggers skip, and must call
-- stats_recompute_items(ids) with every aid item it wrote before it commits: that rebuilds, set-based, exactly
-- what the triggers would have left (same rules: counted statuses only, item-years with at least one commitment or
-- disbursement, fractions from the current shares), then turns the setting off again. The triggers fed by
-- stats_item_year (stats_org_year) stay on: under deferral that table only changes in the recompute.
-- Not deferred: writes that are not about the written items (an organisation's country, exchange rates, deletes of
-- aid items), which keep their triggers whatever the setting.
-- Functions run as the invoker (the runtime role writes these tables anyway); EXECUTE belongs to PUBLIC.

create function stats_deferred() returns boolean language sql stable parallel safe
  return coalesce(current_setting('vnaid.defer_stats', true), '') = 'on';

-- Level 1: aid_transactions → stats_item_year.
create or replace function stats_tx_inserted() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  perform stats_apply_item_deltas(array(
    select row(aid_item_id, extract(year from tx_date)::int,
      coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0), coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
      count(*) filter (where kind = 'COMMITMENT'), count(*) filter (where kind = 'DISBURSEMENT'), 0)::stats_delta
    from new_rows group by aid_item_id, extract(year from tx_date)::int));
  return null;
end $$;
create or replace function stats_tx_deleted() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  perform stats_apply_item_deltas(array(
    select row(aid_item_id, extract(year from tx_date)::int,
      -coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0), -coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
      -count(*) filter (where kind = 'COMMITMENT'), -count(*) filter (where kind = 'DISBURSEMENT'), 0)::stats_delta
    from old_rows group by aid_item_id, extract(year from tx_date)::int));
  return null;
end $$;
create or replace function stats_tx_updated() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  perform stats_apply_item_deltas(array(
    select row(aid_item_id, extract(year from tx_date)::int,
      coalesce(sum(sign * amount_usd) filter (where kind = 'COMMITMENT'), 0), coalesce(sum(sign * amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
      coalesce(sum(sign) filter (where kind = 'COMMITMENT'), 0), coalesce(sum(sign) filter (where kind = 'DISBURSEMENT'), 0), 0)::stats_delta
    from (select aid_item_id, tx_date, kind, amount_usd, -1 as sign from old_rows
          union all select aid_item_id, tx_date, kind, amount_usd, 1 from new_rows) r
    group by aid_item_id, extract(year from tx_date)::int));
  return null;
end $$;

-- Aid items: donor, counted status, governing agency / donor country.
create or replace function stats_item_donor_changed() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  update stats_item_year set organisation_id = new.organisation_id where aid_item_id = new.id;
  return null;
end $$;
create or replace function stats_aid_items_status_changed() returns trigger language plpgsql as $$
declare
  entering uuid[];
  leaving uuid[];
begin
  if stats_deferred() then return null; end if;
  select array_agg(n.id) filter (where stats_counted_status(n.status)), array_agg(n.id) filter (where not stats_counted_status(n.status))
    into entering, leaving
  from old_rows o join new_rows n on n.id = o.id
  where stats_counted_status(o.status) is distinct from stats_counted_status(n.status);
  if leaving is not null then
    delete from stats_item_year where aid_item_id = any(leaving);
  end if;
  if entering is not null then
    perform stats_item_years_of(entering);
  end if;
  return null;
end $$;
create or replace function stats_cells_aid_item_changed() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  perform stats_refresh_cells(array[new.id], null);
  return null;
end $$;

-- Locations and sectors → fractions.
create or replace function stats_locations_inserted() returns trigger language plpgsql as $$
begin if stats_deferred() then return null; end if; perform stats_refresh_places(array(select distinct aid_item_id from new_rows)); return null; end $$;
create or replace function stats_locations_deleted() returns trigger language plpgsql as $$
begin if stats_deferred() then return null; end if; perform stats_refresh_places(array(select distinct aid_item_id from old_rows)); return null; end $$;
create or replace function stats_locations_updated() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  perform stats_refresh_places(array(select aid_item_id from old_rows union select aid_item_id from new_rows));
  return null;
end $$;
create or replace function stats_sectors_inserted() returns trigger language plpgsql as $$
begin if stats_deferred() then return null; end if; perform stats_refresh_sectors(array(select distinct aid_item_id from new_rows)); return null; end $$;
create or replace function stats_sectors_deleted() returns trigger language plpgsql as $$
begin if stats_deferred() then return null; end if; perform stats_refresh_sectors(array(select distinct aid_item_id from old_rows)); return null; end $$;
create or replace function stats_sectors_updated() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  perform stats_refresh_sectors(array(select aid_item_id from old_rows union select aid_item_id from new_rows));
  return null;
end $$;

-- Item-years and fractions → cells.
create or replace function stats_cells_item_year_new() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  perform stats_refresh_cells(array(select aid_item_id from new_rows), array(select year from new_rows));
  return null;
end $$;
create or replace function stats_cells_item_year_old() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  perform stats_refresh_cells(array(select aid_item_id from old_rows), array(select year from old_rows));
  return null;
end $$;
create or replace function stats_cells_fractions_new() returns trigger language plpgsql as $$
begin if stats_deferred() then return null; end if; perform stats_refresh_cells(array(select distinct aid_item_id from new_rows), null); return null; end $$;
create or replace function stats_cells_fractions_old() returns trigger language plpgsql as $$
begin if stats_deferred() then return null; end if; perform stats_refresh_cells(array(select distinct aid_item_id from old_rows), null); return null; end $$;

-- Aid totals.
create or replace function aid_totals_add() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  insert into aid_item_totals as t (aid_item_id, committed_usd, disbursed_usd, committed_vnd, disbursed_vnd, first_tx_date, last_tx_date, tx_count)
  select aid_item_id,
         coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'DISBURSEMENT'), 0),
         min(tx_date), max(tx_date), count(*)
    from new_rows group by aid_item_id
  on conflict (aid_item_id) do update set
    committed_usd = t.committed_usd + excluded.committed_usd,
    disbursed_usd = t.disbursed_usd + excluded.disbursed_usd,
    committed_vnd = t.committed_vnd + excluded.committed_vnd,
    disbursed_vnd = t.disbursed_vnd + excluded.disbursed_vnd,
    first_tx_date = least(t.first_tx_date, excluded.first_tx_date),
    last_tx_date = greatest(t.last_tx_date, excluded.last_tx_date),
    tx_count = t.tx_count + excluded.tx_count;

  insert into aid_item_year_totals as y (aid_item_id, year, committed_usd, disbursed_usd, committed_vnd, disbursed_vnd, tx_count)
  select aid_item_id, extract(year from tx_date)::int,
         coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'DISBURSEMENT'), 0),
         count(*)
    from new_rows group by aid_item_id, extract(year from tx_date)::int
  on conflict (aid_item_id, year) do update set
    committed_usd = y.committed_usd + excluded.committed_usd,
    disbursed_usd = y.disbursed_usd + excluded.disbursed_usd,
    committed_vnd = y.committed_vnd + excluded.committed_vnd,
    disbursed_vnd = y.disbursed_vnd + excluded.disbursed_vnd,
    tx_count = y.tx_count + excluded.tx_count;
  return null;
end $$;
create or replace function aid_totals_after_delete() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  -- Rows of aid items being deleted (cascade) have nothing left to count; their totals rows cascade too.
  perform aid_totals_recompute(array(select distinct aid_item_id from old_rows where exists (select 1 from aid_items i where i.id = old_rows.aid_item_id)));
  return null;
end $$;
create or replace function aid_totals_after_update() returns trigger language plpgsql as $$
begin
  if stats_deferred() then return null; end if;
  perform aid_totals_recompute(array(select aid_item_id from old_rows union select aid_item_id from new_rows));
  return null;
end $$;

-- The deferred upkeep of the aid items `ids`, set-based, then the deferral ends. What it writes equals what the
-- triggers above would have written, statement by statement, for the same writes (tested in
-- src/modules/iati/iati-import.deferred.test.ts).
create function stats_recompute_items(ids uuid[]) returns void language plpgsql as $$
begin
  ids := array(select distinct x from unnest(ids) x where x is not null);
  -- Still deferred here: the cells are rebuilt once at the end, not per statement below.
  perform aid_totals_recompute(ids);
  perform stats_refresh_places(ids);
  perform stats_refresh_sectors(ids);
  delete from stats_item_year where aid_item_id = any(ids);
  -- As stats_apply_item_deltas keeps it: counted items only, and no item-year without a commitment or disbursement.
  insert into stats_item_year (aid_item_id, year, organisation_id, committed_usd, disbursed_usd, commitments, disbursements)
  select t.aid_item_id, extract(year from t.tx_date)::int, i.organisation_id,
    coalesce(sum(t.amount_usd) filter (where t.kind = 'COMMITMENT'), 0), coalesce(sum(t.amount_usd) filter (where t.kind = 'DISBURSEMENT'), 0),
    count(*) filter (where t.kind = 'COMMITMENT'), count(*) filter (where t.kind = 'DISBURSEMENT')
  from aid_transactions t join aid_items i on i.id = t.aid_item_id
  where t.aid_item_id = any(ids) and stats_counted_status(i.status) and t.kind in ('COMMITMENT', 'DISBURSEMENT')
  group by 1, 2, 3;
  perform stats_refresh_cells(ids, null);
  perform set_config('vnaid.defer_stats', 'off', true);
end $$;
