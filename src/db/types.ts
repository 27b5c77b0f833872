import type { ColumnType, Generated } from 'kysely';
import type { CertificateEventKind, CertificateStatus as DomainCertificateStatus } from '@domain/registration/certificate-events';
import type { CertificateType } from '@domain/registration/certificate-types';
import type { CalendarTables } from '@modules/calendar/calendar.tables';
import type { ProceduresTables } from '@modules/procedures/procedures.tables';
import type { RegistryTables } from '@modules/registry/registry.tables';
import type { AidTables } from '@modules/aid/aid.tables';
import type { StatsTables } from '@modules/stats/stats.tables';
import type { IatiTables } from '@modules/iati/iati.tables';
import type { OpendataTables } from '@modules/opendata/opendata.tables';
import type { JobsTables } from '../jobs/jobs.tables';
import type { ProgrammeTables } from '@modules/programme/programme.tables';
import type { ProgrammeReportTables } from '@modules/programme/programme-reports.tables';
import type { AuthTables } from '@modules/auth/auth.tables';

/**
 * Kysely's view of the schema in migrations/. numeric columns are decimal strings (exact money), dates are
 * 'YYYY-MM-DD' strings, timestamps are Date. Module-specific tables are declared in the module folder as
 * `<area>.tables.ts` and joined here.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Numeric = ColumnType<string, string | number, string | number>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

export type AgencyTable = {
  id: string;
  name_vi: string;
  name_en: string;
  short_name: string | null;
  kind: 'CENTRAL' | 'MINISTRY' | 'PROVINCE' | 'MASS_ORGANISATION' | 'OTHER';
  province_id: string | null;
  valid_from: string | null;
  valid_until: string | null;
  successor_id: string | null;
  note: string | null;
};

export type UserTable = {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  role: 'admin' | 'central' | 'agency' | 'reviewer' | 'ngo' | 'owner';
  organisation_id: string | null;
  agency_id: string | null;
  locale: Generated<'vi' | 'en'>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Generated<Date>;
  /** Set when an administrator chose the password: the account may only change it until it does. */
  must_change_password: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type SessionTable = {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
};

