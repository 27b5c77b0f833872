-- Online procedures (domain.md §2.4–2.6, §2.11, §3.5–3.7, §3.10): dossiers, their documents, supplement requests,
-- clock pauses, consultations of other agencies, the timeline, in-app notifications, and the editable parameters of
-- provisional procedure versions (Decree 313/2025). The procedure definitions themselves are data in
-- src/domain/procedures; only administrators' overrides of provisional versions live here.

create table procedure_overrides (
  version_id text primary key,
  overall_limit_days integer check (overall_limit_days > 0),
  step_deadline_days jsonb not null default '{}',
  parameters jsonb not null default '{}',
  legal_note text,
  updated_by uuid references users(id),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

create sequence dossier_code_seq;

create table dossiers (
  id uuid primary key default gen_random_uuid(),
  -- Given at submission: HS-<year>-<6 digits>; null while a draft.
  code text unique,
  organisation_id uuid not null references organisations(id),
  procedure_code text not null check (procedure_code in ('NEW_GDKHD', 'NEW_GDKVPDD', 'EXTEND_GDKHD', 'EXTEND_GDKVPDD',
    'AMEND', 'REISSUE', 'SELF_TERMINATION', 'AID_APPROVAL')),
  -- The procedure version that governs the case (fixed at submission).
  procedure_version_id text not null,
  status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'INCOMPLETE', 'SUPPLEMENTED',
    'ACCEPTED_COMPLETE', 'CONSULTING', 'FORWARDED_TO_MOFA', 'APPRAISING', 'APPROVED', 'REJECTED', 'DELIVERED', 'WITHDRAWN')),
  clock text not null default 'NOT_STARTED' check (clock in ('NOT_STARTED', 'RUNNING', 'PAUSED', 'STOPPED')),
  -- The certificate an extension, amendment, re-issue or self-termination is about.
  certificate_id uuid references certificates(id),
  -- What the applicant asks for: certificate content (provinces, sectors, office), changes, reasons.
  application jsonb not null default '{}',
  -- Step dates ('YYYY-MM-DD' in Vietnam time), so every step's clock can be recomputed with the calendar.
  submitted_at timestamptz,
  submitted_on date,
  last_received_on date,
  accepted_on date,
  consultation_sent_on date,
  opinions_complete_on date,
  forwarded_on date,
  appraisal_started_on date,
  decided_on date,
  delivered_on date,
  closed_on date,
  -- Outcome: decision number and date, validity granted, or the reasons for a refusal.
  decision jsonb,
  certificate_result_id uuid references certificates(id),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index dossiers_organisation_idx on dossiers (organisation_id, created_at desc);
create index dossiers_status_idx on dossiers (status);

-- Days on which the statutory clock stood still (supplement requested during processing); to_date null = still open.
create table dossier_pauses (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers(id) on delete cascade,
  from_date date not null,
  to_date date,
  reason text not null,
  check (to_date is null or to_date >= from_date)
);
create index dossier_pauses_dossier_idx on dossier_pauses (dossier_id);

create table dossier_supplement_requests (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers(id) on delete cascade,
  message text not null,
  document_codes text[] not null default '{}',
  -- True when asked after acceptance: the request paused the running clock.
  during_clock boolean not null,
  requested_by uuid references users(id),
  requested_at timestamptz not null default now(),
  requested_on date not null,
  answer_note text,
  answered_by uuid references users(id),
  answered_at timestamptz,
  answered_on date
);
create index dossier_supplement_requests_dossier_idx on dossier_supplement_requests (dossier_id);

create table dossier_documents (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers(id) on delete cascade,
  document_code text not null,
  file_name text not null,
  media_type text not null,
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- Relative to VNAID_DATA_DIR: uploads/<yyyy>/<uuid>.
  storage_path text not null,
  supplement_request_id uuid references dossier_supplement_requests(id),
  uploaded_by uuid references users(id),
  uploaded_at timestamptz not null default now(),
  -- A later file for the same item replaces this one in the dossier (kept for the record).
  superseded_at timestamptz
);
create index dossier_documents_dossier_idx on dossier_documents (dossier_id);

-- Requests for written opinions (D58 Art. 11.2, 15.2; D80 Art. 10.2), routed to the agency that holds the role today.
create table dossier_consultations (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers(id) on delete cascade,
  agency_id text not null references agencies(id),
  -- The agency the rules name, when routing sent the request to its successor (MPI → MOF).
  named_agency_id text references agencies(id),
  -- Why this agency: AGENCY:MPS, SECTOR:YTE, PROVINCE:new34:04, OFFICE:new34:01, …
  basis text not null,
  status text not null default 'PENDING' check (status in ('PENDING', 'ANSWERED', 'CANCELLED')),
  requested_on date not null,
  due_working_days integer not null,
  opinion text check (opinion in ('AGREE', 'AGREE_WITH_CONDITIONS', 'DISAGREE')),
  answer text,
  answered_by uuid references users(id),
  answered_at timestamptz,
  answered_on date,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  unique (dossier_id, agency_id)
);
create index dossier_consultations_agency_idx on dossier_consultations (agency_id, status);

-- The timeline: every action on a dossier, by whom, when, with the state it led to.
create table dossier_events (
  id bigint generated always as identity primary key,
  dossier_id uuid not null references dossiers(id) on delete cascade,
  at timestamptz not null default clock_timestamp(),
  on_date date not null,
  action text not null,
  from_status text,
  to_status text not null,
  clock text not null,
  actor_user_id uuid references users(id),
  actor_label text not null,
  note text,
  details jsonb not null default '{}'
);
create index dossier_events_dossier_idx on dossier_events (dossier_id, id);

-- In-app inbox. A reminder carries a dedupe key so the periodic check never repeats itself.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  kind text not null,
  dossier_id uuid references dossiers(id) on delete cascade,
  params jsonb not null default '{}',
  dedupe_key text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  emailed_at timestamptz,
  unique (user_id, dedupe_key)
);
create index notifications_user_idx on notifications (user_id, created_at desc);
