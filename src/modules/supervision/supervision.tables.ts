import type { Generated } from 'kysely';
import type { ObligationKind } from '@domain/registration/obligations';

/**
 * Kysely types of the supervision tables (migration 20261207170000_supervision.sql). Joined to `Database` with
 * `db.withTables<SupervisionTables>()` in this module (see supervisionDb), so the shared schema type stays untouched.
 */
export type ObligationRecordTable = {
  id: Generated<string>;
  organisation_id: string;
  obligation_key: string;
  kind: ObligationKind;
  certificate_id: string | null;
  province_id: string | null;
  status: 'DONE' | 'WAIVED';
  done_on: string;
  reason: string | null;
  note: string | null;
  file_name: string | null;
  media_type: string | null;
  size_bytes: string | number | null;
  sha256: string | null;
  storage_path: string | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: Generated<Date>;
};

export type CertificateReceiptTable = {
  event_id: string;
  organisation_id: string;
  received_on: string;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
};

export type SupervisionTables = {
  obligation_records: ObligationRecordTable;
  certificate_receipts: CertificateReceiptTable;
};
