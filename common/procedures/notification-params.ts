/**
 * A notification's stored parameters as its reader sees them, shared by the reminder e-mails (server) and the inbox
 * screen, which fill the same catalogue template (`inbox.kinds.<kind>` in common/i18n/<lang>/procedures.json).
 */
import { formatDate } from '../format/date';
import type { Language } from '../i18n/languages';

export type NotificationParams = Record<string, string | number | null>;

/** The word for a count of days, by the limit's unit; reminders stored before the unit was kept counted working days. */
const DAY_UNIT = {
  vi: { WORKING: 'ngày làm việc', CALENDAR: 'ngày' },
  en: { WORKING: 'working days', CALENDAR: 'days' },
} as const;

/**
 * Reminders carry the step's names (those stored before, only its code): the step in the reader's language, the
 * due date as dd/mm/yyyy, and `dayUnit`, the word for their count of days ("ngày làm việc" only when the step's
 * limit runs in working days).
 */
export function readerParams(params: NotificationParams, lang: Language): NotificationParams {
  const step = (lang === 'en' ? params.stepNameEn : params.stepNameVi) ?? params.step ?? null;
  const dayUnit = DAY_UNIT[lang][params.unit === 'CALENDAR' ? 'CALENDAR' : 'WORKING'];
  return { ...params, step, dayUnit, ...(params.dueDate ? { dueDate: formatDate(String(params.dueDate)) } : {}) };
}
