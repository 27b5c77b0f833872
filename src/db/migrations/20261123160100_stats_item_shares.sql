-- Each aid item's split by current province (with its region) and by sector, as fractions of one, kept by
-- statement-level triggers on aid_locations / aid_sectors in the transaction of the write. Breakdowns and filters
-- multiply the item-year aggregates by these fractions instead of re-deriving them from shares on every read.
-- Shares adding up to 100 give exact fractions (share / 100); other totals are normalised (share / total).

create table stats_item_place (
  aid_item_id uuid not null,
  province_id text not null,
  region_code text not null,
  fraction numeric not null,
  primary key (aid_item_id, province_id)
);
create index stats_item_place_province_idx on stats_item_place (province_id, aid_item_id);

create table stats_item_sector (
  aid_item_id uuid not null,
  sector_code text not null,
  fraction numeric not null,
  primary key (aid_item_id, sector_code)
);
create index stats_item_sector_sector_idx on stats_item_sector (sector_code, aid_item_id);

create function stats_refresh_places(ids uuid[]) returns void language plpgsql as $$
begin
  delete from stats_item_place where aid_item_id = any(ids);
  insert into stats_item_place (aid_item_id, province_id, region_code, fraction)
  select x.aid_item_id, x.province_id, x.region_code, case when x.total = 100 then x.share / 100 else x.share / x.total end
  from (
    select l.aid_item_id, p.rolls_up_to as province_id, np.region_code, sum(l.share) as share,
      sum(sum(l.share)) over (partition by l.aid_item_id) as total
    from aid_locations l join provinces p on p.id = l.province_id join provinces np on np.id = p.rolls_up_to
    where l.aid_item_id = any(ids)
    group by l.aid_item_id, p.rolls_up_to, np.region_code
  ) x;
end $$;

create function stats_refresh_sectors(ids uuid[]) returns void language plpgsql as $$
begin
  delete from stats_item_sector where aid_item_id = any(ids);
  insert into stats_item_sector (aid_item_id, sector_code, fraction)
  select aid_item_id, sector_code, case when total = 100 then share / 100 else share / total end
  from (select aid_item_id, sector_code, share, sum(share) over (partition by aid_item_id) as total from aid_sectors where aid_item_id = any(ids)) x;
end $$;

create function stats_locations_inserted() returns trigger language plpgsql as $$
begin perform stats_refresh_places(array(select distinct aid_item_id from new_rows)); return null; end $$;
create function stats_locations_deleted() returns trigger language plpgsql as $$
begin perform stats_refresh_places(array(select distinct aid_item_id from old_rows)); return null; end $$;
create function stats_locations_updated() returns trigger language plpgsql as $$
begin perform stats_refresh_places(array(select aid_item_id from old_rows union select aid_item_id from new_rows)); return null; end $$;
create function stats_sectors_inserted() returns trigger language plpgsql as $$
begin perform stats_refresh_sectors(array(select distinct aid_item_id from new_rows)); return null; end $$;
create function stats_sectors_deleted() returns trigger language plpgsql as $$
begin perform stats_refresh_sectors(array(select distinct aid_item_id from old_rows)); return null; end $$;
create function stats_sectors_updated() returns trigger language plpgsql as $$
begin perform stats_refresh_sectors(array(select aid_item_id from old_rows union select aid_item_id from new_rows)); return null; end $$;

select stats_refresh_places(array(select distinct aid_item_id from aid_locations));
select stats_refresh_sectors(array(select distinct aid_item_id from aid_sectors));

create trigger stats_locations_insert after insert on aid_locations referencing new table as new_rows
  for each statement execute function stats_locations_inserted();
create trigger stats_locations_delete after delete on aid_locations referencing old table as old_rows
  for each statement execute function stats_locations_deleted();
create trigger stats_locations_update after update on aid_locations referencing old table as old_rows new table as new_rows
  for each statement execute function stats_locations_updated();
create trigger stats_sectors_insert after insert on aid_sectors referencing new table as new_rows
  for each statement execute function stats_sectors_inserted();
create trigger stats_sectors_delete after delete on aid_sectors referencing old table as old_rows
  for each statement execute function stats_sectors_deleted();
create trigger stats_sectors_update after update on aid_sectors referencing old table as old_rows new table as new_rows
  for each statement execute function stats_sectors_updated();
