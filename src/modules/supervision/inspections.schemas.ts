import { z } from 'zod';
import { actionStatuses, inspectionKinds } from '@domain/supervision/inspections';
import { pageQuery } from '@http/pagination';
import { isoDate } from '@http/primitives';

/** Request and response schemas of inspection plans and inspections (issue 14 §3). */
const text = (max: number) => z.string().trim().max(max);
const agencyId = z.string().trim().min(1).max(40);
const provinceId = z.string().trim().min(1).max(40);

export const idParams = z.object({ id: z.string().uuid() });
export const actionParams = z.object({ id: z.string().uuid(), actionId: z.string().uuid() });
export const documentParams = z.object({ id: z.string().uuid(), documentId: z.string().uuid() });

const named = z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string() });
const organisationRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

// ---- plans ----

export const planEntryInput = z.object({
  organisationId: z.string().uuid(),
  kind: z.enum(inspectionKinds),
  provinceIds: z.array(provinceId).min(1).max(40).describe('provinces visited (current or former unit ids)'),
  leadAgencyId: agencyId.optional().describe("default: the caller's agency (a province: its People's Committee)"),
  agencyIds: z.array(agencyId).max(50).default([]).describe('participating agencies'),
  plannedFrom: isoDate,
  plannedTo: isoDate,
  note: text(2000).nullable().optional(),
});
export type PlanEntryInput = z.infer<typeof planEntryInput>;

const planFields = {
  year: z.number().int().min(2000).max(2100),
  title: text(300).min(1),
  entries: z.array(planEntryInput).max(300).default([]),
};
export const createPlanBody = z.object(planFields);
export type CreatePlanBody = z.infer<typeof createPlanBody>;
export const updatePlanBody = z.object({ version: z.number().int().min(1), ...planFields });
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

export const plansQuery = pageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export type PlansQuery = z.infer<typeof plansQuery>;

export const planListItem = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  ownerAgency: named.nullable(),
  entries: z.number().int(),
  synthetic: z.boolean(),
});
export type PlanListItem = z.infer<typeof planListItem>;

export const planEntryView = z.object({
  id: z.string(),
  organisation: organisationRef,
  kind: z.enum(inspectionKinds),
  provinceIds: z.array(z.string()),
  leadAgency: named,
  agencies: z.array(named),
  plannedFrom: z.string(),
  plannedTo: z.string(),
  note: z.string().nullable(),
  inspectionId: z.string().nullable().describe('the inspection recorded for this entry, if any'),
});
export const planDetail = planListItem.extend({ entryList: z.array(planEntryView), canEdit: z.boolean(), version: z.number().int() });
export type PlanDetail = z.infer<typeof planDetail>;

// ---- inspections ----

const inspectionFields = {
  organisationId: z.string().uuid(),
  kind: z.enum(inspectionKinds),
  leadAgencyId: agencyId.optional().describe("default: the caller's agency"),
  agencyIds: z.array(agencyId).max(50).default([]),
  provinceIds: z.array(provinceId).min(1).max(40),
  team: z.array(text(300).min(1)).max(100).default([]).describe('members, as written: name – agency'),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  scope: text(5000).nullable().optional(),
};
export const createInspectionBody = z.object({ planEntryId: z.string().uuid().nullable().optional(), ...inspectionFields });
export type CreateInspectionBody = z.infer<typeof createInspectionBody>;
export const updateInspectionBody = z.object({ version: z.number().int().min(1), ...inspectionFields });
export type UpdateInspectionBody = z.infer<typeof updateInspectionBody>;

export const inspectionsQuery = pageQuery.extend({
  organisationId: z.string().uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('inspections started that year'),
  state: z.enum(['open', 'closed', 'overdue']).optional().describe('overdue: open with a follow-up action past its due date'),
});
export type InspectionsQuery = z.infer<typeof inspectionsQuery>;

export const findingInput = z.object({ description: text(5000).min(1), recommendation: text(5000).nullable().optional() });
export type FindingInput = z.infer<typeof findingInput>;

export const actionInput = z.object({
  description: text(2000).min(1),
  ownerAgencyId: agencyId,
  dueDate: isoDate.describe('Vietnam date YYYY-MM-DD'),
  findingId: z.string().uuid().nullable().optional(),
});
export type ActionInput = z.infer<typeof actionInput>;

export const actionStatusBody = z.object({
  version: z.number().int().min(1),
  status: z.enum(actionStatuses),
  doneOn: isoDate.optional().describe('DONE only: the Vietnam date it was done (default today)'),
});
export type ActionStatusBody = z.infer<typeof actionStatusBody>;

export const closeBody = z.object({
  version: z.number().int().min(1),
  closedOn: isoDate.optional().describe('default today (Vietnam)'),
  summary: text(10000).min(1),
});
export type CloseBody = z.infer<typeof closeBody>;

export const inspectionListItem = z.object({
  id: z.string(),
  organisation: organisationRef,
  kind: z.enum(inspectionKinds),
  leadAgency: named,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  findings: z.number().int(),
  openActions: z.number().int(),
  overdueActions: z.number().int().describe('open after their due date (Vietnam today)'),
  synthetic: z.boolean(),
});
export type InspectionListItem = z.infer<typeof inspectionListItem>;

export const findingView = z.object({
  id: z.string(),
  description: z.string(),
  recommendation: z.string().nullable(),
  createdAt: z.string(),
});
export const actionView = z.object({
  id: z.string(),
  findingId: z.string().nullable(),
  description: z.string(),
  ownerAgency: named,
  dueDate: z.string(),
  status: z.enum(actionStatuses),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  canChangeStatus: z.boolean(),
  version: z.number().int(),
});
export const documentView = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type InspectionDocumentView = z.infer<typeof documentView>;

export const inspectionDetail = inspectionListItem.extend({
  planEntryId: z.string().nullable(),
  agencies: z.array(named),
  provinceIds: z.array(z.string()),
  team: z.array(z.string()),
  scope: z.string().nullable(),
  closureSummary: z.string().nullable(),
  findingList: z.array(findingView),
  actions: z.array(actionView),
  documents: z.array(documentView),
  canEdit: z.boolean().describe('the caller leads it (or is central) and it is not closed'),
  sanctionUrl: z.string().nullable().describe('the screen where a sanction procedure against the NGO is proposed'),
  version: z.number().int(),
});
export type InspectionDetail = z.infer<typeof inspectionDetail>;

/** A finding as shown on the NGO's record (compliance view). */
export const organisationFindingView = findingView.extend({
  inspectionId: z.string(),
  kind: z.enum(inspectionKinds),
  startsOn: z.string(),
  closedOn: z.string().nullable(),
  leadAgency: named,
  openActions: z.number().int(),
});
export const organisationFindingsView = z.object({ items: z.array(organisationFindingView), sanctionUrl: z.string().nullable() });
