import { z } from 'zod';
import { DOSSIER_ACTIONS, DOSSIER_PROCEDURE_CODES, DOSSIER_STATUSES } from '@domain/procedures';
import { pageQuery } from '@http/pagination';
import { aidModalities } from '@modules/aid/aid-items.schemas';
import { isoDate } from '@modules/calendar/calendar.schemas';
import { aidDecisionContentBody } from './aid-approval-decision.schemas';

export const procedureCode = z.enum(DOSSIER_PROCEDURE_CODES as unknown as [string, ...string[]]);
export const dossierStatus = z.enum(DOSSIER_STATUSES as unknown as [string, ...string[]]);

const ids = z.array(z.string().trim().min(1).max(60)).max(80);

export const applicationBody = z.object({
  provinceIds: ids.optional(),
  sectorCodes: ids.optional(),
  officeProvinceId: z.string().max(60).nullable().optional(),
  requestedValidUntil: isoDate.nullable().optional(),
  changes: z
    .object({
      provinceIds: ids.optional(),
      sectorCodes: ids.optional(),
      officeProvinceId: z.string().max(60).nullable().optional(),
      other: z.string().max(2000).optional(),
    })
    .optional(),
  reissueReason: z.enum(['LOST', 'DAMAGED']).optional(),
  cessationDate: isoDate.nullable().optional(),
  aidApprovingAgencyIds: ids.optional(),
  governingAgencyId: z.string().max(60).optional(),
  approvalLevel: z.enum(['PM', 'CENTRAL', 'LOCAL', 'RELIEF_RECOVERY']).optional(),
  aidProvinceId: z
    .string()
    .regex(/^new34:\d{2}$/)
    .nullable()
    .optional()
    .describe('aid approval at LOCAL level: the current province whose Department of Finance appraises it'),
  donorIsFngo: z.boolean().optional(),
  aid: z
    .object({
      itemId: z.string().uuid().optional().describe('an existing draft (PIPELINE) aid item of the organisation'),
      titleVi: z.string().trim().min(3).max(500).optional(),
      titleEn: z.string().trim().max(500).optional(),
      modality: z.enum(aidModalities).optional(),
      plannedStart: isoDate.optional(),
      plannedEnd: isoDate.optional(),
    })
    .optional()
    .describe('aid approval: the item to approve (a draft, or the title and modality of a new one)'),
  summary: z.string().max(4000).optional(),
});
export type ApplicationBody = z.infer<typeof applicationBody>;

export const createDossierBody = z.object({
  procedureCode: procedureCode,
  certificateId: z.string().uuid().optional(),
  /** Aid approval filed by an aid owner: the donor organisation (an NGO's own dossiers are for its organisation). */
  organisationId: z.string().uuid().optional(),
  application: applicationBody.default({}),
});
export type CreateDossierBody = z.infer<typeof createDossierBody>;

export const updateDraftBody = z.object({
  version: z.number().int(),
  certificateId: z.string().uuid().nullable().optional(),
  application: applicationBody,
});

export const listDossiersQuery = pageQuery.extend({
  status: dossierStatus.optional(),
  procedureCode: procedureCode.optional(),
  q: z.string().trim().max(100).optional(),
  /** open = not delivered or withdrawn; overdue = open and past a due date. */
  view: z.enum(['all', 'open', 'overdue']).default('all'),
});
export type ListDossiersQuery = z.infer<typeof listDossiersQuery>;

const version = z.number().int();
const note = z.string().trim().max(4000).optional();
const decisionNumber = z.string().trim().min(1).max(100);

/** One body per action of the dossier state machine. */
export const actionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('SUBMIT'), version }),
  z.object({
    action: z.literal('REQUEST_SUPPLEMENT'),
    version,
    message: z.string().trim().min(1).max(4000),
    documentCodes: z.array(z.string().max(60)).max(40).default([]),
  }),
  z.object({ action: z.literal('SUPPLEMENT'), version, note }),
  z.object({ action: z.literal('ACCEPT'), version, note }),
  z.object({ action: z.literal('RESUME'), version, note }),
  z.object({
    action: z.literal('START_CONSULTATION'),
    version,
    agencyIds: z.array(z.string().max(60)).max(80).optional(),
    concerned: z.array(z.string().max(60)).max(20).optional(),
    note,
  }),
  z.object({ action: z.literal('FORWARD_TO_MOFA'), version, note }),
  z.object({ action: z.literal('START_APPRAISAL'), version, note }),
  z.object({
    action: z.literal('APPROVE'),
    version,
    decisionNumber,
    decisionDate: isoDate,
    validUntil: isoDate.optional(),
    note,
    content: aidDecisionContentBody.optional(),
  }),
  z.object({ action: z.literal('REJECT'), version, decisionNumber, decisionDate: isoDate, reason: z.string().trim().min(1).max(4000) }),
  z.object({ action: z.literal('DELIVER'), version, note }),
  z.object({ action: z.literal('WITHDRAW'), version, note }),
]);
export type ActionBody = z.infer<typeof actionBody>;

/** An agency's written opinion: its position, its text and the official letter carrying it (number and date). */
export const answerBody = z.object({
  version,
  opinion: z.enum(['AGREE', 'AGREE_WITH_CONDITIONS', 'DISAGREE']),
  answer: z.string().trim().min(1).max(8000),
  letterNumber: z.string().trim().min(1).max(100),
  letterDate: isoDate,
});
export type AnswerBody = z.infer<typeof answerBody>;

