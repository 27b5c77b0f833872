-- Aid registry (issue 5): per-item money aggregates kept by triggers, FNGO annual reports (Mẫu 05) and agency
-- reports (Mẫu 04, governing-agency annual reports).
--
-- Contract for other modules (statistics, IATI):
--   * aid_transactions stays the single source of money. aid_item_totals and aid_item_year_totals are derived
--     from it by the triggers below, in the same transaction as the change, so lists never scan transactions.
--     USD/VND sums are exact (numeric, never rounded before summing).
--   * aid_item_totals(aid_item_id, committed_usd, disbursed_usd, committed_vnd, disbursed_vnd, first_tx_date,
--     last_tx_date, tx_count): one row per aid item that has at least one transaction.
--   * aid_item_year_totals(aid_item_id, year, committed_usd, disbursed_usd, committed_vnd, disbursed_vnd,
--     tx_count): the same per calendar year of tx_date.
--   * ngo_reports / ngo_report_lines: filing (submitting) a report creates one aid_transactions row per line with
--     a disbursement (kind DISBURSEMENT, source 'REPORT'), linked by ngo_report_lines.transaction_id, so
--     statistics read only aid_transactions. An FNGO is "regularly active in year Y" when it has a DISBURSEMENT
--     dated in Y or an ngo_reports row with report_year = Y and status in ('SUBMITTED', 'ACCEPTED').

create table aid_item_totals (
  aid_item_id uuid primary key references aid_items(id) on delete cascade,
  committed_usd numeric not null default 0,
  disbursed_usd numeric not null default 0,
  committed_vnd numeric not null default 0,
  disbursed_vnd numeric not null default 0,
  first_tx_date date,
  last_tx_date date,
  tx_count integer not null default 0
);
create index aid_item_totals_committed_idx on aid_item_totals (committed_usd);
create index aid_item_totals_disbursed_idx on aid_item_totals (disbursed_usd);

create table aid_item_year_totals (
  aid_item_id uuid not null references aid_items(id) on delete cascade,
  year integer not null,
  committed_usd numeric not null default 0,
  disbursed_usd numeric not null default 0,
  committed_vnd numeric not null default 0,
  disbursed_vnd numeric not null default 0,
  tx_count integer not null default 0,
  primary key (aid_item_id, year)
);
create index aid_item_year_totals_year_idx on aid_item_year_totals (year, aid_item_id);

-- Inserts add their sums (statement-level, so a bulk insert of a million rows costs one grouped upsert, not a
-- million); updates and deletes recompute the items they touched from aid_transactions, which is always exact.
create function aid_totals_add() returns trigger language plpgsql as $$
begin
  insert into aid_item_totals as t (aid_item_id, committed_usd, disbursed_usd, committed_vnd, disbursed_vnd, first_tx_date, last_tx_date, tx_count)
  select aid_item_id,
         coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'DISBURSEMENT'), 0),
         min(tx_date), max(tx_date), count(*)
    from new_rows group by aid_item_id
  on conflict (aid_item_id) do update set
    committed_usd = t.committed_usd + excluded.committed_usd,
    disbursed_usd = t.disbursed_usd + excluded.disbursed_usd,
    committed_vnd = t.committed_vnd + excluded.committed_vnd,
    disbursed_vnd = t.disbursed_vnd + excluded.disbursed_vnd,
    first_tx_date = least(t.first_tx_date, excluded.first_tx_date),
    last_tx_date = greatest(t.last_tx_date, excluded.last_tx_date),
    tx_count = t.tx_count + excluded.tx_count;

  insert into aid_item_year_totals as y (aid_item_id, year, committed_usd, disbursed_usd, committed_vnd, disbursed_vnd, tx_count)
  select aid_item_id, extract(year from tx_date)::int,
         coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'DISBURSEMENT'), 0),
         count(*)
    from new_rows group by aid_item_id, extract(year from tx_date)::int
  on conflict (aid_item_id, year) do update set
    committed_usd = y.committed_usd + excluded.committed_usd,
    disbursed_usd = y.disbursed_usd + excluded.disbursed_usd,
    committed_vnd = y.committed_vnd + excluded.committed_vnd,
    disbursed_vnd = y.disbursed_vnd + excluded.disbursed_vnd,
    tx_count = y.tx_count + excluded.tx_count;
  return null;
end $$;

