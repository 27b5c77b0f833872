/**
 * The neutral model of what vnaid holds about one aid item when it talks IATI.
 *
 * It is deliberately smaller than IATI: only fields vnaid stores or needs to decide on an import.
 * Conventions used throughout:
 * - money and percentages are exact decimal strings (`"1250000.50"`, `"33.34"`), never floats, so that
 *   nothing is rounded between a file, the database and a report;
 * - dates are ISO calendar dates `YYYY-MM-DD`;
 * - free text is `LocalizedText`, with Vietnamese and English first-class.
 *
 * @module
 */

/** A decimal number written as a string, matching `xsd:decimal` (`-12`, `3.50`, `.5`; no exponent, no grouping). */
export type DecimalString = string;

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * A province code with its code system, because old and new codes overlap in value (domain.md §6 rule 4):
 * `old63:NN` (Decision 124/2004, before 01/07/2025) or `new34:NN` (Decision 19/2025, from 01/07/2025).
 */
export type ProvinceCode = `old63:${string}` | `new34:${string}`;

/** Text in Vietnamese and/or English; `other` keeps narratives in further languages (ISO 639-1 keys). */
export interface LocalizedText {
  vi?: string;
  en?: string;
  other?: Record<string, string>;
}

/** Aid modality (D80/2020 Art. 3.2, plus relief and recovery aid of Art. 3.7). See `codes.ts` for the IATI mapping. */
export type AidModality = 'PROGRAMME' | 'PROJECT' | 'NON_PROJECT' | 'RELIEF';

/** Lifecycle status of an aid item as vnaid reports it. See `codes.ts` for the IATI ActivityStatus mapping. */
export type AidStatus = 'PIPELINE' | 'APPROVED' | 'IMPLEMENTING' | 'COMPLETED' | 'CANCELLED' | 'REVOKED';

/** Role of a participating organisation (IATI OrganisationRole 1–4). */
export type OrgRole = 'FUNDING' | 'ACCOUNTABLE' | 'EXTENDING' | 'IMPLEMENTING';

/** Transaction kind (IATI TransactionType 1–13, one name per code). */
export type TransactionKind =
  | 'INCOMING_FUNDS'
  | 'COMMITMENT'
  | 'DISBURSEMENT'
  | 'EXPENDITURE'
  | 'INTEREST_PAYMENT'
  | 'LOAN_REPAYMENT'
  | 'REIMBURSEMENT'
  | 'PURCHASE_OF_EQUITY'
  | 'SALE_OF_EQUITY'
  | 'CREDIT_GUARANTEE'
  | 'INCOMING_COMMITMENT'
  | 'OUTGOING_PLEDGE'
  | 'INCOMING_PLEDGE';

/** The organisation that publishes an activity (IATI `reporting-org`). */
export interface ReportingOrg {
  /** IATI organisation identifier, e.g. `XM-DAC-41114` or `VN-COA-…`. */
  ref: string;
  /** IATI OrganisationType code, e.g. `21` (international NGO), `10` (government). */
  type: string;
  nameVi?: string;
  nameEn?: string;
  /** True when the publisher reports on behalf of another organisation. */
  secondaryReporter?: boolean;
}

/** An organisation taking part in the activity. */
export interface ParticipatingOrg {
  role: OrgRole;
  ref?: string;
  type?: string;
  nameVi?: string;
  nameEn?: string;
}

/** A recipient country (ISO 3166-1 alpha-2) with its optional share of the activity. */
export interface RecipientCountry {
  code: string;
  percentage?: DecimalString;
}

/** A recipient region; `vocabulary` is an IATI RegionVocabulary code (`1` = OECD DAC). */
export interface RecipientRegion {
  code: string;
  vocabulary: string;
  percentage?: DecimalString;
}

/** A province where the activity takes place. */
export interface ActivityLocation {
  provinceCode: ProvinceCode;
  name?: LocalizedText;
}

/**
 * A sector share. `vocabulary` is an IATI SectorVocabulary code: `1` = DAC 5-digit (vnaid's default),
 * `2` = DAC 3-digit, `99` = reporting organisation's own list (vnaid's own sector list uses
 * `vocabularyUri` = `VNAID_SECTOR_VOCABULARY_URI`). Percentages sum to 100 within one vocabulary.
 * `percentage` is absent only on imported data whose publisher gave none.
 */
export interface SectorShare {
  vocabulary: string;
  vocabularyUri?: string;
  code: string;
  percentage?: DecimalString;
  /** The sector's name: IATI requires a narrative on a reporting organisation's own vocabulary (98, 99). */
  name?: LocalizedText;
}

