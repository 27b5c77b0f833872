import { z } from 'zod';
import { isoDate } from '@http/primitives';

/** Grounds a proposal must cite: Art. 18.1 (a)–(c) for a suspension, Art. 19.1 (a)–(c) for a forced termination. */
export const SANCTION_GROUNDS = {
  SUSPENSION: ['D58_ART18_1A', 'D58_ART18_1B', 'D58_ART18_1C'],
  FORCED_TERMINATION: ['D58_ART19_1A', 'D58_ART19_1B', 'D58_ART19_1C'],
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const sanctionParams = z.object({ id: z.string().uuid() });

export const startSanctionBody = z.object({
  procedureCode: z.enum(['SUSPENSION', 'FORCED_TERMINATION']),
  organisationId: z.string().uuid(),
  certificateId: z.string().uuid(),
  legalGround: z
    .enum([...SANCTION_GROUNDS.SUSPENSION, ...SANCTION_GROUNDS.FORCED_TERMINATION])
    .describe('D58_ART18_1A|B|C for a suspension, D58_ART19_1A|B|C for a forced termination'),
  grounds: text(4000).describe('What the breach is, in words'),
  evidence: z
    .array(z.object({ title: text(300), reference: z.string().trim().max(100).nullish(), date: isoDate.nullish() }))
    .min(1)
    .max(30)
    .describe('The documents the proposal rests on (at least one)'),
  proposedOn: isoDate.optional().describe('Day of the proposal (default today); the opinions are requested the same day'),
  agencyIds: z
    .array(z.string().max(40))
    .max(80)
    .optional()
    .describe('Agencies asked for an opinion (default: ministries of the fields, People’s Committees of the provinces, MPS)'),
});
export type StartSanctionBody = z.infer<typeof startSanctionBody>;

export const opinionBody = z.object({
  opinion: z.enum(['AGREE', 'DISAGREE']),
  answer: text(4000),
  answeredOn: isoDate.optional(),
  agencyId: z.string().max(40).optional().describe('Admin or central recording a paper answer: the agency that gave it'),
});

export const sanctionActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('RECORD_MEETING'), on: isoDate, minutes: text(8000) }),
  z.object({ action: z.literal('DECIDE'), on: isoDate, decisionNumber: text(100) }),
  z.object({ action: z.literal('DROP'), on: isoDate, note: text(2000) }),
  z.object({
    action: z.literal('NOTIFY'),
    on: isoDate,
    receivedOn: isoDate.optional().describe('Day the NGO received it (default: sent day)'),
  }),
  z.object({ action: z.literal('REPORT_REMEDY'), on: isoDate, report: text(8000) }),
  z.object({ action: z.literal('REINSTATE'), on: isoDate, decisionNumber: text(100), note: z.string().trim().max(2000).optional() }),
  z.object({ action: z.literal('ESCALATE'), on: isoDate, note: text(2000) }),
  z.object({ action: z.literal('RECOVER'), on: isoDate }),
  z.object({
    action: z.literal('SETTLE'),
    on: isoDate,
    settlement: z.object({ premises: text(2000), staff: text(2000), assets: text(2000), finances: text(2000) }),
  }),
]);
export type SanctionActionBody = z.infer<typeof sanctionActionBody>;

export const sanctionsQuery = z.object({
  organisationId: z.string().uuid().optional(),
  open: z.enum(['true', 'false']).optional(),
  asOf: isoDate.optional(),
});

const clockView = z.object({
  days: z.number(),
  unit: z.enum(['WORKING', 'CALENDAR']),
  startedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  remainingDays: z.number(),
  overdueDays: z.number(),
  state: z.enum(['NOT_STARTED', 'RUNNING', 'PAUSED', 'DONE']),
  finishedOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
});

export const sanctionView = z.object({
  id: z.string(),
  code: z.string(),
  procedureCode: z.enum(['SUSPENSION', 'FORCED_TERMINATION']),
  procedureVersionId: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  certificateId: z.string(),
  certificateNumber: z.string(),
  status: z.enum(['CONSULTING', 'NOTICE_PENDING', 'REMEDY', 'RECOVERY', 'SETTLEMENT', 'CLOSED']),
  outcome: z.enum(['DROPPED', 'REINSTATED', 'ESCALATED', 'SETTLED']).nullable(),
  legalGround: z.string(),
  grounds: z.string(),
  evidence: z.array(z.object({ title: z.string(), reference: z.string().nullish(), date: z.string().nullish() })),
  proposedOn: z.string(),
  proposedByAgencyId: z.string().nullable(),
  meetingHeldOn: z.string().nullable(),
  meetingMinutes: z.string().nullable(),
  meetingRequired: z.boolean().describe('The opinions given differ: the decision waits for a recorded meeting'),
  decidedOn: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  noticeSentOn: z.string().nullable(),
  noticeReceivedOn: z.string().nullable(),
  remedyReportedOn: z.string().nullable(),
  remedyReport: z.string().nullable(),
  recoveredOn: z.string().nullable(),
  settledOn: z.string().nullable(),
  settlement: z.object({ premises: z.string(), staff: z.string(), assets: z.string(), finances: z.string() }).nullable(),
  closedOn: z.string().nullable(),
  closingNote: z.string().nullable(),
  escalatedFromId: z.string().nullable(),
  escalatedToId: z.string().nullable(),
  opinions: z.array(
    z.object({
      agencyId: z.string(),
      agencyNameVi: z.string(),
      agencyNameEn: z.string(),
      basis: z.string(),
      opinion: z.enum(['AGREE', 'DISAGREE']).nullable(),
      answer: z.string().nullable(),
      answeredOn: z.string().nullable(),
      clock: clockView,
    }),
  ),
  steps: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      role: z.string(),
      legalRef: z.string(),
      clock: clockView.nullable(),
    }),
  ),
  events: z.array(
    z.object({
      onDate: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actor: z.string(),
      note: z.string().nullable(),
    }),
  ),
  actions: z.array(z.string()).describe('What the caller may do now'),
  canAnswer: z.boolean().describe('The caller’s agency has an opinion to give'),
  version: z.number(),
});
export type SanctionView = z.infer<typeof sanctionView>;

export const sanctionListView = z.object({
  items: z.array(
    sanctionView
      .pick({
        id: true,
        code: true,
        procedureCode: true,
        organisationId: true,
        organisationName: true,
        certificateNumber: true,
        status: true,
        outcome: true,
        legalGround: true,
        proposedOn: true,
      })
      .extend({ nextDue: z.string().nullable().describe('The earliest due date of a running step') }),
  ),
});