create function aid_totals_recompute(ids uuid[]) returns void language plpgsql as $$
begin
  delete from aid_item_totals where aid_item_id = any(ids);
  insert into aid_item_totals (aid_item_id, committed_usd, disbursed_usd, committed_vnd, disbursed_vnd, first_tx_date, last_tx_date, tx_count)
  select aid_item_id,
         coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'DISBURSEMENT'), 0),
         min(tx_date), max(tx_date), count(*)
    from aid_transactions where aid_item_id = any(ids) group by aid_item_id;

  delete from aid_item_year_totals where aid_item_id = any(ids);
  insert into aid_item_year_totals (aid_item_id, year, committed_usd, disbursed_usd, committed_vnd, disbursed_vnd, tx_count)
  select aid_item_id, extract(year from tx_date)::int,
         coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'COMMITMENT'), 0),
         coalesce(sum(amount_vnd) filter (where kind = 'DISBURSEMENT'), 0),
         count(*)
    from aid_transactions where aid_item_id = any(ids) group by aid_item_id, extract(year from tx_date)::int;
end $$;

create function aid_totals_after_delete() returns trigger language plpgsql as $$
begin
  -- Rows of aid items being deleted (cascade) have nothing left to count; their totals rows cascade too.
  perform aid_totals_recompute(array(select distinct aid_item_id from old_rows where exists (select 1 from aid_items i where i.id = old_rows.aid_item_id)));
  return null;
end $$;

create function aid_totals_after_update() returns trigger language plpgsql as $$
begin
  perform aid_totals_recompute(array(select aid_item_id from old_rows union select aid_item_id from new_rows));
  return null;
end $$;

-- PostgreSQL allows transition tables on single-event triggers only, hence three triggers.
create trigger aid_transactions_totals_insert after insert on aid_transactions
  referencing new table as new_rows for each statement execute function aid_totals_add();
create trigger aid_transactions_totals_update after update on aid_transactions
  referencing old table as old_rows new table as new_rows for each statement execute function aid_totals_after_update();
create trigger aid_transactions_totals_delete after delete on aid_transactions
  referencing old table as old_rows for each statement execute function aid_totals_after_delete();

-- Indexes the aid list filters and sorts on (20,000 items, p95 < 100 ms: bench/aid-list.ts).
create index aid_items_approval_date_idx on aid_items (approval_date);
create index aid_items_donor_country_idx on aid_items (donor_country_code);
create index aid_items_modality_idx on aid_items (modality);
create index aid_transactions_currency_date_idx on aid_transactions (currency, tx_date);

-- FNGO annual report, Mẫu 05 (Decree 58 Art. 21.5): data period 15/12 (Y-1) to 14/12 (Y), due 18/12 (Y).
create table ngo_reports (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  report_year integer not null check (report_year between 2000 and 2100),
  period_from date not null,
  period_to date not null,
  due_date date not null,
  status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
  submitted_at timestamptz,
  submitted_by uuid references users(id),
  reviewed_at timestamptz,
  reviewed_by uuid references users(id),
  review_note text,
  summary text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (organisation_id, report_year),
  check (period_from <= period_to)
);
create index ngo_reports_year_status_idx on ngo_reports (report_year, status);

create table ngo_report_lines (
  report_id uuid not null references ngo_reports(id) on delete cascade,
  aid_item_id uuid not null references aid_items(id),
  disbursed_amount numeric check (disbursed_amount >= 0),
  currency text references currencies(code),
  -- Exact conversion at the disbursement date (same rule as aid_transactions.amount_usd).
  amount_usd numeric,
  -- The date the NGO gives for the disbursement; the period end when empty.
  disbursement_date date,
  results text,
  beneficiaries_total integer check (beneficiaries_total >= 0),
  beneficiaries_female integer check (beneficiaries_female >= 0),
  beneficiaries_ethnic_minority integer check (beneficiaries_ethnic_minority >= 0),
  beneficiaries_disability integer check (beneficiaries_disability >= 0),
  -- The aid_transactions row created when the report was filed.
  transaction_id bigint references aid_transactions(id) on delete set null,
  primary key (report_id, aid_item_id),
  check (disbursed_amount is null or currency is not null)
);
create index ngo_report_lines_aid_item_idx on ngo_report_lines (aid_item_id);

-- Reports of state bodies: a ministry's or province's annual report on FNGOs (Mẫu 04, Decree 58 Art. 23–24, due
-- 18/12) and a governing agency's annual report on the aid it governs (D80 Art. 13.9, due 15/01 of Y+1).
create table agency_reports (
  id uuid primary key default gen_random_uuid(),
  agency_id text not null references agencies(id),
  kind text not null check (kind in ('AGENCY_MAU04', 'GOVERNING_ANNUAL')),
  report_year integer not null check (report_year between 2000 and 2100),
  period_from date not null,
  period_to date not null,
  due_date date not null,
  status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
  -- Figures computed from the registry when the draft was made or refreshed (aid items, USD committed/disbursed).
  figures jsonb not null default '{}',
  summary text,
  submitted_at timestamptz,
  submitted_by uuid references users(id),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (agency_id, kind, report_year)
);
create index agency_reports_year_idx on agency_reports (report_year, kind, status);
