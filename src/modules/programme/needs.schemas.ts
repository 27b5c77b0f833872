import { z } from 'zod';
import { interestStatuses, needActions, needStatuses } from '@domain/programme';
import { pageQuery } from '@http/pagination';

/** Request and response schemas of the needs catalogue (the contract's `GET /api/public/needs` included). */
const amount = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,6})?$/, 'expected a decimal string such as "250000"');
const text = (max: number) => z.string().trim().max(max);
const provinceId = z.string().regex(/^new34:\d{2}$/, "expected one of today's 34 provinces (new34:NN)");

export const publicNeedsQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional().describe('code, titles or summaries, with or without Vietnamese accents'),
  sector: z.string().max(20).optional(),
  province: z
    .string()
    .regex(/^(new34|old63):\d{2}$/)
    .optional()
    .describe('a province id; an old province is read as the current unit it rolled up to'),
});
export type PublicNeedsQuery = z.infer<typeof publicNeedsQuery>;

export const needsQuery = publicNeedsQuery.extend({
  status: z.enum(needStatuses).optional(),
  mine: z.enum(['true', 'false']).optional().describe("true: only the caller's agency's proposals"),
});
export type NeedsQuery = z.infer<typeof needsQuery>;

/** The contract's list item. */
export const needListItem = z.object({
  id: z.string(),
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  provinceIds: z.array(z.string()),
  sectorCode: z.string(),
  budget: z.string().describe('decimal string, in `currency`'),
  currency: z.string(),
  status: z.enum(needStatuses),
  proposedBy: z.string().describe('the proposing agency id (e.g. MOH, UBND:new34:04)'),
  proposedByNameVi: z.string(),
  proposedByNameEn: z.string(),
  summaryVi: z.string().nullable(),
  summaryEn: z.string().nullable(),
  synthetic: z.boolean(),
});
export type NeedListItem = z.infer<typeof needListItem>;

const proposalFields = {
  programmeCode: z.string().max(30).nullable().optional(),
  priorityCode: z.string().max(30).nullable().optional(),
  sectorCode: z.string().max(20),
  titleVi: text(500).min(1),
  titleEn: text(500).nullable().optional(),
  summaryVi: text(8000).nullable().optional(),
  summaryEn: text(8000).nullable().optional(),
  provinceIds: z.array(provinceId).min(1).max(34),
  beneficiaries: text(2000).nullable().optional(),
  beneficiariesCount: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  budget: amount.refine((v) => Number(v) > 0, 'must be more than 0'),
  currency: z.string().length(3).toUpperCase(),
  durationMonths: z.number().int().min(1).max(120).nullable().optional(),
  counterpartAmount: amount.nullable().optional(),
  counterpartNote: text(2000).nullable().optional(),
  contactOffice: text(500).nullable().optional(),
  contactEmail: z.string().trim().email().max(200).nullable().optional(),
  contactPhone: text(40).nullable().optional(),
};

export const createNeedBody = z.object({
  ...proposalFields,
  proposingAgencyId: z.string().max(40).optional().describe('central only; an agency officer always proposes for its own agency'),
});
export type CreateNeedBody = z.infer<typeof createNeedBody>;

export const updateNeedBody = z
  .object({ version: z.number().int().min(1), ...proposalFields })
  .partial()
  .required({ version: true });
export type UpdateNeedBody = z.infer<typeof updateNeedBody>;

export const needActionBody = z
  .object({ action: z.enum(needActions), version: z.number().int().min(1), comment: text(4000).optional() })
  .refine((b) => !(b.action === 'request_changes' || b.action === 'decline') || (b.comment && b.comment.length > 0), {
    message: 'a comment (changes asked for, or the reason for declining) is required',
    path: ['comment'],
  });
export type NeedActionBody = z.infer<typeof needActionBody>;

export const needEvent = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  comment: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
});

export const needFunding = z.object({
  aidItemId: z.string(),
  aidItemCode: z.string(),
  aidItemTitleVi: z.string(),
  amount: z.string(),
  linkedAt: z.string(),
});

/** What a proposing body attaches to its proposal (labels: `needs.documentKinds.<kind>` in programme.json). */
export const needDocumentKinds = ['CONCEPT_NOTE', 'BUDGET', 'FEASIBILITY', 'SUPPORT_LETTER', 'OTHER'] as const;
export type NeedDocumentKind = (typeof needDocumentKinds)[number];

/** A document of a proposal, as listed on its page (downloadable by whoever may read the proposal). */
export const needDocumentView = z.object({
  id: z.string(),
  kind: z.enum(needDocumentKinds),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type NeedDocumentView = z.infer<typeof needDocumentView>;

/** A proposal in full: public fields, the mobilised amount against the budget, and (for officers) its history. */
export const needDetail = needListItem.extend({
  programmeCode: z.string().nullable(),
  priorityCode: z.string().nullable(),
  beneficiaries: z.string().nullable(),
  beneficiariesCount: z.number().int().nullable(),
  durationMonths: z.number().int().nullable(),
  counterpartAmount: z.string().nullable(),
  counterpartNote: z.string().nullable(),
  contactOffice: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  publishedAt: z.string().nullable(),
  mobilised: z.string().describe('sum of the linked aid items’ amounts, in `currency`'),
  fundings: z.array(needFunding),
  version: z.number().int(),
  reviewComment: z.string().nullable().describe('the latest comment or reason from central (officers only)'),
  events: z.array(needEvent).describe('the workflow history (officers only; empty for the public)'),
  actions: z.array(z.enum(needActions)).describe('what the caller may do now'),
  editable: z.boolean(),
  interestCount: z.number().int(),
  documents: z.array(needDocumentView).describe('attached documents (concept note, budget, …), oldest first'),
});
export type NeedDetail = z.infer<typeof needDetail>;

export const idParams = z.object({ id: z.string().uuid() });

export const createInterestBody = z.object({
  message: text(4000).min(1),
  contactName: text(200).min(1),
  contactEmail: z.string().trim().email().max(200).nullable().optional(),
  contactPhone: text(40).nullable().optional(),
});
export type CreateInterestBody = z.infer<typeof createInterestBody>;

export const updateInterestBody = z.object({
  version: z.number().int().min(1),
  status: z.enum(interestStatuses),
  statusNote: text(2000).nullable().optional(),
});
export type UpdateInterestBody = z.infer<typeof updateInterestBody>;

export const interestView = z.object({
  id: z.string(),
  proposalId: z.string(),
  proposalCode: z.string(),
  proposalTitleVi: z.string(),
  proposalTitleEn: z.string().nullable(),
  organisationId: z.string(),
  organisationName: z.string(),
  message: z.string(),
  contactName: z.string(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(interestStatuses),
  statusNote: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type InterestView = z.infer<typeof interestView>;

export const linkFundingBody = z.object({
  aidItemId: z.string().uuid(),
  amount: amount.refine((v) => Number(v) > 0, 'must be more than 0'),
});
export type LinkFundingBody = z.infer<typeof linkFundingBody>;

export const matchView = z.object({
  organisationId: z.string(),
  name: z.string(),
  score: z.number().int(),
  reasons: z.array(
    z.object({ code: z.string(), points: z.number().int(), count: z.number().int().optional(), year: z.number().int().optional() }),
  ),
});

/** A proposal suggested to an NGO: its id, Vietnamese title, score and reasons. */
export const needMatchView = matchView.omit({ organisationId: true }).extend({ proposalId: z.string() });
