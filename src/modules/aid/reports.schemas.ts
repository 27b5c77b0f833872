import { z } from 'zod';
import { vietnamYear } from '@common/time/vietnam-today';
import { pageQuery } from '@http/pagination';
import { isoDate } from '@http/primitives';
import { amountString } from './aid-items.schemas';

export const reportStatuses = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const;
export const agencyReportKinds = ['AGENCY_MAU04', 'GOVERNING_ANNUAL'] as const;
const year = z.coerce.number().int().min(2000).max(2100);
const count = z.number().int().min(0).max(100_000_000).nullable().optional();

export const listNgoReportsQuery = pageQuery.extend({
  year: year.optional(),
  status: z.enum(reportStatuses).optional(),
  organisationId: z.string().uuid().optional(),
});
export type ListNgoReportsQuery = z.infer<typeof listNgoReportsQuery>;

export const createNgoReportBody = z.object({
  year,
  /** Administrators may open a report on behalf of an organisation; an NGO always reports for its own. */
  organisationId: z.string().uuid().optional(),
});

export const reportLineInput = z.object({
  aidItemId: z.string().uuid(),
  disbursedAmount: amountString.nullable().optional(),
  currency: z.string().length(3).toUpperCase().nullable().optional(),
  disbursementDate: isoDate.nullable().optional(),
  results: z.string().trim().max(5000).nullable().optional(),
  beneficiariesTotal: count,
  beneficiariesFemale: count,
  beneficiariesEthnicMinority: count,
  beneficiariesDisability: count,
});
export type ReportLineInput = z.infer<typeof reportLineInput>;

export const putNgoReportBody = z.object({
  version: z.number().int(),
  summary: z.string().trim().max(20_000).nullable().optional(),
  lines: z.array(reportLineInput).max(500),
});
export type PutNgoReportBody = z.infer<typeof putNgoReportBody>;

export const versionBody = z.object({ version: z.number().int() });
export const reviewBody = z.object({
  version: z.number().int(),
  decision: z.enum(['ACCEPT', 'RETURN']),
  note: z.string().trim().max(2000).optional(),
});

export const ngoReportSummary = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  reportYear: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueDate: z.string(),
  status: z.enum(reportStatuses),
  submittedAt: z.string().nullable(),
  /** Sum of the lines' USD values, rounded to cents for display. */
  disbursedUsd: z.string(),
  lineCount: z.number().int(),
  version: z.number().int(),
});
export type NgoReportSummary = z.infer<typeof ngoReportSummary>;

export const reportLineView = z.object({
  aidItemId: z.string(),
  aidItemCode: z.string(),
  aidItemTitleVi: z.string(),
  aidItemTitleEn: z.string().nullable(),
  defaultCurrency: z.string(),
  disbursedAmount: z.string().nullable(),
  currency: z.string().nullable(),
  amountUsd: z.string().nullable(),
  disbursementDate: z.string().nullable(),
  results: z.string().nullable(),
  beneficiariesTotal: z.number().int().nullable(),
  beneficiariesFemale: z.number().int().nullable(),
  beneficiariesEthnicMinority: z.number().int().nullable(),
  beneficiariesDisability: z.number().int().nullable(),
  transactionId: z.string().nullable(),
  /** False for an aid item of the organisation that the report does not cover yet (a row the form may fill). */
  filed: z.boolean(),
});
export type ReportLineView = z.infer<typeof reportLineView>;

export const ngoReportDetail = ngoReportSummary.extend({
  summary: z.string().nullable(),
  reviewNote: z.string().nullable(),
  /** The report's lines followed by the organisation's other aid items active in the year, unfilled. */
  lines: z.array(reportLineView),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
  /** What the law allows but a reader should check (over the commitment, after the project's end): not blocking. */
  warnings: z.array(
    z.object({
      path: z.string(),
      code: z.enum(['over_commitment', 'after_project_end']),
      params: z.record(z.string(), z.string()),
      message: z.string(),
    }),
  ),
});
export type NgoReportDetail = z.infer<typeof ngoReportDetail>;

