-- Every aid item carries its IATI activity identifier from the moment it is created (issue 16 #11), so that
-- vnaid's own public export, imported again, finds the same items instead of creating them a second time.
-- Items recorded in vnaid (not imported) get the publisher prefix + their vnaid code. The prefix is
-- VNAID_IATI_ORG_ID: the aid service sets it explicitly; bulk inserts (demo data, benchmarks) that give none
-- take the setting `vnaid.iati_org_id` when a session sets it, else the default VN-COA-014, the prefix every
-- export so far has used. Once stored, an identifier never changes (IATI identifiers are permanent).
update aid_items set iati_identifier = 'VN-COA-014-' || code where iati_identifier is null;

create function aid_items_default_iati_identifier() returns trigger
  language plpgsql
  as $$
begin
  if new.iati_identifier is null then
    new.iati_identifier := coalesce(nullif(current_setting('vnaid.iati_org_id', true), ''), 'VN-COA-014') || '-' || new.code;
  end if;
  return new;
end $$;

create trigger aid_items_default_iati_identifier before insert on aid_items
  for each row execute function aid_items_default_iati_identifier();

alter table aid_items alter column iati_identifier set not null;
