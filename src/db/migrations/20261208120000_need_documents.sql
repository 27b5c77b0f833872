-- Documents of a proposal in the needs catalogue (concept note, budget, …), stored like dossier uploads: the file
-- under VNAID_DATA_DIR/uploads/<yyyy>/<uuid> (type checked by content, at most 20 MB), its SHA-256 here. A removed
-- document keeps its row (removed_at) so the audit trail can name what was attached; it is no longer listed or served.
create table need_documents (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references need_proposals(id),
  kind text not null check (kind in ('CONCEPT_NOTE', 'BUDGET', 'FEASIBILITY', 'SUPPORT_LETTER', 'OTHER')),
  file_name text not null check (length(file_name) between 1 and 255),
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_path text not null,
  uploaded_by uuid references users(id),
  uploaded_at timestamptz not null default now(),
  removed_at timestamptz,
  removed_by uuid references users(id)
);
create index need_documents_proposal_idx on need_documents (proposal_id, uploaded_at) where removed_at is null;
