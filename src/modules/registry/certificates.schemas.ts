import { z } from 'zod';
import { isoDate } from '@http/primitives';
import { CERTIFICATE_DECISION_KINDS } from '@common/registry/certificate-decisions';

const date = isoDate;
// Decision number and legal ground are checked by the domain rules (422 with a rule-specific message), not here.
const decision = {
  decisionNumber: z.string().trim().max(100).describe('Number of the MOFA decision'),
  decisionDate: date.describe('Day the decision was signed'),
  legalGround: z
    .string()
    .trim()
    .max(500)
    .describe('Legal ground; for a suspension D58_ART18_1A|B|C, for a forced termination D58_ART19_1A|B|C'),
};

export const issueBody = z.object({
  type: z.enum(['GDKHD', 'GDKVPDD']),
  number: z.string().trim().max(60).optional().describe('Given when omitted: GDKHD-2026-000001'),
  issueDate: date,
  validUntil: date.describe(
    'Last valid day (inclusive): at most 3 years (GDKHD) or 5 years (GDKVPDD) after issue, and not beyond the home-country term',
  ),
  provinceIds: z.array(z.string().max(20)).max(120).describe('Areas of operation (province ids)'),
  sectorCodes: z.array(z.string().max(20)).max(50).describe('Fields of operation (sector codes)'),
  officeProvinceId: z.string().max(20).optional().describe('GDKVPDD only: Hà Nội, Đà Nẵng or TP Hồ Chí Minh'),
  dossierId: z.string().uuid().optional(),
  ...decision,
});

export const eventKinds = CERTIFICATE_DECISION_KINDS;

export const eventBody = z.object({
  kind: z.enum(eventKinds),
  effectiveDate: date,
  ...decision,
  changes: z
    .object({
      validUntil: date.optional().describe('EXTENDED: the new expiry; amendments may only shorten it'),
      provinceIds: z.array(z.string().max(20)).max(120).optional(),
      sectorCodes: z.array(z.string().max(20)).max(50).optional(),
      officeProvinceId: z.string().max(20).nullable().optional(),
    })
    .optional(),
  note: z.string().trim().max(2000).optional(),
  receivedDate: date.optional().describe('SUSPENDED: day the organisation received the decision (starts the 30-working-day remedy period)'),
  dossierId: z.string().uuid().optional(),
});

export const issueResult = z.object({ certificateId: z.string(), number: z.string() });
export const asOfQuery = z.object({ asOf: date.optional().describe('Read the certificate as it stood on this date (default today)') });
export const extensionFilingBody = z.object({ filedOn: date });

export const alertKinds = ['EXPIRING', 'EXTENSION_NOT_FILED', 'EXCEEDS_HOME_TERM', 'AID_OUTSIDE_CERTIFICATE'] as const;
export const alertView = z.object({
  kind: z.enum(alertKinds),
  certificateId: z.string().nullable().describe('Null for AID_OUTSIDE_CERTIFICATE'),
  certificateNumber: z.string().nullable(),
  type: z.enum(['GDKHD', 'GDKVPDD', 'GDKVPDA']).nullable(),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationNameVi: z.string().nullable(),
  validUntil: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  bucket: z.number().int().nullable().describe('30, 60 or 90: the narrowest window containing the days left'),
  filingDeadline: z.string().nullable(),
  overdue: z.boolean().nullable(),
  homeTermUntil: z.string().nullable().describe('EXCEEDS_HOME_TERM: the home-country term the validity now exceeds'),
  aidItemId: z.string().nullable().describe('AID_OUTSIDE_CERTIFICATE: the aid item'),
  aidItemCode: z.string().nullable(),
  outsideProvinceIds: z.array(z.string()).describe('AID_OUTSIDE_CERTIFICATE: provinces no certificate in force covered'),
  outsideSectorCodes: z.array(z.string()).describe('AID_OUTSIDE_CERTIFICATE: fields no certificate in force covered'),
});
export const alertsQuery = z.object({ asOf: date.optional().describe('Compute the alerts for this day (default today)') });
