-- Statistics aggregates (src/modules/stats), kept current by triggers in the transaction of every write, so the
-- dashboards never read stale figures and never scan aid_transactions.
--   stats_item_year: per aid item and calendar year, the USD committed and disbursed and the transaction counts
--                    (maintained from aid_transactions by statement-level triggers over transition tables, so a
--                    bulk insert costs one aggregate update, not one per row);
--   stats_org_year:  the same per donor organisation and year (null = donors that are not a registered NGO),
--                    maintained from stats_item_year the same way, with the number of aid items.
-- Province and sector breakdowns join stats_item_year to aid_locations / aid_sectors when read: the shares
-- are always the current ones, and a year holds only some thousand item rows.

create table stats_item_year (
  aid_item_id uuid not null,
  year integer not null,
  organisation_id uuid,
  committed_usd numeric not null default 0,
  disbursed_usd numeric not null default 0,
  commitments integer not null default 0,
  disbursements integer not null default 0,
  primary key (aid_item_id, year)
);
create index stats_item_year_year_idx on stats_item_year (year);
create index stats_item_year_org_idx on stats_item_year (organisation_id, year);

create table stats_org_year (
  organisation_id uuid,
  year integer not null,
  committed_usd numeric not null default 0,
  disbursed_usd numeric not null default 0,
  commitments integer not null default 0,
  disbursements integer not null default 0,
  aid_records integer not null default 0,
  constraint stats_org_year_key unique nulls not distinct (organisation_id, year)
);
create index stats_org_year_year_idx on stats_org_year (year);

create type stats_delta as (
  key_id uuid,
  year integer,
  committed_usd numeric,
  disbursed_usd numeric,
  commitments integer,
  disbursements integer,
  records integer
);

-- Adds item-year deltas (key_id = aid item); removes rows left without any transaction.
create function stats_apply_item_deltas(deltas stats_delta[]) returns void language plpgsql as $$
begin
  insert into stats_item_year as s (aid_item_id, year, organisation_id, committed_usd, disbursed_usd, commitments, disbursements)
  select d.key_id, d.year, i.organisation_id, d.c, d.dd, d.nc, d.nd
  from (
    select key_id, year, sum(committed_usd) c, sum(disbursed_usd) dd, sum(commitments)::int nc, sum(disbursements)::int nd
    from unnest(deltas) group by key_id, year
  ) d
  left join aid_items i on i.id = d.key_id
  on conflict (aid_item_id, year) do update set
    committed_usd = s.committed_usd + excluded.committed_usd,
    disbursed_usd = s.disbursed_usd + excluded.disbursed_usd,
    commitments = s.commitments + excluded.commitments,
    disbursements = s.disbursements + excluded.disbursements;
  delete from stats_item_year s
  using (select distinct key_id, year from unnest(deltas)) k
  where s.aid_item_id = k.key_id and s.year = k.year and s.commitments = 0 and s.disbursements = 0;
end $$;

-- Adds organisation-year deltas (key_id = organisation, null for other donors).
create function stats_apply_org_deltas(deltas stats_delta[]) returns void language plpgsql as $$
begin
  insert into stats_org_year as s (organisation_id, year, committed_usd, disbursed_usd, commitments, disbursements, aid_records)
  select key_id, year, sum(committed_usd), sum(disbursed_usd), sum(commitments)::int, sum(disbursements)::int, sum(records)::int
  from unnest(deltas) group by key_id, year
  on conflict on constraint stats_org_year_key do update set
    committed_usd = s.committed_usd + excluded.committed_usd,
    disbursed_usd = s.disbursed_usd + excluded.disbursed_usd,
    commitments = s.commitments + excluded.commitments,
    disbursements = s.disbursements + excluded.disbursements,
    aid_records = s.aid_records + excluded.aid_records;
  delete from stats_org_year s
  using (select distinct key_id, year from unnest(deltas)) k
  where s.organisation_id is not distinct from k.key_id and s.year = k.year and s.aid_records = 0;
end $$;

-- Level 1: aid_transactions → stats_item_year. One trigger per event, because a trigger with transition
-- tables serves a single event; an update counts as the old rows removed and the new rows added. Rows are
-- grouped here, so a bulk insert becomes one delta per item and year.
create function stats_tx_inserted() returns trigger language plpgsql as $$
begin
  perform stats_apply_item_deltas(array(
    select row(aid_item_id, extract(year from tx_date)::int,
      coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0), coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
      count(*) filter (where kind = 'COMMITMENT'), count(*) filter (where kind = 'DISBURSEMENT'), 0)::stats_delta
    from new_rows group by aid_item_id, extract(year from tx_date)::int));
  return null;
