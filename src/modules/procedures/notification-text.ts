import en from '@common/i18n/en/procedures.json';
import vi from '@common/i18n/vi/procedures.json';
import { formatDate } from '@common/format/date';
import { interpolate, type Language } from '@common/i18n/languages';

/** The one-line text of a notification in `lang`, from the same catalogue the inbox screen uses. */
export function renderNotification(kind: string, params: Record<string, string | number | null>, lang: Language): string {
  const kinds = (lang === 'en' ? en : vi).inbox.kinds as Record<string, string>;
  const template = kinds[kind] ?? kind;
  // Reminders carry the step's names (older ones only its code): the reader's language first.
  const step = (lang === 'en' ? params.stepNameEn : params.stepNameVi) ?? params.step;
  return interpolate(
    template,
    Object.fromEntries(
      Object.entries({ ...params, step, ...(params.dueDate ? { dueDate: formatDate(String(params.dueDate)) } : {}) }).map(([k, v]) => [
        k,
        v ?? '',
      ]),
    ),
  );
}
