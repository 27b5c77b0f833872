-- Issue 13 §1: nothing lapses by itself (Decree 80/2020 Art. 4.7, carried into Decree 313/2025). An approved aid item
-- not started six months after approval *may* be revoked by its approver; until a revocation decision it stays
-- APPROVED. The computed LAPSED status is gone; a stored LAPSED (written by an import of a file vnaid exported with
-- the old rule) was never decided by anyone, so it becomes APPROVED again and carries the "may be revoked" flag.
-- REVOKED is the status a revocation decision sets (number, date, reason kept on the item).
alter table aid_items drop constraint if exists aid_items_status_check;
update aid_items set status = 'APPROVED' where status = 'LAPSED';
alter table aid_items add constraint aid_items_status_check
  check (status in ('PIPELINE', 'APPROVED', 'IMPLEMENTING', 'COMPLETED', 'CANCELLED', 'REVOKED'));

alter table aid_items
  add column revocation_decision_number text,
  add column revocation_date date,
  add column revocation_reason text,
  add column revoked_by_agency_id text references agencies(id),
  -- The Vietnamese aid owner (chủ khoản viện trợ) as an agency row: what scopes an `owner` account to its aid.
  add column aid_owner_agency_id text references agencies(id);
-- No check ties REVOKED to the decision columns: an IATI file vnaid exported carries the status alone (vnaid:status).
create index aid_items_owner_agency_idx on aid_items (aid_owner_agency_id);

-- The agency an aid owner's free-text name designates: its Vietnamese name, or the name of its central body
-- ("Hội Chữ thập đỏ Việt Nam" → "Trung ương Hội Chữ thập đỏ Việt Nam"), accents and case folded; null unless
-- exactly one agency matches.
create function aid_owner_agency_of(owner_name text) returns text language sql stable
  return (
    select min(a.id) from agencies a
    where owner_name is not null
      and (vn_fold(a.name_vi) = vn_fold(owner_name) or vn_fold(a.name_vi) = vn_fold('Trung ương ' || owner_name))
    having count(*) = 1);

-- The link follows the name unless a statement sets the link itself (the approval of an owner's dossier, the
-- demo generator, a migration): so every writer of aid_owner_name, old or new, keeps the two in step.
create function aid_items_owner_link() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.aid_owner_agency_id is null then new.aid_owner_agency_id := aid_owner_agency_of(new.aid_owner_name); end if;
  elsif new.aid_owner_name is distinct from old.aid_owner_name and new.aid_owner_agency_id is not distinct from old.aid_owner_agency_id then
    new.aid_owner_agency_id := aid_owner_agency_of(new.aid_owner_name);
  end if;
  return new;
end $$;
create trigger aid_items_owner_link before insert or update of aid_owner_name, aid_owner_agency_id on aid_items
  for each row execute function aid_items_owner_link();

update aid_items set aid_owner_agency_id = aid_owner_agency_of(aid_owner_name) where aid_owner_name is not null and aid_owner_agency_id is null;

-- Adjustments (D80 Art. 16): the aid owner asks its approver (or, where the change makes it a Prime Minister case,
-- the Ministry of Finance) to change an approved item. The approval applies `changes` to the item; `before` keeps the
-- values they replaced, so the item's history stays readable after later changes.
create table aid_adjustments (
  id uuid primary key default gen_random_uuid(),
  aid_item_id uuid not null references aid_items(id) on delete cascade,
  owner_agency_id text not null references agencies(id),
  filed_by uuid references users(id),
  approver_agency_id text not null references agencies(id),
  pm_level boolean not null,
  reason text not null,
  changes jsonb not null,
  before jsonb not null,
  procedure_version text not null,
  filed_on date not null,
  due_date date not null,
  status text not null default 'FILED' check (status in ('FILED', 'APPROVED', 'REFUSED')),
  decision_number text,
  decision_date date,
  decision_note text,
  decided_by uuid references users(id),
  item_version_after integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (status = 'FILED' or (decision_number is not null and decision_date is not null))
);
create index aid_adjustments_item_idx on aid_adjustments (aid_item_id, created_at);
create index aid_adjustments_approver_idx on aid_adjustments (approver_agency_id) where status = 'FILED';
-- One open request per item: a second one waits for the decision on the first.
create unique index aid_adjustments_one_open_idx on aid_adjustments (aid_item_id) where status = 'FILED';

-- An adjustment routed to an agency widens what it reads of the aid list (aid.policy.ts): the in-memory caches drop.
create trigger aid_adjustments_public_data after insert or update or delete or truncate on aid_adjustments
  for each statement execute function vnaid_notify_public_data();
