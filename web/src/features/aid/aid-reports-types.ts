/** Shapes of the aid-report API (src/modules/aid/aid-reports.schemas.ts) as the screens read them. */
export type AidReportKind = 'OWNER_SEMIANNUAL' | 'OWNER_ANNUAL' | 'PMU_SEMIANNUAL' | 'PMU_ANNUAL' | 'COMPLETION' | 'SETTLEMENT';
export const AID_REPORT_KINDS: readonly AidReportKind[] = [
  'OWNER_SEMIANNUAL',
  'OWNER_ANNUAL',
  'PMU_SEMIANNUAL',
  'PMU_ANNUAL',
  'COMPLETION',
  'SETTLEMENT',
];
export type AidReportState = 'UPCOMING' | 'DUE' | 'LATE' | 'DONE';
export const AID_REPORT_STATES: readonly AidReportState[] = ['UPCOMING', 'DUE', 'LATE', 'DONE'];
type Money = { currency: string; amount: string };

export type AidReportRow = {
  aidItemId: string;
  aidItemCode: string;
  aidItemTitleVi: string;
  aidItemTitleEn: string | null;
  ownerName: string | null;
  kind: AidReportKind;
  periodKey: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  filer: 'OWNER' | 'GOVERNING';
  dueRule: 'FIXED_DATE' | 'CIVIL_CODE_PERIOD';
  legalBasis: string;
  provisional: boolean;
  state: AidReportState;
  daysLate: number;
  reportId: string | null;
  reportStatus: 'DRAFT' | 'SUBMITTED' | null;
  canFile: boolean;
};
export type AidReportList = { year: number; today: string; counts: Record<AidReportState, number>; items: AidReportRow[]; total: number };

export type AidReport = {
  id: string;
  aidItemId: string;
  aidItemCode: string;
  aidItemTitleVi: string;
  aidItemTitleEn: string | null;
  kind: AidReportKind;
  periodKey: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  status: 'DRAFT' | 'SUBMITTED';
  figures: {
    committed: Money[];
    committedUsd: string;
    disbursed: Money[];
    disbursedUsd: string;
    disbursedVnd: string;
    disbursementCount: number;
    disbursedToDateUsd: string;
    counterpartFunds: (Money & { source: string })[];
    counterpartTotals: Money[];
  };
  summary: string | null;
  submittedAt: string | null;
  version: number;
  canEdit: boolean;
};

export type CounterpartList = {
  items: { id: string; amount: string; currency: string; source: string }[];
  totals: Money[];
  canEdit: boolean;
};
