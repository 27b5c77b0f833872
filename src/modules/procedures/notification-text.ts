import en from '@common/i18n/en/procedures.json';
import vi from '@common/i18n/vi/procedures.json';
import { readerParams, type NotificationParams } from '@common/procedures/notification-params';
import { interpolate, type Language } from '@common/i18n/languages';

/** The one-line text of a notification in `lang`, from the same catalogue the inbox screen uses. */
export function renderNotification(kind: string, params: NotificationParams, lang: Language): string {
  const kinds = (lang === 'en' ? en : vi).inbox.kinds as Record<string, string>;
  const template = kinds[kind] ?? kind;
  return interpolate(template, Object.fromEntries(Object.entries(readerParams(params, lang)).map(([k, v]) => [k, v ?? ''])));
}