export const calendarQuery = z.object({ year: year.default(() => vietnamYear()) });
export const calendarEntryView = z.object({
  kind: z.enum(['NGO_ANNUAL', 'AGENCY_MAU04', 'GOVERNING_ANNUAL', 'CENTRAL_SUMMARY']),
  duty: z.enum(['SUBMIT', 'RECEIVE']),
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  due: z.string(),
  legalBasis: z.string(),
  provisional: z.boolean(),
  state: z.enum(['DONE', 'NOT_YET_OPEN', 'OPEN', 'DUE_SOON', 'OVERDUE']).nullable(),
  /** For reports the user files: their report's status, if one was started. */
  reportStatus: z.enum(reportStatuses).nullable(),
  reportId: z.string().nullable(),
  /** For reports the user receives: how many arrived (submitted or accepted) within the user's scope. */
  received: z.number().int().nullable(),
});
export const calendarView = z.object({ year: z.number().int(), today: z.string(), entries: z.array(calendarEntryView) });

export const missingQuery = pageQuery.extend({ year: year.default(() => vietnamYear()) });
export const missingItem = z.object({
  organisationId: z.string(),
  code: z.string(),
  /** The English (or original) name; `nameVi` the Vietnamese name when registered, for Vietnamese screens. */
  name: z.string(),
  nameVi: z.string().nullable(),
  countryCode: z.string(),
  reportStatus: z.enum(['DRAFT', 'RETURNED']).nullable(),
  /** Aid items of the organisation active in the year within the viewer's scope. */
  aidItems: z.number().int(),
  /** Why the organisation is expected to report: a valid certificate, aid activity, or both. */
  expectedBecause: z.array(z.enum(['CERTIFICATE', 'AID'])),
});
export const missingView = z.object({
  year: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueDate: z.string(),
  daysOverdue: z.number().int(),
  items: z.array(missingItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const listAgencyReportsQuery = pageQuery.extend({ year: year.optional(), kind: z.enum(agencyReportKinds).optional() });
export const createAgencyReportBody = z.object({ kind: z.enum(agencyReportKinds), year });
export const putAgencyReportBody = z.object({
  version: z.number().int(),
  summary: z.string().trim().max(20_000).nullable().optional(),
  refreshFigures: z.boolean().optional(),
});
export const agencyReportFigures = z.object({
  aidItems: z.number().int(),
  organisations: z.number().int(),
  committedUsd: z.string(),
  disbursedUsd: z.string(),
  ngoReportsSubmitted: z.number().int(),
  /** Mobilisation results: aid approved in the window and its commitments (absent on reports made before issue 13). */
  approvedItems: z.number().int().optional(),
  approvedCommittedUsd: z.string().optional(),
  /** The data window the money is counted in: Decree 58's 15/12 of the previous year to 14/12 (issue 13). */
  windowFrom: z.string().optional(),
  windowTo: z.string().optional(),
  windowBasis: z.literal('D58_DATA_WINDOW').optional(),
});
export type AgencyReportFigures = z.infer<typeof agencyReportFigures>;
export const agencyReportView = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyNameVi: z.string(),
  agencyNameEn: z.string(),
  kind: z.enum(agencyReportKinds),
  reportYear: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueDate: z.string(),
  status: z.enum(reportStatuses),
  figures: agencyReportFigures,
  summary: z.string().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
});
export type AgencyReportView = z.infer<typeof agencyReportView>;

export const itemReportLine = z.object({
  reportId: z.string(),
  reportYear: z.number().int(),
  status: z.enum(reportStatuses),
  disbursedAmount: z.string().nullable(),
  currency: z.string().nullable(),
  amountUsd: z.string().nullable(),
  results: z.string().nullable(),
  beneficiariesTotal: z.number().int().nullable(),
  beneficiariesFemale: z.number().int().nullable(),
  beneficiariesEthnicMinority: z.number().int().nullable(),
  beneficiariesDisability: z.number().int().nullable(),
});
