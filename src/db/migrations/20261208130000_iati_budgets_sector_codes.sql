-- IATI fidelity (issue 16 #4, #7).
--
-- Budgets and planned disbursements an IATI publisher gave, per aid item: plans, not money spent or committed, so
-- they count in no official figure (src/domain/statistics/definitions.ts) and have no statistics trigger. Amounts
-- are Viet Nam's share when the activity gives Viet Nam a percentage (like its transactions); `published_amount`
-- keeps the publisher's whole figure. USD is converted at the latest rate on or before the value date (null when
-- vnaid has no rate for the currency then: the budget is still shown in its own currency).
create table aid_budgets (
  id bigint generated always as identity primary key,
  aid_item_id uuid not null references aid_items(id) on delete cascade,
  budget_type text not null check (budget_type in ('ORIGINAL', 'REVISED')),
  budget_status text not null check (budget_status in ('INDICATIVE', 'COMMITTED')),
  period_start date not null,
  period_end date not null check (period_end >= period_start),
  amount numeric not null,
  published_amount numeric not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  value_date date not null,
  amount_usd numeric,
  rate_date date
);
create index aid_budgets_item_idx on aid_budgets (aid_item_id, period_start);

create table aid_planned_disbursements (
  id bigint generated always as identity primary key,
  aid_item_id uuid not null references aid_items(id) on delete cascade,
  budget_type text check (budget_type in ('ORIGINAL', 'REVISED')),
  period_start date not null,
  period_end date check (period_end >= period_start),
  amount numeric not null,
  published_amount numeric not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  value_date date not null,
  amount_usd numeric,
  rate_date date,
  -- provider-org and receiver-org as published: {ref, type, activityId, name: {vi, en, other}}
  provider jsonb,
  receiver jsonb
);
create index aid_planned_disbursements_item_idx on aid_planned_disbursements (aid_item_id, period_start);

-- The publisher's exact DAC codes beside vnaid's sector of each share (vocabulary 1: 5-digit purpose codes,
-- 2: 3-digit categories), shares adding up to 100 per vocabulary. Null for vnaid's own items (none stored). Tied
-- to the item's sector row: when an officer replaces the item's sectors, the codes go with them.
create table aid_sector_codes (
  aid_item_id uuid not null,
  sector_code text not null,
  vocabulary text not null check (vocabulary in ('1', '2')),
  code text not null check (code ~ '^[0-9]{3}([0-9]{2})?$'),
  share numeric(5, 2) not null check (share > 0 and share <= 100),
  primary key (aid_item_id, vocabulary, code),
  foreign key (aid_item_id, sector_code) references aid_sectors (aid_item_id, sector_code) on delete cascade
);
create index aid_sector_codes_sector_idx on aid_sector_codes (aid_item_id, sector_code);
