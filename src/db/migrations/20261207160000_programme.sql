-- The National Programme on cooperation and aid mobilisation (domain.md §4): programmes as versioned documents,
-- the needs catalogue (danh mục vận động viện trợ), NGOs' interest in proposals, and the aid items that fund them.

-- A programme's current content (src/domain/programme/programme-content.ts) with its optimistic-concurrency
-- version; every version ever saved is kept in programme_versions (the current one included).
create table programmes (
  code text primary key,
  sort integer not null,
  content jsonb not null,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table programme_versions (
  code text not null references programmes(code),
  version integer not null,
  content jsonb not null,
  saved_by uuid references users(id),
  saved_at timestamptz not null default now(),
  primary key (code, version)
);

create sequence need_proposal_seq;

create table need_proposals (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  status text not null default 'DRAFT'
    check (status in ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'DECLINED', 'FUNDED')),
  proposing_agency_id text not null references agencies(id),
  programme_code text references programmes(code),
  priority_code text,
  sector_code text not null references sectors(code),
  title_vi text not null,
  title_en text,
  summary_vi text,
  summary_en text,
  -- Today's 34 provinces only (new34 ids); a proposal is for where the aid will go now.
  province_ids text[] not null check (cardinality(province_ids) > 0),
  beneficiaries text,
  beneficiaries_count integer check (beneficiaries_count >= 0),
  budget numeric not null check (budget > 0),
  currency text not null references currencies(code),
  duration_months integer check (duration_months between 1 and 120),
  counterpart_amount numeric check (counterpart_amount >= 0),
  counterpart_note text,
  contact_office text,
  contact_email text,
  contact_phone text,
  review_comment text,
  submitted_at timestamptz,
  published_at timestamptz,
  synthetic boolean not null default false,
  search_text text generated always as (
    vn_fold(coalesce(code, '') || ' ' || coalesce(title_vi, '') || ' ' || coalesce(title_en, '') || ' ' ||
      coalesce(summary_vi, '') || ' ' || coalesce(summary_en, ''))
  ) stored,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index need_proposals_search_trgm_idx on need_proposals using gin (search_text gin_trgm_ops);
create index need_proposals_provinces_idx on need_proposals using gin (province_ids);
create index need_proposals_status_idx on need_proposals (status, published_at desc);
create index need_proposals_agency_idx on need_proposals (proposing_agency_id);

-- Each step of the workflow, with the comment or reason given (shown to the proposer).
create table need_proposal_events (
  id bigint generated always as identity primary key,
  proposal_id uuid not null references need_proposals(id),
  action text not null,
  from_status text,
  to_status text not null,
  comment text,
  actor_user_id uuid references users(id),
  actor_label text not null,
  at timestamptz not null default now()
);
create index need_proposal_events_proposal_idx on need_proposal_events (proposal_id, at);

-- An NGO's interest in a published proposal; one per organisation and proposal.
create table need_interests (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references need_proposals(id),
  organisation_id uuid not null references organisations(id),
  message text not null,
  contact_name text not null,
  contact_email text,
  contact_phone text,
  status text not null default 'NEW' check (status in ('NEW', 'IN_TALKS', 'AGREED', 'NOT_PURSUED')),
  status_note text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (proposal_id, organisation_id)
);
create index need_interests_organisation_idx on need_interests (organisation_id);

-- The aid items that fund a proposal, with the amount each mobilises in the proposal's currency.
create table need_fundings (
  proposal_id uuid not null references need_proposals(id),
  aid_item_id uuid not null references aid_items(id),
  amount numeric not null check (amount > 0),
  linked_by uuid references users(id),
  linked_at timestamptz not null default now(),
  primary key (proposal_id, aid_item_id)
);
create index need_fundings_aid_item_idx on need_fundings (aid_item_id);
