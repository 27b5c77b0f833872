-- Core tables of the registry (domain.md §2) and the aid registry (§3), shared by several modules.
-- Modules add their own tables in later migrations; these columns are the contract between them.

create table organisations (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name_original text not null,
  name_en text,
  name_vi text,
  acronym text,
  country_code text not null references countries(code),
  org_type text not null default 'NGO' check (org_type in ('NGO', 'SOCIAL_FUND', 'PRIVATE_FUND', 'FOUNDATION', 'OTHER')),
  hq_address text,
  legal_status text,
  -- Term of the legal status in the home country; certificates never outlast it (Decree 58 Art. 9.1). Null: indefinite.
  home_term_until date,
  website text,
  email text,
  phone text,
  mission text,
  iati_org_id text unique,
  staff_foreign integer check (staff_foreign >= 0),
  staff_local integer check (staff_local >= 0),
  synthetic boolean not null default false,
  search_text text generated always as (
    vn_fold(coalesce(name_original, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(name_vi, '') || ' ' || coalesce(acronym, ''))
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index organisations_search_trgm_idx on organisations using gin (search_text gin_trgm_ops);
create index organisations_country_idx on organisations (country_code);

alter table users add constraint users_organisation_fk foreign key (organisation_id) references organisations(id);

create table certificates (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  type text not null check (type in ('GDKHD', 'GDKVPDD', 'GDKVPDA')),
  number text not null unique,
  created_at timestamptz not null default now()
);
create index certificates_organisation_idx on certificates (organisation_id);

-- Every lifecycle action, with its decision and legal ground; never edited.
create table certificate_events (
  id uuid primary key default gen_random_uuid(),
  certificate_id uuid not null references certificates(id),
  seq integer not null,
  kind text not null check (kind in ('ISSUED', 'AMENDED', 'SUPPLEMENTED', 'EXTENDED', 'REISSUED', 'SUSPENDED',
    'SUSPENSION_LIFTED', 'TERMINATED', 'REVOKED', 'SELF_TERMINATED')),
  effective_date date not null,
  decision_number text not null,
  decision_date date not null,
  legal_ground text not null,
  changes jsonb not null default '{}',
  note text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (certificate_id, seq)
);

-- The content of a certificate from a date on: a new version for each amendment, extension or re-issue.
create table certificate_versions (
  certificate_id uuid not null references certificates(id),
  version integer not null,
  effective_from date not null,
  issue_date date not null,
  valid_until date not null,
  office_province_id text references provinces(id),
  province_ids text[] not null,
  sector_codes text[] not null,
  event_id uuid references certificate_events(id),
  primary key (certificate_id, version)
);

-- Status timeline derived from the events by src/domain/registration, so "registered on date D" is a range query.
create table certificate_status_periods (
  certificate_id uuid not null references certificates(id),
  organisation_id uuid not null references organisations(id),
  status text not null check (status in ('ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED', 'REVOKED', 'SELF_TERMINATED')),
  period daterange not null,
  primary key (certificate_id, period)
);
create index certificate_status_periods_gist on certificate_status_periods using gist (period);
create index certificate_status_periods_org_idx on certificate_status_periods (organisation_id);

create table exchange_rates (
  currency text not null references currencies(code),
  rate_date date not null,
  usd_per_unit numeric not null check (usd_per_unit > 0),
  vnd_per_unit numeric not null check (vnd_per_unit > 0),
  source text,
  primary key (currency, rate_date)
);

create table aid_items (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  iati_identifier text unique,
  modality text not null check (modality in ('PROGRAMME', 'PROJECT', 'NON_PROJECT', 'RELIEF')),
  title_vi text not null,
  title_en text,
  description_vi text,
  description_en text,
  -- The donor is a registered foreign NGO, or another foreign donor named in clear.
  organisation_id uuid references organisations(id),
  other_donor_name text,
  donor_country_code text references countries(code),
  governing_agency_id text references agencies(id),
  aid_owner_name text,
  status text not null check (status in ('PIPELINE', 'APPROVED', 'IMPLEMENTING', 'COMPLETED', 'CANCELLED', 'LAPSED')),
  approval_decision_number text,
  approval_date date,
  approval_legal_basis text check (approval_legal_basis in ('D93_2009', 'D80_2020', 'D313_2025')),
  planned_start date,
  planned_end date,
  actual_start date,
  actual_end date,
  budget_revenue boolean not null default false,
  default_currency text not null default 'USD' references currencies(code),
  synthetic boolean not null default false,
  search_text text generated always as (
    vn_fold(coalesce(code, '') || ' ' || coalesce(title_vi, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(other_donor_name, ''))
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (organisation_id is not null or other_donor_name is not null)
);
create index aid_items_organisation_idx on aid_items (organisation_id);
create index aid_items_governing_idx on aid_items (governing_agency_id);
create index aid_items_status_idx on aid_items (status);
create index aid_items_search_trgm_idx on aid_items using gin (search_text gin_trgm_ops);

-- Aid dated before 01/07/2025 keeps its old-province ids; provinces.rolls_up_to gives the current unit.
create table aid_locations (
  aid_item_id uuid not null references aid_items(id) on delete cascade,
  province_id text not null references provinces(id),
  share numeric(5, 2) not null default 100 check (share > 0 and share <= 100),
  commune_code text,
  primary key (aid_item_id, province_id)
);
create index aid_locations_province_idx on aid_locations (province_id);

create table aid_sectors (
  aid_item_id uuid not null references aid_items(id) on delete cascade,
  sector_code text not null references sectors(code),
  share numeric(5, 2) not null default 100 check (share > 0 and share <= 100),
  primary key (aid_item_id, sector_code)
);
create index aid_sectors_sector_idx on aid_sectors (sector_code);

create table aid_partners (
  aid_item_id uuid not null references aid_items(id) on delete cascade,
  role text not null check (role in ('FUNDING', 'ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING')),
  name text not null,
  organisation_id uuid references organisations(id),
  agency_id text references agencies(id),
  primary key (aid_item_id, role, name)
);

-- Money as dated transactions in the original currency; USD and VND values are exact products of the rate of the
-- transaction date, never rounded before they are summed.
create table aid_transactions (
  id bigint generated always as identity primary key,
  aid_item_id uuid not null references aid_items(id) on delete cascade,
  kind text not null check (kind in ('COMMITMENT', 'DISBURSEMENT')),
  tx_date date not null,
  amount numeric not null check (amount >= 0),
  currency text not null references currencies(code),
  amount_usd numeric not null,
  amount_vnd numeric not null,
  rate_date date,
  description text,
  source text not null default 'MANUAL' check (source in ('MANUAL', 'REPORT', 'IATI', 'IMPORT', 'DEMO')),
  created_at timestamptz not null default now()
);
create index aid_transactions_item_idx on aid_transactions (aid_item_id, tx_date);
create index aid_transactions_date_idx on aid_transactions (tx_date);
