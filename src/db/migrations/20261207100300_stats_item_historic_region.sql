-- Each aid item's split by the 8 traditional regions (historic_regions, migration 20261207100100), as fractions of
-- one, kept with its current-province split: stats_refresh_places (called by the statement-level triggers on
-- aid_locations) now refreshes both. A location with no former region (a current province merged from several
-- regions) has a null region: its part is shown as not mappable. GET /api/public/stats/by-region?scheme=historic
-- multiplies the item-year aggregates by these fractions instead of re-deriving them from the locations.

create table stats_item_historic_region (
  aid_item_id uuid not null,
  region_code text,
  fraction numeric not null
);
create index stats_item_historic_region_item_idx on stats_item_historic_region (aid_item_id) include (region_code, fraction);

create or replace function stats_refresh_places(ids uuid[]) returns void language plpgsql as $$
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
  delete from stats_item_historic_region where aid_item_id = any(ids);
  insert into stats_item_historic_region (aid_item_id, region_code, fraction)
  select x.aid_item_id, x.region_code, case when x.total = 100 then x.share / 100 else x.share / x.total end
  from (
    select l.aid_item_id, h.region_code, sum(l.share) as share, sum(sum(l.share)) over (partition by l.aid_item_id) as total
    from aid_locations l left join historic_region_provinces h on h.province_id = l.province_id
    where l.aid_item_id = any(ids)
    group by l.aid_item_id, h.region_code
  ) x;
end $$;

insert into stats_item_historic_region (aid_item_id, region_code, fraction)
select x.aid_item_id, x.region_code, case when x.total = 100 then x.share / 100 else x.share / x.total end
from (
  select l.aid_item_id, h.region_code, sum(l.share) as share, sum(sum(l.share)) over (partition by l.aid_item_id) as total
  from aid_locations l left join historic_region_provinces h on h.province_id = l.province_id
  group by l.aid_item_id, h.region_code
) x;
