/** Shapes of the Programme monitoring API (src/modules/programme/programme-reports.schemas.ts, reviews.schemas.ts). */
export type ReportStatus = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'RETURNED';
export type Money = { committedUsd: string; disbursedUsd: string };

export type ProgrammeReport = {
  id: string | null;
  agencyId: string;
  agencyNameVi: string;
  agencyNameEn: string;
  agencyKind: 'MINISTRY' | 'PROVINCE';
  year: number;
  programmeCode: string;
  status: ReportStatus;
  dueDate: string;
  overdue: boolean;
  difficulties: string;
  proposals: string;
  figures: Money & {
    aidRecords: number;
    organisations: number;
    activeOrganisations: number;
    computedOn: string;
    priorities: (Money & { code: string; nameVi: string; nameEn: string; sectorCodes: string[]; shared: boolean })[];
    outside: Money;
  };
  returnReason: string | null;
  submittedAt: string | null;
  returnedAt: string | null;
  version: number;
  actions: ('save' | 'submit' | 'return')[];
  synthetic: boolean;
};

export type ReportingStatus = {
  year: number;
  dueDate: string;
  dueBasis: string;
  counts: { expected: number; notStarted: number; draft: number; submitted: number; returned: number };
  items: {
    agencyId: string;
    nameVi: string;
    nameEn: string;
    kind: 'MINISTRY' | 'PROVINCE';
    status: ReportStatus;
    overdue: boolean;
    submittedAt: string | null;
    lastRemindedAt: string | null;
    reminders: number;
  }[];
};

type Counted = Money & { aidRecords: number; organisations: number };
export type Review = {
  from: number;
  to: number;
  kind: 'mid_term' | 'final' | 'period';
  programme: { code: string; titleVi: string; titleEn: string; from: number; to: number; provisional: boolean };
  totals: Money & { aidRecords: number; activeOrganisations: number; registeredOrganisations: number | null; referenceDate: string };
  priorities: (Counted & { code: string; nameVi: string; nameEn: string; sectorCodes: string[]; sectorNames: string[]; shared: boolean })[];
  outsidePriorities: Money;
  provinces: (Counted & { id: string; code: string; name: string; region: string })[];
  provincesUnallocated: Money & { aidRecords: number };
  regions: Record<'current' | 'historic', { items: (Counted & { code: string; name: string })[]; unallocated: Counted }>;
  indicators: {
    code: string;
    nameVi: string;
    nameEn: string;
    target: string | null;
    unit: string;
    provisional: boolean;
    achieved: string | null;
    basis: 'mean_yearly_disbursed' | 'total_disbursed' | 'active_last_year' | 'not_measured';
  }[];
  synthetic: boolean;
};
