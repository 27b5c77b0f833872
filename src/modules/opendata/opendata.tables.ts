import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the open-data module's table (migration 20261123170100_opendata.sql). */
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

/** One file of a bundle, as listed in the index. */
export type BundleFile = { name: string; bytes: number; sha256: string; rows: number; contentType: string };

export type OpendataBundleTable = {
  bundle_date: string;
  directory: string;
  files: Json<BundleFile[]>;
  synthetic: Generated<boolean>;
  job_id: string | null;
  created_at: Generated<Date>;
};

export type OpendataTables = { opendata_bundles: OpendataBundleTable };
