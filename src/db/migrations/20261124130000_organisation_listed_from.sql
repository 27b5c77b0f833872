-- The public directory lists an organisation from the first day of its first certificate. Asking the status
-- periods of every organisation for that (an EXISTS per row, plus the same for the count) made deep pages of the
-- directory cost ~25 ms on 10,000 organisations; a date kept on the organisation row, current in the same
-- transaction as every change of the periods, lets the list walk the name index instead.
alter table organisations add column listed_from date;

update organisations o
set listed_from = (select min(lower(sp.period)) from certificate_status_periods sp where sp.organisation_id = o.id);

create function organisations_sync_listed_from() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    update organisations o
    set listed_from = (select min(lower(sp.period)) from certificate_status_periods sp where sp.organisation_id = o.id)
    where o.id in (select organisation_id from new_rows);
  elsif tg_op = 'DELETE' then
    update organisations o
    set listed_from = (select min(lower(sp.period)) from certificate_status_periods sp where sp.organisation_id = o.id)
    where o.id in (select organisation_id from old_rows);
  else
    update organisations o
    set listed_from = (select min(lower(sp.period)) from certificate_status_periods sp where sp.organisation_id = o.id)
    where o.id in (select organisation_id from old_rows union select organisation_id from new_rows);
  end if;
  return null;
end $$;

create trigger certificate_status_periods_listed_insert after insert on certificate_status_periods
  referencing new table as new_rows for each statement execute function organisations_sync_listed_from();
create trigger certificate_status_periods_listed_delete after delete on certificate_status_periods
  referencing old table as old_rows for each statement execute function organisations_sync_listed_from();
create trigger certificate_status_periods_listed_update after update on certificate_status_periods
  referencing old table as old_rows new table as new_rows for each statement execute function organisations_sync_listed_from();

create index organisations_listed_from_idx on organisations (listed_from) where listed_from is not null;
