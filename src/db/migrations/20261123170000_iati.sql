-- Open data both ways (issue 7), IATI part: imports (dry run, then all-or-nothing apply), where imported aid items
-- came from, and organisations an import could only match by a similar name (for a person to confirm).

-- One uploaded IATI file. The file stays under VNAID_DATA_DIR/imports/<id>.xml between the dry run and the apply,
-- which reads it again inside one database transaction; file_path is cleared once it is applied or discarded.
create table iati_imports (
  id uuid primary key default gen_random_uuid(),
  file_name text not null,
  file_path text,
  bytes bigint not null check (bytes >= 0),
  sha256 text not null,
  status text not null default 'UPLOADED'
    check (status in ('UPLOADED', 'PLANNING', 'PLANNED', 'REJECTED', 'APPLYING', 'APPLIED', 'FAILED', 'DISCARDED')),
  -- The dry-run report (counts, what will be created, changed, left out and why, likely duplicates).
  report jsonb,
  -- What the apply did (same shape as the report), and the problem that stopped a dry run or an apply.
  result jsonb,
  error jsonb,
  job_id uuid,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  planned_at timestamptz,
  applied_at timestamptz,
  applied_by uuid references users(id),
  version integer not null default 1
);
create index iati_imports_created_idx on iati_imports (created_at desc);

-- The IATI provenance of an aid item created or updated by an import: its publisher (re-exported as the
-- reporting-org), the participating organisations with their identifiers (aid_partners holds names only), the
-- organisation the donor was matched from, and the commitments and disbursements as published (the gap report
-- compares them with what was reported to Vietnam, also when they were not added to aid_transactions).
create table iati_activity_sources (
  aid_item_id uuid primary key references aid_items(id) on delete cascade,
  iati_identifier text not null,
  import_id uuid references iati_imports(id) on delete set null,
  reporting_org_ref text,
  reporting_org_type text,
  reporting_org_name_vi text,
  reporting_org_name_en text,
  secondary_reporter boolean,
  donor_ref text,
  donor_name text,
  last_updated text,
  participants jsonb not null default '[]',
  published jsonb not null default '[]',
  imported_at timestamptz not null default now()
);
create index iati_activity_sources_donor_ref_idx on iati_activity_sources (donor_ref);
create index iati_activity_sources_donor_name_idx on iati_activity_sources (vn_fold(donor_name));

-- A publisher an import could not match exactly (no organisation with its IATI identifier or exact name) but whose
-- name is close to a registered organisation's: a likely duplicate for a person to confirm (link the IATI
-- identifier and the imported aid items to the organisation) or reject. Until then the items name the donor in clear.
create table iati_org_candidates (
  id uuid primary key default gen_random_uuid(),
  iati_ref text,
  name text not null,
  organisation_id uuid not null references organisations(id),
  score numeric(4, 3) not null,
  status text not null default 'OPEN' check (status in ('OPEN', 'CONFIRMED', 'REJECTED')),
  import_id uuid references iati_imports(id) on delete set null,
  created_at timestamptz not null default now(),
  resolved_by uuid references users(id),
  resolved_at timestamptz,
  version integer not null default 1
);
create unique index iati_org_candidates_key on iati_org_candidates (coalesce(iati_ref, ''), vn_fold(name), organisation_id);
create index iati_org_candidates_status_idx on iati_org_candidates (status, created_at desc);
