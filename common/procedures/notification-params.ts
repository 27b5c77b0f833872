/**
 * A notification's stored parameters as its reader sees them, shared by the reminder e-mails (server) and the inbox
 * screen, which fill the same catalogue template (`inbox.kinds.<kind>` in common/i18n/<lang>/procedures.json).
 */
import { formatDate } from '../format/date';
import type { Language } from '../i18n/languages';

export type NotificationParams = Record<string, string | number | null>;

/**
 * Reminders carry the step's names (those stored before, only its code): the step in the reader's language, and
 * the due date as dd/mm/yyyy.
 */
export function readerParams(params: NotificationParams, lang: Language): NotificationParams {
  const step = (lang === 'en' ? params.stepNameEn : params.stepNameVi) ?? params.step ?? null;
  return { ...params, step, ...(params.dueDate ? { dueDate: formatDate(String(params.dueDate)) } : {}) };
}
