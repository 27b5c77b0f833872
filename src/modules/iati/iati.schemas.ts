import { z } from 'zod';
import { importStatuses } from '@common/iati/import-report';
import { pageQuery } from '@http/pagination';

// The import report and view are shared with the pages: defined in common/iati/import-report.ts.
export { importCounts, importReport, importView } from '@common/iati/import-report';

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
