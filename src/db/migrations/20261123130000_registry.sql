-- Registry of foreign NGOs (issue 3): the people who represent them, their Vietnamese partners and notified bank
-- accounts, plus the few columns the core registry tables lack. Personal data lives only in registry_persons and is
-- never selected by a public query.

-- Contact address in Vietnam (the NGO may edit it itself, D58 Art. 21: update own data within 10 days).
alter table organisations add column contact_address text;

-- The extension dossier for the current term, once filed (D58 Art. 12.1, 16.1: at least 60 days before expiry).
-- Set by the procedures module when an extension dossier is submitted, or by an officer for a paper dossier.
alter table certificates add column extension_filed_on date;

-- The dossier a decision answers (procedures module; no foreign key so the two modules deploy independently),
-- and the day the NGO received a suspension decision (start of its 30-working-day remedy period, D58 Art. 18.3).
alter table certificate_events add column dossier_id uuid;
alter table certificate_events add column received_date date;

-- Numbers for certificates issued without one: GDKHD-2026-000001.
create sequence certificate_number_seq;
-- Codes for organisations created without one: PCPNN-000001.
create sequence organisation_code_seq;

create table registry_persons (
  id uuid primary key default gen_random_uuid(),
  full_name text not null,
  nationality text references countries(code),
  passport_number text,
  date_of_birth date,
  email text,
  phone text,
  address text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The Representative (GDKHD) or Head of Representative Office (GDKVPDD), D58 Art. 3.5, with history: the current
-- one has no end date.
create table organisation_representatives (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  person_id uuid not null references registry_persons(id),
  role text not null check (role in ('REPRESENTATIVE', 'HEAD_OF_OFFICE')),
  since date,
  until date,
  created_at timestamptz not null default now()
);
create index organisation_representatives_org_idx on organisation_representatives (organisation_id);
create unique index organisation_representatives_current_idx on organisation_representatives (organisation_id) where until is null;

create table organisation_partners (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id) on delete cascade,
  name text not null,
  agency_id text references agencies(id),
  province_id text references provinces(id),
  note text
);
create index organisation_partners_org_idx on organisation_partners (organisation_id);

-- Accounts notified under D58 Art. 21 (O1: within 10 working days of receiving the certificate).
create table organisation_bank_accounts (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id) on delete cascade,
  bank_name text not null,
  account_number text not null,
  currency text references currencies(code),
  notified_on date,
  closed_on date
);
create index organisation_bank_accounts_org_idx on organisation_bank_accounts (organisation_id);

-- Directory filters: which certificate versions cover a province or a field, and the latest version per certificate.
create index certificate_versions_provinces_gin on certificate_versions using gin (province_ids);
create index certificate_versions_sectors_gin on certificate_versions using gin (sector_codes);
create index certificate_events_cert_idx on certificate_events (certificate_id, seq);
create index certificates_type_idx on certificates (type);
-- The unfiltered directory is listed by name: an index walk instead of a sort of every organisation.
create index organisations_name_idx on organisations (name_original, id);
