-- Open data both ways (issue 7), bulk downloads: the public bundles (the directory and the aggregated statistics as
-- CSV and JSON), one folder per day under VNAID_DATA_DIR/opendata/<date>/; rebuilding a day replaces its row.
create table opendata_bundles (
  bundle_date date primary key,
  directory text not null,
  -- [{name, bytes, sha256, rows, contentType}]
  files jsonb not null,
  synthetic boolean not null default false,
  job_id uuid,
  created_at timestamptz not null default now()
);
