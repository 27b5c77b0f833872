import { compareIsoDates } from '@domain/calendar';

/**
 * The National Programme's coordination (issue 15 §5-6), as pure rules: the kinds of meetings, when a follow-up
 * task is late, and the life of an award (nominated → decided or declined).
 * @module
 */

/** Annual giao ban, the international conference, an appraisal meeting when opinions differ, or another meeting. */
export const meetingKinds = ['GIAO_BAN', 'INTERNATIONAL_CONFERENCE', 'APPRAISAL', 'OTHER'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const taskStatuses = ['OPEN', 'DONE'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/**
 * A follow-up task is late when it is still open after its due date (Vietnam dates; due today is not late yet).
 * A task done after its due date is not shown as late: it is done.
 */
export function isTaskLate(task: { status: TaskStatus; dueDate: string }, today: string): boolean {
  return task.status === 'OPEN' && compareIsoDates(task.dueDate, today) < 0;
}

/**
 * Why a task cannot be marked done on `doneOn`, or null when it can: not in the future (Vietnam today), not before
 * the meeting that set it.
 */
export function doneDateProblem(doneOn: string, meetingDate: string, today: string): 'in_future' | 'before_meeting' | null {
  if (compareIsoDates(doneOn, today) > 0) return 'in_future';
  if (compareIsoDates(doneOn, meetingDate) < 0) return 'before_meeting';
  return null;
}

/** Bằng khen, Huân chương, Kỷ niệm chương "Vì hòa bình hữu nghị giữa các dân tộc", or another distinction. */
export const awardKinds = ['CERTIFICATE_OF_MERIT', 'ORDER', 'PEACE_FRIENDSHIP_MEDAL', 'OTHER'] as const;
export type AwardKind = (typeof awardKinds)[number];

export const awardStatuses = ['NOMINATED', 'DECIDED', 'DECLINED'] as const;
export type AwardStatus = (typeof awardStatuses)[number];

export const nomineeKinds = ['ORGANISATION', 'INDIVIDUAL'] as const;
export type NomineeKind = (typeof nomineeKinds)[number];

/** Only a nomination still waiting can be decided or declined; a decided or declined award is final. */
export const isAwardOpen = (status: AwardStatus): boolean => status === 'NOMINATED';

/**
 * Why a decision date cannot be recorded, or null: it is not in the future and not before the nomination.
 */
export function decisionDateProblem(decisionDate: string, nominatedOn: string, today: string): 'in_future' | 'before_nomination' | null {
  if (compareIsoDates(decisionDate, today) > 0) return 'in_future';
  if (compareIsoDates(decisionDate, nominatedOn) < 0) return 'before_nomination';
  return null;
}
