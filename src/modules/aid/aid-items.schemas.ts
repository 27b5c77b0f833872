import { z } from 'zod';
import { pageQuery } from '@http/pagination';
import { isoDate } from '@http/primitives';

export const aidModalities = ['PROGRAMME', 'PROJECT', 'NON_PROJECT', 'RELIEF'] as const;
export const aidStatuses = ['PIPELINE', 'APPROVED', 'IMPLEMENTING', 'COMPLETED', 'CANCELLED', 'REVOKED'] as const;
export const legalBases = ['D93_2009', 'D80_2020', 'D313_2025'] as const;
export const partnerRoles = ['FUNDING', 'ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING'] as const;
export const aidSorts = ['code', 'title', 'committedUsd', 'disbursedUsd', 'approvalDate'] as const;

/** A non-negative money amount as a decimal string (at most 15 integer and 6 fractional digits). */
export const amountString = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,6})?$/, 'expected a decimal string such as "1250.50"');
/** A share in percent, 0 < share ≤ 100, with at most 2 decimals. */
const shareString = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'expected a percentage such as "40" or "33.33"');
/** Money shown to people: a decimal string, already rounded (2 places for USD, 0 for VND). */
export const moneyView = z.string();
const text = (max: number) => z.string().trim().max(max);

export const listAidQuery = pageQuery.extend({
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .describe(
      "items with a transaction dated in the year, or whose activity period (actual, else planned) overlaps it; totals are then the year's",
    ),
  modality: z.enum(aidModalities).optional(),
  sector: z.string().max(20).optional(),
  province: z
    .string()
    .regex(/^(new34|old63):\d{2}$/)
    .optional()
    .describe('a province id; old provinces are rolled up to the current unit'),
  donorCountry: z.string().length(2).toUpperCase().optional(),
  status: z.enum(aidStatuses).optional().describe('the stored status (nothing lapses by itself: see mayBeRevoked)'),
  mayBeRevoked: z
    .enum(['true'])
    .optional()
    .describe('only approved items not started nor disbursed six months after approval, which their approver may revoke'),
  organisationId: z.string().uuid().optional(),
  q: z.string().trim().max(100).optional().describe('code, titles or donor name, accent-insensitive'),
  sort: z.enum(aidSorts).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ListAidQuery = z.infer<typeof listAidQuery>;
export const exportAidQuery = listAidQuery.omit({ page: true, pageSize: true });
export type ExportAidQuery = z.infer<typeof exportAidQuery>;

export const aidListItem = z.object({
  id: z.string(),
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  modality: z.enum(aidModalities),
  status: z.enum(aidStatuses),
  organisationId: z.string().nullable(),
  donorName: z.string().nullable(),
  donorNameVi: z.string().nullable().describe("the donor NGO's Vietnamese name, when it has one"),
  donorCountryCode: z.string().nullable(),
  governingAgencyId: z.string().nullable(),
  approvalDate: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  /** Current (new34) provinces the item's locations roll up to. */
  provinces: z.array(z.string()),
  /** Approved, not started nor disbursed six months after approval: its approver may revoke it (D80 Art. 4.7). */
  mayBeRevoked: z.boolean(),
  committedUsd: moneyView,
  disbursedUsd: moneyView,
  synthetic: z.boolean(),
});
export type AidListItem = z.infer<typeof aidListItem>;

export const locationInput = z.object({
  provinceId: z.string().regex(/^(new34|old63):\d{2}$/),
  share: shareString.default('100'),
  communeCode: text(10).optional(),
});
export const sectorInput = z.object({ code: z.string().max(20), share: shareString.default('100') });
export const partnerInput = z.object({
  role: z.enum(partnerRoles),
  name: text(300).min(1),
  organisationId: z.string().uuid().optional(),
  agencyId: z.string().max(60).optional(),
});

const aidFields = {
  code: text(40)
    .min(3)
    .regex(/^[A-Za-z0-9._/-]+$/)
    .optional(),
  iatiIdentifier: text(200).min(3).nullable().optional(),
  modality: z.enum(aidModalities),
  titleVi: text(500).min(3),
  titleEn: text(500).nullable().optional(),
  descriptionVi: text(10_000).nullable().optional(),
  descriptionEn: text(10_000).nullable().optional(),
  organisationId: z.string().uuid().nullable().optional(),
  otherDonorName: text(300).nullable().optional(),
  donorCountryCode: z.string().length(2).toUpperCase().nullable().optional(),
  governingAgencyId: z.string().max(60).nullable().optional(),
  aidOwnerName: text(300).nullable().optional(),
  status: z.enum(aidStatuses).optional(),
  approvalDecisionNumber: text(100).nullable().optional(),
  approvalDate: isoDate.nullable().optional(),
  approvalLegalBasis: z.enum(legalBases).nullable().optional(),
  plannedStart: isoDate.nullable().optional(),
  plannedEnd: isoDate.nullable().optional(),
  actualStart: isoDate.nullable().optional(),
  actualEnd: isoDate.nullable().optional(),
  budgetRevenue: z.boolean().optional(),
  defaultCurrency: z.string().length(3).toUpperCase().optional(),
  locations: z.array(locationInput).max(100).optional(),
  sectors: z.array(sectorInput).max(20).optional(),
  partners: z.array(partnerInput).max(50).optional(),
};

export const createAidBody = z.object(aidFields);
export type CreateAidBody = z.infer<typeof createAidBody>;
export const updateAidBody = z.object({
  ...aidFields,
  modality: aidFields.modality.optional(),
  titleVi: aidFields.titleVi.optional(),
  version: z.number().int(),
});
export type UpdateAidBody = z.infer<typeof updateAidBody>;

const locationView = z.object({
  provinceId: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  scheme: z.enum(['old63', 'new34']),
  /** The current unit the location rolls up to (itself for a new34 province). */
  currentId: z.string(),
  currentNameVi: z.string(),
  currentNameEn: z.string(),
  share: z.string(),
  communeCode: z.string().nullable(),
});
const sectorView = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), dacCode: z.string(), share: z.string() });
const partnerView = z.object({
  role: z.enum(partnerRoles),
  name: z.string(),
  organisationId: z.string().nullable(),
  agencyId: z.string().nullable(),
});
const currencyTotal = z.object({ currency: z.string(), committed: z.string(), disbursed: z.string() });

