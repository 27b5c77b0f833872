-- Sanctions as procedures (issue 14 §4; D58 Art. 18 suspension, Art. 19 forced termination and revocation).
-- A case follows the catalogue version it was opened under (src/domain/procedures/d58-sanctions.ts); its step
-- clocks are computed on read from the dates below with the working calendar. The decision itself is recorded as a
-- certificate decision (certificate_events SUSPENDED / TERMINATED / SUSPENSION_LIFTED), linked here.

create table sanction_cases (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  procedure_code text not null check (procedure_code in ('SUSPENSION', 'FORCED_TERMINATION')),
  procedure_version_id text not null,
  organisation_id uuid not null references organisations(id),
  certificate_id uuid not null references certificates(id),
  status text not null default 'CONSULTING'
    check (status in ('CONSULTING', 'NOTICE_PENDING', 'REMEDY', 'RECOVERY', 'SETTLEMENT', 'CLOSED')),
  outcome text check (outcome in ('DROPPED', 'REINSTATED', 'ESCALATED', 'SETTLED')),
  -- D58_ART18_1A..C for a suspension, D58_ART19_1A..C for a termination.
  legal_ground text not null,
  grounds text not null check (length(trim(grounds)) > 0),
  -- Evidence named by the proposer (document references: number, date, title).
  evidence jsonb not null default '[]',
  proposed_by uuid references users(id),
  proposed_by_agency_id text references agencies(id),
  proposed_on date not null,
  opinions_requested_on date not null,
  meeting_held_on date,
  meeting_minutes text,
  decided_on date,
  decision_number text,
  decision_event_id uuid references certificate_events(id),
  notice_sent_on date,
  notice_received_on date,
  remedy_reported_on date,
  remedy_report text,
  recovered_on date,
  settled_on date,
  -- Premises, housing, staff, assets, finances: what was settled (termination).
  settlement jsonb,
  closed_on date,
  closing_note text,
  closing_event_id uuid references certificate_events(id),
  -- A suspension escalated to termination names the case it started; that case names this one.
  escalated_from_id uuid references sanction_cases(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'CLOSED') = (outcome is not null))
);
create index sanction_cases_organisation_idx on sanction_cases (organisation_id);
-- One open case of each kind per certificate.
create unique index sanction_cases_open_idx on sanction_cases (certificate_id, procedure_code) where status <> 'CLOSED';

create table sanction_opinions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references sanction_cases(id),
  agency_id text not null references agencies(id),
  basis text not null,
  requested_on date not null,
  due_working_days integer not null check (due_working_days > 0),
  opinion text check (opinion in ('AGREE', 'DISAGREE')),
  answer text,
  answered_by uuid references users(id),
  answered_on date,
  unique (case_id, agency_id),
  check ((opinion is null) = (answered_on is null))
);
create index sanction_opinions_agency_idx on sanction_opinions (agency_id);

create table sanction_events (
  id bigserial primary key,
  case_id uuid not null references sanction_cases(id),
  at timestamptz not null default now(),
  on_date date not null,
  action text not null,
  from_status text,
  to_status text not null,
  actor_user_id uuid references users(id),
  actor_label text not null,
  note text
);
create index sanction_events_case_idx on sanction_events (case_id, id);
