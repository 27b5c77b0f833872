import { z } from 'zod';
import { directoryFilters, directoryItem, organisationStatusEnum, certificateTypeEnum } from './directory.schemas';
import { pageQuery } from '@http/pagination';
import { isoDate, webUrl } from '@http/primitives';

const date = isoDate;
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/);

export const orgTypeEnum = z.enum(['NGO', 'SOCIAL_FUND', 'PRIVATE_FUND', 'FOUNDATION', 'OTHER']);
export const representativeRoleEnum = z.enum(['REPRESENTATIVE', 'HEAD_OF_OFFICE']);

/** The Representative or Head of Representative Office: a person; everything but name and role is personal data. */
export const representativeInput = z.object({
  role: representativeRoleEnum,
  fullName: text(200).min(1),
  nationality: countryCode.nullable().optional(),
  passportNumber: optionalText(50),
  dateOfBirth: date.nullable().optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  phone: optionalText(50),
  address: optionalText(500),
  since: date.nullable().optional(),
});
export type RepresentativeInput = z.infer<typeof representativeInput>;

export const partnerInput = z.object({
  name: text(300).min(1),
  agencyId: optionalText(60),
  provinceId: optionalText(20),
  note: optionalText(1000),
});
export const bankAccountInput = z.object({
  bankName: text(200).min(1),
  accountNumber: text(60).min(1),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .optional(),
  notifiedOn: date.nullable().optional(),
  closedOn: date.nullable().optional(),
});

const organisationFields = z.object({
  nameOriginal: text(500).min(1),
  nameEn: optionalText(500),
  nameVi: optionalText(500),
  acronym: optionalText(50),
  countryCode,
  orgType: orgTypeEnum.optional(),
  hqAddress: optionalText(1000),
  legalStatus: optionalText(500),
  homeTermUntil: date.nullable().optional().describe('End of the registration term at home; certificates never outlast it'),
  website: webUrl(300).nullable().optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  phone: optionalText(50),
  contactAddress: optionalText(1000),
  mission: optionalText(5000),
  iatiOrgId: optionalText(100),
  staffForeign: z.number().int().min(0).max(100_000).nullable().optional(),
  staffLocal: z.number().int().min(0).max(100_000).nullable().optional(),
});

const related = {
  representative: representativeInput
    .nullable()
    .optional()
    .describe('Replaces the current representative when the name changes; updates it otherwise'),
  partners: z.array(partnerInput).max(100).optional().describe('Replaces the whole list'),
  bankAccounts: z.array(bankAccountInput).max(50).optional().describe('Replaces the whole list'),
};

export const createOrganisationBody = organisationFields.extend({
  code: text(40)
    .regex(/^[A-Za-z0-9._/-]+$/)
    .optional()
    .describe('Given when omitted: PCPNN-000001'),
  ...related,
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBody>;

export const updateOrganisationBody = organisationFields.partial().extend({ version: z.number().int(), ...related });
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBody>;

/** What an NGO may change itself (D58 Art. 21: keep its own data up to date). */
export const contactsBody = z.object({
  version: z.number().int(),
  website: webUrl(300).nullable().optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  phone: optionalText(50),
  contactAddress: optionalText(1000),
});
export type ContactsBody = z.infer<typeof contactsBody>;

export const listOrganisationsQuery = pageQuery.extend({
  ...directoryFilters.shape,
  asOf: date.optional().describe('Status as of this date (default today)'),
});

export const organisationListItem = directoryItem;

const representativeView = z.object({
  role: representativeRoleEnum,
  since: z.string().nullable(),
  fullName: z.string(),
  nationality: z.string().nullable(),
  passportNumber: z.string().nullable().describe('Only for admin and central officers'),
  dateOfBirth: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});

export const certificateView = z.object({
  id: z.string(),
  organisationId: z.string(),
  type: certificateTypeEnum,
  number: z.string(),
  asOf: z.string(),
  status: z.string(),
  version: z.number().int(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  provinceIds: z.array(z.string()),
  sectorCodes: z.array(z.string()),
  officeProvinceId: z.string().nullable(),
  suspension: z
    .object({
      since: z.string(),
      ground: z.string(),
      decisionNumber: z.string(),
      receivedDate: z.string(),
      remedyDeadline: z.string().nullable(),
    })
    .nullable(),
  endedOn: z.string().nullable(),
  extensionFiledOn: z.string().nullable(),
  events: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.string(),
      effectiveDate: z.string(),
      decisionNumber: z.string(),
      decisionDate: z.string(),
      legalGround: z.string(),
      changes: z.record(z.string(), z.unknown()),
      note: z.string().nullable(),
    }),
  ),
});
export type CertificateView = z.infer<typeof certificateView>;

export const organisationView = z.object({
  id: z.string(),
  code: z.string(),
  nameOriginal: z.string(),
  nameEn: z.string().nullable(),
  nameVi: z.string().nullable(),
  acronym: z.string().nullable(),
  countryCode: z.string(),
  countryNameVi: z.string(),
  countryNameEn: z.string(),
  orgType: orgTypeEnum,
  hqAddress: z.string().nullable(),
  legalStatus: z.string().nullable(),
  homeTermUntil: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  contactAddress: z.string().nullable(),
  mission: z.string().nullable(),
  iatiOrgId: z.string().nullable(),
  staffForeign: z.number().int().nullable(),
  staffLocal: z.number().int().nullable(),
  synthetic: z.boolean(),
  status: organisationStatusEnum,
  version: z.number().int(),
  updatedAt: z.string(),
  representative: representativeView.nullable(),
  partners: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      agencyId: z.string().nullable(),
      provinceId: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  bankAccounts: z.array(
    z.object({
      id: z.string(),
      bankName: z.string(),
      accountNumber: z.string(),
      currency: z.string().nullable(),
      notifiedOn: z.string().nullable(),
      closedOn: z.string().nullable(),
    }),
  ),
  certificates: z.array(certificateView),
  abilities: z.object({ edit: z.boolean(), recordDecisions: z.boolean(), editContacts: z.boolean() }),
  warnings: z
    .array(
      z.object({
        code: z.literal('certificate_exceeds_home_term'),
        certificateId: z.string(),
        certificateNumber: z.string(),
        validUntil: z.string(),
        homeTermUntil: z.string(),
      }),
    )
    .describe('Certificates still to run whose validity now exceeds the home-country term (D58 Art. 9.1)'),
});
export type OrganisationView = z.infer<typeof organisationView>;

export const historyEntry = z.object({
  kind: z.enum(['decision', 'audit']),
  at: z.string().describe('Effective date of a decision, or the time of an audited change'),
  certificateId: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  event: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  legalGround: z.string().nullable(),
  note: z.string().nullable(),
  action: z.string().nullable(),
  actor: z.string().nullable(),
  changedFields: z.array(z.string()),
});
export const historyView = z.object({ items: z.array(historyEntry) });
