import { z } from 'zod';
import { publicProfileActivity, publicProfileAid, publicProfileDecision, publicProfileOffice } from './public-profile.schemas';
import { pageQuery } from '@http/pagination';
import { publicAwardView } from '@modules/programme/awards.schemas';
import { ORGANISATION_STATUSES } from './registry-status';

export const certificateTypeEnum = z.enum(['GDKHD', 'GDKVPDD', 'GDKVPDA']);
export const organisationStatusEnum = z.enum(ORGANISATION_STATUSES);

/** Filters of the public directory (and of its exports). */
export const directoryFilters = z.object({
  q: z.string().trim().max(200).optional().describe('Any name or acronym (case- and accent-insensitive), or a country name'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .describe('ISO 3166 country code'),
  sector: z.string().trim().max(20).optional().describe('Field code (sectors.code) on a current certificate'),
  province: z
    .string()
    .regex(/^new34:\d{2}$/)
    .optional()
    .describe('Current province (new34 id); certificates with old 63-unit provinces that roll up to it match too'),
  certificateType: certificateTypeEnum.optional(),
  status: organisationStatusEnum.optional().describe('Status today, derived from the certificates'),
});
export type DirectoryFilters = z.infer<typeof directoryFilters>;

export const directoryQuery = pageQuery.extend(directoryFilters.shape);
export type DirectoryQuery = z.infer<typeof directoryQuery>;

export const directoryItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string().describe('Name in the original language'),
  nameVi: z.string().nullable(),
  nameEn: z.string().nullable(),
  acronym: z.string().nullable(),
  country: z.string().describe('ISO country code'),
  countryNameVi: z.string(),
  countryNameEn: z.string(),
  status: organisationStatusEnum,
  certificateTypes: z.array(certificateTypeEnum),
  sectorCodes: z.array(z.string()),
  provinceIds: z.array(z.string()).describe('Current (new34) provinces of the current certificates'),
  validUntil: z.string().nullable().describe('Latest expiry among the certificates in force'),
  website: z.string().nullable(),
  synthetic: z.boolean(),
});
export type DirectoryItem = z.infer<typeof directoryItem>;

export const directoryPage = z.object({
  items: z.array(directoryItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const named = z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string() });

export const publicCertificate = z.object({
  id: z.string(),
  type: certificateTypeEnum,
  number: z.string(),
  status: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  provinces: z.array(named),
  sectors: z.array(named),
  officeProvince: named.nullable(),
});

/**
 * The public profile: no person data, no bank accounts, no staff or contact person; the one exception is a person
 * named in a decided award, as the published decision names them.
 */
export const publicProfile = z.object({
  id: z.string(),
  name: z.string(),
  nameVi: z.string().nullable(),
  nameEn: z.string().nullable(),
  acronym: z.string().nullable(),
  country: z.string(),
  countryNameVi: z.string(),
  countryNameEn: z.string(),
  orgType: z.string(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  hqAddress: z.string().nullable(),
  mission: z.string().nullable(),
  status: organisationStatusEnum,
  synthetic: z.boolean(),
  certificates: z.array(publicCertificate).describe('Certificates in force today (active or suspended), as they stand today'),
  awards: z.array(publicAwardView).describe('Decided awards of the organisation and its people (National Programme), latest first'),
  activity: publicProfileActivity.describe('What the NGO does: fields and provinces of its certificates in force, each once'),
  office: publicProfileOffice.nullable().describe('Its representative office in Viet Nam (certificate in force), if any'),
  history: z.array(publicProfileDecision).describe('Decisions about its certificates (kind, dates, number), latest first'),
  aid: publicProfileAid.describe('Its approved aid in Viet Nam over the last five years, as the statistics count it'),
});
export type PublicProfile = z.infer<typeof publicProfile>;
