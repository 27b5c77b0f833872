-- Statistics count only aid that the State has approved (issue 11, defect 1): an NGO's draft (PIPELINE), a
-- cancelled item or a lapsed (revoked) approval must never move the public figures. The rule is written once in
-- src/domain/statistics/definitions.ts (COUNTED_AID_STATUSES) and once here, as stats_counted_status(); a test
-- asks this function about every aid status and compares it with the TypeScript list.
--
-- The aggregates (stats_item_year, and through their triggers stats_org_year and stats_item_cell) now hold the
-- counted items only:
--   * transaction deltas of an item that is not counted are ignored;
--   * an item whose status starts counting gets its item-year rows from its transactions, and one that stops
--     counting loses them, in the statement that changes the status (same transaction);
--   * a deleted item loses its rows (its transactions are deleted by cascade after the item row is gone).

create function stats_counted_status(status text) returns boolean language sql immutable parallel safe
  return status in ('APPROVED', 'IMPLEMENTING', 'COMPLETED');

create or replace function stats_apply_item_deltas(deltas stats_delta[]) returns void language plpgsql as $$
begin
  insert into stats_item_year as s (aid_item_id, year, organisation_id, committed_usd, disbursed_usd, commitments, disbursements)
  select d.key_id, d.year, i.organisation_id, d.c, d.dd, d.nc, d.nd
  from (
    select key_id, year, sum(committed_usd) c, sum(disbursed_usd) dd, sum(commitments)::int nc, sum(disbursements)::int nd
    from unnest(deltas) group by key_id, year
  ) d
  join aid_items i on i.id = d.key_id and stats_counted_status(i.status)
  on conflict (aid_item_id, year) do update set
    committed_usd = s.committed_usd + excluded.committed_usd,
    disbursed_usd = s.disbursed_usd + excluded.disbursed_usd,
    commitments = s.commitments + excluded.commitments,
    disbursements = s.disbursements + excluded.disbursements;
  delete from stats_item_year s
  using (select distinct key_id, year from unnest(deltas)) k
  where s.aid_item_id = k.key_id and s.year = k.year and s.commitments = 0 and s.disbursements = 0;
end $$;

-- The item-year rows of counted items, recomputed from their transactions.
create function stats_item_years_of(ids uuid[]) returns void language plpgsql as $$
begin
  insert into stats_item_year (aid_item_id, year, organisation_id, committed_usd, disbursed_usd, commitments, disbursements)
  select t.aid_item_id, extract(year from t.tx_date)::int, i.organisation_id,
    coalesce(sum(t.amount_usd) filter (where t.kind = 'COMMITMENT'), 0), coalesce(sum(t.amount_usd) filter (where t.kind = 'DISBURSEMENT'), 0),
    count(*) filter (where t.kind = 'COMMITMENT'), count(*) filter (where t.kind = 'DISBURSEMENT')
  from aid_transactions t join aid_items i on i.id = t.aid_item_id
  where t.aid_item_id = any(ids) and stats_counted_status(i.status)
  group by 1, 2, 3;
end $$;

-- Items entering or leaving the counted set in one statement (approval, cancellation, lapse, bulk import).
create function stats_aid_items_status_changed() returns trigger language plpgsql as $$
declare
  entering uuid[];
  leaving uuid[];
begin
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

create function stats_aid_items_deleted() returns trigger language plpgsql as $$
begin
  delete from stats_item_year s using old_rows o where s.aid_item_id = o.id;
  return null;
end $$;

create trigger stats_aid_items_status after update on aid_items referencing old table as old_rows new table as new_rows
  for each statement execute function stats_aid_items_status_changed();
create trigger stats_aid_items_delete after delete on aid_items referencing old table as old_rows
  for each statement execute function stats_aid_items_deleted();

-- Existing aggregates: drop what is not counted (their triggers update stats_org_year and the cells).
delete from stats_item_year s
where not exists (select 1 from aid_items i where i.id = s.aid_item_id and stats_counted_status(i.status));