end $$;
create function stats_tx_deleted() returns trigger language plpgsql as $$
begin
  perform stats_apply_item_deltas(array(
    select row(aid_item_id, extract(year from tx_date)::int,
      -coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0), -coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
      -count(*) filter (where kind = 'COMMITMENT'), -count(*) filter (where kind = 'DISBURSEMENT'), 0)::stats_delta
    from old_rows group by aid_item_id, extract(year from tx_date)::int));
  return null;
end $$;
create function stats_tx_updated() returns trigger language plpgsql as $$
begin
  perform stats_apply_item_deltas(array(
    select row(aid_item_id, extract(year from tx_date)::int,
      coalesce(sum(sign * amount_usd) filter (where kind = 'COMMITMENT'), 0), coalesce(sum(sign * amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
      coalesce(sum(sign) filter (where kind = 'COMMITMENT'), 0), coalesce(sum(sign) filter (where kind = 'DISBURSEMENT'), 0), 0)::stats_delta
    from (select aid_item_id, tx_date, kind, amount_usd, -1 as sign from old_rows
          union all select aid_item_id, tx_date, kind, amount_usd, 1 from new_rows) r
    group by aid_item_id, extract(year from tx_date)::int));
  return null;
end $$;

-- Level 2: stats_item_year → stats_org_year (an item-year row counts as one aid record of its organisation).
create function stats_item_inserted() returns trigger language plpgsql as $$
begin
  perform stats_apply_org_deltas(array(
    select row(organisation_id, year, sum(committed_usd), sum(disbursed_usd), sum(commitments), sum(disbursements), count(*))::stats_delta
    from new_rows group by organisation_id, year));
  return null;
end $$;
create function stats_item_deleted() returns trigger language plpgsql as $$
begin
  perform stats_apply_org_deltas(array(
    select row(organisation_id, year, -sum(committed_usd), -sum(disbursed_usd), -sum(commitments), -sum(disbursements), -count(*))::stats_delta
    from old_rows group by organisation_id, year));
  return null;
end $$;
create function stats_item_updated() returns trigger language plpgsql as $$
begin
  perform stats_apply_org_deltas(array(
    select row(organisation_id, year, sum(sign * committed_usd), sum(sign * disbursed_usd), sum(sign * commitments), sum(sign * disbursements), sum(sign))::stats_delta
    from (select o.*, -1 as sign from old_rows o union all select n.*, 1 from new_rows n) r
    group by organisation_id, year));
  return null;
end $$;

-- When an aid item changes donor, its item-year rows follow (level 2 then moves the amounts).
create function stats_item_donor_changed() returns trigger language plpgsql as $$
begin
  update stats_item_year set organisation_id = new.organisation_id where aid_item_id = new.id;
  return null;
end $$;

-- Existing rows (a database migrated after data was loaded).
insert into stats_item_year (aid_item_id, year, organisation_id, committed_usd, disbursed_usd, commitments, disbursements)
select t.aid_item_id, extract(year from t.tx_date)::int, i.organisation_id,
  coalesce(sum(t.amount_usd) filter (where t.kind = 'COMMITMENT'), 0), coalesce(sum(t.amount_usd) filter (where t.kind = 'DISBURSEMENT'), 0),
  count(*) filter (where t.kind = 'COMMITMENT'), count(*) filter (where t.kind = 'DISBURSEMENT')
from aid_transactions t join aid_items i on i.id = t.aid_item_id
group by 1, 2, 3;
insert into stats_org_year (organisation_id, year, committed_usd, disbursed_usd, commitments, disbursements, aid_records)
select organisation_id, year, sum(committed_usd), sum(disbursed_usd), sum(commitments), sum(disbursements), count(*)
from stats_item_year group by 1, 2;

create trigger stats_tx_insert after insert on aid_transactions referencing new table as new_rows
  for each statement execute function stats_tx_inserted();
create trigger stats_tx_delete after delete on aid_transactions referencing old table as old_rows
  for each statement execute function stats_tx_deleted();
create trigger stats_tx_update after update on aid_transactions referencing old table as old_rows new table as new_rows
  for each statement execute function stats_tx_updated();

create trigger stats_item_insert after insert on stats_item_year referencing new table as new_rows
  for each statement execute function stats_item_inserted();
create trigger stats_item_delete after delete on stats_item_year referencing old table as old_rows
  for each statement execute function stats_item_deleted();
create trigger stats_item_update after update on stats_item_year referencing old table as old_rows new table as new_rows
  for each statement execute function stats_item_updated();

create trigger stats_aid_item_donor after update of organisation_id on aid_items
  for each row when (old.organisation_id is distinct from new.organisation_id) execute function stats_item_donor_changed();
