/**
 * The report of an IATI import and the import as the API shows it, defined once: the zod schemas are the API's
 * response schemas (src/modules/iati/iati.schemas.ts) and the types are inferred from them for the server
 * (src/modules/iati) and the pages (web/src/features/opendata, type imports only: no zod in the bundle).
 * @module
 */
import { z } from 'zod';

const text = z.object({ vi: z.string(), en: z.string() });
/** A text in both languages. */
export type Text = z.infer<typeof text>;

/** Why a whole activity is left out (labels: `import.reasons.<code>` in common/i18n/<lang>/opendata.json). */
export const skipReasons = [
  'not_vietnam',
  'duplicate_identifier',
  'invalid_activity',
  'no_donor',
  'rules_failed',
  'vnaid_proposal',
] as const;
export type SkipReason = (typeof skipReasons)[number];

/** Reader warnings about a part it could not read at all (src/domain/iati/problems.ts): parts left out. */
export const readerDrops = [
  'transaction_type_unknown',
  'transaction_amount_invalid',
  'transaction_currency_unknown',
  'transaction_date_invalid',
  'role_unknown',
  'location_unresolved',
  'budget_invalid',
  'planned_disbursement_invalid',
] as const;
export type ReaderDrop = (typeof readerDrops)[number];

/** Why a part of an activity is not kept. */
export const partReasons = [
  'transaction_type_not_kept',
  'transaction_negative',
  'transaction_other_country',
  'transaction_amount_out_of_range',
  'transaction_currency_not_supported',
  'transaction_no_exchange_rate',
  'transaction_money_reported_in_vietnam',
  'sector_unmapped',
  'sector_vocabulary_not_mapped',
  'participant_unnamed',
  ...readerDrops,
] as const;
export type PartReason = (typeof partReasons)[number];

export const importStatuses = ['UPLOADED', 'PLANNING', 'PLANNED', 'REJECTED', 'APPLYING', 'APPLIED', 'FAILED', 'DISCARDED'] as const;
export type IatiImportStatus = (typeof importStatuses)[number];

export const importCounts = z.object({
  activities: z.number().int().describe('iati-activity elements read, invalid ones included'),
  vietnam: z.number().int().describe('activities concerning Viet Nam'),
  created: z.number().int(),
  updated: z.number().int().describe('existing aid items (same IATI identifier) the file changes'),
  unchanged: z.number().int().describe('existing aid items the file does not change (not written again)'),
  skipped: z.number().int().describe('activities left out (created + updated + unchanged + skipped = activities)'),
  transactionsKept: z.number().int(),
  partsLeftOut: z.number().int().describe('transactions, sectors and organisations of kept activities that are not stored'),
});
export type ImportCounts = z.infer<typeof importCounts>;

const leftOutPart = z.object({ reason: z.enum(partReasons), detail: z.string() });
/** A part of an activity that is not stored, and why. */
export type LeftOutPart = z.infer<typeof leftOutPart>;

const matchKinds = ['ref', 'name', 'likely', 'none'] as const;
/** How a publisher matched the registry (see src/modules/iati/iati-org-match.ts). */
export type MatchKind = (typeof matchKinds)[number];

const donorView = z.object({
  name: z.string(),
  ref: z.string().nullable(),
  match: z.enum(matchKinds),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  score: z.string().nullable(),
});
/** The organisation an activity's donor was matched to. */
export type DonorView = z.infer<typeof donorView>;

const activityEntry = z.object({
  index: z.number().int(),
  line: z.number().int().nullable(),
  identifier: z.string().nullable(),
  title: z.string().nullable(),
  action: z.enum(['create', 'update', 'skip']),
  reason: z.enum(skipReasons).optional(),
  detail: z.string().optional().describe('for a skip: the evidence or the rules broken'),
  changes: z.array(z.string()).optional().describe('for an update: the fields that change (empty when nothing does)'),
  donor: donorView.optional(),
  leftOut: z.array(leftOutPart).optional(),
  notes: z.array(z.string()).optional().describe('choices the import made, e.g. status_pipeline_no_approval'),
});
/** One activity of the file and what happens to it. */
export type ActivityEntry = z.infer<typeof activityEntry>;

const fileProblem = z.object({
  code: z.string(),
  severity: z.enum(['fatal', 'error', 'warning']),
  message: text,
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  identifier: z.string().optional(),
});
/** A problem of the file (fatal: nothing is imported) or of one activity. */
export type FileProblem = z.infer<typeof fileProblem>;

const likelyDuplicate = z.object({
  ref: z.string().nullable(),
  name: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  score: z.string(),
  activities: z.number().int(),
});
/** A publisher close to a registered organisation. */
export type LikelyDuplicate = z.infer<typeof likelyDuplicate>;

/** The dry-run report (and the apply result, same shape). */
export const importReport = z.object({
  dryRun: z.boolean(),
  counts: importCounts,
  skippedByReason: z.partialRecord(z.enum(skipReasons), z.number().int()),
  partsLeftOutByReason: z.partialRecord(z.enum(partReasons), z.number().int()),
  organisations: z
    .object({ ref: z.number().int(), name: z.number().int(), likely: z.number().int(), none: z.number().int() })
    .describe('kept activities by how their donor matched'),
  created: z.array(activityEntry),
  updated: z.array(activityEntry),
  skipped: z.array(activityEntry),
  likelyDuplicates: z.array(likelyDuplicate),
  problems: z.array(fileProblem),
  fatal: fileProblem.nullable(),
  listsTruncated: z.boolean().describe('lists stop at 200 entries each; counts are complete'),
});
export type ImportReport = z.infer<typeof importReport>;

/** An import as the API shows it; the report and result only on the single view. */
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
  error: z.object({ code: z.string(), message: text.optional() }).passthrough().nullable(),
  counts: importCounts.nullable(),
  report: importReport.nullable().optional(),
  result: importReport.nullable().optional(),
});
export type ImportView = z.infer<typeof importView>;
