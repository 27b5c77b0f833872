-- Aid-approval dossiers (Decree 80/2020, 313/2025) and the aid registry: the aid item the dossier is about. Set when
-- the dossier is filed for an existing draft item, or when the governing agency's approval creates the item (in the
-- decision's own transaction).
alter table dossiers add column aid_item_id uuid references aid_items(id);
create index dossiers_aid_item_idx on dossiers (aid_item_id) where aid_item_id is not null;
