import { z } from 'zod';
import { meetingKinds, taskStatuses } from '@domain/programme/coordination';
import { pageQuery } from '@http/pagination';
import { isoDate } from '@http/primitives';

/** Request and response schemas of the coordination meetings (issue 15 §5). */
const text = (max: number) => z.string().trim().max(max);
const agencyId = z.string().trim().min(1).max(40);

export const meetingIdParams = z.object({ id: z.string().uuid() });
export const taskParams = z.object({ id: z.string().uuid(), taskId: z.string().uuid() });
export const documentParams = z.object({ id: z.string().uuid(), documentId: z.string().uuid() });

export const meetingsQuery = pageQuery.extend({
  kind: z.enum(meetingKinds).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('meetings held that year'),
  lateOnly: z.enum(['true', 'false']).optional().describe('true: only meetings with a follow-up task open after its due date'),
});
export type MeetingsQuery = z.infer<typeof meetingsQuery>;

export const publicMeetingsQuery = pageQuery;

export const taskInput = z.object({
  description: text(2000).min(1),
  ownerAgencyId: agencyId,
  dueDate: isoDate.describe('Vietnam date YYYY-MM-DD'),
});
export type TaskInput = z.infer<typeof taskInput>;

const meetingFields = {
  kind: z.enum(meetingKinds),
  titleVi: text(500).min(1),
  titleEn: text(500).nullable().optional(),
  meetingDate: isoDate.describe('Vietnam date YYYY-MM-DD'),
  place: text(300).nullable().optional(),
  agencyIds: z.array(agencyId).max(200).default([]).describe('participating agencies (registry ids)'),
  organisationIds: z.array(z.string().uuid()).max(500).default([]).describe('participating NGOs (registry ids)'),
  guests: z.array(text(200).min(1)).max(200).default([]).describe('other participants, as written'),
  conclusions: text(20000).nullable().optional(),
  isPublic: z.boolean().default(false).describe('visitors then see the title, date and conclusions'),
};

export const createMeetingBody = z.object({ ...meetingFields, tasks: z.array(taskInput).max(100).default([]) });
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;

export const updateMeetingBody = z.object({ version: z.number().int().min(1), ...meetingFields });
export type UpdateMeetingBody = z.infer<typeof updateMeetingBody>;

export const updateTaskBody = taskInput.extend({ version: z.number().int().min(1) });
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;

export const taskStatusBody = z.object({
  version: z.number().int().min(1),
  status: z.enum(taskStatuses),
  doneOn: isoDate.optional().describe('DONE only: the Vietnam date it was done (default today)'),
});
export type TaskStatusBody = z.infer<typeof taskStatusBody>;

const named = z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string() });

export const meetingListItem = z.object({
  id: z.string(),
  kind: z.enum(meetingKinds),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  meetingDate: z.string(),
  place: z.string().nullable(),
  isPublic: z.boolean(),
  openTasks: z.number().int(),
  lateTasks: z.number().int().describe('open after their due date (Vietnam today)'),
  synthetic: z.boolean(),
});
export type MeetingListItem = z.infer<typeof meetingListItem>;

export const taskView = z.object({
  id: z.string(),
  description: z.string(),
  ownerAgency: named,
  dueDate: z.string(),
  status: z.enum(taskStatuses),
  doneOn: z.string().nullable(),
  late: z.boolean().describe('open after its due date (Vietnam today)'),
  canChangeStatus: z.boolean().describe('the caller is central or the owning agency'),
  version: z.number().int(),
});
export type TaskView = z.infer<typeof taskView>;

export const meetingDocumentView = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type MeetingDocumentView = z.infer<typeof meetingDocumentView>;

export const meetingDetail = meetingListItem.extend({
  agencies: z.array(named),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), nameVi: z.string().nullable(), nameEn: z.string().nullable() })),
  guests: z.array(z.string()),
  conclusions: z.string().nullable(),
  documents: z.array(meetingDocumentView),
  tasks: z.array(taskView),
  canEdit: z.boolean(),
  version: z.number().int(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

/** What a visitor sees of a public meeting: title, date and conclusions only. */
export const publicMeetingItem = z.object({
  id: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  meetingDate: z.string(),
  conclusions: z.string().nullable(),
  synthetic: z.boolean(),
});
export type PublicMeetingItem = z.infer<typeof publicMeetingItem>;