/** A financial transaction. `amount` is the exact decimal string of the file or the database. */
export interface Transaction {
  /** Publisher's own transaction reference, useful to update rather than duplicate on re-import. */
  ref?: string;
  type: TransactionKind;
  date: IsoDate;
  amount: DecimalString;
  /** ISO 4217 code; on import it falls back to the activity's, then the document's default currency. */
  currency: string;
  /** Date of the exchange rate; absent means "same as `date`" (the serializer writes `date` then). */
  valueDate?: IsoDate;
  description?: LocalizedText;
  /** Transaction-level `recipient-country` (ISO 3166-1 alpha-2): the country this money is for. */
  recipientCountry?: string;
  /** Transaction-level sectors (one per vocabulary; IATI gives them no percentage), when the activity has none. */
  sectors?: SectorShare[];
}

/** IATI BudgetType (1 original, 2 revised), used by budgets and planned disbursements. */
export type BudgetKind = 'ORIGINAL' | 'REVISED';
/** IATI BudgetStatus (1 indicative, 2 committed). */
export type BudgetStatus = 'INDICATIVE' | 'COMMITTED';

/**
 * An activity budget (IATI `budget`): what the publisher plans to spend over a period, usually a year. A plan, not
 * a commitment: it counts in no official figure (src/domain/statistics/definitions.ts).
 */
export interface Budget {
  type: BudgetKind;
  status: BudgetStatus;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amount: DecimalString;
  currency: string;
  /** Date of the exchange rate; absent means `periodStart` (the serializer writes it then). */
  valueDate?: IsoDate;
}

/** The provider or receiver of a planned disbursement, as published. */
export interface FlowOrg {
  ref?: string;
  type?: string;
  /** `provider-activity-id` / `receiver-activity-id`. */
  activityId?: string;
  name?: LocalizedText;
}

/** A planned cash transfer (IATI `planned-disbursement`). */
export interface PlannedDisbursement {
  /** IATI BudgetType; optional in IATI. */
  type?: BudgetKind;
  periodStart: IsoDate;
  periodEnd?: IsoDate;
  amount: DecimalString;
  currency: string;
  /** Date of the exchange rate; absent means `periodStart`. */
  valueDate?: IsoDate;
  provider?: FlowOrg;
  receiver?: FlowOrg;
}

/** Planned and actual start and end dates (IATI ActivityDateType 1–4). */
export interface ActivityDates {
  plannedStart?: IsoDate;
  actualStart?: IsoDate;
  plannedEnd?: IsoDate;
  actualEnd?: IsoDate;
}

/** The Vietnamese approval decision (quyết định phê duyệt) of the aid item. Carried in a vnaid extension element. */
export interface ApprovalDecision {
  decisionNumber: string;
  date: IsoDate;
}

/** One aid item as an IATI activity. */
export interface IatiActivity {
  /** Globally unique IATI activity identifier (reporting org ref + '-' + local id). */
  identifier: string;
  reportingOrg: ReportingOrg;
  titles: LocalizedText;
  /** The general description (IATI description type 1, or untyped). */
  descriptions: LocalizedText;
  modality: AidModality;
  status: AidStatus;
  /**
   * The publisher's own IATI ActivityStatus code (1–6) as read from its file, kept apart from vnaid's legal
   * status (`status`): written back as it was unless vnaid's lifecycle ended the item.
   */
  publisherStatus?: string;
  defaultCurrency?: string;
  /** IATI `last-updated-datetime` (xsd:dateTime), when known. */
  lastUpdated?: string;
  dates: ActivityDates;
  participatingOrgs: ParticipatingOrg[];
  recipientCountries: RecipientCountry[];
  recipientRegions: RecipientRegion[];
  locations: ActivityLocation[];
  sectors: SectorShare[];
  transactions: Transaction[];
  /** Budgets (issue 16 #4); absent or empty when none. */
  budgets?: Budget[];
  /** Planned disbursements (issue 16 #4); absent or empty when none. */
  plannedDisbursements?: PlannedDisbursement[];
  approval?: ApprovalDecision;
  /** The activity's public page on vnaid (a `document-link` of category A12, "Activity web page"); public exports only. */
  webPage?: string;
}

/** An amount over a period, for organisation budgets and expenditure. */
export interface PeriodAmount {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amount: DecimalString;
  currency?: string;
  /** Defaults to `periodStart` when serialized. */
  valueDate?: IsoDate;
}

/** An organisation file (IATI `iati-organisation`): name, reporting org, optional totals. */
export interface IatiOrganisation {
  identifier: string;
  name: LocalizedText;
  reportingOrg: ReportingOrg;
  defaultCurrency?: string;
  lastUpdated?: string;
  /** Budget status: IATI BudgetStatus `INDICATIVE` = 1, `COMMITTED` = 2. */
  totalBudgets?: (PeriodAmount & { status?: 'INDICATIVE' | 'COMMITTED' })[];
  totalExpenditures?: PeriodAmount[];
}