export const aidDetail = aidListItem.extend({
  storedStatus: z.enum(aidStatuses),
  iatiIdentifier: z.string().nullable(),
  descriptionVi: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  organisationName: z.string().nullable(),
  otherDonorName: z.string().nullable(),
  governingAgencyNameVi: z.string().nullable(),
  governingAgencyNameEn: z.string().nullable(),
  aidOwnerName: z.string().nullable(),
  approvalDecisionNumber: z.string().nullable(),
  approvalLegalBasis: z.enum(legalBases).nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  /** The first day the approver may revoke the item if it has not started (approved items not yet started). */
  revocableFrom: z.string().nullable(),
  /** The aid owner as an agency (what scopes an `owner` account), when its name designates one. */
  aidOwnerAgencyId: z.string().nullable(),
  revocation: z
    .object({ decisionNumber: z.string(), decisionDate: z.string(), reason: z.string(), agencyId: z.string().nullable() })
    .nullable(),
  budgetRevenue: z.boolean(),
  defaultCurrency: z.string(),
  locations: z.array(locationView),
  sectors: z.array(sectorView),
  partners: z.array(partnerView),
  totals: z.object({
    committedUsd: moneyView,
    disbursedUsd: moneyView,
    committedVnd: moneyView,
    disbursedVnd: moneyView,
    byCurrency: z.array(currencyTotal),
  }),
  abilities: z.object({
    edit: z.boolean(),
    addTransaction: z.boolean(),
    /** The approver's officer (or a national one) may revoke it now. */
    revoke: z.boolean(),
    /** Its aid owner may ask for an adjustment (approved or ongoing, no request pending). */
    fileAdjustment: z.boolean(),
  }),
  version: z.number().int(),
});
export type AidDetail = z.infer<typeof aidDetail>;

export const publicAidItem = aidListItem.omit({ donorName: true }).extend({ organisationName: z.string().nullable() });
export type PublicAidItem = z.infer<typeof publicAidItem>;
export const publicAidQuery = listAidQuery
  .omit({ status: true, organisationId: true })
  .extend({ status: z.enum(['APPROVED', 'IMPLEMENTING', 'COMPLETED']).optional() });