export type ApiTokenTable = {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Generated<Date>;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

export type AuditLogTable = {
  id: Generated<string>;
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  ip: string | null;
};

export type JobTable = {
  id: Generated<string>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  result: Json | null;
  error: string | null;
  requested_by: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  /** The worker holding (or, once finished, that held) the job's lease: host:pid:random. */
  locked_by: string | null;
  /** While running: when the lease runs out unless renewed; after that another process may take the job back. */
  lease_until: Date | null;
};

export type RegionTable = { code: string; name_vi: string; name_en: string };
export type ProvinceTable = {
  id: string;
  scheme: 'old63' | 'new34';
  code: string;
  name_vi: string;
  name_en: string;
  name_ascii: string;
  region_code: string;
  rolls_up_to: string;
  valid_from: string | null;
  valid_until: string | null;
};
export type ProvinceUnitTypeTable = {
  province_id: string;
  valid_from: string;
  unit_type_vi: string;
  unit_type_en: string;
  legal_ref: string | null;
};
export type ProvinceAliasTable = { alias: string; province_id: string; note: string | null };
export type SectorTable = {
  code: string;
  name_vi: string;
  name_en: string;
  dac_code: string;
  sort: number;
  line_ministry_id: string | null;
};
export type CountryTable = { code: string; name_vi: string; name_en: string };
export type CurrencyTable = { code: string; name_vi: string; name_en: string; minor_units: number };

export type OrganisationTable = {
  id: Generated<string>;
  code: string;
  name_original: string;
  name_en: string | null;
  name_vi: string | null;
  acronym: string | null;
  country_code: string;
  org_type: Generated<'NGO' | 'SOCIAL_FUND' | 'PRIVATE_FUND' | 'FOUNDATION' | 'OTHER'>;
  hq_address: string | null;
  legal_status: string | null;
  home_term_until: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  mission: string | null;
  iati_org_id: string | null;
  staff_foreign: number | null;
  staff_local: number | null;
  synthetic: Generated<boolean>;
  search_text: ColumnType<string, never, never>;
  /** First day of the first certificate (kept by a trigger on the status periods); null: never registered. */
  listed_from: ColumnType<string | null, never, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};

export type { CertificateEventKind, CertificateType };
/** The statuses stored in certificate_status_periods (NOT_YET_VALID is only ever computed). */
export type CertificateStatus = Exclude<DomainCertificateStatus, 'NOT_YET_VALID'>;

export type CertificateTable = {
  id: Generated<string>;
  organisation_id: string;
  type: CertificateType;
  number: string;
  created_at: Generated<Date>;
};
export type CertificateEventTable = {
  id: Generated<string>;
  certificate_id: string;
  seq: number;
  kind: CertificateEventKind;
  effective_date: string;
  decision_number: string;
  decision_date: string;
  legal_ground: string;
  changes: Json<Record<string, unknown>>;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
};
export type CertificateVersionTable = {
  certificate_id: string;
  version: number;
  effective_from: string;
  issue_date: string;
  valid_until: string;
  office_province_id: string | null;
  province_ids: string[];
  sector_codes: string[];
  event_id: string | null;
};
export type CertificateStatusPeriodTable = {
  certificate_id: string;
  organisation_id: string;
  status: CertificateStatus;
  /** A PostgreSQL daterange, e.g. '[2024-01-01,2027-01-01)'. */
  period: string;
};

export type ExchangeRateTable = {
  currency: string;
  rate_date: string;
  usd_per_unit: Numeric;
  vnd_per_unit: Numeric;
  source: string | null;
};

export type AidModality = 'PROGRAMME' | 'PROJECT' | 'NON_PROJECT' | 'RELIEF';
export type AidStatus = 'PIPELINE' | 'APPROVED' | 'IMPLEMENTING' | 'COMPLETED' | 'CANCELLED' | 'REVOKED';

export type AidItemTable = {
  id: Generated<string>;
  code: string;
  /** Set on every item (a trigger gives publisher prefix + code to inserts without one); never changes. */
  iati_identifier: ColumnType<string, string | undefined, string>;
  modality: AidModality;
  title_vi: string;
  title_en: string | null;
  description_vi: string | null;
  description_en: string | null;
  organisation_id: string | null;
  other_donor_name: string | null;
  donor_country_code: string | null;
  governing_agency_id: string | null;
  aid_owner_name: string | null;
  /** The aid owner as an agency (scopes `owner` accounts); a trigger fills it from aid_owner_name when unset. */
  aid_owner_agency_id: ColumnType<string | null, string | null | undefined, string | null>;
  status: AidStatus;
  /** The revocation decision (D80 Art. 4.7), set with status REVOKED. */
  revocation_decision_number: ColumnType<string | null, string | null | undefined, string | null>;
  revocation_date: ColumnType<string | null, string | null | undefined, string | null>;
  revocation_reason: ColumnType<string | null, string | null | undefined, string | null>;
  revoked_by_agency_id: ColumnType<string | null, string | null | undefined, string | null>;
  approval_decision_number: string | null;
  approval_date: string | null;
  approval_legal_basis: 'D93_2009' | 'D80_2020' | 'D313_2025' | null;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  budget_revenue: Generated<boolean>;
  default_currency: Generated<string>;
  synthetic: Generated<boolean>;
  search_text: ColumnType<string, never, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};
/** An adjustment of an approved aid item (D80 Art. 16), filed by its aid owner, decided by its approver. */
export type AidAdjustmentTable = {
  id: Generated<string>;
  aid_item_id: string;
  owner_agency_id: string;
  filed_by: string | null;
  approver_agency_id: string;
  pm_level: boolean;
  reason: string;
  changes: ColumnType<Record<string, unknown>, string, string>;
  before: ColumnType<Record<string, unknown>, string, string>;
  procedure_version: string;
  filed_on: string;
  due_date: string;
  status: Generated<'FILED' | 'APPROVED' | 'REFUSED'>;
  decision_number: string | null;
  decision_date: string | null;
  decision_note: string | null;
  decided_by: string | null;
  item_version_after: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
};
export type AidLocationTable = { aid_item_id: string; province_id: string; share: Numeric; commune_code: string | null };
export type AidSectorTable = { aid_item_id: string; sector_code: string; share: Numeric };
export type AidPartnerTable = {
  aid_item_id: string;
  role: 'FUNDING' | 'ACCOUNTABLE' | 'EXTENDING' | 'IMPLEMENTING';
  name: string;
  organisation_id: string | null;
  agency_id: string | null;
};
export type AidTransactionTable = {
  id: Generated<string>;
  aid_item_id: string;
  /** EXPENDITURE and INCOMING_FUNDS come only from IATI imports; amounts are negative only for IATI corrections. */
  kind: 'COMMITMENT' | 'DISBURSEMENT' | 'EXPENDITURE' | 'INCOMING_FUNDS';
  tx_date: string;
  amount: Numeric;
  currency: string;
  amount_usd: Numeric;
  amount_vnd: Numeric;
  rate_date: string | null;
  description: string | null;
  source: Generated<'MANUAL' | 'REPORT' | 'IATI' | 'IMPORT' | 'DEMO'>;
  created_at: Generated<Date>;
};

export type CoreDatabase = {
  agencies: AgencyTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  jobs: JobTable;
  regions: RegionTable;
  provinces: ProvinceTable;
  province_unit_types: ProvinceUnitTypeTable;
  province_aliases: ProvinceAliasTable;
  sectors: SectorTable;
  countries: CountryTable;
  currencies: CurrencyTable;
  organisations: OrganisationTable;
  certificates: CertificateTable;
  certificate_events: CertificateEventTable;
  certificate_versions: CertificateVersionTable;
  certificate_status_periods: CertificateStatusPeriodTable;
  exchange_rates: ExchangeRateTable;
  aid_items: AidItemTable;
  aid_adjustments: AidAdjustmentTable;
  aid_locations: AidLocationTable;
  aid_sectors: AidSectorTable;
  aid_partners: AidPartnerTable;
  aid_transactions: AidTransactionTable;
};

/** The whole schema: the core tables plus each module's own (add `& <Area>Tables` when a module adds some). */
export type Database = CoreDatabase &
  CalendarTables &
  ProceduresTables &
  RegistryTables &
  AidTables &
  StatsTables &
  IatiTables &
  OpendataTables &
  JobsTables &
  AuthTables &
  ProgrammeReportTables &
  ProgrammeTables;
