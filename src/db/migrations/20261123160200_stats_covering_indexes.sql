-- Index-only reads of a year's item aggregates and of an item's place and sector fractions (the dashboard reads
-- them on every request; once vacuumed, no heap page is visited).
create index stats_item_year_covering_idx on stats_item_year (year, aid_item_id) include (organisation_id, committed_usd, disbursed_usd, disbursements);
drop index stats_item_year_year_idx;
create index stats_item_place_covering_idx on stats_item_place (aid_item_id) include (province_id, region_code, fraction);
create index stats_item_sector_covering_idx on stats_item_sector (aid_item_id) include (sector_code, fraction);
