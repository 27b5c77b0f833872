-- The aid owner link (20261209110000) folded every agency's name for every aid item written with an owner name:
-- 6 ms a row, 30 s for 5,000 demo items. The folded names now live in a small table the agencies keep up to date,
-- looked up by index: the trigger folds only the owner's name (twice: as written, and as a central body's name).
create table agency_name_folds (
  name_fold text not null,
  agency_id text not null references agencies(id) on delete cascade
);
create index agency_name_folds_idx on agency_name_folds (name_fold);
insert into agency_name_folds (name_fold, agency_id) select vn_fold(name_vi), id from agencies;

create function agency_name_folds_refresh() returns trigger language plpgsql as $$
begin
  delete from agency_name_folds;
  insert into agency_name_folds (name_fold, agency_id) select vn_fold(name_vi), id from agencies;
  return null;
end $$;
create trigger agencies_name_folds after insert or update or delete on agencies
  for each statement execute function agency_name_folds_refresh();

create or replace function aid_owner_agency_of(owner_name text) returns text language sql stable
  return (
    select min(f.agency_id) from agency_name_folds f
    where owner_name is not null and f.name_fold in (vn_fold(owner_name), vn_fold('Trung ương ' || owner_name))
    having count(*) = 1);
