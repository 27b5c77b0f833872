import type { ColumnType, Generated } from 'kysely';
import type { IatiImportStatus } from '@common/iati/import-report';
import type { LocalizedText } from '@domain/iati/model';

/** Kysely types of the IATI module's tables (migration 20261123170000_iati.sql). */
type Json<T = unknown> = ColumnType<T, string | undefined, string>;
type Numeric = ColumnType<string, string | number, string | number>;

export type { IatiImportStatus };

export type IatiImportTable = {
  id: Generated<string>;
  file_name: string;
  file_path: string | null;
  bytes: ColumnType<string, string | number, string | number>;
  sha256: string;
  status: Generated<IatiImportStatus>;
  report: Json | null;
  result: Json | null;
  error: Json | null;
  job_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  planned_at: Date | null;
  applied_at: Date | null;
  applied_by: string | null;
  version: Generated<number>;
};

/** A participating organisation as published (aid_partners keeps only role and name). */
export type PublishedParticipant = { role: string; name: string; ref?: string; type?: string; nameVi?: string; nameEn?: string };
/** A commitment or disbursement as published, in its own currency. */
export type PublishedTransaction = {
  kind: 'COMMITMENT' | 'DISBURSEMENT' | 'EXPENDITURE' | 'INCOMING_FUNDS';
  date: string;
  amount: string;
  currency: string;
  /** IATI `value/@value-date`: the date of the exchange rate, when the publisher gave one other than the date. */
  valueDate?: string;
};

/** A publisher's titles and descriptions, every language kept (`other` holds languages beyond vi and en). */
export type PublishedNarratives = { titles: LocalizedText; descriptions: LocalizedText };

export type IatiActivitySourceTable = {
  aid_item_id: string;
  iati_identifier: string;
  import_id: string | null;
  reporting_org_ref: string | null;
  reporting_org_type: string | null;
  reporting_org_name_vi: string | null;
  reporting_org_name_en: string | null;
  secondary_reporter: boolean | null;
  donor_ref: string | null;
  donor_name: string | null;
  last_updated: string | null;
  activity_status: string | null;
  narratives: Json<PublishedNarratives> | null;
  participants: Json<PublishedParticipant[]>;
  published: Json<PublishedTransaction[]>;
  imported_at: Generated<Date>;
};

export type IatiOrgCandidateTable = {
  id: Generated<string>;
  iati_ref: string | null;
  name: string;
  organisation_id: string;
  score: Numeric;
  status: Generated<'OPEN' | 'CONFIRMED' | 'REJECTED'>;
  import_id: string | null;
  created_at: Generated<Date>;
  resolved_by: string | null;
  resolved_at: Date | null;
  version: Generated<number>;
};

/** An organisation of a planned disbursement as published (provider-org / receiver-org). */
export type PublishedFlowOrg = { ref?: string; type?: string; activityId?: string; name?: LocalizedText };

/** Budgets and planned disbursements of an aid item (migration 20261208130000_iati_budgets_sector_codes.sql). */
export type AidBudgetTable = {
  id: Generated<string>;
  aid_item_id: string;
  budget_type: 'ORIGINAL' | 'REVISED';
  budget_status: 'INDICATIVE' | 'COMMITTED';
  period_start: string;
  period_end: string;
  amount: Numeric;
  published_amount: Numeric;
  currency: string;
  value_date: string;
  amount_usd: Numeric | null;
  rate_date: string | null;
};
export type AidPlannedDisbursementTable = Omit<AidBudgetTable, 'budget_type' | 'budget_status' | 'period_end'> & {
  budget_type: 'ORIGINAL' | 'REVISED' | null;
  period_end: string | null;
  provider: Json<PublishedFlowOrg> | null;
  receiver: Json<PublishedFlowOrg> | null;
};
/** The publisher's exact DAC codes beside the vnaid sector of each share. */
export type AidSectorCodeTable = { aid_item_id: string; sector_code: string; vocabulary: '1' | '2'; code: string; share: Numeric };

export type IatiTables = {
  aid_budgets: AidBudgetTable;
  aid_planned_disbursements: AidPlannedDisbursementTable;
  aid_sector_codes: AidSectorCodeTable;
  iati_imports: IatiImportTable;
  iati_activity_sources: IatiActivitySourceTable;
  iati_org_candidates: IatiOrgCandidateTable;
};
