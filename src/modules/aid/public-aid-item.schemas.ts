import { z } from 'zod';

const money = z.string().describe('USD, decimal string rounded to cents');

/**
 * The public page of one aid item: what anyone may read about approved aid (the same items as /api/public/aid).
 * No person: the donor is named only when it is a registered organisation, the partners only when they are a
 * registered organisation or a State body, and no approval file, contact or revocation detail is shown.
 */
export const publicAidItemPage = z.object({
  id: z.string(),
  code: z.string(),
  iatiIdentifier: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  descriptionVi: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  modality: z.string(),
  status: z.enum(['APPROVED', 'IMPLEMENTING', 'COMPLETED']),
  organisation: z.object({ id: z.string(), name: z.string(), nameVi: z.string().nullable() }).nullable(),
  donorCountryCode: z.string().nullable(),
  aidOwner: z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string() }).nullable(),
  governingAgency: z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string() }).nullable(),
  approvalDate: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  sectors: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), share: z.string() })),
  provinces: z
    .array(z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string(), share: z.string() }))
    .describe('current provinces (older locations rolled up), with their share of the item'),
  partners: z.array(
    z.object({
      role: z.enum(['FUNDING', 'ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING']),
      name: z.string(),
      organisationId: z.string().nullable(),
    }),
  ),
  years: z.array(z.object({ year: z.number().int(), committedUsd: money, disbursedUsd: money })),
  total: z.object({ committedUsd: money, disbursedUsd: money }),
  synthetic: z.boolean(),
});
export type PublicAidItemPage = z.infer<typeof publicAidItemPage>;
