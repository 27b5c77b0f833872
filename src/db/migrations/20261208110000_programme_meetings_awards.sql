-- The National Programme's coordination meetings with their follow-up tasks, and recognition (awards), issue 15 §5-6.

-- A meeting or event: the annual giao ban, the international conference, an appraisal meeting when opinions
-- differ, or another. Participants are agencies and NGOs of the registry plus free-text guests. Only a meeting
-- marked public is shown to visitors, and then only its title, date and conclusions.
create table programme_meetings (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('GIAO_BAN', 'INTERNATIONAL_CONFERENCE', 'APPRAISAL', 'OTHER')),
  title_vi text not null check (length(title_vi) between 1 and 500),
  title_en text check (length(title_en) <= 500),
  meeting_date date not null,
  place text check (length(place) <= 300),
  guests text[] not null default '{}',
  conclusions text check (length(conclusions) <= 20000),
  is_public boolean not null default false,
  synthetic boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index programme_meetings_date_idx on programme_meetings (meeting_date desc, id);

create table programme_meeting_agencies (
  meeting_id uuid not null references programme_meetings(id) on delete cascade,
  agency_id text not null references agencies(id),
  primary key (meeting_id, agency_id)
);
create index programme_meeting_agencies_agency_idx on programme_meeting_agencies (agency_id);

create table programme_meeting_organisations (
  meeting_id uuid not null references programme_meetings(id) on delete cascade,
  organisation_id uuid not null references organisations(id),
  primary key (meeting_id, organisation_id)
);
create index programme_meeting_organisations_org_idx on programme_meeting_organisations (organisation_id);

-- Files of a meeting (agenda, minutes, conclusions notice), stored like dossier documents: checked by content,
-- kept under VNAID_DATA_DIR/uploads with their SHA-256.
create table programme_meeting_documents (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references programme_meetings(id) on delete cascade,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  sha256 text not null,
  storage_path text not null,
  uploaded_by uuid references users(id),
  uploaded_at timestamptz not null default now()
);
create index programme_meeting_documents_meeting_idx on programme_meeting_documents (meeting_id);

-- A follow-up task from a meeting's conclusions: owned by one agency, due on a Vietnam date, open or done (with
-- the day it was done).
create table programme_meeting_tasks (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references programme_meetings(id) on delete cascade,
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
create index programme_meeting_tasks_meeting_idx on programme_meeting_tasks (meeting_id);
create index programme_meeting_tasks_owner_idx on programme_meeting_tasks (owner_agency_id, status, due_date);

-- An award: nominated by an agency for an NGO or a person (of an NGO, if any), then decided (decision number,
-- date, issuing authority) or declined. Decided awards of an NGO or its people are on its public profile.
create table programme_awards (
  id uuid primary key default gen_random_uuid(),
  status text not null default 'NOMINATED' check (status in ('NOMINATED', 'DECIDED', 'DECLINED')),
  nominee_kind text not null check (nominee_kind in ('ORGANISATION', 'INDIVIDUAL')),
  organisation_id uuid references organisations(id),
  person_name text check (length(person_name) <= 200),
  organisation_name text check (length(organisation_name) <= 300),
  award_kind text not null check (award_kind in ('CERTIFICATE_OF_MERIT', 'ORDER', 'PEACE_FRIENDSHIP_MEDAL', 'OTHER')),
  award_name text check (length(award_name) <= 300),
  reason text not null check (length(reason) between 1 and 4000),
  nominating_agency_id text not null references agencies(id),
  nominated_on date not null,
  decision_number text check (length(decision_number) <= 100),
  decision_date date,
  issuing_authority text check (length(issuing_authority) <= 300),
  decline_reason text check (length(decline_reason) <= 2000),
  synthetic boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (nominee_kind = 'INDIVIDUAL' or organisation_id is not null),
  check (nominee_kind = 'ORGANISATION' or person_name is not null),
  check (status <> 'DECIDED' or (decision_number is not null and decision_date is not null and issuing_authority is not null)),
  check (status <> 'DECLINED' or decline_reason is not null)
);
create index programme_awards_org_idx on programme_awards (organisation_id) where status = 'DECIDED';
create index programme_awards_agency_idx on programme_awards (nominating_agency_id);
