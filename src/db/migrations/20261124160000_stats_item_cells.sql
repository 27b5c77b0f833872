-- Item-year cells for filtered and scoped statistics (src/modules/stats): each item-year aggregate split by the
-- item's current province and sector, the amounts already multiplied by both fractions, and carrying what the
-- dashboards filter on (donor NGO, donor country, governing agency, region). A filtered or scoped dashboard then
-- sums the cells its filters select through an index, instead of weighting every item-year of ten years.
-- An item with no location has one cell per sector with a null province (the "unallocated" part), and likewise
-- for sectors. Shares add up to 100 (the aid registry enforces it), so the fractions are exact and the cells of an
-- item-year add up exactly to it, in any grouping.
-- Kept by statement-level triggers in the transaction of every write, like the aggregates they refine:
-- stats_item_year (transactions), stats_item_place / stats_item_sector (locations, sectors), aid items (governing
-- agency, donor country) and organisations (country).

create table stats_item_cell (
  aid_item_id uuid not null,
  year integer not null,
  organisation_id uuid,
  country_code text,
  governing_agency_id text,
  province_id text,
  region_code text,
  sector_code text,
  committed_usd numeric not null,
  disbursed_usd numeric not null,
  disbursements integer not null
);
-- Every filter is an equality next to the year (or the ten years of the trend): one index per filter.
create index stats_item_cell_item_idx on stats_item_cell (aid_item_id, year);
create index stats_item_cell_province_idx on stats_item_cell (year, province_id);
create index stats_item_cell_region_idx on stats_item_cell (year, region_code);
create index stats_item_cell_sector_idx on stats_item_cell (year, sector_code);
create index stats_item_cell_country_idx on stats_item_cell (year, country_code);
create index stats_item_cell_org_idx on stats_item_cell (year, organisation_id);
create index stats_item_cell_agency_idx on stats_item_cell (year, governing_agency_id);

-- Rebuilds the cells of (item, year) pairs; a null year stands for every year of the item. A call passes either
-- only null years or only years.
create function stats_refresh_cells(ids uuid[], years integer[]) returns void language plpgsql as $$
begin
  delete from stats_item_cell c using (select distinct id, year from unnest(ids, years) k(id, year)) k
  where c.aid_item_id = k.id and (k.year is null or c.year = k.year);
  insert into stats_item_cell (aid_item_id, year, organisation_id, country_code, governing_agency_id, province_id, region_code, sector_code,
    committed_usd, disbursed_usd, disbursements)
  select s.aid_item_id, s.year, s.organisation_id, coalesce(o.country_code, i.donor_country_code), i.governing_agency_id,
    p.province_id, p.region_code, x.sector_code,
    s.committed_usd * coalesce(p.fraction, 1) * coalesce(x.fraction, 1), s.disbursed_usd * coalesce(p.fraction, 1) * coalesce(x.fraction, 1),
    s.disbursements
  from (select distinct id, year from unnest(ids, years) k(id, year)) k
  join stats_item_year s on s.aid_item_id = k.id and (k.year is null or s.year = k.year)
  join aid_items i on i.id = s.aid_item_id
  left join organisations o on o.id = i.organisation_id
  left join stats_item_place p on p.aid_item_id = s.aid_item_id
  left join stats_item_sector x on x.aid_item_id = s.aid_item_id
  where coalesce(p.fraction, 1) > 0 and coalesce(x.fraction, 1) > 0;
end $$;

-- Item-year aggregates changed: those pairs.
create function stats_cells_item_year_new() returns trigger language plpgsql as $$
begin perform stats_refresh_cells(array(select aid_item_id from new_rows), array(select year from new_rows)); return null; end $$;
create function stats_cells_item_year_old() returns trigger language plpgsql as $$
begin perform stats_refresh_cells(array(select aid_item_id from old_rows), array(select year from old_rows)); return null; end $$;
-- An item's fractions changed (stats_refresh_places / stats_refresh_sectors delete, then insert): all its years.
create function stats_cells_fractions_new() returns trigger language plpgsql as $$
begin perform stats_refresh_cells(array(select distinct aid_item_id from new_rows), null); return null; end $$;
create function stats_cells_fractions_old() returns trigger language plpgsql as $$
begin perform stats_refresh_cells(array(select distinct aid_item_id from old_rows), null); return null; end $$;
-- An aid item's governing agency or donor country, or an NGO's country, changed.
create function stats_cells_aid_item_changed() returns trigger language plpgsql as $$
begin perform stats_refresh_cells(array[new.id], null); return null; end $$;
create function stats_cells_organisation_changed() returns trigger language plpgsql as $$
begin perform stats_refresh_cells(array(select id from aid_items where organisation_id = new.id), null); return null; end $$;

-- Existing rows (a database migrated after data was loaded).
select stats_refresh_cells(array(select distinct aid_item_id from stats_item_year), null);

create trigger stats_cells_item_year_insert after insert on stats_item_year referencing new table as new_rows
  for each statement execute function stats_cells_item_year_new();
create trigger stats_cells_item_year_update after update on stats_item_year referencing new table as new_rows
  for each statement execute function stats_cells_item_year_new();
create trigger stats_cells_item_year_delete after delete on stats_item_year referencing old table as old_rows
  for each statement execute function stats_cells_item_year_old();
create trigger stats_cells_place_insert after insert on stats_item_place referencing new table as new_rows
  for each statement execute function stats_cells_fractions_new();
create trigger stats_cells_place_delete after delete on stats_item_place referencing old table as old_rows
  for each statement execute function stats_cells_fractions_old();
create trigger stats_cells_sector_insert after insert on stats_item_sector referencing new table as new_rows
  for each statement execute function stats_cells_fractions_new();
create trigger stats_cells_sector_delete after delete on stats_item_sector referencing old table as old_rows
  for each statement execute function stats_cells_fractions_old();
create trigger stats_cells_aid_item after update of governing_agency_id, donor_country_code on aid_items
  for each row when (old.governing_agency_id is distinct from new.governing_agency_id or old.donor_country_code is distinct from new.donor_country_code)
  execute function stats_cells_aid_item_changed();
create trigger stats_cells_organisation after update of country_code on organisations
  for each row when (old.country_code is distinct from new.country_code) execute function stats_cells_organisation_changed();