/** The handling officer records an opinion that came on paper: the same content as an answer in the app. */
export const paperOpinionBody = answerBody;

/** The handling officer records that the agency did not answer within its working days (D58 lets the case go on). */
export const silenceBody = z.object({ version, note });

export const listConsultationsQuery = pageQuery.extend({ status: z.enum(['PENDING', 'ANSWERED', 'SILENT', 'CANCELLED']).optional() });

const clockView = z.object({
  days: z.number().int(),
  unit: z.enum(['WORKING', 'CALENDAR']),
  startedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  elapsedDays: z.number().int(),
  remainingDays: z.number().int(),
  overdueDays: z.number().int(),
  paused: z.boolean(),
  state: z.enum(['NOT_STARTED', 'RUNNING', 'PAUSED', 'DONE']),
  finishedOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
});

const named = { nameVi: z.string(), nameEn: z.string() };

export const dossierListItem = z.object({
  id: z.string(),
  code: z.string().nullable(),
  organisationId: z.string(),
  organisationName: z.string(),
  procedureCode: z.string(),
  procedure: z.object(named),
  status: z.string(),
  clockState: z.string(),
  submittedOn: z.string().nullable(),
  overall: clockView.nullable(),
  currentStep: z.object({ code: z.string(), ...named, role: z.string(), clock: clockView }).nullable(),
  version: z.number().int(),
});

const consultationView = z.object({
  id: z.string(),
  agencyId: z.string(),
  agency: z.object(named),
  namedAgencyId: z.string().nullable(),
  basis: z.string(),
  status: z.string(),
  requestedOn: z.string(),
  opinion: z.string().nullable(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  channel: z.enum(['APP', 'PAPER', 'SILENCE']).nullable(),
  letterNumber: z.string().nullable(),
  letterDate: z.string().nullable(),
  letter: z.object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number() }).nullable(),
  clock: clockView,
  canAnswer: z.boolean(),
  /** The handling officer may record an opinion received on paper. */
  canRecord: z.boolean(),
  /** The working days ran out unanswered: the officer may record the silence and go on. */
  silenceAllowed: z.boolean(),
  version: z.number().int(),
});

export const dossierDetail = dossierListItem.extend({
  procedure: z.object({
    ...named,
    versionId: z.string(),
    legalDocument: z.string(),
    legalRefs: z.array(z.string()),
    provisional: z.boolean(),
    copies: z.number().int(),
  }),
  certificateId: z.string().nullable(),
  certificate: z.object({ id: z.string(), number: z.string(), type: z.string(), validUntil: z.string() }).nullable(),
  application: z.record(z.string(), z.unknown()),
  dates: z.record(z.string(), z.string().nullable()),
  decision: z.record(z.string(), z.unknown()).nullable(),
  resultCertificate: z.object({ id: z.string(), number: z.string(), type: z.string(), validUntil: z.string() }).nullable(),
  /** Aid approval: the aid registry item (GET /api/aid/:id). */
  aidItemId: z.string().nullable(),
  /** Aid approval: the body its approval level routes it to (MOF, the governing agency, the province's Department of Finance). */
  handlingAgencyId: z.string().nullable(),
  steps: z.array(
    z.object({
      code: z.string(),
      ...named,
      role: z.string(),
      legalRef: z.string(),
      clock: clockView.nullable(),
      /** The day the step was done (the submission step: the day the dossier was filed). */
      doneOn: z.string().nullable(),
    }),
  ),
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable(), reason: z.string() })),
  checklist: z.array(
    z.object({
      code: z.string(),
      ...named,
      required: z.boolean(),
      oneOf: z.string().nullable(),
      conditionVi: z.string().nullable(),
      conditionEn: z.string().nullable(),
      documentId: z.string().nullable(),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      documentCode: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      uploadedAt: z.string(),
      superseded: z.boolean(),
      supplementRequestId: z.string().nullable(),
    }),
  ),
  supplements: z.array(
    z.object({
      id: z.string(),
      message: z.string(),
      documentCodes: z.array(z.string()),
      duringClock: z.boolean(),
      requestedOn: z.string(),
      answeredOn: z.string().nullable(),
      answerNote: z.string().nullable(),
    }),
  ),
  consultations: z.array(consultationView),
  timeline: z.array(
    z.object({
      at: z.string(),
      onDate: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actor: z.string(),
      note: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  myRoles: z.array(z.string()),
  /** The actions the caller can take now (the state machine allows them and their checks pass). */
  allowedActions: z.array(z.enum(DOSSIER_ACTIONS as unknown as [string, ...string[]])),
  /** Every action the state machine allows the caller, with the error code that would refuse it now (null: none). */
  actionChecks: z.array(
    z.object({
      action: z.enum(DOSSIER_ACTIONS as unknown as [string, ...string[]]),
      available: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
});
export type DossierDetail = z.infer<typeof dossierDetail>;

export const consultationListItem = consultationView.extend({
  dossierId: z.string(),
  dossierCode: z.string().nullable(),
  organisationName: z.string(),
  procedureCode: z.string(),
});

export const planView = z.object({
  planned: z.array(z.object({ agencyId: z.string(), ...named, namedAgencyId: z.string().nullable(), basis: z.string() })),
  unresolved: z.array(z.string()),
});
