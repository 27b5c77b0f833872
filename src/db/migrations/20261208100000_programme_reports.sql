-- Monitoring the National Programme (issue 15 §4): the yearly report each ministry and province files on the
-- Programme's implementation (src/domain/programme/programme-reports.ts), and central's reminders to those that
-- have not reported. Review reports (mid-term, final) are computed on read from the statistics; nothing stored.

create table programme_reports (
  id uuid primary key default gen_random_uuid(),
  -- The reporting ministry or province (agencies of kind MINISTRY or PROVINCE in force).
  agency_id text not null references agencies(id),
  year integer not null check (year between 2000 and 2100),
  -- The programme in force that year, whose priority fields the figures are counted against.
  programme_code text not null references programmes(code),
  status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'RETURNED')),
  difficulties text not null default '',
  proposals text not null default '',
  -- The registry's figures as they stood when the report was submitted (null while a draft: computed on read).
  figures jsonb,
  return_reason text,
  submitted_at timestamptz,
  submitted_by uuid references users(id),
  returned_at timestamptz,
  returned_by uuid references users(id),
  synthetic boolean not null default false,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (agency_id, year),
  check (status <> 'SUBMITTED' or figures is not null),
  check (status <> 'RETURNED' or (return_reason is not null and length(trim(return_reason)) > 0))
);
create index programme_reports_year_idx on programme_reports (year, status);

-- Each reminder central sent about a year's report (the inbox notifications themselves are in notifications).
create table programme_report_reminders (
  id bigint generated always as identity primary key,
  agency_id text not null references agencies(id),
  year integer not null,
  recipients integer not null check (recipients >= 0),
  sent_by uuid references users(id),
  sent_at timestamptz not null default now()
);
create index programme_report_reminders_idx on programme_report_reminders (year, agency_id, sent_at desc);
