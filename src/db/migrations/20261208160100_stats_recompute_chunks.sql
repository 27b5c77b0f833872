-- The deferred statistics upkeep of migration 20261208160000, in chunks: an apply rebuilds the items it wrote every
-- few thousand items while it goes on reading the file (the rebuild overlaps the reading instead of running alone
-- before the commit), so the deferral must outlive each rebuild. stats_recompute_items_kept rebuilds and keeps the
-- deferral; stats_recompute_items rebuilds and ends it, as before. Rebuilding an item twice gives the same rows.

create function stats_recompute_items_kept(ids uuid[]) returns void language plpgsql as $$
begin
  ids := array(select distinct x from unnest(ids) x where x is not null);
  -- Called under the deferral: the cells are rebuilt once at the end, not per statement below.
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
end $$;

create or replace function stats_recompute_items(ids uuid[]) returns void language plpgsql as $$
begin
  perform stats_recompute_items_kept(ids);
  perform set_config('vnaid.defer_stats', 'off', true);
end $$;
