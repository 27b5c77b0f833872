import { z } from 'zod';
import { vietnamYear } from '@common/time/vietnam-today';
import { pageQuery } from '@http/pagination';
import { amountString } from './aid-items.schemas';

/** The kinds of src/domain/reporting/aid-reports.ts (AID_REPORT_KINDS). */
export const aidReportKind = z.enum(['OWNER_SEMIANNUAL', 'OWNER_ANNUAL', 'PMU_SEMIANNUAL', 'PMU_ANNUAL', 'COMPLETION', 'SETTLEMENT']);
export const aidReportStates = ['UPCOMING', 'DUE', 'LATE', 'DONE'] as const;
const year = z.coerce.number().int().min(2000).max(2100);

export const listAidReportsQuery = pageQuery.extend({
  year: year.default(() => vietnamYear()),
  aidItemId: z.string().uuid().optional(),
  /** The aid owner's agency (an owner sees only its own whatever it asks). */
  ownerAgencyId: z.string().trim().min(1).max(100).optional(),
  governingAgencyId: z.string().trim().min(1).max(100).optional(),
  kind: aidReportKind.optional(),
  state: z.enum(aidReportStates).optional(),
});
export type ListAidReportsQuery = z.infer<typeof listAidReportsQuery>;

export const createAidReportBody = z.object({
  aidItemId: z.string().uuid(),
  kind: aidReportKind,
  /** `2026-H1`, `2026` or `COMPLETION`, as the list gives it. */
  periodKey: z.string().regex(/^(\d{4}(-H1)?|COMPLETION)$/, 'expected 2026-H1, 2026 or COMPLETION'),
});
export type CreateAidReportBody = z.infer<typeof createAidReportBody>;

export const putAidReportBody = z.object({
  version: z.number().int(),
  summary: z.string().trim().max(20_000).nullable().optional(),
  refreshFigures: z.boolean().optional(),
});

const money = z.object({ currency: z.string(), amount: z.string() });
export const aidReportFigures = z.object({
  /** The period the money is counted in (both ends included). */
  periodFrom: z.string(),
  periodTo: z.string(),
  /** Commitments recorded up to the end of the period, exact sums in each original currency, and their USD/VND values. */
  committed: z.array(money),
  committedUsd: z.string(),
  committedVnd: z.string(),
  /** Disbursements dated within the period. */
  disbursed: z.array(money),
  disbursedUsd: z.string(),
  disbursedVnd: z.string(),
  disbursementCount: z.number().int(),
  /** Disbursements up to the end of the period. */
  disbursedToDateUsd: z.string(),
  counterpartFunds: z.array(money.extend({ source: z.string() })),
  counterpartTotals: z.array(money),
});
export type AidReportFigures = z.infer<typeof aidReportFigures>;

export const aidReportRow = z.object({
  aidItemId: z.string(),
  aidItemCode: z.string(),
  aidItemTitleVi: z.string(),
  aidItemTitleEn: z.string().nullable(),
  ownerAgencyId: z.string().nullable(),
  ownerName: z.string().nullable(),
  governingAgencyId: z.string().nullable(),
  kind: aidReportKind,
  periodKey: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueDate: z.string(),
  filer: z.enum(['OWNER', 'GOVERNING']),
  dueRule: z.enum(['FIXED_DATE', 'CIVIL_CODE_PERIOD']),
  legalBasis: z.string(),
  provisional: z.boolean(),
  state: z.enum(aidReportStates),
  /** Days past the due date (0 unless late, or filed late). */
  daysLate: z.number().int(),
  reportId: z.string().nullable(),
  reportStatus: z.enum(['DRAFT', 'SUBMITTED']).nullable(),
  submittedAt: z.string().nullable(),
  /** Whether the caller may start or file this report. */
  canFile: z.boolean(),
});
export type AidReportRow = z.infer<typeof aidReportRow>;

export const aidReportList = z.object({
  year: z.number().int(),
  today: z.string(),
  counts: z.object({ UPCOMING: z.number().int(), DUE: z.number().int(), LATE: z.number().int(), DONE: z.number().int() }),
  items: z.array(aidReportRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const aidReportView = z.object({
  id: z.string(),
  aidItemId: z.string(),
  aidItemCode: z.string(),
  aidItemTitleVi: z.string(),
  aidItemTitleEn: z.string().nullable(),
  kind: aidReportKind,
  periodKey: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueDate: z.string(),
  status: z.enum(['DRAFT', 'SUBMITTED']),
  figures: aidReportFigures,
  summary: z.string().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type AidReportView = z.infer<typeof aidReportView>;

export const addCounterpartBody = z.object({
  amount: amountString.refine((v) => /[1-9]/.test(v), 'must be greater than 0'),
  currency: z.string().trim().length(3).toUpperCase(),
  source: z.string().trim().min(1).max(300),
});
export const counterpartFundView = z.object({
  id: z.string(),
  amount: z.string(),
  currency: z.string(),
  source: z.string(),
  createdAt: z.string(),
});
export const counterpartList = z.object({ items: z.array(counterpartFundView), totals: z.array(money), canEdit: z.boolean() });
