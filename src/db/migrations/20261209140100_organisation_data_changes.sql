-- Changes of an NGO's own data recorded in vnaid (issue 14 §1, O4: D58 Art. 21 — update its data in the database
-- within 10 days of a change): a new office address in Viet Nam, or a new representative recorded without a start
-- date. Recorded by the NGO itself, the update is done that day; recorded by an officer, the NGO still owes it
-- (DATA_UPDATE, due 10 days after the change) until it records it as done.
create table organisation_data_changes (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  kind text not null check (kind in ('OFFICE_ADDRESS', 'REPRESENTATIVE')),
  changed_on date not null,
  recorded_on date not null,
  recorded_by_ngo boolean not null,
  recorded_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index organisation_data_changes_org_idx on organisation_data_changes (organisation_id);
