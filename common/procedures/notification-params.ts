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
  // Texts stored in both languages as `<name>Vi` / `<name>En` (Art. 25 notices) are read as `<name>`.
  const suffix = lang === 'en' ? 'En' : 'Vi';
  const localised = Object.fromEntries(
    Object.entries(params)
      .filter(([key]) => key.length > 2 && key.endsWith(suffix))
      .map(([key, value]) => [key.slice(0, -2), value]),
  );
  const dates = Object.fromEntries(
    (['dueDate', 'validFrom', 'validUntil', 'effectiveDate'] as const)
      .filter((k) => params[k])
      .map((k) => [k, formatDate(String(params[k]))]),
  );
  return { ...params, ...localised, step, dayUnit, ...dates };
}
