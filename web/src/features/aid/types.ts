/** Shapes of the aid API as the screens use them (see src/modules/aid/*.schemas.ts). Money is a decimal string. */
export type { Page } from '@common/contracts/primitives';

export const MODALITIES = ['PROGRAMME', 'PROJECT', 'NON_PROJECT', 'RELIEF'] as const;
export const STATUSES = ['PIPELINE', 'APPROVED', 'IMPLEMENTING', 'COMPLETED', 'CANCELLED', 'REVOKED'] as const;
export type Modality = (typeof MODALITIES)[number];
export type AidStatus = (typeof STATUSES)[number];
export type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';

export type AidListItem = {
  id: string;
  code: string;
  titleVi: string;
  titleEn: string | null;
  modality: Modality;
  status: AidStatus;
  organisationId: string | null;
  donorName: string | null;
  donorNameVi: string | null;
  donorCountryCode: string | null;
  governingAgencyId: string | null;
  approvalDate: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  provinces: string[];
  /** Approved, not started nor disbursed six months after approval: its approver may revoke it (D80 Art. 4.7). */
  mayBeRevoked: boolean;
  committedUsd: string;
  disbursedUsd: string;
  synthetic: boolean;
};

export type AidLocation = {
  provinceId: string;
  nameVi: string;
  nameEn: string;
  scheme: 'old63' | 'new34';
  currentId: string;
  currentNameVi: string;
  currentNameEn: string;
  share: string;
  communeCode: string | null;
};
export type AidSector = { code: string; nameVi: string; nameEn: string; dacCode: string; share: string };
export type AidPartner = {
  role: 'FUNDING' | 'ACCOUNTABLE' | 'EXTENDING' | 'IMPLEMENTING';
  name: string;
  organisationId: string | null;
  agencyId: string | null;
};

export type AidDetail = AidListItem & {
  storedStatus: AidStatus;
  iatiIdentifier: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  organisationName: string | null;
  otherDonorName: string | null;
  governingAgencyNameVi: string | null;
  governingAgencyNameEn: string | null;
  aidOwnerName: string | null;
  approvalDecisionNumber: string | null;
  approvalLegalBasis: 'D93_2009' | 'D80_2020' | 'D313_2025' | null;
  actualStart: string | null;
  actualEnd: string | null;
  revocableFrom: string | null;
  aidOwnerAgencyId: string | null;
  revocation: { decisionNumber: string; decisionDate: string; reason: string; agencyId: string | null } | null;
  budgetRevenue: boolean;
  defaultCurrency: string;
  locations: AidLocation[];
  sectors: AidSector[];
  partners: AidPartner[];
  totals: {
    committedUsd: string;
    disbursedUsd: string;
    committedVnd: string;
    disbursedVnd: string;
    byCurrency: { currency: string; committed: string; disbursed: string }[];
  };
  abilities: { edit: boolean; addTransaction: boolean; revoke: boolean; fileAdjustment: boolean };
  version: number;
};

export type Transaction = {
  id: string;
  kind: 'COMMITMENT' | 'DISBURSEMENT' | 'EXPENDITURE' | 'INCOMING_FUNDS';
  date: string;
  amount: string;
  currency: string;
  amountUsd: string;
  amountVnd: string;
  rateDate: string | null;
  description: string | null;
  source: 'MANUAL' | 'REPORT' | 'IATI' | 'IMPORT' | 'DEMO';
};

export type ReportLine = {
  aidItemId: string;
  aidItemCode: string;
  aidItemTitleVi: string;
  aidItemTitleEn: string | null;
  defaultCurrency: string;
  disbursedAmount: string | null;
  currency: string | null;
  amountUsd: string | null;
  disbursementDate: string | null;
  results: string | null;
  beneficiariesTotal: number | null;
  beneficiariesFemale: number | null;
  beneficiariesEthnicMinority: number | null;
  beneficiariesDisability: number | null;
  transactionId: string | null;
  filed: boolean;
};

export type NgoReportSummary = {
  id: string;
  organisationId: string;
  organisationName: string;
  reportYear: number;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  status: ReportStatus;
  submittedAt: string | null;
  disbursedUsd: string;
  lineCount: number;
  version: number;
};
export type NgoReport = NgoReportSummary & {
  summary: string | null;
  reviewNote: string | null;
  lines: ReportLine[];
  abilities: { edit: boolean; submit: boolean; review: boolean };
  /** Allowed but worth checking (over the commitment, after the project's end); not blocking. */
  warnings?: { path: string; code: string; params: Record<string, string>; message: string }[];
};

export type CalendarEntry = {
  kind: 'NGO_ANNUAL' | 'AGENCY_MAU04' | 'GOVERNING_ANNUAL' | 'CENTRAL_SUMMARY';
  duty: 'SUBMIT' | 'RECEIVE';
  year: number;
  from: string;
  to: string;
  due: string;
  legalBasis: string;
  provisional: boolean;
  state: 'DONE' | 'NOT_YET_OPEN' | 'OPEN' | 'DUE_SOON' | 'OVERDUE' | null;
  reportStatus: ReportStatus | null;
  reportId: string | null;
  received: number | null;
};

export type AgencyReport = {
  id: string;
  agencyId: string;
  agencyNameVi: string;
  agencyNameEn: string;
  kind: 'AGENCY_MAU04' | 'GOVERNING_ANNUAL';
  reportYear: number;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  status: ReportStatus;
  figures: { aidItems: number; organisations: number; committedUsd: string; disbursedUsd: string; ngoReportsSubmitted: number };
  summary: string | null;
  submittedAt: string | null;
  version: number;
};

export type Named = { code: string; nameVi: string; nameEn: string };
export type Province = Named & { id: string; scheme: 'old63' | 'new34'; rollsUpTo: string };
export type Agency = { id: string; nameVi: string; nameEn: string; kind: string; provinceId: string | null };
export type ExchangeRate = { currency: string; date: string; usdPerUnit: string; vndPerUnit: string; source: string | null };

/** Subjects that make an aid a Prime Minister case (D80 Art. 7.1). */
export const PM_SUBJECTS = ['SECURITY_DEFENCE_RELIGION', 'LEGAL_DRAFTING', 'USED_GOODS'] as const;

/** What an adjustment changes on the item (src/modules/aid/aid-adjustments.schemas.ts). */
export type AdjustmentChanges = {
  titleVi?: string;
  titleEn?: string;
  descriptionVi?: string;
  plannedStart?: string;
  plannedEnd?: string;
  provinceIds?: string[];
  other?: string;
  pmSubjects?: string[];
};

/** An adjustment request (D80 Art. 16) with its decision, as the item's history shows it. */
export type Adjustment = {
  id: string;
  aidItemId: string;
  itemCode: string;
  itemTitleVi: string;
  ownerAgencyId: string;
  approverAgencyId: string;
  pmLevel: boolean;
  reason: string;
  changes: AdjustmentChanges;
  before: AdjustmentChanges;
  procedureVersion: string;
  filedOn: string;
  dueDate: string;
  status: 'FILED' | 'APPROVED' | 'REFUSED';
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionNote: string | null;
  mayDecide: boolean;
  overdue: boolean;
  version: number;
};
