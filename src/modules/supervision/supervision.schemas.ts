import { z } from 'zod';
import { OBLIGATION_KINDS, OBLIGATION_STATUSES } from '@domain/registration/obligations';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const organisationParams = z.object({ id: z.string().uuid() });
export const obligationParams = z.object({ id: z.string().uuid(), key: z.string().min(1).max(200) });

export const obligationsQuery = z.object({
  asOf: isoDate.optional().describe('The day statuses are computed on (default: today in Vietnam)'),
});

export const obligationRecordView = z.object({
  recordedBy: z.string(),
  recordedAt: z.string(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  fileName: z.string().nullable(),
  documentUrl: z.string().nullable(),
});

/** One obligation: the contract's fields first (kind, certificateId, provinceId, dueDate, status, doneOn, legalBasis). */
export const obligationView = z.object({
  kind: z.enum(OBLIGATION_KINDS),
  certificateId: z.string().nullable(),
  provinceId: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(OBLIGATION_STATUSES),
  doneOn: z.string().nullable(),
  legalBasis: z.string().describe('In the request language; legalBasisVi / legalBasisEn carry both'),
  key: z.string().describe('Stable identifier of the obligation, used to fulfil or waive it'),
  legalBasisVi: z.string(),
  legalBasisEn: z.string(),
  certificateNumber: z.string().nullable(),
  eventId: z.string().nullable().describe('The certificate decision that started it (its date of receipt can be recorded)'),
  year: z.number().int().nullable(),
  startsOn: z.string(),
  evidence: z
    .object({ disbursements: z.number(), reports: z.number(), aidItems: z.number(), firstActivityOn: z.string().nullable() })
    .nullable(),
  record: obligationRecordView.nullable(),
  canFulfil: z.boolean(),
  canWaive: z.boolean(),
});
export type ObligationView = z.infer<typeof obligationView>;

export const scoreView = z.object({
  score: z.number(),
  late: z.number(),
  doneLate: z.number(),
  formula: z.object({ max: z.number(), perLate: z.number(), perDoneLate: z.number() }),
});

export const obligationsView = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  asOf: z.string(),
  items: z.array(obligationView),
  score: scoreView,
});

export const waiveBody = z.object({ reason: z.string().trim().min(3).max(2000) });
export const fulfilJsonBody = z.object({
  doneOn: isoDate.optional().describe('The day the NGO sent the notice or plan (default: today)'),
  note: z.string().trim().max(2000).optional(),
});
export type FulfilBody = z.infer<typeof fulfilJsonBody>;

export const receiptBody = z.object({ eventId: z.string().uuid(), receivedOn: isoDate });

export const complianceQuery = z.object({
  asOf: isoDate.optional(),
  status: z.enum(['LATE', 'ALL']).default('ALL'),
  kind: z.enum(OBLIGATION_KINDS).optional(),
});
export type ComplianceQuery = z.infer<typeof complianceQuery>;

export const complianceRow = z.object({
  organisationId: z.string(),
  organisationCode: z.string(),
  organisationName: z.string(),
  score: z.number(),
  late: z.number(),
  doneLate: z.number(),
  due: z.number(),
  lateKinds: z.array(z.enum(OBLIGATION_KINDS)),
  oldestLateDue: z.string().nullable(),
});
export type ComplianceRow = z.infer<typeof complianceRow>;
export const complianceView = z.object({
  asOf: z.string(),
  items: z.array(complianceRow),
  formula: scoreView.shape.formula,
});
