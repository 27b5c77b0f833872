import { z } from 'zod';
import { AID_PM_SUBJECTS } from '@domain/procedures/aid-adjustment-procedures';
import { isoDate } from '@http/primitives';

const text = (max: number) => z.string().trim().max(max);

/** The change asked for: at least one field (checked by the service, with the item's rules). */
export const adjustmentChanges = z
  .object({
    titleVi: text(500).min(3).optional(),
    titleEn: text(500).min(3).optional(),
    descriptionVi: text(10_000).min(3).optional().describe('objectives and content'),
    plannedStart: isoDate.optional(),
    plannedEnd: isoDate.optional().describe('the new end: a change of duration'),
    provinceIds: z
      .array(z.string().regex(/^(new34|old63):\d{2}$/))
      .min(1)
      .max(50)
      .optional()
      .describe('the new locations, shares split equally'),
    other: text(5_000).min(3).optional().describe('value, goods list… stated in words, kept in the history'),
  })
  .strict();
export type AdjustmentChanges = z.infer<typeof adjustmentChanges>;

export const fileAdjustmentBody = z.object({
  changes: adjustmentChanges,
  reason: text(2_000).min(3),
  pmSubjects: z.array(z.enum(AID_PM_SUBJECTS)).max(3).default([]).describe('subjects of D80 Art. 7.1 the change brings in'),
});
export type FileAdjustmentBody = z.infer<typeof fileAdjustmentBody>;

export const decideAdjustmentBody = z.object({
  version: z.number().int(),
  decision: z.enum(['APPROVE', 'REFUSE']),
  decisionNumber: text(100).min(1),
  decisionDate: isoDate,
  note: text(2_000).optional(),
});
export type DecideAdjustmentBody = z.infer<typeof decideAdjustmentBody>;

export const revocationBody = z.object({
  version: z.number().int(),
  decisionNumber: text(100).min(1),
  decisionDate: isoDate,
  reason: text(2_000).min(3),
});

export const adjustmentView = z.object({
  id: z.string(),
  aidItemId: z.string(),
  itemCode: z.string(),
  itemTitleVi: z.string(),
  ownerAgencyId: z.string(),
  approverAgencyId: z.string(),
  pmLevel: z.boolean(),
  reason: z.string(),
  changes: z.record(z.string(), z.unknown()),
  before: z.record(z.string(), z.unknown()),
  procedureVersion: z.string(),
  filedOn: z.string(),
  dueDate: z.string(),
  status: z.enum(['FILED', 'APPROVED', 'REFUSED']),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** The actor may decide it now (its approver's officer, or a national one, while it is open). */
  mayDecide: z.boolean(),
  /** Still open after its due date (the 20 days of the procedure version in force when it was filed). */
  overdue: z.boolean(),
  version: z.number().int(),
});
export type AdjustmentView = z.infer<typeof adjustmentView>;
