import type { ColumnType, Generated } from 'kysely';

/** Kysely type of the proposals' documents (migration 20261208120000_need_documents.sql). */
export type NeedDocumentTable = {
  id: Generated<string>;
  proposal_id: string;
  kind: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_path: string;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
  removed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  removed_by: string | null;
};

export type NeedDocumentsTables = { need_documents: NeedDocumentTable };
