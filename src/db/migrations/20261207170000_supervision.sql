-- Supervision of foreign NGOs (issue 14, D58 Art. 19.1(b), 21). Obligations are derived on read from the
-- certificates, reports, bank accounts and representatives (src/domain/registration/obligations.ts); only what a
-- person records is stored: a fulfilment (with the implementation plan's file) or a waiver, and a date of receipt.

create table obligation_records (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  -- The derived obligation's stable key: BANK_ACCOUNT_NOTICE:<event>, IMPLEMENTATION_PLAN:<event>:<province>, …
  obligation_key text not null,
  kind text not null check (kind in ('BANK_ACCOUNT_NOTICE', 'IMPLEMENTATION_PLAN', 'ANNUAL_REPORT', 'DATA_UPDATE', 'INACTIVITY_REVIEW')),
  certificate_id uuid references certificates(id),
  -- The People's Committee an implementation plan is addressed to (as written on the certificate).
  province_id text references provinces(id),
  status text not null check (status in ('DONE', 'WAIVED')),
  done_on date not null,
  -- Why an officer waived it (required for a waiver).
  reason text,
  note text,
  -- The attached document (implementation plan), stored like dossier uploads: uploads/<yyyy>/<uuid>.
  file_name text,
  media_type text,
  size_bytes bigint check (size_bytes > 0),
  sha256 text check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_path text,
  recorded_by uuid references users(id),
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  unique (organisation_id, obligation_key),
  check (status <> 'WAIVED' or (reason is not null and length(trim(reason)) > 0))
);
create index obligation_records_province_idx on obligation_records (province_id) where province_id is not null;

-- The day the NGO received a certificate decision, when recorded (else the decision date counts).
create table certificate_receipts (
  event_id uuid primary key references certificate_events(id),
  organisation_id uuid not null references organisations(id),
  received_on date not null,
  recorded_by uuid references users(id),
  recorded_at timestamptz not null default now()
);
