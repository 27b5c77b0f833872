-- Issue 13 §1: the reports an approved aid item owes on its own clocks (Decree 80/2020 Art. 13.9, 14.4, 15.5, 18,
-- 23.9b; carried into Decree 313/2025): the aid owner's and the project unit's 6-monthly and annual reports, the
-- completion report, and the governing agency's settlement of non-budget aid. The due dates are computed by
-- src/domain/reporting/aid-reports.ts; a row exists once a report is started (DRAFT) or filed (SUBMITTED). A report
-- that is due and has no row is "late" on the lists without anything stored.
create table aid_reports (
  id uuid primary key default gen_random_uuid(),
  aid_item_id uuid not null references aid_items(id) on delete cascade,
  kind text not null check (kind in ('OWNER_SEMIANNUAL', 'OWNER_ANNUAL', 'PMU_SEMIANNUAL', 'PMU_ANNUAL', 'COMPLETION', 'SETTLEMENT')),
  period_key text not null,
  period_from date not null,
  period_to date not null,
  due_date date not null,
  -- The agency that files: the aid owner (OWNER) or the governing agency (GOVERNING), when the report was started.
  filer_agency_id text references agencies(id),
  status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED')),
  -- Figures pre-filled from the registry (commitments, disbursements of the period, counterpart funds), refreshed
  -- at filing, so the filed report keeps the figures it was filed with.
  figures jsonb not null default '{}',
  summary text,
  submitted_at timestamptz,
  submitted_by uuid references users(id),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (period_from <= period_to),
  unique (aid_item_id, kind, period_key)
);
create index aid_reports_due_idx on aid_reports (due_date, status);

-- Counterpart funds (vốn đối ứng, D80 Art. 3.9; Art. 11 puts them in the decision): the Vietnamese side's own
-- contribution beside the aid, one row per source (central budget, local budget, the owner's own funds…).
create table aid_counterpart_funds (
  id uuid primary key default gen_random_uuid(),
  aid_item_id uuid not null references aid_items(id) on delete cascade,
  amount numeric(20, 2) not null check (amount > 0),
  currency text not null references currencies(code),
  source text not null check (length(trim(source)) between 1 and 300),
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index aid_counterpart_funds_item_idx on aid_counterpart_funds (aid_item_id);
