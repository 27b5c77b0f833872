-- Inspections and field visits of foreign NGOs with a yearly plan (issue 14 §3; D58 Art. 22–24). A plan is made by
-- an agency (a province plans the visits it leads; central plans any); each inspection or visit records its team,
-- dates, scope, findings, follow-up actions with an owner agency and a due date, documents and its closure (after
-- which it is read-only). Scope: an agency sees the plans and inspections it leads or takes part in.

create table inspection_plans (
  id uuid primary key default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  title text not null check (length(title) between 1 and 300),
  -- The agency that made the plan (a province's People's Committee); null for a plan made by central officers.
  owner_agency_id text references agencies(id),
  synthetic boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index inspection_plans_year_idx on inspection_plans (year desc, id);
create index inspection_plans_owner_idx on inspection_plans (owner_agency_id);

create table inspection_plan_entries (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references inspection_plans(id) on delete cascade,
  organisation_id uuid not null references organisations(id),
  kind text not null check (kind in ('THANH_TRA', 'KIEM_TRA', 'GIAM_SAT', 'FIELD_VISIT')),
  -- Provinces as written (current 34-unit ids, or a former unit).
  province_ids text[] not null default '{}',
  lead_agency_id text not null references agencies(id),
  -- Participating agencies (checked against agencies by the service: arrays cannot carry foreign keys).
  agency_ids text[] not null default '{}',
  planned_from date not null,
  planned_to date not null check (planned_to >= planned_from),
  note text check (length(note) <= 2000),
  position integer not null default 0
);
create index inspection_plan_entries_plan_idx on inspection_plan_entries (plan_id, position);
create index inspection_plan_entries_lead_idx on inspection_plan_entries (lead_agency_id);
create index inspection_plan_entries_agencies_idx on inspection_plan_entries using gin (agency_ids);

create table inspections (
  id uuid primary key default gen_random_uuid(),
  plan_entry_id uuid references inspection_plan_entries(id) on delete set null,
  organisation_id uuid not null references organisations(id),
  kind text not null check (kind in ('THANH_TRA', 'KIEM_TRA', 'GIAM_SAT', 'FIELD_VISIT')),
  lead_agency_id text not null references agencies(id),
  agency_ids text[] not null default '{}',
  province_ids text[] not null default '{}',
  -- The people of the team, as written ("Nguyễn Văn A – Sở Ngoại vụ").
  team text[] not null default '{}',
  starts_on date not null,
  ends_on date check (ends_on is null or ends_on >= starts_on),
  scope text check (length(scope) <= 5000),
  closed_on date,
  closure_summary text check (length(closure_summary) <= 10000),
  synthetic boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((closed_on is null) = (closure_summary is null))
);
create index inspections_organisation_idx on inspections (organisation_id, starts_on desc);
create index inspections_lead_idx on inspections (lead_agency_id);
create index inspections_agencies_idx on inspections using gin (agency_ids);
create index inspections_starts_idx on inspections (starts_on desc, id);

create table inspection_findings (
  id uuid primary key default gen_random_uuid(),
  inspection_id uuid not null references inspections(id) on delete cascade,
  description text not null check (length(description) between 1 and 5000),
  recommendation text check (length(recommendation) <= 5000),
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index inspection_findings_inspection_idx on inspection_findings (inspection_id);

-- A follow-up action: owned by one agency, due on a Vietnam date, open or done (with the day it was done).
create table inspection_actions (
  id uuid primary key default gen_random_uuid(),
  inspection_id uuid not null references inspections(id) on delete cascade,
  finding_id uuid references inspection_findings(id) on delete set null,
  description text not null check (length(description) between 1 and 2000),
  owner_agency_id text not null references agencies(id),
  due_date date not null,
  status text not null default 'OPEN' check (status in ('OPEN', 'DONE')),
  done_on date,
  done_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'DONE') = (done_on is not null))
);
create index inspection_actions_inspection_idx on inspection_actions (inspection_id);
create index inspection_actions_owner_idx on inspection_actions (owner_agency_id, status, due_date);

-- Files of an inspection (decision, minutes, conclusion), stored like every area's documents (src/files/stored-upload.ts).
create table inspection_documents (
  id uuid primary key default gen_random_uuid(),
  inspection_id uuid not null references inspections(id) on delete cascade,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null,
  storage_path text not null,
  uploaded_by uuid references users(id),
  uploaded_at timestamptz not null default now()
);
create index inspection_documents_inspection_idx on inspection_documents (inspection_id);
