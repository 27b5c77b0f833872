import { z } from 'zod';
import { pageQuery } from '@http/pagination';

const message = z.object({ vi: z.string(), en: z.string() });
const importStatuses = ['UPLOADED', 'PLANNING', 'PLANNED', 'REJECTED', 'APPLYING', 'APPLIED', 'FAILED', 'DISCARDED'] as const;

export const importCounts = z.object({
  activities: z.number().int().describe('iati-activity elements read, invalid ones included'),
  vietnam: z.number().int().describe('activities concerning Viet Nam'),
  created: z.number().int(),
  updated: z.number().int().describe('existing aid items with the same IATI identifier'),
  unchanged: z.number().int().describe('updated items the file does not change'),
  skipped: z.number().int().describe('activities left out (created + updated + skipped = activities)'),
  transactionsKept: z.number().int(),
  partsLeftOut: z.number().int().describe('transactions, sectors and organisations of kept activities that are not stored'),
});

const leftOutPart = z.object({
  reason: z.string().describe('transaction_type_not_kept, transaction_no_exchange_rate, sector_unmapped, …'),
  detail: z.string(),
});
const donor = z.object({
  name: z.string(),
  ref: z.string().nullable(),
  match: z.enum(['ref', 'name', 'likely', 'none']),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  score: z.string().nullable(),
});
const entry = z.object({
  index: z.number().int(),
  line: z.number().int().nullable(),
  identifier: z.string().nullable(),
  title: z.string().nullable(),
  action: z.enum(['create', 'update', 'skip']),
  reason: z.enum(['not_vietnam', 'duplicate_identifier', 'invalid_activity', 'no_donor']).optional(),
  detail: z.string().optional(),
  changes: z.array(z.string()).optional(),
  donor: donor.optional(),
  leftOut: z.array(leftOutPart).optional(),
  notes: z.array(z.string()).optional(),
});
const problem = z.object({
  code: z.string(),
  severity: z.enum(['fatal', 'error', 'warning']),
  message,
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  identifier: z.string().optional(),
});

/** The dry-run report (and the apply result, same shape). */
export const importReport = z.object({
  dryRun: z.boolean(),
  counts: importCounts,
  skippedByReason: z.record(z.string(), z.number().int()),
  partsLeftOutByReason: z.record(z.string(), z.number().int()),
  organisations: z
    .object({ ref: z.number().int(), name: z.number().int(), likely: z.number().int(), none: z.number().int() })
    .describe('kept activities by how their donor matched'),
  created: z.array(entry),
  updated: z.array(entry),
  skipped: z.array(entry),
  likelyDuplicates: z.array(
    z.object({
      ref: z.string().nullable(),
      name: z.string(),
      organisationId: z.string(),
      organisationName: z.string(),
      score: z.string(),
      activities: z.number().int(),
    }),
  ),
  problems: z.array(problem),
  fatal: problem.nullable(),
  listsTruncated: z.boolean().describe('lists stop at 200 entries each; counts are complete'),
});

export const importView = z.object({
  id: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  status: z.enum(importStatuses),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  plannedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
  jobId: z.string().nullable().describe('the background job of a large file (GET /api/jobs/:id)'),
  error: z.object({ code: z.string(), message: message.optional() }).passthrough().nullable(),
  counts: importCounts.nullable(),
  report: importReport.nullable().optional(),
  result: importReport.nullable().optional(),
});

export const listImportsQuery = pageQuery.extend({ status: z.enum(importStatuses).optional() });
export const applyBody = z.object({ confirm: z.literal(true).describe('the person confirms after reading the dry-run report') });

export const candidateView = z.object({
  id: z.string(),
  iatiRef: z.string().nullable(),
  name: z.string().describe('the publisher as named in the IATI files'),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationIatiId: z.string().nullable(),
  score: z.string().describe('name similarity 0–1 (pg_trgm on accent-folded names)'),
  status: z.enum(['OPEN', 'CONFIRMED', 'REJECTED']),
  aidItems: z.number().int().describe('imported aid items waiting for the decision'),
  createdAt: z.string(),
  version: z.number().int(),
});
export const listCandidatesQuery = pageQuery.extend({ status: z.enum(['OPEN', 'CONFIRMED', 'REJECTED']).optional() });
export const decideCandidateBody = z.object({ decision: z.enum(['confirm', 'reject']), version: z.number().int() });

const gapSide = z.object({ activities: z.number().int(), committedUsd: z.string(), disbursedUsd: z.string() });
const itemRef = z.object({ id: z.string(), code: z.string(), title: z.string(), iatiIdentifier: z.string().nullable() });
export const gapReportView = z.object({
  organisation: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    nameVi: z.string().nullable(),
    nameEn: z.string().nullable(),
    iatiOrgId: z.string().nullable(),
  }),
  years: z.array(
    z.object({
      year: z.number().int(),
      iati: gapSide.extend({ unconverted: z.number().int().describe('published transactions without an exchange rate') }),
      vietnam: gapSide,
      disbursedDifferenceUsd: z.string().describe('IATI minus Viet Nam'),
    }),
  ),
  activities: z.object({ both: z.number().int(), onlyIati: z.number().int(), onlyVietnam: z.number().int() }),
  onlyIati: z.array(itemRef),
  onlyVietnam: z.array(itemRef),
});
