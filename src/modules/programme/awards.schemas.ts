import { z } from 'zod';
import { awardKinds, awardStatuses, nomineeKinds } from '@domain/programme/coordination';
import { pageQuery } from '@http/pagination';
import { isoDate } from '@http/primitives';

/** Request and response schemas of the Programme's awards (issue 15 §6). */
const text = (max: number) => z.string().trim().max(max);

export const awardIdParams = z.object({ id: z.string().uuid() });

export const awardsQuery = pageQuery.extend({
  status: z.enum(awardStatuses).optional(),
  organisationId: z.string().uuid().optional().describe('awards to this NGO or its people'),
});
export type AwardsQuery = z.infer<typeof awardsQuery>;

const awardFields = {
  awardKind: z.enum(awardKinds).describe('Bằng khen, Huân chương, Kỷ niệm chương "Vì hòa bình hữu nghị giữa các dân tộc", other'),
  awardName: text(300).nullable().optional().describe('the exact distinction, e.g. "Huân chương Hữu nghị"'),
  reason: text(4000).min(1),
  nominatingAgencyId: z.string().trim().max(40).optional().describe('central only; an agency officer always nominates for its own agency'),
};

/** A nomination of an NGO (registry id), or of a person (of an NGO in the registry, or of another organisation). */
export const nominateBody = z.discriminatedUnion('nomineeKind', [
  z.object({ nomineeKind: z.literal('ORGANISATION'), organisationId: z.string().uuid(), ...awardFields }),
  z.object({
    nomineeKind: z.literal('INDIVIDUAL'),
    personName: text(200).min(1),
    organisationId: z.string().uuid().nullable().optional().describe('the NGO the person works for, when it is in the registry'),
    organisationName: text(300).nullable().optional().describe('the organisation, as written, when it is not in the registry'),
    ...awardFields,
  }),
]);
export type NominateBody = z.infer<typeof nominateBody>;

/** The decision on a nomination: decided (number, date, issuing authority) or declined (reason). */
export const decideBody = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('DECIDED'),
    version: z.number().int().min(1),
    decisionNumber: text(100).min(1),
    decisionDate: isoDate.describe('Vietnam date YYYY-MM-DD'),
    issuingAuthority: text(300).min(1),
    awardKind: z.enum(awardKinds).optional().describe('when the distinction decided differs from the one proposed'),
    awardName: text(300).nullable().optional(),
  }),
  z.object({ outcome: z.literal('DECLINED'), version: z.number().int().min(1), reason: text(2000).min(1) }),
]);
export type DecideBody = z.infer<typeof decideBody>;

export const awardView = z.object({
  id: z.string(),
  status: z.enum(awardStatuses),
  nomineeKind: z.enum(nomineeKinds),
  organisationId: z.string().nullable(),
  organisationDisplayName: z.string().nullable().describe('the registry name, or the name as written'),
  personName: z.string().nullable(),
  awardKind: z.enum(awardKinds),
  awardName: z.string().nullable(),
  reason: z.string(),
  nominatingAgency: z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string() }),
  nominatedOn: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  issuingAuthority: z.string().nullable(),
  declineReason: z.string().nullable(),
  canDecide: z.boolean(),
  synthetic: z.boolean(),
  version: z.number().int(),
});
export type AwardView = z.infer<typeof awardView>;

/**
 * What anyone sees of a decided award, on the NGO's public profile: the distinction, to whom (the NGO or one of
 * its people, named as in the decision), and the decision. Defined once here; the profile embeds it.
 */
export const publicAwardView = z.object({
  id: z.string(),
  awardKind: z.enum(awardKinds),
  awardName: z.string().nullable(),
  recipientKind: z.enum(nomineeKinds),
  personName: z.string().nullable().describe('an individual recipient, as named in the decision'),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  issuingAuthority: z.string(),
  synthetic: z.boolean(),
});
export type PublicAwardView = z.infer<typeof publicAwardView>;
